using BotPlatform.Core.Projects.Archive;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Projects.Archive;

/// <summary>The group archive store behaves the same on LiteDB and PostgreSQL.</summary>
public abstract class GroupArchiveStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);
    private TestStorage _storage = null!;

    public sealed class LiteDb() : GroupArchiveStoreTests(StorageEngine.LiteDb);
    public sealed class Postgres() : GroupArchiveStoreTests(StorageEngine.Postgres);

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);
    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private IGroupArchiveStore Store => _storage.Services.GetRequiredService<IGroupArchiveStore>();

    private static ArchivedMessage Message(long chat, int id, int second, string text) => new()
    {
        Id = ArchivedMessage.Key(chat, id), GroupId = chat, ChatId = chat, MessageId = id, At = At.AddSeconds(second), FromName = "Ирина",
        Versions = [new MessageVersion { At = At.AddSeconds(second), Text = text, Files = [new ArchivedFile { Kind = "document", FileId = "F" + id, FileName = "бриф.docx", Size = 1234 }] }],
    };

    [Fact]
    public async Task A_message_is_stored_once_by_its_chat_and_id_and_keeps_its_versions()
    {
        Assert.True(await Store.TryInsertAsync(Message(-10, 1, 0, "Привет"), default));
        Assert.False(await Store.TryInsertAsync(Message(-10, 1, 5, "Другое"), default));
        var stored = (await Store.GetAsync(-10, 1, default))!;
        stored.Versions.Add(new MessageVersion { At = At.AddMinutes(1), Edited = true, Text = "Привет!" });
        await Store.UpdateAsync(stored, default);

        var read = (await Store.GetAsync(-10, 1, default))!;
        Assert.Equal(["Привет", "Привет!"], read.Versions.Select(v => v.Text));
        Assert.Equal(At, read.At);
        Assert.Equal(("бриф.docx", 1234L), (read.Versions[0].Files[0].FileName!, read.Versions[0].Files[0].Size!.Value));
        Assert.Null(await Store.GetAsync(-10, 2, default));
    }

    [Fact]
    public async Task Messages_are_listed_by_group_in_order_and_follow_a_group_to_its_new_id()
    {
        await Store.TryInsertAsync(Message(-10, 2, 10, "второе"), default);
        await Store.TryInsertAsync(Message(-10, 1, 0, "первое"), default);
        await Store.TryInsertAsync(Message(-20, 1, 5, "чужое"), default);

        var moved = await Store.MoveGroupAsync(-10, -1001, default);
        await Store.TryInsertAsync(Message(-1001, 1, 20, "после"), default);

        Assert.Equal(2, moved);
        Assert.Equal(["первое", "второе", "после"], (await Store.ByGroupsAsync([-1001], default)).Select(m => m.Current.Text));
        Assert.Empty(await Store.ByGroupsAsync([-10], default));
        Assert.Equal(4, (await Store.ByGroupsAsync([-1001, -20], default)).Count);
    }
}
