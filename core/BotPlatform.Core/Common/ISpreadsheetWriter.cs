namespace BotPlatform.Core.Common;

/// <summary>One sheet of a workbook: a header row and rows of plain values (string, decimal, int, DateTime, bool or null).</summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Writes .xlsx workbooks (registers, raw analytics rows) with a kept library, never hand-made XML.</summary>
public interface ISpreadsheetWriter
{
    byte[] Write(IReadOnlyList<Sheet> sheets);
}
