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

/// <summary>
/// /doc NUMBER - the card with its PDF; /doc NUMBER submit - send a draft on; /doc NUMBER edit - get the
/// text as a file to edit; /doc NUMBER annul REASON - annul it.
/// </summary>
public sealed class DocCommand(DocumentWorkflow workflow, DocumentCards cards, DocumentEditing editing, IPeopleStore people, TimeProvider time)
    : ICommandHandler
{
    public string Command => "doc";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, args) = UpdateRouter.ParseCommand(context.Text);
        var parts = args.Split([' ', '\n'], 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            context.Reply(DocumentTexts.DocUsage);
            return;
        }
        var number = parts[0];
        switch (parts.Length > 1 ? parts[1].ToLowerInvariant() : "")
        {
            case "":
                await ShowAsync(context, number, ct);
                break;
            case "submit" or "отправить":
                await SubmitAsync(context, workflow, number, me, ct);
                break;
            case "edit" or "изменить":
                await editing.StartAsync(context, number, me, ct);
                break;
            case "annul" or "аннулировать":
                await AnnulAsync(context, number, parts.Length > 2 ? parts[2] : null, me, ct);
                break;
            default:
                context.Reply(DocumentTexts.DocUsage);
                break;
        }
    }

    private async Task ShowAsync(UpdateContext context, string number, CancellationToken ct)
    {
        var view = await workflow.ViewAsync(number, ct);
        if (!view.IsOk)
        {
            context.ReplyProblem(view.Problem!);
            return;
        }
        var doc = view.Value!.Document;
        var directory = await PeopleDirectory.LoadAsync(people, time.GetUtcNow(), ct);
        if (doc.PdfKey is { } key) context.Out.SendDocument(context.ChatId, key, DocumentRendering.FileName(doc), $"{doc.Title} {doc.Number}");
        context.Reply(cards.Card(view.Value, directory, context.Lang), Buttons(doc, context.Lang));
    }

    public static IEnumerable<IEnumerable<InlineButton>>? Buttons(Document doc, Lang lang) => doc.Status == DocumentStatus.Draft
        ?
        [[
            new InlineButton(DocumentTexts.SubmitButton.In(lang), DocumentButtons.SubmitDocument(doc.Id)),
            new InlineButton(DocumentTexts.EditButton.In(lang), DocumentButtons.EditDocument(doc.Id)),
        ]]
        : null;

    internal static async Task SubmitAsync(UpdateContext context, DocumentWorkflow workflow, string number, Person me, CancellationToken ct)
    {
        var result = await workflow.SubmitAsync(number, me, context.Out, ct);
        if (!result.IsOk)
        {
            context.ReplyProblem(result.Problem!);
            return;
        }
        context.Reply(Submitted(result.Value!, context.Lang));
    }

    internal static string Submitted(Document doc, Lang lang) => DocumentTexts.Submitted.In(lang, doc.Title, doc.Number,
        doc.ApprovalSkipped ? DocumentTexts.SubmittedToPrint.In(lang) : DocumentTexts.SubmittedOnApproval.In(lang, DocumentCards.Route(doc).In(lang)));

    private async Task AnnulAsync(UpdateContext context, string number, string? reason, Person me, CancellationToken ct)
    {
        var before = await workflow.ViewAsync(number, ct);
        var result = await workflow.AnnulAsync(number, reason, me, context.Out, ct);
        if (!result.IsOk)
        {
            context.ReplyProblem(result.Problem!);
            return;
        }
        var doc = result.Value!;
        var lang = context.Lang;
        var text = doc.DealId is not null && before.Value?.Deal is { } deal
            ? DocumentTexts.Annulled.In(lang, doc.Number, doc.AnnulReason, deal.Number)
            : DocumentTexts.AnnulledNoDeal.In(lang, doc.Number, doc.AnnulReason);
        var appendices = before.Value?.Appendices.Where(a => a.IsLive).Select(a => a.Number).ToList() ?? [];
        if (appendices.Count > 0) text += "\n" + DocumentTexts.AnnulledAppendices.In(lang, string.Join(", ", appendices));
        context.Reply(text);
    }
}

