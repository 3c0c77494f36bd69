using System.Globalization;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Routing;

/// <summary>What one dialog's client step says: the line over the matches, the answer when nothing matches, and the
/// question asked again after it (none where the dialog's list stays open instead).</summary>
public sealed record ClientPickTexts(Text Pick, Func<string, Problem> NotFound, Text? AskAgain = null);

/// <summary>
/// The "which client?" step the guided dialogs share (/report new, /project new, /deal new): the person types part of
/// a name or the tax id, the matches come back as buttons (one a row, at most <see cref="MaxMatches"/>), a press picks
/// one. Each button carries the dialog's own callback data for <see cref="Step"/> and the client's id, as the dialogs
/// made them before this step was shared, so a dialog saved mid-step goes on. <see cref="DialogButtons"/> has already
/// turned away a press from another person, dialog or step; what is left here is a forged or vanished id, for which
/// <see cref="PickedAsync"/> gives null and the dialog answers "out of date".
/// </summary>
/// <param name="step">The step the match buttons are made for; a search with matches moves the dialog there.</param>
/// <param name="data">A button's callback data for the dialog and a client id.</param>
/// <param name="caption">A match's button text; the legal name when not given.</param>
/// <param name="lastRow">A button under the matches (a dialog's Cancel).</param>
public sealed class ClientPicker(ClientRegistry registry, string step, Func<Conversation, string, string> data, ClientPickTexts texts,
    Func<Client, string>? caption = null, Func<Conversation, Lang, InlineButton>? lastRow = null)
{
    public const int MaxMatches = 8;

    public string Step => step;

    /// <summary>One button a client, then the last row if the dialog has one.</summary>
    public IEnumerable<IEnumerable<InlineButton>> Buttons(Conversation conversation, IEnumerable<Client> clients, Lang lang)
    {
        var rows = clients.Select(c => new[] { new InlineButton(caption?.Invoke(c) ?? c.LegalName, data(conversation, c.Id.ToString(CultureInfo.InvariantCulture))) });
        return lastRow is null ? rows : rows.Append([lastRow(conversation, lang)]);
    }

    /// <summary>
    /// A typed search (by exact tax id first, else name or tax id containing the text): the matches as buttons, the
    /// dialog saved at <see cref="Step"/>; or the not-found answer, the question again where the dialog has one, and
    /// nothing saved.
    /// </summary>
    public async Task SearchAsync(UpdateContext context, Conversation conversation, string? text, Func<Conversation, CancellationToken, Task> save,
        CancellationToken ct)
    {
        var found = await registry.FindAsync(text ?? "", MaxMatches, ct);
        if (found.Count == 0)
        {
            context.ReplyProblem(texts.NotFound((text ?? "").Trim()));
            if (texts.AskAgain is { } ask) context.Out.Ask(context.ChatId, ask.In(context.Lang));
            return;
        }
        conversation.Step = step;
        await save(conversation, ct);
        context.Reply(texts.Pick.In(context.Lang), Buttons(conversation, found, context.Lang));
    }

    /// <summary>The client a pressed button names, or null for a value that is no id or an id of no client.</summary>
    public async Task<Client?> PickedAsync(string value, CancellationToken ct) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? await registry.GetAsync(id, ct) : null;
}
