using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Documents.Registry;

/// <summary>/envelope: the inventory list (опись вложения) of documents going to one client in one envelope.</summary>
public sealed class EnvelopeLists(
    IDocumentStore documents,
    IClientStore clients,
    ITemplateLibrary templates,
    GenerateDocuments generator,
    DocumentRendering rendering,
    IUnitOfWork unitOfWork,
    ISequenceStore sequences,
    IAuditLog audit,
    IOutboxStore outbox,
    Organisation organisation,
    TimeProvider time)
{
    /// <summary>
    /// An envelope inventory list (опись вложения) for documents of one client going in one envelope: numbered
    /// and stored as a draft of its own kind, its PDF sent to whoever asked.
    /// </summary>
    public async Task<Result<Document>> EnvelopeAsync(IReadOnlyList<string> numbers, Person actor, Outgoing outgoing, CancellationToken ct)
    {
        if (numbers.Count == 0) return Result<Document>.Fail(DocumentProblems.EnvelopeEmpty);
        var inside = new List<Document>();
        foreach (var number in numbers.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await documents.FindByNumberAsync(number, ct) is not { } doc) return Result<Document>.Fail(DocumentProblems.NotFound, number);
            if (!doc.IsLive) return Result<Document>.Fail(DocumentProblems.EnvelopeAnnulled, doc.Number);
            inside.Add(doc);
        }
        if (inside.Select(d => d.ClientId).Distinct().Count() != 1) return Result<Document>.Fail(DocumentProblems.EnvelopeClients);
        if (await clients.GetAsync(inside[0].ClientId ?? 0, ct) is not { } client) return Result<Document>.Fail(DocumentProblems.EnvelopeClients);
        if (await templates.GetAsync(DocumentsDefinition.EnvelopeList, ct) is not { } template)
            return Result<Document>.Fail(DocumentProblems.TemplateMissing, DocumentsDefinition.EnvelopeList);
        var kinds = organisation.Documents;
        var settings = kinds.Kinds.FirstOrDefault(k => k.Kind == DocumentsDefinition.EnvelopeList)
            ?? DocumentsDefinition.Default.Kind(DocumentsDefinition.EnvelopeList);
        return await unitOfWork.RunAsync(async () =>
        {
            var now = time.GetUtcNow();
            var today = organisation.Calendar.LocalDate(now);
            var doc = new Document
            {
                Kind = DocumentsDefinition.EnvelopeList, Title = settings.Title, ClientId = client.Id, TemplateCode = template.Id,
                TemplateVersion = template.Current.Number, CreatedBy = actor.Id, ManagerId = actor.Id, CreatedAt = now, Date = today,
            };
            doc.Number = await generator.NextNumberAsync(settings, today.Year, "", null, ct);
            doc.Code = await GenerateDocuments.NextCodeAsync(sequences, ct);
            var enclosures = inside.Select((d, i) => new EnclosureModel(i + 1, d.Number, d.Title, TemplateFormats.Date(d.Date), d.Pages,
                kinds.Kinds.FirstOrDefault(k => k.Kind == d.Kind)?.Copies ?? 1)).ToList();
            var model = generator.Model(doc, null, client, actor, [], null, enclosures);
            var filled = rendering.Fill(template.Current.Markup, model);
            if (!filled.IsOk) return Result<Document>.Fail(GenerateDocuments.TemplateFailed(template, filled.Problem!));
            doc.Text = doc.TemplateText = filled.Value!.Text;
            var pdf = await rendering.RenderAsync(doc, filled.Value.Body, ct);
            doc.PdfKey = pdf.Key;
            doc.Pages = pdf.Pages;
            doc.Record(DocumentActions.Generated, now, actor.Id, string.Join(", ", inside.Select(d => d.Number)));
            await documents.InsertAsync(doc, ct);
            await GenerateDocuments.AuditAsync(audit, doc, 0, ct);
            if (actor.ChatId is { } chat)
                outgoing.SendDocument(chat, pdf.Key, DocumentRendering.FileName(doc),
                    DocumentTexts.EnvelopeReady.In(actor.Language, doc.Number, inside.Count, client.LegalName));
            await outbox.EnqueueAsync(outgoing.Messages, ct);
            return Result<Document>.Ok(doc);
        }, ct);
    }
}