/// <summary>The /docs list.</summary>
public sealed class DocsCommand(IDocumentStore documents, IClientStore clients, DocumentCards cards, Organisation organisation, TimeProvider time)
    : ICommandHandler
{
    public const int MaxLines = 30;

    public string Command => "docs";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is null) return;
        var (_, args) = UpdateRouter.ParseCommand(context.Text);
        var lang = context.Lang;
        if (args is "help" or "?" or "помощь")
        {
            context.Reply(DocumentTexts.DocsUsage);
            return;
        }
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        if (!DocumentFilterInput.TryParse(args, today, out var parsed, out var bad))
        {
            context.Reply(DocumentTexts.DocsBadFilter.In(lang, bad) + "\n\n" + DocumentTexts.DocsUsage.In(lang));
            return;
        }
        IReadOnlyList<long>? clientIds = null;
        if (parsed.Client is { } clientText) clientIds = (await clients.SearchAsync(clientText, 50, ct)).Select(c => c.Id).ToList();
        var found = clientIds is { Count: 0 }
            ? []
            : await documents.SearchAsync(new DocumentFilter(parsed.Status, clientIds, parsed.Kind, parsed.From, parsed.To), MaxLines, ct);
        if (found.Count == 0)
        {
            context.Reply(DocumentTexts.DocsNothing);
            return;
        }
        var text = DocumentTexts.DocsHeader.In(lang, found.Count) + "\n" + string.Join("\n", found.Select(d => cards.Line(d, lang)));
        if (found.Count >= MaxLines) text += "\n\n" + DocumentTexts.DocsMore.In(lang, MaxLines);
        context.Reply(text);
    }
}

/// <summary>/envelope NUMBER NUMBER...: the envelope inventory list (опись вложения) as a PDF.</summary>
public sealed class EnvelopeCommand(DocumentWorkflow workflow) : ICommandHandler
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
        var result = await workflow.EnvelopeAsync(numbers, me, context.Out, ct);
        if (!result.IsOk) context.ReplyProblem(result.Problem!);
    }
}

/// <summary>The registry's buttons: send all drafts of a deal on, send one on, edit one.</summary>
public sealed class DocCallback(DocumentWorkflow workflow, IDocumentStore documents, DocumentEditing editing) : ICallbackHandler
{
    public string Prefix => DocumentButtons.Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { IsActive: true } me || !DocumentButtons.TryParse(data, out var action, out var id))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), alert: true, ct: ct);
            return;
        }
        await context.AnswerCallbackAsync(ct: ct);
        if (action == DocumentButtons.SubmitAll)
        {
            var results = await workflow.SubmitDealAsync(id, me, context.Out, ct);
            if (results.Count == 0) context.Reply(DocumentTexts.NothingToSubmit);
            foreach (var r in results)
            {
                if (r.IsOk) context.Reply(DocCommand.Submitted(r.Value!, context.Lang));
                else context.ReplyProblem(r.Problem!);
            }
            RemoveButtons(context);
            return;
        }
        if (await documents.GetAsync(id, ct) is not { } doc)
        {
            context.ReplyProblem(new Problem(DocumentProblems.NotFound, id));
            return;
        }
        if (action == DocumentButtons.Submit)
        {
            await DocCommand.SubmitAsync(context, workflow, doc.Number, me, ct);
            RemoveButtons(context);
        }
        else
        {
            await editing.StartAsync(context, doc.Number, me, ct);
        }
    }

    private static void RemoveButtons(UpdateContext context)
    {
        if (context.Update.CallbackQuery?.Message is { } message) context.Out.RemoveButtons(context.ChatId, message.Id);
    }
}
