using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Mail;
using BotPlatform.Core.Messaging;
using global::Telegram.Bot;

namespace BotPlatform.Bot.Mail;

/// <summary>
/// /scan out|in [CODES]: registers typed codes at once and keeps the mode, so that the next messages (codes, or photos
/// of barcodes) are registered the same way until /cancel or the other mode.
/// </summary>
public sealed class ScanCommand(MailScanning scanning, IConversationStore conversations, TimeProvider time) : ICommandHandler
{
    public string Command => "scan";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me || context.From is not { } from) return;
        if (!MailScanning.MayScan(me))
        {
            context.ReplyProblem(new Problem(MailProblems.NotAllowed));
            return;
        }
        var (_, args) = UpdateRouter.ParseCommand(context.Text);
        var words = args.Split([' ', '\n'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        MailDirection? direction = words.Length == 0 ? null : words[0].ToLowerInvariant() switch
        {
            "out" or "исх" or "отправка" => MailDirection.Out,
            "in" or "вх" or "возврат" => MailDirection.In,
            _ => null,
        };
        if (direction is not { } mode)
        {
            context.Reply(MailTexts.ScanUsage);
            return;
        }
        await conversations.SaveAsync(new Conversation
        {
            ChatId = context.ChatId, UserId = from.UserId, Flow = ScanFlow.Flow, Step = "codes",
            Data = new Dictionary<string, string> { [ScanFlow.ModeKey] = mode.ToString() }, UpdatedAt = time.GetUtcNow(),
        }, ct);
        if (words.Length > 1) await ScanFlow.ScanAsync(context, scanning, MailScanning.ParseCodes(words[1]), mode, ct);
        else context.Reply(mode == MailDirection.Out ? MailTexts.ModeOut : MailTexts.ModeIn);
    }
}

/// <summary>The scan mode: each message's codes, or the barcodes on a photo, are registered in the chosen direction.</summary>
public sealed class ScanFlow(MailScanning scanning, IBarcodeDecoder decoder) : IConversationFlow
{
    public const string Flow = "mail-scan";
    public const string ModeKey = "mode";
    private const long MaxPhotoBytes = 20 * 1024 * 1024;

    string IConversationFlow.Flow => Flow;

    public async Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        var mode = Enum.TryParse<MailDirection>(conversation.Data.GetValueOrDefault(ModeKey), out var m) ? m : MailDirection.Out;
        var message = context.Update.Message;
        var fileId = message?.Photo is { Length: > 0 } photo ? photo[^1].FileId
            : message?.Document is { MimeType: { } mime } doc && mime.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? doc.FileId : null;
        var size = message?.Photo is { Length: > 0 } p ? p[^1].FileSize : message?.Document?.FileSize;
        if (fileId is not null)
        {
            if (size > MaxPhotoBytes)
            {
                context.ReplyProblem(new Problem(MailProblems.NoBarcode));
                return;
            }
            var codes = decoder.Decode(await DownloadAsync(context, fileId, ct));
            if (codes.Count == 0)
            {
                context.ReplyProblem(new Problem(MailProblems.NoBarcode));
                return;
            }
            await ScanAsync(context, scanning, codes, mode, ct);
            return;
        }
        await ScanAsync(context, scanning, MailScanning.ParseCodes(context.Text), mode, ct);
    }

    internal static async Task ScanAsync(UpdateContext context, MailScanning scanning, IReadOnlyList<string> codes, MailDirection mode, CancellationToken ct)
    {
        var result = await scanning.ScanAsync(codes, mode, new ScanActor(context.Person, null), null, context.Out, ct);
        if (!result.IsOk) context.ReplyProblem(result.Problem!);
        else context.Reply(MailViews.Report(result.Value!, context.Lang));
    }

    private static async Task<byte[]> DownloadAsync(UpdateContext context, string fileId, CancellationToken ct)
    {
        var file = await context.Clients.Sending.GetFile(fileId, ct);
        using var content = new MemoryStream();
        await context.Clients.Sending.DownloadFile(file, content, ct);
        return content.ToArray();
    }
}
