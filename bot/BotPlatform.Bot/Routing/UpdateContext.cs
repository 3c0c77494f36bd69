using BotPlatform.Core.Printing;
using BotPlatform.Bot.Telegram;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Finance.Registers;
using BotPlatform.Core.Analytics.RouteSheets;
using BotPlatform.Core.Analytics.Stats;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;

namespace BotPlatform.Bot.Routing;

/// <summary>One update being handled: who sent it, in which chat, and what the bot will answer.</summary>
public sealed class UpdateContext(Update update, Outgoing outgoing, TelegramClients clients, ILogger logger)
{
    public Update Update { get; } = update;
    public Outgoing Out { get; } = outgoing;
    public required long ChatId { get; init; }
    public required TelegramIdentity? From { get; init; }
    /// <summary>The registered person behind <see cref="From"/>, if any.</summary>
    public Person? Person { get; set; }
    public required Lang Lang { get; set; }
    public bool IsPrivateChat => ChatId > 0;

    /// <summary>Text of a message (or caption); for a command, what follows the command.</summary>
    public string Text { get; init; } = "";
    public string[] Args { get; init; } = [];

    public TelegramClients Clients => clients;

    private readonly List<Func<CancellationToken, Task>> _onCompletion = [];

    /// <summary>Store writes that ride in the update's completion write (with its outbox messages and its Done mark).</summary>
    public IReadOnlyList<Func<CancellationToken, Task>> CompletionWrites => _onCompletion;

    /// <summary>
    /// Adds a write to the update's completion: one unit of work after routing that also stores the outbox
    /// messages and marks the update done, so it costs no write of its own. It must only call stores.
    /// </summary>
    public void OnCompletion(Func<CancellationToken, Task> write) => _onCompletion.Add(write);

    public string Reply(Text text, params object?[] args) => Out.Send(ChatId, text.In(Lang, args));

    public string Reply(string text, IEnumerable<IEnumerable<InlineButton>>? buttons = null) => Out.Send(ChatId, text, buttons);

    public string ReplyProblem(Problem problem) => Out.Send(ChatId, ProblemTexts.Render(problem, Lang));

    /// <summary>
    /// Answers the pressed button at once, outside the outbox: Telegram shows a spinner until this
    /// arrives, so it must never wait behind queued sends. A replayed update's answer is refused by
    /// Telegram as too old; that is expected and only logged.
    /// </summary>
    public async Task AnswerCallbackAsync(string? text = null, bool alert = false, CancellationToken ct = default)
    {
        if (Update.CallbackQuery is not { Id: var id }) return;
        try
        {
            await clients.Sending.AnswerCallbackQuery(id, text, alert, cancellationToken: ct);
        }
        catch (ApiRequestException ex)
        {
            logger.LogInformation(ex, "answerCallbackQuery {CallbackId} refused", id);
        }
    }
}

/// <summary>Localised texts for every feature's problem codes: each feature's catalogue is listed here.</summary>
public static class ProblemTexts
{
    private static readonly IReadOnlyDictionary<string, Text> All = new[]
        {
            PeopleTexts.Problems, AmountTexts.Problems, ApprovalTexts.Problems, FilingTexts.Problems, TemplateTexts.Problems,
            ClientProblems.Texts, DealProblems.Texts, DocumentTexts.Problems, BotPlatform.Core.Projects.ProjectProblems.Texts, BotPlatform.Core.Projects.TaskProblems.Texts, BotPlatform.Core.Projects.TimeProblems.Texts, BotPlatform.Core.Projects.Archive.ArchiveProblems.Texts, BotPlatform.Core.Briefs.BriefProblems.Texts, BotPlatform.Core.Billing.BillingProblems.Texts, BotPlatform.Core.Billing.InvoicingProblems.Texts, BotPlatform.Core.Billing.ReportDialogProblems.Texts,
            PrintingTexts.Problems, BotPlatform.Core.Mail.MailTexts.Problems,
            RegisterProblems.Texts, RouteSheetProblems.Texts, StatsProblems.Texts,
            BotPlatform.Core.Documents.Review.ReviewTexts.Problems,
            BotPlatform.Core.Finance.Ledger.LedgerProblems.Texts,
            BotPlatform.Core.Billing.Nudges.NudgeProblems.Texts,
        }
        .SelectMany(catalogue => catalogue)
        .ToDictionary(kv => kv.Key, kv => kv.Value);

    public static readonly Text Unknown = new("Не получилось: {0}.", "That did not work: {0}.");

    public static string Render(Problem problem, Lang lang) =>
        All.TryGetValue(problem.Code, out var text) ? text.In(lang, problem.Args) : Unknown.In(lang, problem.Code);
}
