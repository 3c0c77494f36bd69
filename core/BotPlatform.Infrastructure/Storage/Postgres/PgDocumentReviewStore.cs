using BotPlatform.Core.Documents.Review;

namespace BotPlatform.Infrastructure.Storage.Postgres;

internal sealed class PgDocumentReviewStore(PostgresDatabase db) : IDocumentReviewStore
{
    private readonly PgCollection<DocumentReview> _reviews = new(db, "document_reviews",
        new("document_id", r => r.DocumentId), new("token_hash", r => r.TokenHash));

    public Task<DocumentReview?> GetAsync(long id, CancellationToken ct) => _reviews.GetAsync(id, ct);

    public Task<DocumentReview?> ByDocumentAsync(long documentId, CancellationToken ct) => _reviews.FindOneAsync("document_id = @p0", ct, documentId);

    public Task<DocumentReview?> FindByTokenHashAsync(string tokenHash, CancellationToken ct) => _reviews.FindOneAsync("token_hash = @p0", ct, tokenHash);

    public Task InsertAsync(DocumentReview review, CancellationToken ct)
    {
        review.Version = 0;
        return _reviews.InsertAsync(review, ct);
    }

    public Task<bool> TryUpdateAsync(DocumentReview review, CancellationToken ct) => _reviews.TryUpdateVersionedAsync(review, ct);
}
