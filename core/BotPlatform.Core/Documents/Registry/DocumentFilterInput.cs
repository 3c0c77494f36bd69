using BotPlatform.Core.Common;

namespace BotPlatform.Core.Documents.Registry;

/// <summary>
/// /docs filters as people type them: "status=согласован client=Ромашка kind=invoice from=01.11.2026 to=30.11.2026".
/// Each part is key=value; a value with spaces goes in quotes (client="Ромашка плюс"). Statuses in Russian
/// or English; the client is a part of the name or the tax id.
/// </summary>
public static class DocumentFilterInput
{
    public sealed record Parsed(DocumentStatus? Status, string? Client, string? Kind, DateOnly? From, DateOnly? To);

    private static readonly Dictionary<string, DocumentStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["черновик"] = DocumentStatus.Draft, ["draft"] = DocumentStatus.Draft,
        ["согласование"] = DocumentStatus.OnApproval, ["на_согласовании"] = DocumentStatus.OnApproval, ["approval"] = DocumentStatus.OnApproval,
        ["onapproval"] = DocumentStatus.OnApproval,
        ["согласован"] = DocumentStatus.Approved, ["approved"] = DocumentStatus.Approved,
        ["напечатан"] = DocumentStatus.Printed, ["printed"] = DocumentStatus.Printed,
        ["отправлен"] = DocumentStatus.Sent, ["sent"] = DocumentStatus.Sent,
        ["возвращён"] = DocumentStatus.Returned, ["возвращен"] = DocumentStatus.Returned, ["returned"] = DocumentStatus.Returned,
        ["архив"] = DocumentStatus.Archived, ["archived"] = DocumentStatus.Archived,
        ["аннулирован"] = DocumentStatus.Annulled, ["annulled"] = DocumentStatus.Annulled,
    };

    /// <summary>The filter, or the part that could not be read.</summary>
    public static bool TryParse(string text, DateOnly today, out Parsed filter, out string? bad)
    {
        filter = new Parsed(null, null, null, null, null);
        bad = null;
        foreach (var part in Split(text))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                bad = part;
                return false;
            }
            var key = part[..eq].Trim().ToLowerInvariant();
            var value = part[(eq + 1)..].Trim().Trim('"', '«', '»');
            switch (key)
            {
                case "status" or "статус" when Statuses.TryGetValue(value.Replace(' ', '_'), out var status):
                    filter = filter with { Status = status };
                    break;
                case "client" or "клиент" when value.Length > 0:
                    filter = filter with { Client = value };
                    break;
                case "kind" or "вид" when value.Length > 0:
                    filter = filter with { Kind = value.ToLowerInvariant() };
                    break;
                case "from" or "с" when DateInput.TryParse(value, today, out var from) && value.Length > 5:
                    filter = filter with { From = from };
                    break;
                case "to" or "по" when DateInput.TryParse(value, today, out var to) && value.Length > 5:
                    filter = filter with { To = to };
                    break;
                default:
                    bad = part;
                    return false;
            }
        }
        return true;
    }

    private static IEnumerable<string> Split(string text)
    {
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in text.Trim())
        {
            if (c is '"' or '«' or '»') quoted = c switch { '«' => true, '»' => false, _ => !quoted };
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0) yield return current.ToString();
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0) yield return current.ToString();
    }
}
