using System.Globalization;

namespace BotPlatform.Bot.Documents;

/// <summary>Buttons of the documents registry: "doc:{action}:{id}" (well within Telegram's 64 bytes).</summary>
public static class DocumentButtons
{
    public const string Prefix = "doc";
    public const string SubmitAll = "all";
    public const string Submit = "sub";
    public const string Edit = "edit";
    public const string Review = "rev";

    public static string SubmitDeal(long dealId) => Data(SubmitAll, dealId);
    public static string SubmitDocument(long documentId) => Data(Submit, documentId);
    public static string EditDocument(long documentId) => Data(Edit, documentId);
    public static string ReviewDocument(long documentId) => Data(Review, documentId);

    public static bool TryParse(string[] data, out string action, out long id)
    {
        action = data.Length > 1 ? data[1] : "";
        id = 0;
        return data.Length == 3 && action is SubmitAll or Submit or Edit or Review
            && long.TryParse(data[2], NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    private static string Data(string action, long id) => $"{Prefix}:{action}:{id.ToString(CultureInfo.InvariantCulture)}";
}
