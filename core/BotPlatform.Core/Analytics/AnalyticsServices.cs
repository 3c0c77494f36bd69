using BotPlatform.Core.Analytics.RouteSheets;
using BotPlatform.Core.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Core.Analytics;

public static class AnalyticsServices
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services) => services
        .AddSingleton<RouteSheets.RouteSheets>()
        .AddSingleton<Projection.AnalyticsProjection>()
        .AddSingleton<Projection.BucketBackfill>()
        .AddSingleton<Stats.StatsService>()
        .AddSingleton<Digest.WeeklyDigest>()
        .AddSingleton<ITimerSource>(sp => sp.GetRequiredService<Digest.WeeklyDigest>());
}
