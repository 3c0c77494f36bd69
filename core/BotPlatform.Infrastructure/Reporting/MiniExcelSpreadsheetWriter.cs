using BotPlatform.Core.Common;
using MiniExcelLibs;

namespace BotPlatform.Infrastructure.Reporting;

/// <summary>.xlsx through MiniExcel: each sheet a header row and its rows, values typed (numbers stay numbers, dates dates).</summary>
internal sealed class MiniExcelSpreadsheetWriter : ISpreadsheetWriter
{
    public byte[] Write(IReadOnlyList<Sheet> sheets)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var sheet in sheets)
        {
            var rows = sheet.Rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>();
                for (var i = 0; i < sheet.Columns.Count; i++) cells[sheet.Columns[i]] = i < row.Count ? row[i] : null;
                return cells;
            }).ToList();
            // MiniExcel takes the header from the first row's keys: an empty sheet still gets its header.
            workbook[sheet.Name] = rows.Count > 0 ? rows : [sheet.Columns.ToDictionary(c => c, object? (_) => null)];
        }
        using var stream = new MemoryStream();
        stream.SaveAs(workbook);
        return stream.ToArray();
    }
}
