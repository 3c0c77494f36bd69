using BotPlatform.PrintingAgent;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddPrintingAgent();
builder.Build().Run();
