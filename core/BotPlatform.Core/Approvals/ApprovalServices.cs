using BotPlatform.Core.People;
using BotPlatform.Core.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Core.Approvals;

public static class ApprovalServices
{
    public static IServiceCollection AddApprovals(this IServiceCollection services) => services
        .AddSingleton<ApprovalCards>()
        .AddSingleton<StepRouter>()
        .AddSingleton<ApprovalEngine>()
        .AddSingleton<ApprovalQueries>()
        .AddSingleton<ITimerSource, ApprovalTimers>()
        .AddSingleton<IAbsenceObserver, ApprovalAbsences>()
        .AddSingleton<BotPlatform.Core.People.Administration.ILeaverObserver, ApprovalLeavers>();
}
