using BotPlatform.Bot.Menus;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Localization;

namespace BotPlatform.Bot.People;

/// <summary>/help: the commands this person may use here, section by section (the catalogue decides).</summary>
public sealed class HelpCommand : ICommandHandler
{
    private static readonly Text Title = new("Команды:", "Commands:");
    private static readonly Text GroupTitle = new("Команды в этом чате:", "Commands in this chat:");

    public string Command => "help";
    public bool OpenToEveryone => true;

    public Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        var group = !context.IsPrivateChat;
        var commands = group ? CommandCatalogue.ForGroups()
            : context.Person is { IsActive: true } person ? CommandCatalogue.For(person)
            : CommandCatalogue.ForVisitors();
        context.Reply(Render(commands, group, context.Lang));
        return Task.CompletedTask;
    }

    public static string Render(IReadOnlyList<CatalogueCommand> commands, bool group, Lang lang)
    {
        var text = new System.Text.StringBuilder((group ? GroupTitle : Title).In(lang));
        foreach (var section in commands.GroupBy(c => c.Section))
        {
            text.Append("\n\n").Append(section.Key.Title.In(lang));
            foreach (var c in section)
                text.Append('\n').Append('/').Append(c.Name).Append(" — ").Append((group ? c.GroupDescription ?? c.Description : c.Description).In(lang));
        }
        return text.ToString();
    }
}
