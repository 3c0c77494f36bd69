using BotPlatform.Bot.Briefs;
using BotPlatform.Bot.Documents.Review;
using BotPlatform.Bot.Analytics;
using BotPlatform.Bot.Finance;
using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Billing;
using BotPlatform.Bot.Admin;
using BotPlatform.Bot.Chats;
using BotPlatform.Bot.Documents;
using BotPlatform.Bot.Mail;
using BotPlatform.Bot.Menus;
using BotPlatform.Bot.People;
using BotPlatform.Bot.Projects;
using BotPlatform.Bot.Printing;
using BotPlatform.Bot.Routing;

namespace BotPlatform.Bot.Telegram;

public static class TelegramServices
{
    /// <summary>Gateway (polling or webhook), inbox dispatcher, outbox sender and the command menu.</summary>
    public static IServiceCollection AddTelegramGateway(this IServiceCollection services)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient("telegram");
        services.AddSingleton(new TransportClock(TimeProvider.System));
        services.AddSingleton<TelegramClients>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<Dispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Dispatcher>());
        services.AddHostedService<OutboxSender>();
        services.AddCommandMenus();
        // Both are registered; each checks the final options and stands down when the other mode is on.
        services.AddHostedService<WebhookRegistration>();
        services.AddHostedService<PollingGateway>();
        services.AddScoped<UpdateProcessor>();
        services.AddScoped<UpdateRouter>();
        return services;
    }

    /// <summary>Every command, button and dialog handler, one class each.</summary>
    public static IServiceCollection AddBotHandlers(this IServiceCollection services) => services
        .AddApprovalHandlers()
        .AddFinanceHandlers()
        .AddAnalyticsHandlers()
        .AddDocumentHandlers()
        .AddDocumentsHandlers()
        .AddDocumentRegistryHandlers()
        .AddDocumentReviewHandlers()
        .AddProjectHandlers()
        .AddBriefHandlers()
        .AddBillingHandlers()
        .AddInvoicingHandlers()
        .AddPrintingHandlers()
        .AddMailHandlers()
        .AddScoped<ICommandHandler, StartCommand>()
        .AddScoped<ICommandHandler, WhoAmICommand>()
        .AddScoped<ICommandHandler, LangCommand>()
        .AddScoped<ICommandHandler, InviteCommand>()
        .AddScoped<ICommandHandler, AwayCommand>()
        .AddScoped<ICommandHandler, CancelCommand>()
        .AddScoped<ICommandHandler, HelpCommand>()
        .AddScoped<ICommandHandler, AdminCommand>()
        .AddPeopleAdministrationHandlers()
        .AddScoped<ICallbackHandler, LangCallback>()
        .AddScoped<IConversationFlow, AwayFlow>()
        .AddScoped<IServiceUpdateHandler, MembershipHandler>()
        .AddScoped<IServiceUpdateHandler, MigrationHandler>();
}
