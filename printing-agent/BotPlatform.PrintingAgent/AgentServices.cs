namespace BotPlatform.PrintingAgent;

public static class AgentServices
{
    /// <summary>The agent: its options, the server's API client, the printer driver, the print loop and the scan station.</summary>
    public static IServiceCollection AddPrintingAgent(this IServiceCollection services)
    {
        services.AddOptions<PrintingAgentOptions>().BindConfiguration(PrintingAgentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient<AgentApiClient>();
        services.AddSingleton<PrinterDriver>();
        services.AddSingleton(sp => new PrintJournal(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PrintingAgentOptions>>().Value.JournalPath));
        services.AddSingleton<AgentWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<AgentWorker>());
        services.AddSingleton(sp =>
        {
            var input = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PrintingAgentOptions>>().Value.ScanStation.Input;
            return new ScanConsole(string.IsNullOrWhiteSpace(input) ? Console.In : new StreamReader(File.OpenRead(input)), Console.Out);
        });
        services.AddHostedService<ScanStation>();
        return services;
    }
}
