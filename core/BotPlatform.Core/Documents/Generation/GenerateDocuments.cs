using BotPlatform.Core.Approvals;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Documents.Generation;

/// <summary>What /generate made: the documents in order (contract, appendices, invoice) and the contract they hang off.</summary>
/// <param name="Replaced">For each new document that replaces an annulled one: the new document's id -> the old number.</param>
public sealed record GeneratedSet(Deal Deal, Client Client, IReadOnlyList<Document> Documents, string ContractNumber, ContractSource Source,
    IReadOnlyDictionary<long, string> Replaced);

public enum ContractSource
{
    /// <summary>A new contract was generated for this deal.</summary>
    New,
    /// <summary>The deal's own contract from an earlier generation.</summary>
    Deal,
    /// <summary>The client's signed framework contract in the registry.</summary>
    Framework,
    /// <summary>A framework contract signed on paper before the platform (Client.FrameworkContractNumber).</summary>
    Paper,
}

/// <summary>
/// /generate DEAL: the documents the deal's services need. One contract per deal from the first service's
/// contract template - none when the client has a signed framework contract (then the appendices hang off
/// it); appendices from the catalogue, a specification once for the deal listing every line of the services
/// that need it, any other appendix kind (technical assignment...) once per service; and an invoice. A
/// document the deal already has alive is not made again; an annulled one is replaced by a new document
/// with a new number linked to it. Everything is stored in one unit of work, numbers included, so a
/// failure stores nothing and leaves no gap.
/// </summary>
public sealed class GenerateDocuments(
    IDealStore deals,
    IClientStore clients,
    IDocumentStore documents,
    ITemplateLibrary templates,
    DocumentRendering rendering,
    IUnitOfWork unitOfWork,
    ISequenceStore sequences,
    IAuditLog audit,
    IPeopleStore people,
    Organisation organisation,
    TimeProvider time)
{
    /// <summary>Kinds made once per deal however many services need them; other appendix kinds are made per service.</summary>
    public static readonly IReadOnlySet<string> DealWideKinds = new HashSet<string> { DocumentsDefinition.Specification, DocumentsDefinition.Act };

    private sealed record Planned(DocumentTemplate Template, string? ServiceCode, IReadOnlyList<DealLine> Lines, bool IsContract, bool IsAppendix,
        Document? Replaces);

    private sealed class Aborted(Problem problem) : Exception(problem.ToString())
    {
        public Problem Problem { get; } = problem;
    }

    public async Task<Result<GeneratedSet>> GenerateAsync(string dealNumber, Person actor, CancellationToken ct)
    {
        var number = dealNumber.Trim();
        if (await deals.FindByNumberAsync(number, ct) is not { } deal) return Result<GeneratedSet>.Fail(DocumentProblems.DealNotFound, number);
        if (deal.Lines.Count == 0) return Result<GeneratedSet>.Fail(DocumentProblems.DealEmpty, deal.Number);
        var catalogue = organisation.Documents;
        var unknown = deal.Lines.Select(l => l.ServiceCode).Where(code => catalogue.Service(code) is null).Distinct().ToList();
        if (unknown.Count > 0)
            return Result<GeneratedSet>.Fail(DocumentProblems.UnknownService, deal.Number, string.Join(", ", unknown),
                string.Join(", ", catalogue.Services.Select(s => s.Code)));
        if (await clients.GetAsync(deal.ClientId, ct) is not { } client) return Result<GeneratedSet>.Fail(DocumentProblems.ClientNotFound, deal.Number);
        // The client registry checked the values when they were typed; here only what is missing matters.
        if (ClientRequisites.Check(client).FirstOrDefault(p => p.Code == ClientProblems.Incomplete) is { Args: [var missing, ..] })
            return Result<GeneratedSet>.Fail(DocumentProblems.IncompleteRequisites, client.LegalName, missing);

        try
        {
            return await unitOfWork.RunAsync(() => GenerateInsideAsync(deal, client, actor, ct), ct);
        }
        catch (Aborted aborted)
        {
            // The unit of work rolled back: no document, no file, no number taken.
            return Result<GeneratedSet>.Fail(aborted.Problem);
        }
    }

    private async Task<Result<GeneratedSet>> GenerateInsideAsync(Deal deal, Client client, Person actor, CancellationToken ct)
    {
        var catalogue = organisation.Documents;
        var existing = await documents.ByDealAsync(deal.Id, ct);
        var clientDocs = await documents.ByClientAsync(client.Id, ct);
        var services = deal.Lines.Select(l => catalogue.Service(l.ServiceCode)!).DistinctBy(s => s.Code).ToList();

        // The contract the appendices hang off.
        var framework = clientDocs
            .Where(d => d.Kind == DocumentsDefinition.FrameworkContract && d.IsLive && d.Status >= DocumentStatus.Approved && d.DealId != deal.Id)
            .OrderBy(d => d.Id).FirstOrDefault();
        var dealContract = existing.FirstOrDefault(d => d.IsLive && d.ParentId is null && d.AppendixNo is null && IsContractKind(d.Kind));
        var plan = new List<Planned>();
        var wanted = new List<(string Template, string? Service, IReadOnlyList<DealLine> Lines, bool Contract, bool Appendix)>();
        ContractSource source;
        if (framework is not null) source = ContractSource.Framework;
        else if (dealContract is not null) source = ContractSource.Deal;
        else if (!string.IsNullOrWhiteSpace(client.FrameworkContractNumber)) source = ContractSource.Paper;
        else
        {
            source = ContractSource.New;
            wanted.Add((services[0].ContractTemplate, null, deal.Lines, true, false));
        }
        foreach (var appendix in services.SelectMany(s => s.Appendices).Distinct())
        {
            if (DealWideKinds.Contains(appendix))
            {
                var codes = services.Where(s => s.Appendices.Contains(appendix)).Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
                wanted.Add((appendix, null, deal.Lines.Where(l => codes.Contains(l.ServiceCode)).ToList(), false, true));
            }
            else
            {
                foreach (var service in services.Where(s => s.Appendices.Contains(appendix)))
                    wanted.Add((appendix, service.Code, deal.Lines.Where(l => Same(l.ServiceCode, service.Code)).ToList(), false, true));
            }
        }
        wanted.Add((DocumentsDefinition.Invoice, null, deal.Lines, false, false));

        foreach (var w in wanted)
        {
            var mine = existing.Where(d => d.TemplateCode == w.Template && Same(d.ServiceCode, w.Service)).ToList();
            if (mine.Any(d => d.IsLive)) continue;
            if (await templates.GetAsync(w.Template, ct) is not { } template)
                throw new Aborted(new Problem(DocumentProblems.TemplateMissing, w.Template));
            var replaces = mine.Where(d => d.ReplacedById is null).MaxBy(d => d.Id);
            plan.Add(new Planned(template, w.Service, w.Lines, w.Contract, w.Appendix, replaces));
        }
        if (plan.Count == 0)
            return Result<GeneratedSet>.Fail(DocumentProblems.NothingToGenerate, deal.Number,
                string.Join(", ", existing.Where(d => d.IsLive).Select(d => d.Number)));

        var now = time.GetUtcNow();
        var today = organisation.Calendar.LocalDate(now);
        var manager = await people.GetAsync(deal.ManagerId, ct);
        var made = new List<Document>();
        var replaced = new Dictionary<long, string>();
        Document? contractDoc = framework ?? dealContract;
        var contractNumber = contractDoc?.Number ?? client.FrameworkContractNumber?.Trim() ?? "";
        var contractDate = contractDoc?.Date ?? client.FrameworkContractDate;
        foreach (var p in plan)
        {
            var kind = string.IsNullOrEmpty(p.Template.Kind) ? p.Template.Id : p.Template.Kind;
            var settings = catalogue.Kinds.FirstOrDefault(k => k.Kind == kind)
                ?? new DocumentKindSettings(kind, p.Template.Title, kind.ToUpperInvariant() + "-{yyyy}-{seq:0000}", 1, false);
            var doc = new Document
            {
                Kind = kind, Title = settings.Title, DealId = deal.Id, ClientId = client.Id, ServiceCode = p.ServiceCode,
                TemplateCode = p.Template.Id, TemplateVersion = p.Template.Current.Number, CreatedBy = actor.Id, ManagerId = deal.ManagerId,
                CreatedAt = now, Date = today,
            };
            if (p.IsAppendix)
            {
                doc.ParentId = contractDoc?.Id;
                doc.ContractNumber = contractNumber;
                doc.AppendixNo = (int)await sequences.NextAsync("document-appendix:" + contractNumber.ToUpperInvariant(), ct);
            }
            else if (!p.IsContract && contractNumber.Length > 0)
            {
                doc.ContractNumber = contractNumber;
            }
            doc.Number = await NextNumberAsync(settings, today.Year, contractNumber, doc.AppendixNo, ct);
            doc.Code = await NextCodeAsync(sequences, ct);
            var contractInfo = p.IsContract || contractNumber.Length == 0
                ? null
                : new ContractInfo(contractNumber, contractDate is { } d ? TemplateFormats.Date(d) : "", contractDate is { } dl ? TemplateFormats.LongDate(dl) : "");
            var model = Model(doc, deal, client, manager, p.Lines, contractInfo, []);
            var filled = rendering.Fill(p.Template.Current.Markup, model);
            if (!filled.IsOk) throw new Aborted(TemplateFailed(p.Template, filled.Problem!));
            doc.Text = doc.TemplateText = filled.Value!.Text;
            var pdf = await rendering.RenderAsync(doc, filled.Value.Body, ct);
            doc.PdfKey = pdf.Key;
            doc.Pages = pdf.Pages;
            doc.Record(DocumentActions.Generated, now, actor.Id, $"{p.Template.Id} v{doc.TemplateVersion}");
            doc.ReplacesId = p.Replaces?.Id;
            await documents.InsertAsync(doc, ct);
            if (p.IsContract)
            {
                contractDoc = doc;
                contractNumber = doc.Number;
                contractDate = doc.Date;
            }
            if (p.Replaces is { } old)
            {
                replaced[doc.Id] = old.Number;
                var before = old.History.Count;
                old.ReplacedBy(doc, now, actor.Id);
                if (!await documents.TryUpdateAsync(old, ct)) throw new InvalidOperationException($"{old.Number} changed inside a unit of work");
                await AuditAsync(audit, old, before, ct);
            }
            await AuditAsync(audit, doc, 0, ct);
            made.Add(doc);
        }
        return Result<GeneratedSet>.Ok(new GeneratedSet(deal, client, made, contractNumber, source, replaced));
    }

    public static bool IsContractKind(string kind) => kind == DocumentsDefinition.FrameworkContract;

    internal async Task<string> NextNumberAsync(DocumentKindSettings settings, int year, string contractNumber, int? appendixNo, CancellationToken ct)
    {
        var format = settings.Numbering;
        var perContract = appendixNo is not null && format.Contains("{n}", StringComparison.Ordinal);
        var seq = perContract ? 0 : await sequences.NextAsync($"document:{settings.Kind}:{year}", ct);
        return NumberFormat.Apply(format, year, seq, contractNumber, appendixNo);
    }

    /// <summary>The barcode content: one global sequence over all documents and years, "BP000123".</summary>
    internal static async Task<string> NextCodeAsync(ISequenceStore sequences, CancellationToken ct) =>
        "BP" + (await sequences.NextAsync("document-code", ct)).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);

    internal TemplateModel Model(Document doc, Deal? deal, Client client, Person? manager, IReadOnlyList<DealLine> lines, ContractInfo? contract,
        IReadOnlyList<EnclosureModel> enclosures)
    {
        var lineModels = DocumentModels.Lines(lines);
        var totals = DocumentModels.Totals(lines, deal?.Vat ?? VatMode.None, deal?.VatRate ?? 0, deal?.Currency ?? "RUB");
        var info = new DocumentInfo(doc.Number, doc.Kind, doc.Title, TemplateFormats.Date(doc.Date), TemplateFormats.LongDate(doc.Date),
            organisation.Documents.City, doc.AppendixNo);
        var dealInfo = deal is null
            ? null
            : new DealInfo(deal.Number, manager?.Name ?? "", deal.Currency, DocumentModels.VatModeText(deal.Vat, deal.VatRate), deal.VatRate);
        return new TemplateModel(DocumentModels.Seller(rendering.Seller, rendering.Accountant), DocumentModels.Party(client), info, dealInfo, lineModels, totals, contract,
            enclosures);
    }

    internal static Problem TemplateFailed(DocumentTemplate template, Problem problem) =>
        problem.Code == TemplateProblems.Invalid && problem.Args.Length >= 2
            ? new Problem(DocumentProblems.TemplateFailed, template.Id, template.Current.Number, problem.Args[0], problem.Args[1])
            : new Problem(DocumentProblems.TemplateFailed, template.Id, template.Current.Number, "?", problem.ToString());

    internal static async Task AuditAsync(IAuditLog audit, Document doc, int historyBefore, CancellationToken ct)
    {
        foreach (var e in doc.History.Skip(historyBefore))
            await audit.AppendAsync(new AuditEntry { Subject = doc.Subject, Action = e.Action, ActorId = e.ActorId, At = e.At, Reason = e.Reason }, ct);
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
