using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Testing;

namespace BotPlatform.Bot.Sandbox;

public sealed record SandboxState(
    string Generation,
    ClockView Clock,
    IReadOnlyList<PersonaView> Personas,
    IReadOnlyList<ChatSummary> Chats,
    ChatView? Chat,
    IReadOnlyList<CommandView> Commands);

public sealed record ClockView(string Text, string Zone, bool Working, string Offset);

/// <summary>A persona with, per chat, how many messages others wrote there (the page counts what is unread).</summary>
public sealed record PersonaView(string Username, string Name, string Label, IReadOnlyList<ChatCount> Chats);

public sealed record ChatCount(long Id, int Count);

public sealed record ChatSummary(long Id, string Title, string Kind, int Count, string? Last);

/// <param name="ReplyTo">The bot's ForceReply question the persona has not answered yet: the composer replies to it.</param>
public sealed record ChatView(
    long Id,
    string Title,
    string Kind,
    string? Members,
    IReadOnlyList<MessageView> Messages,
    int? ReplyTo,
    IReadOnlyList<IReadOnlyList<string>> ReplyKeyboard);

public sealed record MessageView(
    int Id,
    bool Mine,
    bool FromBot,
    string From,
    string Day,
    string Time,
    string Html,
    bool Edited,
    FileView? Document,
    FileView? Photo,
    IReadOnlyList<IReadOnlyList<ButtonView>> Keyboard,
    bool ForceReply,
    string? ReplyPreview);

public sealed record FileView(string Name, string Url, string Size);

public sealed record ButtonView(string Text, string? Data, string? Url);

public sealed record CommandView(string Command, string Description);

