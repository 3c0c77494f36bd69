using System.Globalization;
using BotPlatform.Bot.Projects;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Briefs;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Briefs;

/// <summary>
/// «📋 Отправить бриф» on the project card, "brf:send:{project}": the core checks the presser (a PM), the
/// project (still open, its group linked, a brief for its template) and that no brief went out before.
/// </summary>
public sealed class BriefSendCallback(BriefDesk desk) : ICallbackHandler
{
    public const string Prefix = "brf";
    public const string SendAction = "send";

    string ICallbackHandler.Prefix => Prefix;

    public static InlineButton Button(Project project, Lang lang) =>
        new(BriefTexts.SendButton.In(lang), $"{Prefix}:{SendAction}:{project.Id.ToString(CultureInfo.InvariantCulture)}");

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { IsActive: true } person || data is not [_, SendAction, var idText]
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var projectId))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), alert: true, ct: ct);
            return;
        }
        var sent = await desk.SendAsync(projectId, person, context.Out, ct);
        await context.AnswerCallbackAsync(sent.IsOk ? BriefTexts.SentAnswer.In(context.Lang) : ProblemTexts.Render(sent.Problem!, context.Lang),
            alert: !sent.IsOk, ct: ct);
    }
}

/// <summary>A message in a group where the bot is asking a brief: an answer from the client's side goes to the brief.</summary>
public sealed class BriefGroupListener(BriefDesk desk) : IGroupMessageListener
{
    public async Task<bool> HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Update.Message is not { From: { } from } message || message.NewChatMembers is { Length: > 0 } || message.LeftChatMember is not null)
            return false;
        var text = message.Text ?? message.Caption;
        if (text is null && message.Sticker is null && message.Photo is null && message.Document is null && message.Voice is null && message.Video is null)
            return false;
        return await desk.AnswerInGroupAsync(message.Chat.Id, new GroupMember(from.Id, GroupLinking.Name(from), from.Username, from.IsBot), text, context.Out, ct);
    }
}

public static class BriefHandlers
{
    public static IServiceCollection AddBriefHandlers(this IServiceCollection services) => services
        .AddScoped<ICallbackHandler, BriefSendCallback>()
        .AddScoped<IGroupMessageListener, BriefGroupListener>();
}
