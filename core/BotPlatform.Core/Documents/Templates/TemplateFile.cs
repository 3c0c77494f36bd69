using System.Text;

namespace BotPlatform.Core.Documents.Templates;

/// <summary>
/// A template as a file: UTF-8 text (a Windows-1251 file saved by an older editor is read too), with an
/// optional front matter between two "---" lines at the very top ("kind: invoice", "title: Счёт на оплату")
/// that describes the template and is not part of its text.
/// </summary>
/// <param name="FirstLine">The file's line where <paramref name="Markup"/> starts (after the front matter), so errors point into the file.</param>
public sealed record TemplateFile(IReadOnlyDictionary<string, string> FrontMatter, string Markup, int FirstLine = 1)
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public static readonly IReadOnlyList<string> Extensions = [".md", ".txt"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool HasTextExtension(string? fileName) =>
        Extensions.Any(e => fileName?.EndsWith(e, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>
    /// A Word document or a PDF renamed to .txt holds NUL bytes outside a UTF-16 text; read as text it
    /// would become a "template" of garbage.
    /// </summary>
    public static bool LooksBinary(byte[] bytes) =>
        bytes is not ([0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) && Array.IndexOf(bytes, (byte)0) >= 0;

    public static string Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return StrictUtf8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1251).GetString(bytes);
        }
    }

    public static TemplateFile Read(string text)
    {
        var normalised = text.Replace("\r\n", "\n").TrimStart('\uFEFF');
        var lines = normalised.Split('\n');
        if (lines.Length < 2 || lines[0].Trim() != "---") return new TemplateFile(new Dictionary<string, string>(), normalised);
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0) return new TemplateFile(new Dictionary<string, string>(), normalised);
        var front = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..end])
        {
            var colon = line.IndexOf(':');
            if (colon > 0) front[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"');
        }
        // Blank lines after the front matter belong to neither part.
        var skipped = lines[(end + 1)..].TakeWhile(string.IsNullOrWhiteSpace).Count();
        return new TemplateFile(front, string.Join('\n', lines[(end + 1 + skipped)..]), end + 2 + skipped);
    }
}
