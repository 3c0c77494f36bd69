using BotPlatform.Bot.Routing;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.People;

/// <summary>/lang ru|en, or /lang alone for two buttons.</summary>
public sealed class LangCommand(Languages languages) : ICommandHandler
{
    public string Command => "lang";
    public bool OpenToEveryone => true;

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Person is not { } person)
        {
            context.Reply(PeopleTexts.NotRegistered);
            return;
        }
        if (context.Args.Length == 0)
        {
            context.Reply(PeopleTexts.LanguageChoose.In(context.Lang), LangCallback.Buttons);
            return;
        }
        var chosen = await languages.ChooseAsync(person, context.Args[0], ct);
        if (!chosen.IsOk)
        {
            context.ReplyProblem(chosen.Problem!);
            return;
        }
        context.Lang = chosen.Value;
        context.Reply(PeopleTexts.LanguageSet);
    }
}

/// <summary>The language buttons: lang:ru, lang:en.</summary>
public sealed class LangCallback(Languages languages) : ICallbackHandler
{
    public static readonly InlineButton[][] Buttons =
        [[new InlineButton("Русский", "lang:ru"), new InlineButton("English", "lang:en")]];

    public string Prefix => "lang";

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { } person || data.Length != 2 || !Langs.TryParse(data[1], out _))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        var chosen = await languages.ChooseAsync(person, data[1], ct);
        context.Lang = chosen.Value;
        var text = PeopleTexts.LanguageSet.In(context.Lang);
        await context.AnswerCallbackAsync(text, ct: ct);
        if (context.Update.CallbackQuery?.Message is { Id: var messageId }) context.Out.Edit(context.ChatId, messageId, text);
    }
}
