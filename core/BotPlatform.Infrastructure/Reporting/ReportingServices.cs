using BotPlatform.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Infrastructure.Reporting;

public static class ReportingServices
{
    /// <summary>Spreadsheets (registers, raw rows), route sheets and charts.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services) => services
        .AddSingleton<ISpreadsheetWriter, MiniExcelSpreadsheetWriter>()
        .AddSingleton<BotPlatform.Core.Analytics.Digest.IChartRenderer, ScottPlotCharts>()
        .AddSingleton<BotPlatform.Core.Finance.Ledger.IPnlWorkbook, OpenXmlPnlWorkbook>();
}
