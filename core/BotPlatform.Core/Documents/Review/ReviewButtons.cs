using System.Globalization;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Core.Documents.Review;

/// <summary>"rvw:acc:{review}:{comment}" - the manager's Accept button under a proposed wording.</summary>
public static class ReviewButtons
{
    public const string Prefix = "rvw";
    public const string Accept = "acc";

    public static InlineButton AcceptButton(long reviewId, int commentNo, Lang lang) =>
        new(ReviewTexts.AcceptButton.In(lang), string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{Accept}:{reviewId}:{commentNo}"));

    public static bool TryParse(string[] data, out long reviewId, out int commentNo)
    {
        reviewId = 0;
        commentNo = 0;
        return data.Length == 4 && data[1] == Accept
            && long.TryParse(data[2], NumberStyles.None, CultureInfo.InvariantCulture, out reviewId)
            && int.TryParse(data[3], NumberStyles.None, CultureInfo.InvariantCulture, out commentNo);
    }

    /// <summary>The last line of a comment's notice: the manager's Telegram reply to it is found by this tag.</summary>
    public static string Tag(long reviewId, int commentNo) => string.Create(CultureInfo.InvariantCulture, $"#rv{reviewId}_{commentNo}");

    public static bool TryParseTag(string? text, out long reviewId, out int commentNo)
    {
        reviewId = 0;
        commentNo = 0;
        if (text is null) return false;
        var at = text.LastIndexOf("#rv", StringComparison.Ordinal);
        if (at < 0) return false;
        var parts = text[(at + 3)..].Trim().Split('_');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out reviewId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out commentNo);
    }
}
