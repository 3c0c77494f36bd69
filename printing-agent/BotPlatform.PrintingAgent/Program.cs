using BotPlatform.PrintingAgent;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<PrintingAgentOptions>().BindConfiguration(PrintingAgentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddHostedService<AgentWorker>();
builder.Build().Run();
