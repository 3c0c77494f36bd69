using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotPlatform.Core.Briefs;

public static class BriefsServices
{
    /// <summary>Google Forms is registered by the infrastructure when credentials are configured; without it, briefs run in Telegram.</summary>
    public static IServiceCollection AddBriefs(this IServiceCollection services)
    {
        services.TryAddSingleton<IBriefForms, NoBriefForms>();
        return services
            .AddSingleton<BriefDesk>()
            .AddSingleton<Timers.ITimerSource, BriefTimers>();
    }
}
