using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Core.Mail;

public static class MailCoreServices
{
    /// <summary>Scanning outgoing and incoming mail and the registers; the barcode reader and the spreadsheet come from Infrastructure.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services) => services
        .AddSingleton<MailScanning>()
        .AddSingleton<MailRegister>()
        .AddSingleton<UnreturnedOriginals>()
        .AddSingleton<Timers.ITimerSource>(sp => sp.GetRequiredService<UnreturnedOriginals>());
}
