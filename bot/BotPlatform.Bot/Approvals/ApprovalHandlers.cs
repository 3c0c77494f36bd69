using BotPlatform.Bot.Routing;

namespace BotPlatform.Bot.Approvals;

public static class ApprovalHandlers
{
    public static IServiceCollection AddApprovalHandlers(this IServiceCollection services) => services
        .AddScoped<FilingDialog>()
        .AddFilingForm<PayForm>()
        .AddFilingForm<ContractForm>()
        .AddScoped<ICallbackHandler, DecisionCallback>()
        .AddScoped<IConversationFlow, ReasonFlow>()
        .AddScoped<IConversationFlow, TaskFileFlow>()
        .AddScoped<IConversationFlow, AttachFlow>()
        .AddScoped<ICommandHandler, InboxCommand>()
        .AddScoped<ICommandHandler, MyCommand>()
        .AddScoped<ICommandHandler, RequestCommand>()
        .AddScoped<ICallbackHandler, RequestPickCallback>()
        .AddScoped<ICommandHandler, FindCommand>();
}
