using BotPlatform.Core.Analytics;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Mail;
using BotPlatform.Core.Finance;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;
using BotPlatform.Core.Projects.Archive;
using BotPlatform.Core.Briefs;
using BotPlatform.Core.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotPlatform.Core;

public static class CoreServices
{
    /// <summary>The domain services of every feature; storage and hosts are added by their own projects.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TimerSweep>();
        services.AddSingleton<Messaging.Retention>();
        return services.AddPeople().AddApprovals().AddDocumentTemplates().AddDocuments().AddDocumentRegistry().AddProjects().AddGroupArchive().AddBriefs().AddMail().AddFinance().AddAnalytics();
    }
}
