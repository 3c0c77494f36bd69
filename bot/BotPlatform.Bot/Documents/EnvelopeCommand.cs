using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Documents;

/// <summary>/envelope NUMBER NUMBER...: the envelope inventory list (опись вложения) as a PDF.</summary>
public sealed class EnvelopeCommand(EnvelopeLists envelopes) : ICommandHandler
{
    public string Command => "envelope";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, args) = UpdateRouter.ParseCommand(context.Text);
        var numbers = args.Split([' ', '\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (numbers.Length == 0)
        {
            context.Reply(DocumentTexts.EnvelopeUsage);
            return;
        }
        var result = await envelopes.EnvelopeAsync(numbers, me, context.Out, ct);
        if (!result.IsOk) context.ReplyProblem(result.Problem!);
    }
}
