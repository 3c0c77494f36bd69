using System.Text;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Infrastructure.Documents;

namespace BotPlatform.Tests.Documents;

public sealed class ClientFileReaderTests
{
    private readonly ClientFileReader _reader = new();

    [Fact]
    public void Quoted_fields_may_hold_separators_quotes_and_line_breaks_and_rows_keep_their_file_lines()
    {
        const string csv = "\uFEFFНазвание;ИНН;Юридический адрес\n\"ООО \"\"Ромашка\"\"; филиал\";7730123456;\"г. Москва,\nул. Ленина, 1\"\n\nАО Василёк;7810123469;СПб\n";

        var rows = _reader.Read(ClientFileKind.Csv, Stream(csv)).Value!;

        Assert.Equal([2, 5], rows.Select(r => r.Line));
        Assert.Equal(("ООО \"Ромашка\"; филиал", "г. Москва,\nул. Ленина, 1"), (rows[0].Values["legal_name"], rows[0].Values["legal_address"]));
        Assert.Equal("7810123469", rows[1].Values["inn"]);
    }

    [Fact]
    public void A_row_with_too_many_fields_names_its_line()
    {
        var read = _reader.Read(ClientFileKind.Csv, Stream("legal_name,inn\nООО Ромашка, филиал,7730123456\n"));

        Assert.Equal(new object[] { 2, 3, 2 }, read.Problem?.Args);
        Assert.Equal(ClientProblems.FileFieldCount, read.Problem?.Code);
    }

    [Fact]
    public void A_yaml_list_without_the_clients_key_is_read_with_each_clients_line()
    {
        var rows = _reader.Read(ClientFileKind.Yaml, Stream("- legal_name: ООО Ромашка\n  inn: '7730123456'\n- legal_name: АО Василёк\n")).Value!;

        Assert.Equal([1, 3], rows.Select(r => r.Line));
        Assert.Equal("7730123456", rows[0].Values["inn"]);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused()
    {
        var read = _reader.Read(ClientFileKind.Csv, new MemoryStream([0x4E, 0x61, 0x6D, 0x65, 0x0A, 0xCE, 0xCE, 0xCE, 0x0A]));

        Assert.Equal(ClientProblems.FileEncoding, read.Problem?.Code);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
