using BotPlatform.Core.Documents.Templates;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>One document per template with all its versions; the code (lower case) is the id.</summary>
internal sealed class TemplateStore(LiteDbContext db) : ITemplateStore
{
    private const string Name = LiteDbCollections.Templates;
    private readonly LiteDB.ILiteCollection<DocumentTemplate> _templates = db.Collection<DocumentTemplate>(Name);

    public Task<DocumentTemplate?> GetAsync(string code, CancellationToken ct) =>
        Task.FromResult<DocumentTemplate?>(_templates.FindById(Key(code)));

    public Task<IReadOnlyList<DocumentTemplate>> AllAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DocumentTemplate>>(_templates.FindAll().OrderBy(t => t.Id, StringComparer.Ordinal).ToList());

    public Task<bool> TryInsertAsync(DocumentTemplate template, CancellationToken ct) => Task.FromResult(db.Exclusive(() =>
    {
        template.Id = Key(template.Id);
        if (_templates.FindById(template.Id) is not null) return false;
        template.Version = 0;
        _templates.Insert(template);
        return true;
    }));

    public Task<bool> TryUpdateAsync(DocumentTemplate template, CancellationToken ct) =>
        Task.FromResult(db.TryUpdateVersioned(Name, template.Id, template));

    private static string Key(string code) => code.Trim().ToLowerInvariant();
}
