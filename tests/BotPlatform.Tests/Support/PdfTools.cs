using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ZXing;
using ZXing.Common;

namespace BotPlatform.Tests.Support;

/// <summary>A word pdftotext found, with its box in points from the page's top-left corner.</summary>
public sealed record PdfWord(int Page, string Text, double Left, double Top, double Right, double Bottom);

public sealed record PdfPageSize(double Width, double Height);

/// <summary>The words of a PDF by page, as <c>pdftotext -bbox</c> reports them.</summary>
public sealed record PdfWords(IReadOnlyList<PdfPageSize> Pages, IReadOnlyList<PdfWord> Words)
{
    public IEnumerable<PdfWord> OnPage(int page) => Words.Where(w => w.Page == page);

    /// <summary>
    /// The words line by line, page by page, each line left to right. pdftotext's own order follows its
    /// guess of columns, which widely justified lines and table cells fool.
    /// </summary>
    public IEnumerable<PdfWord> InReadingOrder() => Lines(Words).SelectMany(line => line);

    /// <summary>Words grouped into lines (same page, bottoms within 2pt), top to bottom, each left to right.</summary>
    public static List<List<PdfWord>> Lines(IEnumerable<PdfWord> words)
    {
        var lines = new List<List<PdfWord>>();
        foreach (var word in words.OrderBy(w => w.Page).ThenBy(w => w.Bottom))
        {
            if (lines.Count > 0 && lines[^1][0].Page == word.Page && word.Bottom - lines[^1][0].Bottom < 2)
            {
                lines[^1].Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }

        return lines.Select(l => l.OrderBy(w => w.Left).ToList()).ToList();
    }
}

/// <summary>An 8-bit grey raster, row by row, 0 = black.</summary>
public sealed record GrayImage(int Width, int Height, byte[] Pixels);

/// <summary>
/// Looks into rendered PDFs the way a person would: poppler-utils (pdftotext, pdfinfo, pdftoppm; installed by
/// .ci/run) read the text and rasterise pages, ZXing reads barcodes off the raster.
/// </summary>
public static partial class PdfTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>The text of all pages in reading layout; pages are separated by a form feed.</summary>
    public static string ExtractText(byte[] pdf) => WithFile(pdf, path => Run("pdftotext", "-layout", "-enc", "UTF-8", path, "-"));

    /// <summary>
    /// The text of all pages with every run of white space (line ends, the gaps of justified lines, no-break
    /// spaces as in "120 000,00" or "№ Д-2026-0001") as one plain space: for checking phrases that may wrap.
    /// </summary>
    public static string ExtractFlatText(byte[] pdf) => Flatten(ExtractText(pdf));

    public static string Flatten(string text) => WhiteSpace().Replace(text, " ");

    /// <summary>The text of each page in reading layout, page 1 first.</summary>
    public static IReadOnlyList<string> ExtractPages(byte[] pdf)
    {
        var pages = ExtractText(pdf).Split('\f').ToList();
        if (pages.Count > 0 && pages[^1].Length == 0)
        {
            pages.RemoveAt(pages.Count - 1);
        }

        return pages;
    }

    /// <summary>Every word with its page (from 1) and bounding box, plus each page's size.</summary>
    public static PdfWords Words(byte[] pdf)
    {
        var xhtml = WithFile(pdf, path => Run("pdftotext", "-bbox", "-enc", "UTF-8", path, "-"));
        var document = XDocument.Parse(xhtml);
        var pages = new List<PdfPageSize>();
        var words = new List<PdfWord>();
        foreach (var page in document.Descendants().Where(e => e.Name.LocalName == "page"))
        {
            pages.Add(new PdfPageSize(Number(page, "width"), Number(page, "height")));
            words.AddRange(page.Descendants().Where(e => e.Name.LocalName == "word").Select(word => new PdfWord(
                pages.Count, word.Value, Number(word, "xMin"), Number(word, "yMin"), Number(word, "xMax"), Number(word, "yMax"))));
        }

        return new PdfWords(pages, words);
    }

    /// <summary>What <c>pdfinfo</c> says about the PDF (pages, page size...).</summary>
    public static string Info(byte[] pdf) => WithFile(pdf, path => Run("pdfinfo", path));

