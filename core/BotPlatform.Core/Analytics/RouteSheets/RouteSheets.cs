using System.Globalization;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Analytics.RouteSheets;

public sealed record RouteSheetFile(string FileKey, string FileName, string Caption);

/// <summary>
/// /route NUMBER: a printable PDF (маршрутный лист) of a request or a document: its data, and its route
/// step by step (who acted, for whom, received, decided, working hours, decision and reason, reminders and
/// escalation); a document's page carries its barcode, a request's its own code ("AP" and its id).
/// </summary>
public sealed class RouteSheets(
    IApprovalStore approvals,
    DocumentWorkflow documents,
    IPeopleStore peopleStore,
    IDocumentRenderer renderer,
    IFileStore files,
    IUnitOfWork unitOfWork,
    ApprovalCards approvalCards,
    DocumentCards documentCards,
    Organisation organisation,
    TimeProvider time)
{
    public const string RouteAction = "route";

    public async Task<Result<RouteSheetFile>> MakeAsync(string number, Person viewer, CancellationToken ct)
    {
        number = number.Trim();
        var now = time.GetUtcNow();
        var people = await PeopleDirectory.LoadAsync(peopleStore, now, ct);
        var lang = viewer.Language;
        if (await approvals.FindByNumberAsync(number, ct) is { } request)
        {
            if (!ApprovalQueries.MaySee(request, viewer)) return new Problem(ApprovalProblems.NotAllowedToSee, request.Number);
            var code = "AP" + request.Id.ToString("000000", CultureInfo.InvariantCulture);
            return await SaveAsync(request.Number, code, RequestBody(request, people, lang, now), lang, ct);
        }
        if ((await documents.ViewAsync(number, ct)).Value is { } view)
        {
            var d = view.Document;
            return await SaveAsync(d.Number, d.Code, DocumentBody(view, people, lang, now), lang, ct);
        }
        return new Problem(RouteSheetProblems.NotFound, number);
    }

    private async Task<Result<RouteSheetFile>> SaveAsync(string number, string code, DocumentBody body, Lang lang, CancellationToken ct)
    {
        var pdf = renderer.Render(new RenderRequest(organisation.Name, RouteSheetTexts.Title.In(lang), number, code, body,
            lang == Lang.En ? "Page {0} of {1}" : "Страница {0} из {1}"));
        var name = RouteSheetTexts.FileName.In(lang, number.Replace('/', '-'));
        using var content = new MemoryStream(pdf);
        var key = await unitOfWork.RunAsync(() => files.SaveAsync(name, content, ct), ct);
        return Result<RouteSheetFile>.Ok(new RouteSheetFile(key, name, RouteSheetTexts.Caption.In(lang, number)));
    }

    private DocumentBody RequestBody(ApprovalRequest r, PeopleDirectory people, Lang lang, DateTimeOffset now)
    {
        var blocks = new List<Block> { new TitleBlock([new Run(RouteSheetTexts.Title.In(lang) + " " + r.Number)]) };
        var fields = new List<(Text, string)>
        {
            (RouteSheetTexts.FieldKind, approvalCards.Title(r, lang)),
            (RouteSheetTexts.FieldStatus, approvalCards.Status(r, people, lang)),
            (RouteSheetTexts.FieldInitiator, $"{people.Name(r.InitiatorId)} ({organisation.DepartmentName(r.Department)})"),
            (RouteSheetTexts.FieldCounterparty, r.Counterparty),
        };
        if (r.Amount is { } amount) fields.Add((RouteSheetTexts.FieldAmount, new Money(amount, r.Currency ?? "RUB").Format(lang)));
        if (r.CostItem is { } item) fields.Add((RouteSheetTexts.FieldCostItem, approvalCards.CostItemName(item)));
        if (r.DueDate is { } due) fields.Add((RouteSheetTexts.FieldDue, due.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)));
        if (r.DocumentKind is { } kind) fields.Add((RouteSheetTexts.FieldKind, approvalCards.DocumentKindName(kind)));
        fields.Add((RouteSheetTexts.FieldCreated, Local(r.CreatedAt)));
        blocks.AddRange(Fields(fields, lang));
        blocks.Add(new HeadingBlock("", [new Run(RouteSheetTexts.Route.In(lang))]));
        blocks.Add(RouteTable(r, people, lang, now));
        blocks.Add(new ParagraphBlock([new Run(RouteSheetTexts.Printed.In(lang, organisation.Calendar.ToLocal(now).DateTime), Italic: true)], Align.Right));
        return new DocumentBody(blocks);
    }

    private DocumentBody DocumentBody(DocumentView view, PeopleDirectory people, Lang lang, DateTimeOffset now)
    {
        var d = view.Document;
        var blocks = new List<Block> { new TitleBlock([new Run(RouteSheetTexts.Title.In(lang) + " " + d.Number)]) };
        var fields = new List<(Text, string)>
        {
            (RouteSheetTexts.FieldKind, $"{d.Title} ({documentCards.KindTitle(d.Kind)})"),
            (RouteSheetTexts.FieldStatus, DocumentTexts.StatusName(d.Status).In(lang)),
        };
        if (view.Client is { } client) fields.Add((RouteSheetTexts.FieldClient, client.LegalName));
        if (view.Deal is { } deal) fields.Add((RouteSheetTexts.FieldDeal, deal.Number));
        fields.Add((RouteSheetTexts.FieldDate, d.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)));
        fields.Add((RouteSheetTexts.FieldCode, d.Code));
        if (view.Approval is { } approval) fields.Add((RouteSheetTexts.FieldApproval, approval.Number));
        blocks.AddRange(Fields(fields, lang));
        blocks.Add(new HeadingBlock("", [new Run(RouteSheetTexts.Route.In(lang))]));
        blocks.Add(view.Approval is { } r
            ? RouteTable(r, people, lang, now)
            : new ParagraphBlock([new Run(RouteSheetTexts.NoRoute.In(lang))], Align.Left));
        blocks.Add(new HeadingBlock("", [new Run(RouteSheetTexts.DocumentHistory.In(lang))]));
        blocks.Add(new TableBlock(
            [new TableColumn(1.2, Align.Left), new TableColumn(1.6, Align.Left), new TableColumn(1.6, Align.Left), new TableColumn(2.6, Align.Left)],
            [Cell(RouteSheetTexts.ColWhen.In(lang)), Cell(RouteSheetTexts.ColWho.In(lang)), Cell(RouteSheetTexts.ColAction.In(lang)),
                Cell(RouteSheetTexts.ColWhy.In(lang))],
            d.History.Select(e => (IReadOnlyList<IReadOnlyList<Run>>)
            [
                Cell(Local(e.At)), Cell(e.ActorId is { } a ? people.Name(a) : ApprovalTexts.TheBot.In(lang)),
                Cell(DocumentTexts.ActionName(e.Action).In(lang)), Cell(e.Reason ?? ""),
            ]).ToList()));
        blocks.Add(new ParagraphBlock([new Run(RouteSheetTexts.Printed.In(lang, organisation.Calendar.ToLocal(now).DateTime), Italic: true)], Align.Right));
        return new DocumentBody(blocks);
    }

    private TableBlock RouteTable(ApprovalRequest r, PeopleDirectory people, Lang lang, DateTimeOffset now)
    {
        var visits = StepVisits.Of(r, organisation.Calendar, now);
        var rows = visits.Select((v, i) =>
        {
            var actor = v.IsOpen
                ? string.Join(", ", v.Waiting.Select(people.Name))
                : people.Name(v.ActorId) + (v.OnBehalfOfId is { } behalf ? " " + RouteSheetTexts.ForWhom.In(lang, people.Name(behalf)) : "");
            var nudges = new List<string>();
            if (v.Reminders > 0) nudges.Add(RouteSheetTexts.RemindersCount.In(lang, v.Reminders) + (v.StrongReminder ? ", " + RouteSheetTexts.StrongReminder.In(lang) : ""));
            if (v.EscalatedAt is { } at) nudges.Add(RouteSheetTexts.EscalatedAt.In(lang, organisation.Calendar.ToLocal(at).DateTime));
            IReadOnlyList<Run> why = nudges.Count == 0
                ? [new Run(v.Reason ?? "")]
                : [new Run((v.Reason is { Length: > 0 } reason ? reason + " " : "")), new Run("(" + string.Join("; ", nudges) + ")", Italic: true)];
            return (IReadOnlyList<IReadOnlyList<Run>>)
            [
                Cell((i + 1).ToString(CultureInfo.InvariantCulture)), Cell(v.Step), Cell(actor),
                Cell(Short(v.ReceivedAt) + " – " + (v.DecidedAt is { } decided ? Short(decided) : "…")),
                Cell(v.WorkingHours.ToString("0.0", lang.Culture())),
                Cell(v.Action is { } action ? ApprovalActions.Describe(action, lang) : RouteSheetTexts.Waiting.In(lang), bold: true),
                why,
            ];
        }).ToList();
        return new TableBlock(
            [
                new TableColumn(0.3, Align.Center), new TableColumn(1.4, Align.Left), new TableColumn(1.7, Align.Left), new TableColumn(1.3, Align.Left),
                new TableColumn(0.55, Align.Right), new TableColumn(1.3, Align.Left), new TableColumn(2.0, Align.Left),
            ],
            [
                Cell(RouteSheetTexts.ColNo.In(lang)), Cell(RouteSheetTexts.ColStep.In(lang)), Cell(RouteSheetTexts.ColActor.In(lang)),
                Cell(RouteSheetTexts.ColReceived.In(lang)), Cell(RouteSheetTexts.ColHours.In(lang)), Cell(RouteSheetTexts.ColDecision.In(lang)),
                Cell(RouteSheetTexts.ColReason.In(lang)),
            ],
            rows);
    }

    private string Short(DateTimeOffset at) => organisation.Calendar.ToLocal(at).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture);

    private static IEnumerable<Block> Fields(IEnumerable<(Text Label, string Value)> fields, Lang lang) =>
        fields.Select(f => new ParagraphBlock([new Run(f.Label.In(lang) + ": ", Bold: true), new Run(f.Value)], Align.Left));

    private static IReadOnlyList<Run> Cell(string text, bool bold = false) => [new Run(text, Bold: bold)];

    private string Local(DateTimeOffset at) => organisation.Calendar.ToLocal(at).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}

public static class RouteSheetProblems
{
    public const string NotFound = "routesheets.not_found";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text> { [NotFound] = RouteSheetTexts.NotFound };
}
