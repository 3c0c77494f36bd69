using System.Text;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Clients;
using Microsoft.VisualBasic.FileIO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BotPlatform.Infrastructure.Documents;

/// <summary>
/// Import files in UTF-8. CSV: a header row naming the columns, ';' or ',' between fields (whichever
/// the header uses more), fields in double quotes may hold separators, quotes ("") and line breaks.
/// YAML: a list of mappings, or a mapping whose <c>clients:</c> key holds that list. Columns and keys are
/// the names of <see cref="ClientFields"/> or their Russian captions (ИНН, КПП, Название...).
/// </summary>
public sealed class ClientFileReader : IClientFileReader
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["страна"] = ClientFields.Country, ["название"] = ClientFields.LegalName, ["наименование"] = ClientFields.LegalName,
        ["name"] = ClientFields.LegalName, ["инн"] = ClientFields.Inn, ["кпп"] = ClientFields.Kpp, ["огрн"] = ClientFields.Ogrn,
        ["унп"] = ClientFields.Unp, ["юридический_адрес"] = ClientFields.LegalAddress, ["индекс"] = ClientFields.Postcode,
        ["почтовый_адрес"] = ClientFields.PostalAddress, ["банк"] = ClientFields.BankName, ["бик"] = ClientFields.Bik,
        ["swift"] = ClientFields.Bik, ["р/с"] = ClientFields.Account, ["расчётный_счёт"] = ClientFields.Account,
        ["расчетный_счет"] = ClientFields.Account, ["iban"] = ClientFields.Account, ["к/с"] = ClientFields.CorrespondentAccount,
        ["корр_счёт"] = ClientFields.CorrespondentAccount, ["корр_счет"] = ClientFields.CorrespondentAccount,
        ["подписант"] = ClientFields.Signatory, ["должность"] = ClientFields.SignatoryPosition, ["основание"] = ClientFields.Basis,
        ["почта"] = ClientFields.Email, ["e-mail"] = ClientFields.Email, ["телефон"] = ClientFields.Phone,
    };

    public Result<IReadOnlyList<ClientRecord>> Read(ClientFileKind kind, Stream content)
    {
        using var reader = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        string text;
        try
        {
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            return Bad(ClientProblems.FileEncoding);
        }
        return kind == ClientFileKind.Csv ? ReadCsv(text) : ReadYaml(text);
    }

    private static Result<IReadOnlyList<ClientRecord>> ReadCsv(string text)
    {
        var header = text.Split('\n', 2)[0];
        using var parser = new TextFieldParser(new StringReader(text)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = true };
        parser.SetDelimiters(header.Count(c => c == ';') >= header.Count(c => c == ',') ? ";" : ",");
        try
        {
            var headerLine = parser.LineNumber;
            if (parser.ReadFields() is not { Length: > 0 } names) return Bad(ClientProblems.FileNoHeader);
            var keys = new List<string>();
            foreach (var name in names)
            {
                if (Key(name) is not { } key) return Bad(ClientProblems.FileUnknownColumn, headerLine, name, Known());
                if (keys.Contains(key)) return Bad(ClientProblems.FileDuplicateColumn, headerLine, name);
                keys.Add(key);
            }
            var rows = new List<ClientRecord>();
            // TextFieldParser skips blank lines and reports only the next line to read: a row's own line is
            // found back from the line after it and the line breaks inside its quoted fields.
            var endLine = text.Count(c => c == '\n') + (text.EndsWith('\n') ? 1 : 2);
            while (!parser.EndOfData)
            {
                if (parser.ReadFields() is not { } fields || fields.All(string.IsNullOrWhiteSpace)) continue;
                var next = parser.LineNumber < 0 ? endLine : parser.LineNumber;
                var line = (int)(next - 1 - fields.Sum(f => f.Count(c => c == '\n')));
                if (fields.Length != keys.Count) return Bad(ClientProblems.FileFieldCount, line, fields.Length, keys.Count);
                rows.Add(new ClientRecord(line, keys.Zip(fields).ToDictionary(p => p.First, p => p.Second)));
            }
            return Result<IReadOnlyList<ClientRecord>>.Ok(rows);
        }
        catch (MalformedLineException ex)
        {
            return Bad(ClientProblems.FileQuotes, ex.LineNumber);
        }
    }

    private static Result<IReadOnlyList<ClientRecord>> ReadYaml(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            return Bad(ClientProblems.FileYamlSyntax, ex.Start.Line, ex.Message);
        }
        var root = stream.Documents.FirstOrDefault()?.RootNode;
        if (root is YamlMappingNode map && map.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "clients").Value is { } list)
            root = list;
        if (root is not YamlSequenceNode items) return Bad(ClientProblems.FileYamlShape, root?.Start.Line ?? 1);
        var rows = new List<ClientRecord>();
        foreach (var item in items)
        {
            if (item is not YamlMappingNode client) return Bad(ClientProblems.FileYamlShape, item.Start.Line);
            var values = new Dictionary<string, string>();
            foreach (var (keyNode, valueNode) in client.Children)
            {
                var name = (keyNode as YamlScalarNode)?.Value ?? "";
                if (Key(name) is not { } key) return Bad(ClientProblems.FileUnknownColumn, keyNode.Start.Line, name, Known());
                if (valueNode is not YamlScalarNode scalar) return Bad(ClientProblems.FileYamlShape, valueNode.Start.Line);
                values[key] = scalar.Value ?? "";
            }
            rows.Add(new ClientRecord(checked((int)item.Start.Line), values));
        }
        return Result<IReadOnlyList<ClientRecord>>.Ok(rows);
    }

    private static string? Key(string name)
    {
        var key = name.Trim().Trim('\uFEFF').ToLowerInvariant().Replace(' ', '_').Replace('.', '_').Replace("__", "_", StringComparison.Ordinal);
        if (ClientFields.All.Any(f => f.Key == key)) return key;
        return Aliases.GetValueOrDefault(key) ?? Aliases.GetValueOrDefault(name.Trim());
    }

    private static string Known() => string.Join(", ", ClientFields.All.Select(f => f.Key));

    private static Result<IReadOnlyList<ClientRecord>> Bad(string problem, params object[] args) =>
        Result<IReadOnlyList<ClientRecord>>.Fail(problem, args);
}
