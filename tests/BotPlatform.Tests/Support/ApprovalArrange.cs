using BotPlatform.Core.Approvals;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Testing;

namespace BotPlatform.Tests.Support;

/// <summary>
/// Requests filed and decided straight through the core engine inside the running host, for tests
/// about what happens after filing. Every step waits until the bot has sent what it caused, so the
/// next line of the conversation starts from a quiet chat.
/// </summary>
public static class ApprovalArrange
{
    /// <summary>The person behind a user who has sent /start.</summary>
    public static async Task<Person> PersonAsync(this BotHost host, FakeUser user) =>
        await host.Get<IPeopleStore>().FindByTelegramIdAsync(user.Id, default)
        ?? throw new InvalidOperationException($"{user} has not joined: call JoinedAsync first");

    /// <summary>
    /// The user sends a PDF in their chat with the bot, so Telegram holds its file id and the bot may
    /// re-send it (the fake refuses unknown file ids). The bot's answer to the stray document (today
    /// "not understood") is in the chat afterwards.
    /// </summary>
    public static async Task<AttachedFile> SentFileAsync(this BotHost host, FakeUser user, string fileName = "invoice.pdf")
    {
        var message = host.Tg.SendDocument(user, user.PrivateChat, fileName, "%PDF-1.4 test"u8.ToArray(), "application/pdf");
        var document = message.Document ?? throw new InvalidOperationException("The fake stored no document");
        await host.Tg.WaitUntilAsync(() => host.Tg.PendingUpdateCount == 0); // the bot has taken it into its inbox
        await host.IdleAsync();
        var person = await host.PersonAsync(user);
        return new AttachedFile
        {
            FileId = document.FileId, FileName = fileName, Size = document.Size, Purpose = FilePurpose.Invoice, AddedBy = person.Id,
            AddedAt = host.Time.GetUtcNow(),
        };
    }

    /// <summary>
    /// The user files a request (a payment for "ads", or a framework contract) with a file they sent
    /// (<paramref name="file"/>, or a fresh upload); it goes onto its route and the first step's cards
    /// are delivered. Reusing one upload for several requests saves the bot's answer to each document.
    /// </summary>
    public static async Task<ApprovalRequest> FiledAsync(this BotHost host, FakeUser initiator, string counterparty = "ООО Ромашка",
        decimal? amount = 150000m, RequestKind kind = RequestKind.Payment, AttachedFile? file = null)
    {
        file ??= await host.SentFileAsync(initiator, kind == RequestKind.Payment ? "invoice.pdf" : "contract.pdf");
        var draft = kind == RequestKind.Payment
            ? new RequestDraft(kind, counterparty, amount, "RUB", "ads", null, null, null, [file])
            : new RequestDraft(kind, counterparty, amount, amount is null ? null : "RUB", null, null, null, "framework_contract", [file]);
        var result = await host.Get<ApprovalEngine>().SubmitAsync(draft, await host.PersonAsync(initiator), host.Outgoing(), null, default);
        await host.IdleAsync();
        return result.Value ?? throw new InvalidOperationException($"Filing failed: {result.Problem}");
    }

    /// <summary>The actor decides the request's current step (a reason is needed for all but Approve).</summary>
    public static async Task<ApprovalRequest> DecidedAsync(this BotHost host, ApprovalRequest request, FakeUser actor, StepDecision decision,
        string? reason = null)
    {
        var current = await host.Get<IApprovalStore>().GetAsync(request.Id, default)
            ?? throw new InvalidOperationException($"{request.Number} is not stored");
        var seq = current.Current?.Seq ?? throw new InvalidOperationException($"{request.Number} has no step to decide");
        var result = await host.Get<ApprovalEngine>().DecideAsync(request.Id, seq, decision, await host.PersonAsync(actor), reason,
            host.Outgoing(), default);
        await host.IdleAsync();
        return result.Value ?? throw new InvalidOperationException($"{decision} of {request.Number} failed: {result.Problem}");
    }

    /// <summary>A unit of work of its own: outbox ids are its key plus a number, and a reused key would be dropped as a replay.</summary>
    private static Outgoing Outgoing(this BotHost host) => new($"arrange:{Guid.NewGuid():N}", host.Time);
}
