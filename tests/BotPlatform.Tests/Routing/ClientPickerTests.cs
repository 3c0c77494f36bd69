using BotPlatform.Bot.Routing;
using BotPlatform.Bot.Telegram;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Telegram.Bot.Types;

namespace BotPlatform.Tests.Routing;

/// <summary>
/// The client step /report new, /project new and /deal new share, on its own: what a search shows and saves, and which
/// pressed values pick nobody. The dialogs' conversations (ReportDialogTests, ProjectCreationTests, DealDialogTests)
/// drive it through the real host.
/// </summary>
public sealed class ClientPickerTests : IAsyncLifetime
{
    private const long Chat = 501;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly List<string> _saved = [];
    private TestStorage _storage = null!;
    private ClientPicker _picker = null!;
    private Client _romashka = null!;
    private Client _vasilek = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(StorageEngine.LiteDb);
        var clients = _storage.Services.GetRequiredService<IClientStore>();
        _romashka = ClientSamples.Romashka();
        await clients.InsertAsync(_romashka, default);
        _vasilek = ClientSamples.Romashka();
        (_vasilek.LegalName, _vasilek.Inn) = ("АО «Василёк»", "7810123469");
        await clients.InsertAsync(_vasilek, default);
        _picker = new ClientPicker(new ClientRegistry(clients, Substitute.For<IUnitOfWork>(), _time), "pick",
            (conversation, id) => $"x:{conversation.Data["dialog"]}:pick:{id}",
            new ClientPickTexts(new Text("Выберите клиента:", "Pick the client:"), typed => new Problem(ReportDialogProblems.ClientNotFound, typed),
                new Text("Какой клиент?", "Which client?")),
            lastRow: (conversation, lang) => new InlineButton(lang == Lang.Ru ? "Отмена" : "Cancel", $"x:{conversation.Data["dialog"]}:pick:cancel"));
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Part_of_a_name_shows_the_matches_as_buttons_with_the_dialogs_data_and_saves_the_dialog_at_the_pick_step()
    {
        var (context, conversation) = Typed("ромаш");

        await _picker.SearchAsync(context, conversation, "  ромаш ", SaveAsync, default);

        var shown = Assert.Single(context.Out.Messages);
        Assert.Equal("Выберите клиента:", shown.Text);
        Assert.Equal([[$"ООО «Ромашка»|x:7:pick:{_romashka.Id}"], ["Отмена|x:7:pick:cancel"]],
            shown.Buttons!.Select(row => row.Select(b => $"{b.Text}|{b.CallbackData}").ToArray()).ToArray());
        Assert.Equal("pick", conversation.Step);
        Assert.Equal(["pick"], _saved);
    }

    [Fact]
    public async Task An_exact_tax_id_shows_that_client_alone()
    {
        var (context, conversation) = Typed("7810123469");

        await _picker.SearchAsync(context, conversation, "7810123469", SaveAsync, default);

        var shown = Assert.Single(context.Out.Messages);
        Assert.Equal(["АО «Василёк»", "Отмена"], shown.Buttons!.Select(row => row.Single().Text));
    }

    [Fact]
    public async Task Nothing_found_names_what_was_typed_asks_again_and_saves_nothing()
    {
        var (context, conversation) = Typed(" Лютик ");

        await _picker.SearchAsync(context, conversation, " Лютик ", SaveAsync, default);

        Assert.Equal(["Клиент «Лютик» не найден. Напишите часть названия или ИНН.", "Какой клиент?"], context.Out.Messages.Select(m => m.Text));
        Assert.True(context.Out.Messages[1].ForceReply);
        Assert.Null(context.Out.Messages[0].Buttons);
        Assert.Equal("client", conversation.Step);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task A_message_without_text_finds_nobody()
    {
        var (context, conversation) = Typed(null);

        await _picker.SearchAsync(context, conversation, null, SaveAsync, default);

        Assert.Equal("Клиент «» не найден. Напишите часть названия или ИНН.", context.Out.Messages[0].Text);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task A_pressed_id_picks_its_client_and_a_forged_or_vanished_one_picks_nobody()
    {
        var id = _romashka.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var picked = await _picker.PickedAsync(id, default);

        Assert.Equal("ООО «Ромашка»", picked?.LegalName);
        foreach (var forged in new[] { "", "abc", "-" + id, "+" + id, " " + id, id + ".0", "999999", "99999999999999999999" })
            Assert.Null(await _picker.PickedAsync(forged, default));
    }

    private Task SaveAsync(Conversation conversation, CancellationToken ct)
    {
        _saved.Add(conversation.Step);
        return Task.CompletedTask;
    }

    private (UpdateContext Context, Conversation Conversation) Typed(string? text)
    {
        var update = new Update { Id = 1, Message = new Message { Id = 9, Text = text, Chat = new Chat { Id = Chat } } };
        var context = new UpdateContext(update, new Outgoing("u1", _time),
            new TelegramClients(Substitute.For<IHttpClientFactory>(), Options.Create(new TelegramOptions())), NullLogger.Instance)
        {
            ChatId = Chat, From = new TelegramIdentity(Chat, "kate", "Катя", null, "ru"), Lang = Lang.Ru,
        };
        var conversation = new Conversation
        {
            ChatId = Chat, UserId = Chat, Flow = "test", Step = "client", Data = new Dictionary<string, string> { ["dialog"] = "7" },
        };
        return (context, conversation);
    }
}
