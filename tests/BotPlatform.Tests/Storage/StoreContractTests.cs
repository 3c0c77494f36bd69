using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace BotPlatform.Tests.Storage;

/// <summary>Written once, run on both engines: LiteDB and PostgreSQL (see TestStorage).</summary>
public abstract class StoreContractTests(StorageEngine engine) : IAsyncLifetime
{

    private TestStorage _storage = null!;

    private ServiceProvider _services => _storage.Services;

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    public sealed class LiteDb() : StoreContractTests(StorageEngine.LiteDb);

    public sealed class Postgres() : StoreContractTests(StorageEngine.Postgres);

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

    [Fact]
    public async Task A_failed_unit_of_work_stores_nothing_of_its_aggregate_audit_outbox_or_numbers()
    {
        var unit = _services.GetRequiredService<IUnitOfWork>();
        var people = _services.GetRequiredService<IPeopleStore>();
        var audit = _services.GetRequiredService<IAuditLog>();
        var outbox = _services.GetRequiredService<IOutboxStore>();
        var sequences = _services.GetRequiredService<ISequenceStore>();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => unit.RunAsync<bool>(async () =>
        {
            await people.InsertAsync(new Person { Name = "Вера", Username = "vera" }, default);
            await audit.AppendAsync(new AuditEntry { Subject = "person:vera", Action = "created" }, default);
            var outgoing = new Outgoing("u1", TimeProvider.System);
            outgoing.Send(1, "привет");
            await outbox.EnqueueAsync(outgoing.Messages, default);
            await sequences.NextAsync("Person", default);
            throw new InvalidOperationException("the use case failed");
        }, default));

        Assert.Equal("the use case failed", failure.Message);
        Assert.Empty(await people.ListAsync(default));
        Assert.Empty(await audit.ForSubjectAsync("person:vera", default));
        Assert.Empty(await outbox.PendingAsync(10, default));
        Assert.Equal(1, await sequences.NextAsync("Person", default));
    }

    [Fact]
    public async Task A_unit_of_work_stores_its_aggregate_audit_and_outbox_together()
    {
        var unit = _services.GetRequiredService<IUnitOfWork>();
        var people = _services.GetRequiredService<IPeopleStore>();
        var audit = _services.GetRequiredService<IAuditLog>();
        var outbox = _services.GetRequiredService<IOutboxStore>();

        var id = await unit.RunAsync(async () =>
        {
            var person = new Person { Name = "Вера", Username = "vera" };
            await people.InsertAsync(person, default);
            await audit.AppendAsync(new AuditEntry { Subject = "person:vera", Action = "created" }, default);
            await audit.AppendAsync(new AuditEntry { Subject = "person:vera", Action = "granted" }, default);
            var outgoing = new Outgoing("u1", TimeProvider.System);
            outgoing.Send(1, "привет");
            await outbox.EnqueueAsync(outgoing.Messages, default);
            return person.Id;
        }, default);

        Assert.Equal("Вера", (await people.GetAsync(id, default))!.Name);
        Assert.Equal(["created", "granted"], (await audit.ForSubjectAsync("person:vera", default)).Select(e => e.Action));
        Assert.Equal(["привет"], (await outbox.PendingAsync(10, default)).Select(m => m.Text));
    }

    [Fact]
    public async Task Parallel_units_of_work_do_not_interleave()
    {
        var unit = _services.GetRequiredService<IUnitOfWork>();
        var people = _services.GetRequiredService<IPeopleStore>();
        var counter = new Person { Name = "0" };
        await people.InsertAsync(counter, default);

        // Each reads, then writes from what it read: only serialised units of work all succeed.
        var saved = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => unit.RunAsync(async () =>
        {
            var person = (await people.GetAsync(counter.Id, default))!;
            person.Name = (int.Parse(person.Name) + 1).ToString();
            return await people.TryUpdateAsync(person, default);
        }, default))));

        Assert.All(saved, Assert.True);
        Assert.Equal("20", (await people.GetAsync(counter.Id, default))!.Name);
    }

    [Fact]
    public async Task A_saved_file_reads_back_whole_and_an_unknown_key_reads_nothing()
    {
        var files = _services.GetRequiredService<IFileStore>();
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();

        var key = await files.SaveAsync("invoice.pdf", new MemoryStream(content), default);
        await using var read = (await files.OpenAsync(key, default))!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(content, copy.ToArray());
        Assert.Null(await files.OpenAsync("missing", default));
    }

    [Fact]
    public async Task Conversations_and_chats_are_saved_replaced_and_deleted()
    {
        var conversations = _services.GetRequiredService<IConversationStore>();
        var chats = _services.GetRequiredService<IChatStore>();
        await conversations.SaveAsync(new Conversation { ChatId = 1, UserId = 2 }, default);
        await chats.SaveAsync(new ChatRecord { Id = -5 }, default);
        await chats.SaveAsync(new ChatRecord { Id = -6, UnreachableSince = DateTimeOffset.UnixEpoch }, default);

        var found = await conversations.GetAsync(1, 2, default);
        var deleted = await conversations.DeleteAsync(1, 2, default);

        Assert.NotNull(found);
        Assert.True(deleted);
        Assert.Null(await conversations.GetAsync(1, 2, default));
        Assert.Equal([-6L], (await chats.UnreachableAsync(default)).Select(c => c.Id));
    }
}
