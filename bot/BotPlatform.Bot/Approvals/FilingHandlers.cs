using BotPlatform.Bot.Routing;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Approvals;

/// <summary>
/// The handlers of one filing form (/pay, /contract): the command starts the form's dialog; the form's flow name is
/// also the command and the prefix of the dialog's buttons ("pay:{dialog}:{step}:{value}").
/// </summary>
public static class FilingHandlers
{
    public static IServiceCollection AddFilingForm<TForm>(this IServiceCollection services) where TForm : FilingForm => services
        .AddSingleton<TForm>()
        .AddScoped<ICommandHandler, FilingCommand<TForm>>()
        .AddScoped<IConversationFlow, FilingFlow<TForm>>()
        .AddScoped<ICallbackHandler, FilingCallback<TForm>>();
}

public sealed class FilingCommand<TForm>(TForm form, FilingDialog dialog) : ICommandHandler where TForm : FilingForm
{
    public string Command => form.Flow;

    public Task HandleAsync(UpdateContext context, CancellationToken ct) => dialog.StartAsync(form, context, ct);
}

public sealed class FilingFlow<TForm>(TForm form, FilingDialog dialog) : IConversationFlow where TForm : FilingForm
{
    public string Flow => form.Flow;

    public Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct) =>
        dialog.AnswerAsync(form, context, conversation, ct);
}

/// <summary>The dialog's buttons: a choice (a cost item, a document kind), Skip, Submit / Edit / Cancel, a field to edit.</summary>
public sealed class FilingCallback<TForm>(TForm form, FilingDialog dialog) : ICallbackHandler where TForm : FilingForm
{
    public string Prefix => form.Flow;

    public Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct) => dialog.PressAsync(form, context, data, ct);
}
