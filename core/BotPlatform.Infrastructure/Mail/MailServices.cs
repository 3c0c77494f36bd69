using BotPlatform.Core.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Infrastructure.Mail;

public static class MailServices
{
    /// <summary>Barcode reading (ZXing on SkiaSharp) and the register's spreadsheet (MiniExcel).</summary>
    public static IServiceCollection AddMailTools(this IServiceCollection services) => services
        .AddSingleton<IBarcodeDecoder, SkiaBarcodeDecoder>()
        .AddSingleton<IMailSpreadsheet, MiniExcelMailSpreadsheet>()
        .AddSingleton<Core.Printing.Labels.ILabelPdfRenderer, Documents.Pdf.PdfLabelRenderer>();
}
