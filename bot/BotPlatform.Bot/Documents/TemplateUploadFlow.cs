using BotPlatform.Bot.Routing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Messaging;
using global::Telegram.Bot;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// After /template CODE: the next document is the template's new version. A wrong file (not .md/.txt,
/// over 20 MB, not a file at all) or a template error is explained, nothing is stored and the bot keeps
/// waiting for a corrected file; a stored version or /cancel ends the dialog.
/// </summary>
public sealed class TemplateUploadFlow(TemplateLibrary library, IConversationStore conversations) : IConversationFlow
{
    public const string Flow = "tpl-upload";
    public const string FileStep = "file";
    public const string CodeKey = "code";

    string IConversationFlow.Flow => Flow;

    public async Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        if (context.Person is not { } person) return;
        if (context.Update.Message is not { Document: { } document })
        {
            context.ReplyProblem(context.Update.Message?.Photo is { Length: > 0 }
                ? new Problem(TemplateProblems.WrongFileType, "photo.jpg")
                : new Problem(TemplateProblems.FileRequired));
            return;
        }
        if (!TemplateFile.HasTextExtension(document.FileName))
        {
            context.ReplyProblem(new Problem(TemplateProblems.WrongFileType, document.FileName ?? document.MimeType ?? "?"));
            return;
        }
        if (document.FileSize is { } size && size > TemplateFile.MaxBytes)
        {
            context.ReplyProblem(new Problem(TemplateProblems.TooLarge, size / 1024.0 / 1024.0));
            return;
        }
        var bytes = await DownloadAsync(context, document.FileId, ct);
        if (TemplateFile.LooksBinary(bytes))
        {
            context.ReplyProblem(new Problem(TemplateProblems.WrongFileType, document.FileName ?? "?"));
            return;
        }
        var text = TemplateFile.Decode(bytes);
        var code = conversation.Data[CodeKey];
        var result = await library.UploadAsync(code, TemplateFile.Read(text), person, ct);
        if (result.Problem is { } problem)
        {
            context.ReplyProblem(problem);
            // A fixable file keeps the dialog open; a refusal that another file cannot change ends it.
            if (problem.Code is TemplateProblems.NotAllowed or TemplateProblems.NotFound)
                await conversations.DeleteAsync(context.ChatId, conversation.UserId, ct);
            return;
        }
        await conversations.DeleteAsync(context.ChatId, conversation.UserId, ct);
        context.Reply(TemplateTexts.Stored, result.Value!.Title, result.Value.Current.Number);
    }

    private static async Task<byte[]> DownloadAsync(UpdateContext context, string fileId, CancellationToken ct)
    {
        var file = await context.Clients.Sending.GetFile(fileId, ct);
        using var content = new MemoryStream();
        await context.Clients.Sending.DownloadFile(file, content, ct);
        return content.ToArray();
    }
}
