using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Templates.Liquid;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Documents.Templates;

/// <summary>A shipped sample template: its code (the file's name), kind, title and text.</summary>
public sealed record SampleTemplate(string Code, string Kind, string Title, string Markup)
{
    /// <summary>"invoice.md" with a front matter "kind: invoice", "title: Счёт на оплату"; both default to the code.</summary>
    public static SampleTemplate FromFile(string fileName, string text)
    {
        var code = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        var file = TemplateFile.Read(text);
        return new SampleTemplate(code, file.FrontMatter.GetValueOrDefault("kind", code), file.FrontMatter.GetValueOrDefault("title", code), file.Markup);
    }
}

/// <summary>A stored version filled with the sample data.</summary>
public sealed record TemplatePreview(DocumentTemplate Template, TemplateVersion Version, FilledTemplate Filled);

/// <summary>
/// The stored templates and their versions. An upload is checked by filling it with the sample model:
/// a Liquid or markup error is returned with its line and nothing is stored; otherwise it becomes the
/// next version. Old versions stay, so a document made from version 1 can always be filled again.
/// </summary>
public sealed class TemplateLibrary(ITemplateStore store, TemplateFiller filler, Organisation organisation, IAuditLog audit, TimeProvider time)
    : ITemplateLibrary
{
    private const int MaxConflictRetries = 5;

    public Task<DocumentTemplate?> GetAsync(string code, CancellationToken ct) => store.GetAsync(code.Trim(), ct);

    public Task<IReadOnlyList<DocumentTemplate>> AllAsync(CancellationToken ct) => store.AllAsync(ct);

    public Result<FilledTemplate> Fill(string markup, TemplateModel model) => filler.Fill(markup, model);

    /// <summary>The sample data for a template of this kind, dated today in the organisation's calendar.</summary>
    public TemplateModel SampleModel(string kind) =>
        SampleTemplateModel.Create(organisation.Documents, kind, organisation.Calendar.LocalDate(time.GetUtcNow()));

    /// <summary>Fills a stored version (the current one when <paramref name="version"/> is null) with the sample data.</summary>
    public async Task<Result<TemplatePreview>> PreviewAsync(string code, int? version,
        CancellationToken ct)
    {
        if (await GetAsync(code, ct) is not { } template) return new Problem(TemplateProblems.NotFound, code);
        var chosen = version is { } n ? template.VersionOf(n) : template.Current;
        if (chosen is null) return new Problem(TemplateProblems.VersionNotFound, template.Id, version!.Value);
        var filled = Fill(chosen.Markup, SampleModel(template.Kind));
        return filled.IsOk ? Result<TemplatePreview>.Ok(new TemplatePreview(template, chosen, filled.Value!)) : filled.Problem!;
    }

    public static bool MayUpload(Person person) => person.Has(Role.Admin) || person.Has(Role.Lawyer);

    /// <summary>
    /// Stores <paramref name="file"/> as the template's next version after filling it with the sample data.
    /// The same text as the current version is refused, which also makes a replayed upload a no-op.
    /// </summary>
    public async Task<Result<DocumentTemplate>> UploadAsync(string code, TemplateFile file, Person uploader, CancellationToken ct)
    {
        if (!MayUpload(uploader)) return new Problem(TemplateProblems.NotAllowed);
        if (await GetAsync(code, ct) is null) return new Problem(TemplateProblems.NotFound, code);
        var markup = file.Markup.TrimEnd();
        if (markup.Length == 0) return new Problem(TemplateProblems.Empty);
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            var template = (await GetAsync(code, ct))!;
            var check = Fill(markup, SampleModel(template.Kind));
            if (check.Problem is { Code: TemplateProblems.Invalid, Args: [int line, var message] })
                return new Problem(TemplateProblems.Invalid, line + file.FirstLine - 1, message);
            if (check.Problem is { } problem) return problem;
            if (template.Current.Markup == markup) return new Problem(TemplateProblems.Unchanged, template.Current.Number);
            var now = time.GetUtcNow();
            template.Versions.Add(new TemplateVersion { Number = template.Current.Number + 1, Markup = markup, UploadedBy = uploader.Id, UploadedAt = now });
            if (!await store.TryUpdateAsync(template, ct)) continue;
            await audit.AppendAsync(new AuditEntry
            {
                Subject = $"template:{template.Id}", Action = $"version {template.Current.Number}", ActorId = uploader.Id, At = now,
            }, ct);
            return Result<DocumentTemplate>.Ok(template);
        }
        throw new InvalidOperationException($"Template {code} kept changing under the upload");
    }

    /// <summary>Stores each sample whose code is not stored yet as its version 1; stored templates (and newer versions) are left alone.</summary>
    public async Task<int> SeedAsync(IEnumerable<SampleTemplate> samples, CancellationToken ct)
    {
        var added = 0;
        foreach (var sample in samples)
        {
            if (await store.GetAsync(sample.Code, ct) is not null) continue;
            var template = new DocumentTemplate
            {
                Id = sample.Code, Kind = sample.Kind, Title = sample.Title,
                Versions = [new TemplateVersion { Number = 1, Markup = sample.Markup.TrimEnd(), UploadedBy = 0, UploadedAt = time.GetUtcNow() }],
            };
            if (await store.TryInsertAsync(template, ct)) added++;
        }
        return added;
    }
}
