using BotPlatform.Core.Approvals;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

/// <summary>The people of the test organisation who take part in approvals, each registered with /start.</summary>
public sealed class ApprovalPeople
{
    public required FakeUser Olga { get; init; }
    public required FakeUser Igor { get; init; }
    public required FakeUser Maria { get; init; }
    public required FakeUser Anna { get; init; }
    public required FakeUser Chief { get; init; }
    public required FakeUser Nina { get; init; }
    public required FakeUser John { get; init; }
    public FakeUser? Lawyer { get; private set; }
    public FakeUser? Cto { get; private set; }
    public FakeUser? Director { get; private set; }

    /// <summary>The contract route's approvers, who only some tests need.</summary>
    public async Task<ApprovalPeople> WithContractApproversAsync(BotHost host)
    {
        Lawyer = await host.JoinedAsync("Пётр", "lawyer_petr");
        Cto = await host.JoinedAsync("Даниил", "cto_dan");
        Director = await host.JoinedAsync("Сергей", "dir_sergey");
        return this;
    }

    public static async Task<ApprovalPeople> JoinAsync(BotHost host) => new()
    {
        Olga = await host.JoinedAsync("Ольга", "emp_olga"),
        Igor = await host.JoinedAsync("Игорь", "head_igor"),
        Maria = await host.JoinedAsync("Мария", "fin_maria"),
        Anna = await host.JoinedAsync("Анна", "admin_anna"),
        Chief = await host.JoinedAsync("Ольга Б.", "chief_olga_b"),
        Nina = await host.JoinedAsync("Нина", "acc_nina"),
        John = await host.JoinedAsync("John", "eng_john", "en"),
    };
}

public static class ApprovalArrangements
{
    private static int _files;

    /// <summary>
    /// Files a payment request through the engine as the user (the /pay dialog has its own tests):
    /// the invoice is a document the user really sent, so the bot can re-send it by its file id.
    /// </summary>
    public static async Task<ApprovalRequest> FilePaymentAsync(this BotHost host, FakeUser user, string counterparty = "ООО Ромашка",
        decimal amount = 150_000m, DateOnly? due = null)
    {
        var sent = host.Tg.SendDocument(user, user.PrivateChat, "invoice.pdf", "%PDF-1.4 invoice"u8.ToArray(), "application/pdf");
        await host.Tg.WaitForBotMessageAsync(user.PrivateChat);
        var person = (await host.Get<IPeopleStore>().FindByUsernameAsync(user.Username!, default))!;
        var file = new AttachedFile { FileId = sent.Document!.FileId, FileName = "invoice.pdf", Size = sent.Document.Size, AddedBy = person.Id };
        var draft = new RequestDraft(RequestKind.Payment, counterparty, amount, "RUB", "ads", due, "Реклама в ноябре", null, [file]);
        var result = await host.Get<ApprovalEngine>().SubmitAsync(draft, person, new Outgoing($"test:file:{Interlocked.Increment(ref _files)}", host.Time),
            null, default);
        await host.IdleAsync();
        return result.Value ?? throw new InvalidOperationException(result.Problem!.ToString());
    }

    /// <summary>Files a contract approval through the engine as the user, with a PDF the user really sent.</summary>
    public static async Task<ApprovalRequest> FileContractAsync(this BotHost host, FakeUser user, string documentKind,
        string counterparty = "ООО Ромашка")
    {
        var sent = host.Tg.SendDocument(user, user.PrivateChat, "contract.pdf", "%PDF-1.4 contract"u8.ToArray(), "application/pdf");
        await host.Tg.WaitForBotMessageAsync(user.PrivateChat);
        var person = (await host.Get<IPeopleStore>().FindByUsernameAsync(user.Username!, default))!;
        var file = new AttachedFile { FileId = sent.Document!.FileId, FileName = "contract.pdf", Size = sent.Document.Size, AddedBy = person.Id };
        var draft = new RequestDraft(RequestKind.Contract, counterparty, null, null, null, null, null, documentKind, [file]);
        var result = await host.Get<ApprovalEngine>().SubmitAsync(draft, person,
            new Outgoing($"test:contract:{Interlocked.Increment(ref _files)}", host.Time), null, default);
        await host.IdleAsync();
        return result.Value ?? throw new InvalidOperationException(result.Problem!.ToString());
    }

    /// <summary>The newest bot message in the user's chat that has a button with this caption.</summary>
    public static FakeMessage CardWith(this BotHost host, FakeUser user, string button) =>
        host.Tg.BotMessages(user.PrivateChat).LastOrDefault(m => m.Button(button) is not null)
        ?? throw new InvalidOperationException($"{user.FirstName} has no message with '{button}':\n{host.Tg.Transcript(user.PrivateChat)}");

    public static IReadOnlyList<FakeMessage> BotSaid(this BotHost host, FakeUser user, string fragment) =>
        host.Tg.BotMessages(user.PrivateChat).Where(m => m.TextOrCaption?.Contains(fragment, StringComparison.Ordinal) == true).ToList();

    public static async Task<ApprovalRequest> RequestAsync(this BotHost host, string number) =>
        (await host.Get<IApprovalStore>().FindByNumberAsync(number, default))!;
}
