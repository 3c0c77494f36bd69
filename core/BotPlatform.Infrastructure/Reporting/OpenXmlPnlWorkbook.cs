using System.Globalization;
using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.Localization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BotPlatform.Infrastructure.Reporting;

/// <summary>
/// The P&amp;L sheet with the Open XML SDK: one row per project, numbers as numbers, and profit, debt and the
/// totals row as formulas (with their values cached, so a reader without a calculation engine sees them too).
/// Columns: A number, B title, C client, D sale, E upsells, F income, G expenses, H profit = F-G,
/// I paid to date, J owed = MAX(0, D+E-I); the totals row sums D..J.
/// </summary>
internal sealed class OpenXmlPnlWorkbook : IPnlWorkbook
{
    public byte[] Write(PnlReport report, Lang lang)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(new Columns(new Column { Min = 1, Max = 3, Width = 24, CustomWidth = true },
                new Column { Min = 4, Max = 10, Width = 16, CustomWidth = true }), data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = LedgerTexts.Sheet.In(lang) }));

            data.AppendChild(new Row(LedgerTexts.Columns.Select(c => TextCell(c.In(lang)))) { RowIndex = 1 });
            var rowIndex = 1u;
            foreach (var row in report.AllRows)
            {
                rowIndex++;
                var r = rowIndex.ToString(CultureInfo.InvariantCulture);
                var number = row.Number.Length > 0 ? row.Number : LedgerTexts.Unassigned.In(lang);
                data.AppendChild(new Row(
                    TextCell(number), TextCell(row.Title), TextCell(row.Client),
                    NumberCell(row.SalePrice), NumberCell(row.Upsells), NumberCell(row.Income), NumberCell(row.Expenses),
                    FormulaCell($"F{r}-G{r}", row.Profit), NumberCell(row.PaidToDate), FormulaCell($"MAX(0,D{r}+E{r}-I{r})", row.Owed))
                { RowIndex = rowIndex });
            }
            var last = rowIndex.ToString(CultureInfo.InvariantCulture);
            var total = report.Total;
            string Sum(char column) => rowIndex > 1 ? $"SUM({column}2:{column}{last})" : "0";
            data.AppendChild(new Row(
                TextCell(LedgerTexts.TotalRow.In(lang)), TextCell(""), TextCell(report.Currency),
                FormulaCell(Sum('D'), total.SalePrice), FormulaCell(Sum('E'), total.Upsells), FormulaCell(Sum('F'), total.Income),
                FormulaCell(Sum('G'), total.Expenses), FormulaCell(Sum('H'), total.Profit), FormulaCell(Sum('I'), total.PaidToDate),
                FormulaCell(Sum('J'), report.TotalOwed))
            { RowIndex = rowIndex + 1 });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Cell TextCell(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) };

    private static Cell NumberCell(decimal value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value) };

    private static Cell FormulaCell(string formula, decimal value) =>
        new() { DataType = CellValues.Number, CellFormula = new CellFormula(formula), CellValue = new CellValue(value) };
}
