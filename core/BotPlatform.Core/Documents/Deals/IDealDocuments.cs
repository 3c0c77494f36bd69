using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Deals;

/// <summary>One document of a deal as its card lists it: "Договор оказания услуг Д-2026-0001 — на согласовании".</summary>
public sealed record DealDocumentLine(string Title, string Number, Text Status);

/// <summary>
/// The documents generated for a deal, for the deal's card. The documents feature (generation and the
/// registry) replaces <see cref="NoDealDocuments"/> with its own implementation.
/// </summary>
public interface IDealDocuments
{
    Task<IReadOnlyList<DealDocumentLine>> ForDealAsync(long dealId, CancellationToken ct);
}

/// <summary>Until documents can be generated, a deal has none, and its card says so.</summary>
public sealed class NoDealDocuments : IDealDocuments
{
    public Task<IReadOnlyList<DealDocumentLine>> ForDealAsync(long dealId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DealDocumentLine>>([]);
}
