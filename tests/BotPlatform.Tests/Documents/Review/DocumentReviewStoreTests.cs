using BotPlatform.Core.Documents.Review;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Documents.Review;

/// <summary>The review store behaves the same on LiteDB and PostgreSQL.</summary>
public abstract class DocumentReviewStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private TestStorage _storage = null!;

    public sealed class LiteDb() : DocumentReviewStoreTests(StorageEngine.LiteDb);
    public sealed class Postgres() : DocumentReviewStoreTests(StorageEngine.Postgres);

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);
    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private IDocumentReviewStore Reviews => _storage.Services.GetRequiredService<IDocumentReviewStore>();

    private static readonly DateTimeOffset At = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_review_is_found_by_document_and_by_its_live_token_hash_and_keeps_its_comments_and_replies()
    {
        var review = new DocumentReview { DocumentId = 5, TokenHash = "aa11", IssuedAt = At, IssuedBy = 3, Links = 1 };
        await Reviews.InsertAsync(review, default);
        review.Comments.Add(new ReviewComment
        {
            No = 1, At = At, Clause = "2.1.", ClauseText = "Старый текст", TextVersion = 1, Author = "Иван <b>", Text = "Не согласны", Proposal = "Новый текст",
            Replies = [new ReviewReply { At = At.AddMinutes(5), ActorId = 3, Author = "Ольга", Text = "Приняли" }],
            AcceptedAt = At.AddMinutes(6), AcceptedBy = 3, AcceptedVersion = 2,
        });
        Assert.True(await Reviews.TryUpdateAsync(review, default));

        var byToken = await Reviews.FindByTokenHashAsync("aa11", default);
        var byDocument = await Reviews.ByDocumentAsync(5, default);

        Assert.Equal(review.Id, byToken?.Id);
        Assert.Equal(review.Id, byDocument?.Id);
        var comment = Assert.Single(byToken!.Comments);
        Assert.Equal(("2.1.", "Иван <b>", "Новый текст", 2, At.AddMinutes(6)), (comment.Clause, comment.Author, comment.Proposal, comment.AcceptedVersion, comment.AcceptedAt));
        Assert.Equal("Приняли", Assert.Single(comment.Replies).Text);
        Assert.True(comment.IsAccepted);
        Assert.Null(await Reviews.FindByTokenHashAsync("bb22", default));
        Assert.Null(await Reviews.ByDocumentAsync(6, default));
    }

    [Fact]
    public async Task A_revoked_link_is_not_found_and_several_revoked_reviews_live_side_by_side()
    {
        var first = new DocumentReview { DocumentId = 1, TokenHash = "t1" };
        var second = new DocumentReview { DocumentId = 2, TokenHash = "t2" };
        await Reviews.InsertAsync(first, default);
        await Reviews.InsertAsync(second, default);

        first.TokenHash = null;
        second.TokenHash = null;

        Assert.True(await Reviews.TryUpdateAsync(first, default));
        Assert.True(await Reviews.TryUpdateAsync(second, default));
        Assert.Null(await Reviews.FindByTokenHashAsync("t1", default));
        Assert.Null((await Reviews.GetAsync(second.Id, default))!.TokenHash);
    }

    [Fact]
    public async Task Of_two_updates_from_one_version_only_the_first_is_saved()
    {
        var review = new DocumentReview { DocumentId = 9, TokenHash = "x" };
        await Reviews.InsertAsync(review, default);
        var one = (await Reviews.GetAsync(review.Id, default))!;
        var two = (await Reviews.GetAsync(review.Id, default))!;
        one.Comments.Add(new ReviewComment { No = 1, Author = "A", Text = "one" });
        two.Comments.Add(new ReviewComment { No = 1, Author = "B", Text = "two" });

        Assert.True(await Reviews.TryUpdateAsync(one, default));
        Assert.False(await Reviews.TryUpdateAsync(two, default));
        Assert.Equal("one", Assert.Single((await Reviews.GetAsync(review.Id, default))!.Comments).Text);
    }

    [Fact]
    public async Task One_review_per_document()
    {
        await Reviews.InsertAsync(new DocumentReview { DocumentId = 4, TokenHash = "a" }, default);

        await Assert.ThrowsAnyAsync<Exception>(() => Reviews.InsertAsync(new DocumentReview { DocumentId = 4, TokenHash = "b" }, default));
    }
}
