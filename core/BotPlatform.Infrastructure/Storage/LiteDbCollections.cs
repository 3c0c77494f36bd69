namespace BotPlatform.Infrastructure.Storage;

/// <summary>
/// Every collection of the LiteDB file, created as soon as the file is opened (<see cref="LiteDbContext"/>).
/// LiteDB 5 must never create a collection while other threads use the file: the committing transaction
/// publishes the new collection in the shared header before its first page is readable, so a read of that
/// collection at that moment finds an empty page, fails LiteDB's "page type must be collection page" check,
/// and LiteDB closes the whole database to protect the file (litedb-org/LiteDB#2792). A new store declares
/// its collection here.
/// </summary>
internal static class LiteDbCollections
{
    public const string People = "people";
    public const string Invites = "invites";
    public const string Inbox = "inbox";
    public const string Outbox = "outbox";
    public const string Chats = "chats";
    public const string Conversations = "conversations";
    public const string Audit = "audit";
    public const string Sequences = "sequences";
    public const string Approvals = "approvals";
    public const string Templates = "templates";
    public const string Clients = "clients";
    public const string Deals = "deals";
    public const string Documents = "documents";
    public const string PrintJobs = "print_jobs";
    public const string Departments = "departments";
    public const string Projects = "projects";
    public const string ProjectTasks = "project_tasks";
    public const string TimeEntries = "time_entries";
    public const string PrintAgents = "print_agents";
    public const string MailRegister = "mail_register";
    public const string MailSchedule = "mail_schedule";
    public const string PaymentRegisters = "payment_registers";
    public const string StepDecisions = "step_decisions";
    public const string DocumentSpans = "document_spans";
    public const string Digests = "digests";
    public const string StepBuckets = "step_buckets";
    public const string SpanBuckets = "span_buckets";
    public const string GroupMessages = "group_messages";
    public const string Briefs = "briefs";
    public const string BillingReports = "billing_reports";
    public const string ReportClaims = "report_claims";
    public const string DocumentReviews = "document_reviews";
    public const string Ledger = "ledger_entries";
    /// <summary>LiteDB's own file storage (<c>LiteDatabase.FileStorage</c>) keeps files in these two.</summary>
    public const string Files = "_files";
    public const string FileChunks = "_chunks";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        People, Invites, Inbox, Outbox, Chats, Conversations, Audit, Sequences, Approvals, Templates, Clients, Deals, Documents, PrintJobs,
        Departments, Projects, ProjectTasks, TimeEntries,
        PrintAgents, MailRegister, MailSchedule,
        PaymentRegisters, StepDecisions, DocumentSpans, Digests, StepBuckets, SpanBuckets,
        GroupMessages,
        Briefs,
        BillingReports, ReportClaims,
        DocumentReviews,
        Ledger,
        Files, FileChunks,
    };
}
