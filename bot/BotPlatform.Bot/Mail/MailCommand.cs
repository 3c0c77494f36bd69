using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Mail;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Mail;

/// <summary>/mail [DATE|PERIOD] [out|in]: the mail register as a message and an .xlsx file.</summary>
public sealed class MailCommand(MailRegister register, IMailSpreadsheet spreadsheet, IFileStore files) : ICommandHandler
{
    public string Command => "mail";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, args) = UpdateRouter.ParseCommand(context.Text);
        if (args.Trim() is "help" or "?")
        {
            context.Reply(MailTexts.MailUsage);
            return;
        }
        var result = await register.ListAsync(args, me, ct);
        if (!result.IsOk)
        {
            context.ReplyProblem(result.Problem!);
            return;
        }
        var view = result.Value!;
        context.Reply(MailViews.Register(view, context.Lang));
        if (view.Entries.Count == 0) return;
        var name = view.Query.From == view.Query.To ? $"mail-{view.Query.From:yyyy-MM-dd}.xlsx" : $"mail-{view.Query.From:yyyy-MM-dd}-{view.Query.To:yyyy-MM-dd}.xlsx";
        var key = await files.SaveAsync(name, new MemoryStream(spreadsheet.Write(view.Entries, context.Lang == Lang.En)), ct);
        context.Out.SendDocument(context.ChatId, key, name);
    }
}

public static class MailHandlers
{
    public static IServiceCollection AddMailHandlers(this IServiceCollection services) => services
        .AddScoped<ICommandHandler, ScanCommand>()
        .AddScoped<ICommandHandler, MailCommand>()
        .AddScoped<ICommandHandler, UnreturnedCommand>()
        .AddScoped<IConversationFlow, ScanFlow>();
}
