using System.Text.RegularExpressions;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;

namespace BotPlatform.Core.Briefs;

/// <summary>
/// The fields of a client's record a brief answer may be copied to. Phone and e-mail are the record's own
/// fields (checked, so a brief cannot put a broken phone into documents); the rest live in the record's profile.
/// </summary>
public static partial class BriefFields
{
    public const string ContactPerson = "contact_person";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Website = "website";
    public const string Accounts = "accounts";
    public const string Goals = "goals";
    public const string Audience = "audience";
    public const string Competitors = "competitors";
    public const string Budget = "budget";
    public const string Notes = "notes";

    public static IReadOnlyList<string> All { get; } = [ContactPerson, Phone, Email, Website, Accounts, Goals, Audience, Competitors, Budget, Notes];

    public static bool IsKnown(string field) => All.Contains(field, StringComparer.OrdinalIgnoreCase);

    public const int MaxAnswerLength = 2000;

    /// <summary>The answer as it will be stored, or the problem to show (the client is asked again).</summary>
    public static Result<string> Check(string? field, string? answer)
    {
        var text = (answer ?? "").Trim();
        if (text.Length == 0) return Result<string>.Fail(BriefProblems.AnswerRequired);
        if (text.Length > MaxAnswerLength) return Result<string>.Fail(BriefProblems.AnswerTooLong, MaxAnswerLength);
        switch (field?.ToLowerInvariant())
        {
            case Phone:
                var digits = text.Count(char.IsAsciiDigit);
                if (digits is < 7 or > 15 || !PhonePattern().IsMatch(text)) return Result<string>.Fail(BriefProblems.BadPhone);
                break;
            case Email:
                if (!EmailPattern().IsMatch(text)) return Result<string>.Fail(BriefProblems.BadEmail);
                break;
            case Website:
                if (!WebsitePattern().IsMatch(text)) return Result<string>.Fail(BriefProblems.BadWebsite);
                break;
        }
        return Result<string>.Ok(text);
    }

    /// <summary>Copies one checked answer into the client's record.</summary>
    public static void Apply(Client client, string field, string value)
    {
        switch (field.ToLowerInvariant())
        {
            case Phone: client.Phone = value; break;
            case Email: client.Email = value; break;
            default: client.Profile[field.ToLowerInvariant()] = value; break;
        }
    }

    [GeneratedRegex(@"^\+?[\d\s\-\(\)]+$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(https?://)?[\p{L}\d\-]+(\.[\p{L}\d\-]+)+(/\S*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex WebsitePattern();
}
