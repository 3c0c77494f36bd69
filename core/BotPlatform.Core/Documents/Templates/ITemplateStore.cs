namespace BotPlatform.Core.Documents.Templates;

/// <summary>Templates with all their versions, by code.</summary>
public interface ITemplateStore
{
    /// <summary>Case-insensitive code.</summary>
    Task<DocumentTemplate?> GetAsync(string code, CancellationToken ct);
    /// <summary>Code order.</summary>
    Task<IReadOnlyList<DocumentTemplate>> AllAsync(CancellationToken ct);
    /// <summary>False when a template with this code already exists (nothing is changed then).</summary>
    Task<bool> TryInsertAsync(DocumentTemplate template, CancellationToken ct);
    /// <summary>Saves when the stored version equals template.Version, then increments it; false on a conflict.</summary>
    Task<bool> TryUpdateAsync(DocumentTemplate template, CancellationToken ct);
}
