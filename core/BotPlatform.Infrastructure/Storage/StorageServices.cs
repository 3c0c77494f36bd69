using BotPlatform.Core.Analytics.Projection;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Finance.Registers;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Infrastructure.Storage;

public static class StorageServices
{
    /// <summary>The embedded default store: one LiteDB file under the data folder.</summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services
            .AddSingleton<LiteDbContext>()
            .AddSingleton<OutboxSignal>()
            .AddSingleton<IPeopleStore, PeopleStore>()
            .AddSingleton<IInviteStore, InviteStore>()
            .AddSingleton<IInboxStore, InboxStore>()
            .AddSingleton<IOutboxStore, OutboxStore>()
            .AddSingleton<IChatStore, ChatStore>()
            .AddSingleton<IConversationStore, ConversationStore>()
            .AddSingleton<IAuditLog, AuditLog>()
            .AddSingleton<IFileStore, LiteDbFileStore>()
            .AddSingleton<IUnitOfWork, LiteDbUnitOfWork>()
            .AddSingleton<ISequenceStore, SequenceStore>()
            .AddSingleton<ApprovalStore>()
            // With the core's analytics (the hosts), every save also keeps the analytics rows; a bare storage container has none.
            .AddSingleton<IApprovalStore>(sp => sp.GetService<AnalyticsProjection>() is { } projection
                ? new ProjectingApprovalStore(sp.GetRequiredService<ApprovalStore>(), sp.GetRequiredService<IAnalyticsStore>(), projection)
                : sp.GetRequiredService<ApprovalStore>())
            .AddSingleton<ITemplateStore, TemplateStore>()
            .AddSingleton<DocumentStore>()
            .AddSingleton<IDocumentStore>(sp => sp.GetService<AnalyticsProjection>() is { } projection
                ? new ProjectingDocumentStore(sp.GetRequiredService<DocumentStore>(), sp.GetRequiredService<IAnalyticsStore>(), projection)
                : sp.GetRequiredService<DocumentStore>())
            .AddSingleton<IPrintJobStore, PrintJobStore>()
            .AddSingleton<IClientStore, ClientStore>()
            .AddSingleton<IDealStore, DealStore>()
            .AddSingleton<IPaymentRegisterStore, PaymentRegisterStore>()
            .AddSingleton<IAnalyticsStore, AnalyticsStore>();
    }
}
