using System.Text;
using System.Text.RegularExpressions;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Mail;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Printing.Labels;
using BotPlatform.Infrastructure.Documents.Pdf;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Mail;

/// <summary>The envelope's address label: ZPL for thermal printers, a PDF for label printers behind CUPS.</summary>
public sealed partial class AddressLabelTests
{
    private static AddressLabel Romashka(Client? client = null) =>
        AddressLabels.For(client ?? DocumentArrange.Romashka(), ["BP000001", "BP000002"], DocumentsDefinition.Default.Seller);

    public static TheoryData<int, int, int, int> Sizes => new() { { 58, 40, 464, 320 }, { 100, 150, 800, 1200 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_zpl_holds_the_recipient_the_postcode_and_the_codes_in_utf8_at_the_labels_size(int width, int height, int dotsWide, int dotsHigh)
    {
        var zpl = ZplLabel.Render(Romashka(), new LabelSize(width, height));

        var bytes = Encoding.UTF8.GetBytes(zpl);
        Assert.StartsWith("^XA\n^CI28\n", zpl);
        Assert.Contains($"^PW{dotsWide}^LL{dotsHigh}", zpl);
        Assert.EndsWith("^XZ\n", zpl);
        var texts = Fields(zpl).Select(f => f.Text).ToList();
        Assert.Contains("117997", texts);
        Assert.Contains("ул. Вавилова, д. 19", texts);
        Assert.Contains("г. Москва", texts);
        Assert.Contains(texts, t => t.Contains("ООО «Ромашка»"));
        Assert.Contains(texts, t => t.Contains("BP000001, BP000002"));
        Assert.True(bytes.AsSpan().IndexOf("ул. Вавилова"u8) >= 0, "Cyrillic travels as UTF-8");
        Assert.All(Fields(zpl), f => Assert.Contains(",E:TT0003M_.FNT", f.Command));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_field_lies_on_the_label_even_with_a_very_long_address(int width, int height, int dotsWide, int dotsHigh)
    {
        var client = DocumentArrange.Romashka();
        client.LegalName = "Общество с ограниченной ответственностью «Очень длинное название компании для проверки переноса строк»";
        client.PostalAddress = "Московская обл., г. Красногорск, ул. Международная, д. 12, корп. 3, стр. 1, офис 456, помещение 7, кабинет директора";

        var zpl = ZplLabel.Render(AddressLabels.For(client, Enumerable.Range(1, 12).Select(i => $"BP{i:000000}"), DocumentsDefinition.Default.Seller),
            new LabelSize(width, height));

        var fields = Fields(zpl);
        Assert.NotEmpty(fields);
        Assert.All(fields, f =>
        {
            Assert.InRange(f.X, 0, dotsWide - 1);
            Assert.InRange(f.Y, 0, dotsHigh - f.Height);
            Assert.True(f.X + f.Text.Length * f.Height * 0.6 <= dotsWide, $"“{f.Text}” is wider than the label");
        });
        Assert.Contains(fields, f => f.Text == "Московская обл.");
    }

    [Fact]
    public void The_recipient_reads_as_the_russian_post_expects_street_city_region_then_the_postcode()
    {
        var lines = AddressLabels.Lines("г. Красногорск, ул. Международная, д. 12, Московская обл.");
        var fields = Fields(ZplLabel.Render(Romashka(), LabelSize.Large)).Select(f => f.Text).ToList();

        Assert.Equal(["ул. Международная, д. 12", "г. Красногорск", "Московская обл."], lines);
        Assert.Equal("Кому: ООО «Ромашка»", fields[0]);
        Assert.StartsWith("Генеральный директор", fields[1]);
        var order = new[] { "ул. Вавилова, д. 19", "г. Москва", "117997" }.Select(t => fields.IndexOf(t)).ToList();
        Assert.True(order[0] > 1 && order[0] < order[1] && order[1] < order[2], string.Join(" | ", fields));
        Assert.Contains(fields, f => f.StartsWith("От: "));
        Assert.True(fields.FindIndex(f => f.StartsWith("От: ")) > order[2], "the return address comes after the recipient");
    }

    [Fact]
    public void The_pdf_label_has_the_labels_size_and_the_address()
    {
        var pdf = new PdfLabelRenderer().Render(Romashka(), LabelSize.Large);

        var text = PdfTools.ExtractFlatText(pdf);
        Assert.Contains("117997", text);
        Assert.Contains("ул. Вавилова, д. 19", text);
        Assert.Contains("BP000001, BP000002", text);
        Assert.Matches(@"Page size:\s+283\.46\d? x 425\.19\d? pts", PdfTools.Info(pdf));
    }

    private sealed record Field(int X, int Y, int Height, string Text, string Command);

    private static List<Field> Fields(string zpl) => FieldPattern().Matches(zpl)
        .Select(m => new Field(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value), m.Groups[4].Value, m.Value))
        .ToList();

    [GeneratedRegex(@"\^FO(\d+),(\d+)\^A@N,(\d+),\d+,E:TT0003M_\.FNT\^FD(.*?)\^FS")]
    private static partial Regex FieldPattern();
}