    public static int PageCount(byte[] pdf)
    {
        var info = WithFile(pdf, path => Run("pdfinfo", path));
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The names of the fonts the PDF uses, as <c>pdffonts</c> lists them (a subset has a "ABCDEF+" prefix; pdffonts cuts names at 36 characters).</summary>
    public static IReadOnlyList<string> Fonts(byte[] pdf)
    {
        var table = WithFile(pdf, path => Run("pdffonts", path)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rule = Array.FindIndex(table, l => l.StartsWith("---", StringComparison.Ordinal));
        var nameWidth = table[rule].IndexOf(' ', StringComparison.Ordinal);
        return table.Skip(rule + 1).Select(l => l[..nameWidth].TrimEnd()).ToList();
    }

    /// <summary>One page (from 1) in shades of grey.</summary>
    public static GrayImage Rasterise(byte[] pdf, int page = 1, int dpi = 300) => WithFile(pdf, path =>
    {
        var output = Path.Combine(Path.GetDirectoryName(path)!, "page");
        var p = page.ToString(CultureInfo.InvariantCulture);
        Run("pdftoppm", "-gray", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", p, "-l", p, "-singlefile", path, output);
        return ReadPgm(File.ReadAllBytes(output + ".pgm"));
    });

    /// <summary>The text of the first Code128 barcode ZXing finds on the image, or null.</summary>
    public static string? DecodeBarcode(GrayImage image)
    {
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.CODE_128], TryHarder = true },
        };
        return reader.Decode(image.Pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8)?.Text;
    }

    /// <summary>The barcode on a page of the PDF, rasterised at <paramref name="dpi"/>.</summary>
    public static string? DecodeBarcode(byte[] pdf, int page = 1, int dpi = 300) => DecodeBarcode(Rasterise(pdf, page, dpi));

    /// <summary>
    /// The PDF as text with what PDFsharp makes random in every render blanked out: the font subset tags
    /// ("ABCDEF+"), the document ID and the XMP uuids. Two renders of the same request then compare equal.
    /// </summary>
    public static string WithoutRandomIds(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        text = SubsetTag().Replace(text, "/XXXXXX+");
        text = DocumentId().Replace(text, "/ID[]");
        return Uuid().Replace(text, "uuid:");
    }

    /// <summary>Binary PGM (P5, 8 bits): a text header of magic, width, height and maximum, then the pixels.</summary>
    public static GrayImage ReadPgm(byte[] pgm)
    {
        var position = 0;
        var fields = new string[4];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = Token(pgm, ref position);
        }

        if (fields[0] != "P5" || fields[3] != "255")
        {
            throw new System.FormatException($"Not an 8-bit binary PGM: {fields[0]} with maximum {fields[3]}.");
        }

        var width = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var height = int.Parse(fields[2], CultureInfo.InvariantCulture);
        position++; // the single whitespace after the maximum
        return new GrayImage(width, height, pgm.AsSpan(position, width * height).ToArray());
    }

    private static string Token(byte[] data, ref int position)
    {
        while (true)
        {
            while (char.IsWhiteSpace((char)data[position]))
            {
                position++;
            }

            if (data[position] != '#')
            {
                break;
            }

            while (data[position] != '\n')
            {
                position++;
            }
        }

        var start = position;
        while (!char.IsWhiteSpace((char)data[position]))
        {
            position++;
        }

        return Encoding.ASCII.GetString(data, start, position - start);
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)?.Value ?? throw new System.FormatException($"<{element.Name.LocalName}> has no {attribute}."), CultureInfo.InvariantCulture);

    private static T WithFile<T>(byte[] pdf, Func<string, T> read)
    {
        using var folder = new TestFolder();
        var path = Path.Combine(folder.Path, "document.pdf");
        File.WriteAllBytes(path, pdf);
        return read(path);
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} ran longer than {Timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {error.Result}");
        }

        return output.Result;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"/[A-Z]{6}\+")]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"/ID\s*\[<[0-9A-F]+>\s*<[0-9A-F]+>\]")]
    private static partial Regex DocumentId();

    [GeneratedRegex(@"uuid:[0-9a-f-]{36}")]
    private static partial Regex Uuid();
}
