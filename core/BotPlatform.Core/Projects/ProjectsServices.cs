using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Core.Projects;

public static class ProjectsServices
{
    public static IServiceCollection AddProjects(this IServiceCollection services) => services
        .AddSingleton<ProjectDesk>()
        .AddSingleton<ProjectGroups>()
        .AddSingleton<ProjectWork>()
        .AddSingleton<TimeDesk>()
        .AddSingleton<ITimeLedger, TimeLedger>()
        .AddSingleton<Timers.ITimerSource, ProjectTimers>()
        .AddSingleton<Billing.Nudges.PaymentNudges>()
        .AddSingleton<Timers.ITimerSource>(s => s.GetRequiredService<Billing.Nudges.PaymentNudges>())
        .AddSingleton<People.Administration.ILeaverObserver, ProjectLeavers>()
        .AddSingleton<Messaging.IChatMigrationObserver>(s => s.GetRequiredService<ProjectGroups>());
}
