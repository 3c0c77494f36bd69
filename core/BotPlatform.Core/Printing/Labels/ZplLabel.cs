using System.Globalization;
using System.Text;

namespace BotPlatform.Core.Printing.Labels;

/// <summary>One text field of a label: where it starts (dots), its font height and the text.</summary>
public sealed record LabelField(int X, int Y, int Height, string Text);

/// <summary>
/// An address label in ZPL II for a 203 dpi thermal printer: UTF-8 (^CI28) in the printer's scalable font that has
/// Cyrillic (E:TT0003M_.FNT on Zebra printers), the recipient in the order the Russian Post reads it, the postcode
/// large on its own line, the documents inside by their codes and the sender's return address at the bottom.
/// Lines are wrapped to the label's width and whatever does not fit its height is left out, so every field lies on
/// the label.
/// </summary>
public static class ZplLabel
{
    public const string Font = "E:TT0003M_.FNT";

    /// <summary>The fields in print order, laid out for the size (what <see cref="Render"/> prints; tests check them).</summary>
    public static IReadOnlyList<LabelField> Layout(AddressLabel label, LabelSize size)
    {
        var small = size.HeightMm < 100;
        var margin = small ? 12 : 32;
        var body = small ? 20 : 34;
        var postcode = small ? 34 : 72;
        var note = small ? 16 : 26;
        var fields = new List<LabelField>();
        var y = margin;
        var width = size.WidthDots - 2 * margin;
        var bottom = size.HeightDots - margin;

        bool Add(string text, int height)
        {
            foreach (var line in Wrap(text, height, width))
            {
                if (y + height > bottom) return false;
                fields.Add(new LabelField(margin, y, height, line));
                y += height + height / 4;
            }
            return true;
        }

        Add((small ? "" : "Кому: ") + label.Recipient, body);
        if (label.Contact is { Length: > 0 } contact) Add(contact, body);
        foreach (var line in label.AddressLines) Add(line, body);
        if (label.Postcode.Length > 0) Add(label.Postcode, postcode);
        if (label.DocumentCodes.Count > 0) Add("Док.: " + string.Join(", ", label.DocumentCodes), note);
        if (label.Sender.Length > 0)
        {
            Add("От: " + label.Sender, note);
            Add(string.Join(", ", label.SenderAddressLines.Prepend(label.SenderPostcode ?? "").Where(s => s.Length > 0)), note);
        }
        return fields;
    }

    public static string Render(AddressLabel label, LabelSize size)
    {
        var zpl = new StringBuilder()
            .Append("^XA\n^CI28\n")
            .Append(CultureInfo.InvariantCulture, $"^PW{size.WidthDots}^LL{size.HeightDots}^LH0,0\n");
        foreach (var f in Layout(label, size))
            zpl.Append(CultureInfo.InvariantCulture, $"^FO{f.X},{f.Y}^A@N,{f.Height},{f.Height},{Font}^FD{Escape(f.Text)}^FS\n");
        return zpl.Append("^PQ1\n^XZ\n").ToString();
    }

    /// <summary>The widest a line of this font height may be in characters (a glyph is about 0.6 of its height wide).</summary>
    public static int MaxChars(int height, int widthDots) => Math.Max(1, (int)(widthDots / (height * 0.6)));

    private static IEnumerable<string> Wrap(string text, int height, int widthDots)
    {
        var max = MaxChars(height, widthDots);
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word;
            while (w.Length > max)
            {
                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }
                yield return w[..max];
                w = w[max..];
            }
            if (line.Length > 0 && line.Length + 1 + w.Length > max)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(w);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    // ^ and ~ start ZPL commands; they never belong in an address.
    private static string Escape(string text) => text.Replace('^', ' ').Replace('~', ' ');
}
