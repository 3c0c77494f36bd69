using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Storage;

/// <summary>
/// LiteDB 5 closes the whole database when a collection is read while another thread creates it
/// (litedb-org/LiteDB#2792); the store creates every collection when the file is opened.
/// </summary>
public sealed class CollectionCreationTests
{
    [Fact]
    public async Task The_first_writes_of_a_running_host_create_no_collection()
    {
        using var folder = new TestFolder();
        await using var services = Storage(folder);
        var database = services.GetRequiredService<LiteDbContext>().Database;
        var opened = database.GetCollectionNames().Order().ToList();

        await services.GetRequiredService<IChatStore>().SaveAsync(new ChatRecord { Id = 42 }, default);
        await services.GetRequiredService<IConversationStore>().SaveAsync(new Conversation { ChatId = 42, UserId = 42 }, default);
        await services.GetRequiredService<IInviteStore>().InsertAsync(new Invite { Id = "code" }, default);
        await services.GetRequiredService<ISequenceStore>().NextAsync("approvals", default);
        await services.GetRequiredService<IFileStore>().SaveAsync("счёт.pdf", new MemoryStream([1, 2, 3]), default);

        Assert.Equal(opened, database.GetCollectionNames().Order());
    }

    [Fact]
    public async Task Reading_chats_while_the_first_chat_is_saved_leaves_the_database_open()
    {
        // Without the collections made up front this failed within a few rounds, mostly the first.
        for (var round = 0; round < 50; round++)
        {
            using var folder = new TestFolder();
            await using var services = Storage(folder);
            var chats = services.GetRequiredService<IChatStore>();
            using var start = new Barrier(2);
            var saving = true;
            var reader = Task.Run(async () =>
            {
                start.SignalAndWait();
                while (Volatile.Read(ref saving)) await chats.GetAsync(42, default);
            });

            start.SignalAndWait();
            await chats.SaveAsync(new ChatRecord { Id = 42, Title = "Ольга" }, default);
            Volatile.Write(ref saving, false);
            await reader;

            Assert.Equal("Ольга", (await chats.GetAsync(42, default))?.Title);
        }
    }

    [Fact]
    public async Task A_collection_not_declared_up_front_is_refused()
    {
        using var folder = new TestFolder();
        await using var services = Storage(folder);

        var refused = Assert.Throws<InvalidOperationException>(() =>
            services.GetRequiredService<LiteDbContext>().Collection<ChatRecord>("chats_v2"));

        Assert.Contains("chats_v2", refused.Message);
    }

    private static ServiceProvider Storage(TestFolder folder)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddStorage();
        services.PostConfigure<StorageOptions>(o => o.DataFolder = folder.Path);
        return services.BuildServiceProvider();
    }
}