/// <summary>What the page shows, read from the emulator (chats as a Telegram client would show them) and the clock.</summary>
public sealed class SandboxViews(SandboxRun run, Personas personas, Organisation organisation)
{
    private const int MaxMessages = 300;
    // Relaxed escaping keeps Cyrillic readable; the page parses this as JSON and never as HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The state as JSON and a tag of its content: the page waits for the tag to change.</summary>
    public (string Json, string Tag) Build(string? persona, long? chatId, Lang lang)
    {
        var state = State(persona, chatId, lang);
        var json = JsonSerializer.Serialize(state, Json);
        return (json, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16]);
    }

    public SandboxState State(string? persona, long? chatId, Lang lang)
    {
        var engine = run.Engine;
        var everyone = personas.All(lang);
        var personaViews = everyone
            .Select(p => new PersonaView(p.User.Username ?? "", p.User.FirstName, p.Label,
                engine.ChatsOf(p.User).Select(c => new ChatCount(c.Id, FromOthers(engine.Messages(c), p.User))).ToArray()))
            .ToArray();
        var user = personas.Find(persona);
        if (user is null) return new SandboxState(run.Generation, Clock(lang), personaViews, [], null, []);

        var chats = engine.ChatsOf(user);
        var summaries = chats.Select(c =>
        {
            var messages = engine.Messages(c);
            var last = messages.LastOrDefault();
            return new ChatSummary(c.Id, Title(c, lang), Kind(c), FromOthers(messages, user), last is null ? null : Preview(last));
        }).ToArray();
        var chat = chats.FirstOrDefault(c => c.Id == chatId) ?? chats[0];
        return new SandboxState(run.Generation, Clock(lang), personaViews, summaries, Chat(chat, user, lang), Commands(user, chat));
    }

    public ClockView Clock(Lang lang)
    {
        var now = run.Clock.GetUtcNow();
        var calendar = organisation.Calendar;
        var local = calendar.ToLocal(now);
        return new ClockView(
            local.ToString(lang == Lang.En ? "ddd d MMMM yyyy, HH:mm" : "ddd, d MMMM yyyy, HH:mm", lang.Culture()),
            calendar.Settings.TimeZone.Id,
            calendar.IsWorkingMoment(now),
            Shift(run.Clock.Offset, lang));
    }

    /// <summary>How far the visitor moved the clock: "+1 д 4 ч", "+30 мин"; empty while it shows real time.</summary>
    private static string Shift(TimeSpan offset, Lang lang)
    {
        var units = lang == Lang.En ? (Day: "d", Hour: "h", Minute: "min") : (Day: "д", Hour: "ч", Minute: "мин");
        var parts = new List<string>();
        if ((int)offset.TotalDays is > 0 and var days) parts.Add($"{days} {units.Day}");
        if (offset.Hours > 0) parts.Add($"{offset.Hours} {units.Hour}");
        if (offset.Minutes > 0) parts.Add($"{offset.Minutes} {units.Minute}");
        return parts.Count == 0 ? "" : "+" + string.Join(' ', parts);
    }

    private ChatView Chat(FakeChat chat, FakeUser user, Lang lang)
    {
        var engine = run.Engine;
        var messages = engine.Messages(chat).TakeLast(MaxMessages).ToArray();
        var views = messages.Select(m => Message(m, user, messages, lang)).ToArray();
        var lastOwn = messages.LastOrDefault(m => m.From?.Id == user.Id)?.MessageId ?? 0;
        var question = messages.LastOrDefault(m => m.IsFromBot && m.ForceReply && m.MessageId > lastOwn);
        var lastBot = messages.LastOrDefault(m => m.IsFromBot);
        var members = chat.Type == FakeChatType.Private
            ? null
            : string.Join(", ", engine.Users.Where(u => engine.ChatsOf(u).Any(c => c.Id == chat.Id)).Select(u => u.FirstName).Append(run.Engine.Bot.FirstName));
        return new ChatView(chat.Id, Title(chat, lang), Kind(chat), members, views, question?.MessageId, lastBot?.ReplyKeyboard ?? []);
    }

    private MessageView Message(FakeMessage m, FakeUser user, IReadOnlyList<FakeMessage> chat, Lang lang)
    {
        var local = organisation.Calendar.ToLocal(m.Date);
        var replyTo = m.ReplyToMessageId is { } id ? chat.FirstOrDefault(x => x.MessageId == id) : null;
        return new MessageView(
            m.MessageId,
            m.From?.Id == user.Id,
            m.IsFromBot,
            m.From?.FirstName ?? run.Engine.Bot.FirstName,
            local.ToString("dddd, d MMMM", lang.Culture()),
            local.ToString("HH:mm", lang.Culture()),
            MessageHtml.Render(m.TextOrCaption, m.Entities),
            m.EditCount > 0,
            m.Document is { } d ? File(d, d.FileName ?? "document") : null,
            m.Photo is { } p ? File(p, "photo.jpg") : null,
            m.InlineKeyboard.Select(row => (IReadOnlyList<ButtonView>)row.Select(b => new ButtonView(b.Text, b.CallbackData, b.Url)).ToArray()).ToArray(),
            m.ForceReply,
            replyTo is null ? null : Preview(replyTo));
    }

    /// <summary>The menu Telegram would show this person in this chat: their own in the private chat, the group's in a group.</summary>
    private IReadOnlyList<CommandView> Commands(FakeUser user, FakeChat chat) =>
        run.Engine.CommandsSeenBy(user, chat).Select(c => new CommandView("/" + c.Command, c.Description)).ToArray();

    private static int FromOthers(IReadOnlyList<FakeMessage> messages, FakeUser user) => messages.Count(m => m.From?.Id != user.Id);

    private string Title(FakeChat chat, Lang lang) =>
        chat.Type == FakeChatType.Private ? $"{run.Engine.Bot.FirstName} ({SandboxTexts.Page["bot"].In(lang)})" : chat.Title;

    private static string Kind(FakeChat chat) => chat.Type == FakeChatType.Private ? "private" : "group";

    private static string Preview(FakeMessage message)
    {
        var text = message.TextOrCaption ?? (message.Document is { } d ? "📄 " + d.FileName : message.Photo is not null ? "🖼" : "");
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 80 ? line[..79] + "…" : line;
    }

    private static FileView File(FakeFile file, string name) =>
        new(name, "/sandbox/files/" + Uri.EscapeDataString(file.FileId), Size(file.Size));

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB"),
    };
}
