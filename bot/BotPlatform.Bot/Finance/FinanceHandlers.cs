using BotPlatform.Bot.Routing;

namespace BotPlatform.Bot.Finance;

public static class FinanceHandlers
{
    public static IServiceCollection AddFinanceHandlers(this IServiceCollection services) => services
        .AddScoped<ICommandHandler, RegisterCommand>();
}
