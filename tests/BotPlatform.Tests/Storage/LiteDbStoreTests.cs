using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace BotPlatform.Tests.Storage;

public sealed class LiteDbStoreTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly ServiceProvider _services;

    public LiteDbStoreTests()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLiteDbStorage();
        services.PostConfigure<StorageOptions>(o => o.DataFolder = _folder.Path);
        _services = services.BuildServiceProvider();
    }

    [Fact]
    public async Task Two_updates_from_the_same_version_produce_exactly_one_change()
    {
        var people = _services.GetRequiredService<IPeopleStore>();
        await people.InsertAsync(new Person { Name = "Ольга", Username = "olga" }, default);
        var first = (await people.FindByUsernameAsync("@Olga", default))!;
        var second = (await people.FindByUsernameAsync("olga", default))!;

        first.Department = "sales";
        second.Department = "finance";
        var results = new[] { await people.TryUpdateAsync(first, default), await people.TryUpdateAsync(second, default) };

        Assert.Equal([true, false], results);
        Assert.Equal("sales", (await people.GetAsync(first.Id, default))!.Department);
        Assert.Equal(1, (await people.GetAsync(first.Id, default))!.Version);
    }

    [Fact]
    public async Task Parallel_updates_from_one_version_let_exactly_one_through()
    {
        var people = _services.GetRequiredService<IPeopleStore>();
        await people.InsertAsync(new Person { Name = "Игорь", Username = "igor" }, default);
        var copies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => people.FindByUsernameAsync("igor", default)));

        var results = await Task.WhenAll(copies.Select((p, i) => Task.Run(() =>
        {
            p!.Name = $"Игорь {i}";
            return people.TryUpdateAsync(p, default);
        })));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Parallel_changes_to_one_person_are_all_kept()
    {
        var people = _services.GetRequiredService<IPeopleStore>();
        await people.InsertAsync(new Person { Name = "Анна", Username = "anna" }, default);
        var id = (await people.FindByUsernameAsync("anna", default))!.Id;

        await Task.WhenAll(Enum.GetValues<Role>().Select(role => Task.Run(() => people.ChangeAsync(id, p =>
        {
            p.Grant(role, null);
            return true;
        }, default))));

        Assert.Equal(Enum.GetValues<Role>().Order(), (await people.GetAsync(id, default))!.Roles.Order());
    }

    [Fact]
    public async Task A_declined_change_saves_nothing()
    {
        var people = _services.GetRequiredService<IPeopleStore>();
        await people.InsertAsync(new Person { Name = "Анна", Username = "anna" }, default);
        var id = (await people.FindByUsernameAsync("anna", default))!.Id;

        var saved = await people.ChangeAsync(id, p => p.ComeBack(), default);

        Assert.Null(saved);
        Assert.Equal(0, (await people.GetAsync(id, default))!.Version);
    }

    [Fact]
    public async Task The_outbox_stores_a_replayed_message_once_and_keeps_arrival_order()
    {
        var outbox = _services.GetRequiredService<IOutboxStore>();
        var first = new Outgoing("u1", TimeProvider.System);
        first.Send(1, "a");
        first.Send(2, "b");
        var replay = new Outgoing("u1", TimeProvider.System);
        replay.Send(1, "a");
        replay.Send(2, "b");
        var later = new Outgoing("u2", TimeProvider.System);
        later.Send(1, "c");

        Assert.Equal(2, await outbox.EnqueueAsync(first.Messages, default));
        Assert.Equal(0, await outbox.EnqueueAsync(replay.Messages, default));
        Assert.Equal(1, await outbox.EnqueueAsync(later.Messages, default));
        Assert.Equal(["a", "b", "c"], (await outbox.PendingAsync(10, default)).Select(m => m.Text));
    }

    [Fact]
    public async Task Retargeting_a_migrated_chat_moves_pending_messages_whole()
    {
        var outbox = _services.GetRequiredService<IOutboxStore>();
        var outgoing = new Outgoing("u9", TimeProvider.System);
        outgoing.Send(-5, "в группу", [[new InlineButton("Да", "yes:1")]]);
        outgoing.Send(-6, "в другую группу");
        await outbox.EnqueueAsync(outgoing.Messages, default);

        var moved = await outbox.RetargetChatAsync(-5, -1005, default);

        var pending = await outbox.PendingAsync(10, default);
        Assert.Equal(1, moved);
        Assert.Equal([(-1005L, "в группу"), (-6L, "в другую группу")], pending.Select(m => (m.ChatId, m.Text!)));
        Assert.Equal("yes:1", pending[0].Buttons![0][0].CallbackData);
    }

    [Fact]
    public async Task The_inbox_stores_an_update_id_once()
    {
        var inbox = _services.GetRequiredService<IInboxStore>();

        var stored = new[]
        {
            await inbox.AddNewAsync([new InboxItem { Id = 7, ChatKey = 1, Payload = "{}" }], default),
            await inbox.AddNewAsync([new InboxItem { Id = 7, ChatKey = 1, Payload = "{}" }, new InboxItem { Id = 8, ChatKey = 1, Payload = "{}" }], default),
        };

        Assert.Equal([1, 1], stored);
        Assert.Equal([7L, 8L], (await inbox.PendingAsync(10, default)).Select(i => i.Id));
    }

    [Fact]
    public async Task Instants_round_trip_in_utc()
    {
        var people = _services.GetRequiredService<IPeopleStore>();
        var endsAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(3));
        await people.InsertAsync(new Person { Name = "not away" }, default);
        await people.InsertAsync(new Person { Name = "A", Away = new Absence { SubstituteId = 2, Until = new DateOnly(2026, 11, 30), EndsAt = endsAt } }, default);

        var due = await people.AwayEndingByAsync(endsAt, default);
        var early = await people.AwayEndingByAsync(endsAt.AddMinutes(-1), default);

        Assert.Equal(endsAt, Assert.Single(due).Away!.EndsAt);
        Assert.Equal(new DateOnly(2026, 11, 30), due[0].Away!.Until);
        Assert.Empty(early);
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}
