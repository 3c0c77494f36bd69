using BotPlatform.Bot.Routing;

namespace BotPlatform.Bot.Analytics;

public static class AnalyticsHandlers
{
    public static IServiceCollection AddAnalyticsHandlers(this IServiceCollection services) => services
        .AddScoped<ICommandHandler, RouteCommand>()
        .AddScoped<ICallbackHandler, RouteCallback>()
        .AddScoped<ICommandHandler, StatsCommand>();
}
