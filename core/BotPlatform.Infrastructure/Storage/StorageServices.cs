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
using BotPlatform.Core.Projects;
using BotPlatform.Infrastructure.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotPlatform.Infrastructure.Storage;

public static class StorageServices
{
    /// <summary>
    /// Every store on both engines; <c>Storage:Provider</c> picks one when a store is first resolved:
    /// <c>litedb</c> (the default: one file under the data folder) or <c>postgres</c>
    /// (<c>Storage:ConnectionString</c>). A store is registered by one <c>Store</c> line naming its
    /// LiteDB and its PostgreSQL implementation, so no store exists on one engine only.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services
            .AddSingleton<LiteDbContext>()
            .AddSingleton<PostgresDatabase>()
            .AddSingleton<OutboxSignal>()
            .Store<IPeopleStore, PeopleStore, PgPeopleStore>()
            .Store<IInviteStore, InviteStore, PgInviteStore>()
            .Store<IDepartmentStore, DepartmentStore, PgDepartmentStore>()
            .Store<IInboxStore, InboxStore, PgInboxStore>()
            .Store<IOutboxStore, OutboxStore, PgOutboxStore>()
            .Store<IChatStore, ChatStore, PgChatStore>()
            .Store<IConversationStore, ConversationStore, PgConversationStore>()
            .Store<IAuditLog, AuditLog, PgAuditLog>()
            .Store<IFileStore, LiteDbFileStore, PgFileStore>()
            .Store<IUnitOfWork, LiteDbUnitOfWork, PgUnitOfWork>()
            .Store<ISequenceStore, SequenceStore, PgSequenceStore>()
            // With the core's analytics (the hosts), every save of a request or a document also keeps its analytics rows.
            .Projected<IApprovalStore, ApprovalStore, PgApprovalStore>((inner, sp, projection) =>
                new ProjectingApprovalStore(inner, sp.GetRequiredService<IAnalyticsStore>(), projection, sp.GetRequiredService<IUnitOfWork>()))
            .Store<ITemplateStore, TemplateStore, PgTemplateStore>()
            .Projected<IDocumentStore, DocumentStore, PgDocumentStore>((inner, sp, projection) =>
                new ProjectingDocumentStore(inner, sp.GetRequiredService<IAnalyticsStore>(), projection, sp.GetRequiredService<IUnitOfWork>()))
            .Store<IPrintJobStore, PrintJobStore, PgPrintJobStore>()
            .Store<IClientStore, ClientStore, PgClientStore>()
            .Store<IDealStore, DealStore, PgDealStore>()
            .Store<IProjectStore, ProjectStore, PgProjectStore>()
            .Store<IProjectTaskStore, ProjectTaskStore, PgProjectTaskStore>()
            .Store<ITimeEntryStore, TimeEntryStore, PgTimeEntryStore>()
            .Store<BotPlatform.Core.Briefs.IBriefStore, BriefStore, PgBriefStore>()
            .Store<Core.Billing.IBillingReportStore, BillingReportStore, PgBillingReportStore>()
            .Store<Core.Billing.IReportClaimStore, ReportClaimStore, PgReportClaimStore>()
            .Store<IOutboxReferences, ApprovalOutboxReferences, PgApprovalOutboxReferences>()
            .Store<IOutboxReferences, ProjectOutboxReferences, PgProjectOutboxReferences>()
            .Store<Core.Projects.Archive.IGroupArchiveStore, GroupArchiveStore, PgGroupArchiveStore>()
            .Store<Core.Documents.Review.IDocumentReviewStore, DocumentReviewStore, PgDocumentReviewStore>()
            .Store<Core.Printing.Agents.IPrintAgentStore, PrintAgentStore, PgPrintAgentStore>()
            .Store<Core.Mail.IMailRegisterStore, MailRegisterStore, PgMailRegisterStore>()
            .Store<Core.Mail.IMailScheduleStore, MailScheduleStore, PgMailScheduleStore>()
            .AddSingleton<ReplicaIdentity>()
            .Store<IChatClaims, SingleHostChatClaims, PgChatClaims>()
            .Store<IOutboxLeadership, SingleHostOutboxLeadership, PgOutboxLeadership>()
            .Store<IPaymentRegisterStore, PaymentRegisterStore, PgPaymentRegisterStore>()
            .Store<IAnalyticsStore, AnalyticsStore, PgAnalyticsStore>();
    }

    /// <summary>The former name, kept for branches in flight: the provider comes from <c>Storage:Provider</c>.</summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services) => services.AddStorage();

    /// <summary>A store on both engines wrapped by the analytics projection when the core's analytics is registered.</summary>
    private static IServiceCollection Projected<TStore, TLiteDb, TPostgres>(this IServiceCollection services,
        Func<TStore, IServiceProvider, AnalyticsProjection, TStore> wrap)
        where TStore : class
        where TLiteDb : class, TStore
        where TPostgres : class, TStore => services
        .AddSingleton<TLiteDb>()
        .AddSingleton<TPostgres>()
        .AddSingleton(new PostgresStoreType(typeof(TPostgres)))
        .AddSingleton<TStore>(sp =>
        {
            TStore inner = sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres
                ? sp.GetRequiredService<TPostgres>()
                : sp.GetRequiredService<TLiteDb>();
            return sp.GetService<AnalyticsProjection>() is { } projection ? wrap(inner, sp, projection) : inner;
        });

    /// <summary>One store on both engines: the implementation of the configured provider, a singleton.</summary>
    public static IServiceCollection Store<TStore, TLiteDb, TPostgres>(this IServiceCollection services)
        where TStore : class
        where TLiteDb : class, TStore
        where TPostgres : class, TStore => services
        .AddSingleton<TLiteDb>()
        .AddSingleton<TPostgres>()
        .AddSingleton(new PostgresStoreType(typeof(TPostgres)))
        .AddSingleton<TStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<TPostgres>()
            : sp.GetRequiredService<TLiteDb>());
}

/// <summary>A PostgreSQL store registered with <c>Store</c>: the migration resolves them all to learn their tables.</summary>
internal sealed record PostgresStoreType(Type Type);
