using BotPlatform.Core.Documents.Review;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>Client reviews, one per document, found by the hash of their live link.</summary>
internal sealed class DocumentReviewStore : IDocumentReviewStore
{
    private const string Name = LiteDbCollections.DocumentReviews;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<DocumentReview> _reviews;

    public DocumentReviewStore(LiteDbContext db)
    {
        _db = db;
        _reviews = db.Collection<DocumentReview>(Name);
        _reviews.EnsureIndex(r => r.DocumentId, unique: true);
        // Not unique: revoked reviews all hold null.
        _reviews.EnsureIndex(r => r.TokenHash);
    }

    public Task<DocumentReview?> GetAsync(long id, CancellationToken ct) => Task.FromResult<DocumentReview?>(_reviews.FindById(id));

    public Task<DocumentReview?> ByDocumentAsync(long documentId, CancellationToken ct) =>
        Task.FromResult<DocumentReview?>(_reviews.FindOne(Query.EQ(nameof(DocumentReview.DocumentId), documentId)));

    public Task<DocumentReview?> FindByTokenHashAsync(string tokenHash, CancellationToken ct) =>
        Task.FromResult<DocumentReview?>(_reviews.FindOne(Query.EQ(nameof(DocumentReview.TokenHash), tokenHash)));

    public Task InsertAsync(DocumentReview review, CancellationToken ct)
    {
        review.Version = 0;
        _reviews.Insert(review);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(DocumentReview review, CancellationToken ct) => Task.FromResult(_db.TryUpdateVersioned(Name, review.Id, review));
}
