using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace BotPlatform.Infrastructure.Documents.Pdf;

/// <summary>
/// Serves DejaVu Sans (Debian's fonts-dejavu-core) to PDFsharp: it has Cyrillic and all four faces, so no
/// style is simulated. PDFsharp keeps one resolver per process and wants the same instance every time it is
/// set, hence the single instance installed once under a lock.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lock InstallLock = new();
    private static DejaVuFontResolver? installed;

    private readonly string directory;
    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    private DejaVuFontResolver(string directory) => this.directory = directory;

    /// <summary>Sets the process-wide resolver the first time; later calls check it is still ours.</summary>
    public static void EnsureInstalled()
    {
        if (Volatile.Read(ref installed) is not null)
        {
            return;
        }

        lock (InstallLock)
        {
            if (installed is not null)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is { } other)
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has the font resolver {other.GetType().Name}; documents need {nameof(DejaVuFontResolver)}.");
            }

            var resolver = new DejaVuFontResolver(DefaultDirectory);
            GlobalFontSettings.FontResolver = resolver;
            Volatile.Write(ref installed, resolver);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var face = (bold, italic) switch
        {
            (false, false) => "DejaVuSans",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            (true, true) => "DejaVuSans-BoldOblique",
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName) => faces.GetOrAdd(faceName, Load);

    private byte[] Load(string faceName)
    {
        var path = Path.Combine(directory, faceName + ".ttf");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The font {faceName} is missing; install Debian's fonts-dejavu-core (it puts the fonts in {directory}).", path);
        }

        return File.ReadAllBytes(path);
    }
}
