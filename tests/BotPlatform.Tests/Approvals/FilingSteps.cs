using System.Text;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Localization;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

/// <summary>The steps of the filing dialogs as a person takes them in their private chat.</summary>
public static class FilingSteps
{
    public const string PdfMime = "application/pdf";
    public const string DocxMime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    /// <summary>The smallest PNG header the fake reads a size from.</summary>
    public static byte[] Png { get; } =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 3, 0x20, 0, 0, 2, 0x58];

    public static async Task<FakeMessage> SendsDocumentAsync(this BotHost host, FakeUser user, string fileName, byte[] content,
        string mime = PdfMime)
    {
        host.Tg.SendDocument(user, user.PrivateChat, fileName, content, mime);
        return await host.Tg.WaitForBotMessageAsync(user.PrivateChat);
    }

    public static async Task<FakeMessage> SendsPhotoAsync(this BotHost host, FakeUser user, byte[] content)
    {
        host.Tg.SendPhoto(user, user.PrivateChat, content);
        return await host.Tg.WaitForBotMessageAsync(user.PrivateChat);
    }

    public static async Task<FakeMessage> SendsStickerAsync(this BotHost host, FakeUser user)
    {
        host.Tg.SendSticker(user, user.PrivateChat);
        return await host.Tg.WaitForBotMessageAsync(user.PrivateChat);
    }

    /// <summary>Presses a button and returns the next message the bot sends.</summary>
    public static async Task<FakeMessage> PressesForNextAsync(this BotHost host, FakeUser user, FakeMessage message, string button)
    {
        await host.PressesAsync(user, message, button);
        return await host.Tg.WaitForBotMessageAsync(user.PrivateChat);
    }

    /// <summary>The bot message that follows <paramref name="after"/> (e.g. the question asked again after a problem).</summary>
    public static Task<FakeMessage> NextAfterAsync(this BotHost host, FakeUser user, FakeMessage after) =>
        host.Tg.WaitForBotMessageAsync(user.PrivateChat, m => m.MessageId > after.MessageId);

    /// <summary>Waits until the message (edited in place) shows the button, and returns it as it is then.</summary>
    public static async Task<FakeMessage> WithButtonAsync(this BotHost host, FakeMessage message, string button)
    {
        var chat = host.Tg.Chat(message.ChatId);
        await host.Tg.WaitUntilAsync(() => host.Tg.Message(chat, message.MessageId).Button(button) is not null);
        return host.Tg.Message(chat, message.MessageId);
    }

    /// <summary>/pay answered up to the confirmation card, which is returned.</summary>
    public static async Task<FakeMessage> FillsPaymentAsync(this BotHost host, FakeUser user, string amount = "150000",
        string costItem = "Реклама", string? due = "30.11.2026", string? comment = null, Lang lang = Lang.Ru)
    {
        var skip = FilingTexts.SkipButton.In(lang);
        await host.SaysAsync(user, "/pay");
        await host.SaysAsync(user, "ООО Ромашка");
        var costQuestion = await host.SaysAsync(user, amount);
        var dueQuestion = await host.PressesForNextAsync(user, costQuestion, costItem);
        var invoiceQuestion = due is null ? await host.PressesForNextAsync(user, dueQuestion, skip) : await host.SaysAsync(user, due);
        var commentQuestion = await host.SendsDocumentAsync(user, "invoice.pdf", Pdf);
        var next = comment is null ? await host.PressesForNextAsync(user, commentQuestion, skip) : await host.SaysAsync(user, comment);
        // An organisation that runs projects asks which project the payment is for: skipped here.
        return next.Text == Core.Finance.Ledger.LedgerTexts.AskProject.In(lang) ? await host.PressesForNextAsync(user, next, skip) : next;
    }

    /// <summary>/pay answered up to the question of the step (counterparty and amount given, cost item "Реклама").</summary>
    public static async Task<FakeMessage> PayDialogAtAsync(this BotHost host, FakeUser user, string step)
    {
        var question = await host.SaysAsync(user, "/pay");
        if (step == "counterparty") return question;
        question = await host.SaysAsync(user, "ООО Ромашка");
        if (step == "amount") return question;
        question = await host.SaysAsync(user, "150000");
        if (step == "cost") return question;
        question = await host.PressesForNextAsync(user, question, "Реклама");
        if (step == "due") return question;
        question = await host.SaysAsync(user, "30.11.2026");
        return step == "file" ? question : throw new ArgumentOutOfRangeException(nameof(step), step, "not a step before the invoice");
    }
}
