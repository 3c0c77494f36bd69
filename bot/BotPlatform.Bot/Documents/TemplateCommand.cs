using System.Globalization;
using System.Text;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// /template lists the templates; /template CODE preview [VERSION] sends a sample PDF (anyone registered);
/// /template CODE (admin, lawyer, in a private chat) sends the current text as a file and waits for the new version.
/// </summary>
public sealed class TemplateCommand(
    TemplateLibrary library,
    IDocumentRenderer renderer,
    IFileStore files,
    IConversationStore conversations,
    Organisation organisation,
    TimeProvider time) : ICommandHandler
{
    public const string Preview = "preview";

    public string Command => "template";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        switch (context.Args)
        {
            case []:
                await ListAsync(context, ct);
                break;
            case [var code, var word, ..] when word.Equals(Preview, StringComparison.OrdinalIgnoreCase):
                await PreviewAsync(context, code, context.Args.Length > 2 ? context.Args[2] : null, ct);
                break;
            case [var code]:
                await StartUploadAsync(context, code, ct);
                break;
            default:
                context.Reply(TemplateTexts.Usage);
                break;
        }
    }

    private async Task ListAsync(UpdateContext context, CancellationToken ct)
    {
        var all = await library.AllAsync(ct);
        if (all.Count == 0)
        {
            context.Reply(TemplateTexts.ListEmpty);
            return;
        }
        var lines = all.Select(t => TemplateTexts.ListLine.In(context.Lang, t.Id, t.Title, t.Current.Number,
            organisation.Calendar.ToLocal(t.Current.UploadedAt).DateTime));
        context.Reply(TemplateTexts.ListTitle.In(context.Lang) + "\n" + string.Join("\n", lines) + "\n\n" + TemplateTexts.ListHint.In(context.Lang));
    }

    private async Task PreviewAsync(UpdateContext context, string code, string? versionText, CancellationToken ct)
    {
        int? version = null;
        if (versionText is not null)
        {
            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                context.Reply(TemplateTexts.Usage);
                return;
            }
            version = n;
        }
        var preview = await library.PreviewAsync(code, version, ct);
        if (preview.Problem is { } problem)
        {
            context.ReplyProblem(problem);
            return;
        }
        var (template, chosen, filled) = preview.Value!;
        var pdf = renderer.Render(new RenderRequest(organisation.Name, template.Title, TemplateTexts.SampleNumber.In(context.Lang),
            $"SAMPLE-{template.Id.ToUpperInvariant()}-{chosen.Number}", filled.Body, TemplateTexts.PageFooter.In(context.Lang)));
        var fileName = $"{template.Id}-v{chosen.Number}-sample.pdf";
        var key = await files.SaveAsync(fileName, new MemoryStream(pdf), ct);
        context.Out.SendDocument(context.ChatId, key, fileName, TemplateTexts.PreviewCaption.In(context.Lang, template.Title, chosen.Number));
    }

    private async Task StartUploadAsync(UpdateContext context, string code, CancellationToken ct)
    {
        if (context.Person is not { } person || context.From is not { } from) return;
        if (!TemplateLibrary.MayUpload(person))
        {
            context.ReplyProblem(new Problem(TemplateProblems.NotAllowed));
            return;
        }
        if (!context.IsPrivateChat)
        {
            context.Reply(TemplateTexts.PrivateOnly);
            return;
        }
        if (await library.GetAsync(code, ct) is not { } template)
        {
            context.ReplyProblem(new Problem(TemplateProblems.NotFound, code));
            return;
        }
        await conversations.SaveAsync(new Conversation
        {
            ChatId = context.ChatId, UserId = from.UserId, Flow = TemplateUploadFlow.Flow, Step = TemplateUploadFlow.FileStep,
            Data = new Dictionary<string, string> { [TemplateUploadFlow.CodeKey] = template.Id }, UpdatedAt = time.GetUtcNow(),
        }, ct);
        var fileName = $"{template.Id}-v{template.Current.Number}.md";
        var key = await files.SaveAsync(fileName, new MemoryStream(Encoding.UTF8.GetBytes(template.Current.Markup + "\n")), ct);
        context.Reply(TemplateTexts.SendNewVersion, template.Title, template.Id, template.Current.Number);
        context.Out.SendDocument(context.ChatId, key, fileName);
    }
}
