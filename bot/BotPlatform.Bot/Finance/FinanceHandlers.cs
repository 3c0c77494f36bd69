using BotPlatform.Bot.Routing;

namespace BotPlatform.Bot.Finance;

public static class FinanceHandlers
{
    public static IServiceCollection AddFinanceHandlers(this IServiceCollection services) => services
        .AddScoped<ICommandHandler, RegisterCommand>()
        .AddSingleton<IncomeForm>()
        .AddSingleton<ExpenseForm>()
        .AddScoped<ICommandHandler, IncomeCommand>()
        .AddScoped<ICommandHandler, ExpenseCommand>()
        .AddScoped<IConversationFlow, IncomeFlow>()
        .AddScoped<IConversationFlow, ExpenseFlow>()
        .AddScoped<ICallbackHandler, IncomeCallback>()
        .AddScoped<ICallbackHandler, ExpenseCallback>()
        .AddScoped<ICommandHandler, PnlCommand>()
        .AddScoped<ProjectSalesCommand>()
        .AddScoped<UpsellOffer>()
        .AddScoped<ICallbackHandler, UpsellOfferCallback>();
}
