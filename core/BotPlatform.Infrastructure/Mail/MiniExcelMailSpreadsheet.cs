using BotPlatform.Core.Mail;
using MiniExcelLibs;

namespace BotPlatform.Infrastructure.Mail;

/// <summary>The mail register as an .xlsx sheet (MiniExcel), column names in the reader's language.</summary>
public sealed class MiniExcelMailSpreadsheet : IMailSpreadsheet
{
    public byte[] Write(IReadOnlyList<MailEntry> entries, bool english)
    {
        var rows = entries.Select((e, i) => english
            ? new Dictionary<string, object?>
            {
                ["No."] = i + 1, ["Date"] = e.Date.ToString("dd.MM.yyyy"), ["Direction"] = e.Direction == MailDirection.Out ? "outgoing" : "incoming",
                ["Document"] = e.DocumentNumber, ["Title"] = e.DocumentTitle, ["Code"] = e.DocumentCode, ["Client"] = e.ClientName,
                ["Deal"] = e.DealNumber, ["Scanned at"] = e.Source,
            }
            : new Dictionary<string, object?>
            {
                ["№"] = i + 1, ["Дата"] = e.Date.ToString("dd.MM.yyyy"), ["Направление"] = e.Direction == MailDirection.Out ? "исходящее" : "входящее",
                ["Документ"] = e.DocumentNumber, ["Наименование"] = e.DocumentTitle, ["Код"] = e.DocumentCode, ["Клиент"] = e.ClientName,
                ["Сделка"] = e.DealNumber, ["Источник"] = e.Source,
            }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: english ? "Mail" : "Почта");
        return stream.ToArray();
    }
}
