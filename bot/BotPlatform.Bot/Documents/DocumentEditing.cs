using System.Text;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using global::Telegram.Bot;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// /doc NUMBER edit: the draft's filled markup goes to the manager as a .md file; the file they send back
/// (a dialog that survives restarts) is parsed and rendered again under the same number.
/// </summary>
public sealed class DocumentEditing(DocumentWorkflow workflow, IFileStore files, IConversationStore conversations, TimeProvider time)
{
    public const string Flow = "doc-edit";
    public const long MaxBytes = 1024 * 1024;

    public async Task StartAsync(UpdateContext context, string number, Person me, CancellationToken ct)
    {
        var editable = await workflow.EditableAsync(number, me, ct);
        if (!editable.IsOk)
        {
            context.ReplyProblem(editable.Problem!);
            return;
        }
        var doc = editable.Value!;
        using var text = new MemoryStream(Encoding.UTF8.GetBytes(doc.Text), writable: false);
        var name = FileName(doc);
        var key = await files.SaveAsync(name, text, ct);
        context.Out.SendDocument(context.ChatId, key, name);
        context.Out.Ask(context.ChatId, DocumentTexts.EditAsk.In(context.Lang, doc.Number));
        await conversations.SaveAsync(new Conversation
        {
            ChatId = context.ChatId, UserId = context.From?.UserId ?? context.ChatId, Flow = Flow, Step = "file",
            Data = new Dictionary<string, string> { ["number"] = doc.Number }, UpdatedAt = time.GetUtcNow(),
        }, ct);
    }

    public static string FileName(Document doc) => Path.ChangeExtension(Core.Documents.Generation.DocumentRendering.FileName(doc), ".md");

    public async Task ReceiveAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        if (context.Person is not { } me) return;
        if (context.Update.Message is not { Document: { } file })
        {
            context.Reply(DocumentTexts.EditNeedsFile);
            return;
        }
        if (file.FileSize > MaxBytes)
        {
            context.Reply(DocumentTexts.EditFileTooLarge);
            return;
        }
        using var content = new MemoryStream();
        await context.Clients.Sending.GetInfoAndDownloadFile(file.FileId, content, ct);
        var text = Encoding.UTF8.GetString(content.ToArray()).TrimStart('\uFEFF');
        var number = conversation.Data["number"];
        var result = await workflow.EditAsync(number, text, me, ct);
        if (!result.IsOk)
        {
            // A mistake in the text keeps the dialog open: the manager fixes the file and sends it again.
            context.ReplyProblem(result.Problem!);
            if (result.Problem!.Code != DocumentProblems.EditInvalid) await conversations.DeleteAsync(context.ChatId, conversation.UserId, ct);
            return;
        }
        await conversations.DeleteAsync(context.ChatId, conversation.UserId, ct);
        var doc = result.Value!;
        var lang = context.Lang;
        context.Out.SendDocument(context.ChatId, doc.PdfKey!, Core.Documents.Generation.DocumentRendering.FileName(doc), $"{doc.Title} {doc.Number}");
        context.Reply(doc.TextEdited
            ? DocumentTexts.EditDone.In(lang, doc.Number, DocumentCards.Route(doc).In(lang))
            : DocumentTexts.EditSame.In(lang, doc.Number), DocCommand.Buttons(doc, lang));
    }
}
