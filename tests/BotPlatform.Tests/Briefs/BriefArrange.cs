using BotPlatform.Core.Briefs;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Briefs;

/// <summary>PRJ-0001 (SMM for ООО «Ромашка») with its client's group linked: the people a brief conversation needs.</summary>
public sealed class BriefScene : IAsyncDisposable
{
    public required BotHost Host { get; init; }
    public required FakeUser Pm { get; init; }
    public required FakeUser Designer { get; init; }
    public required FakeUser Client { get; init; }
    public required FakeUser Colleague { get; init; }
    public required FakeChat Group { get; init; }

    /// <summary>Wednesday 25.11.2026, 10:00 Moscow; Friday 27.11 is a holiday in the test organisation.</summary>
    public static async Task<BriefScene> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool linkGroup = true)
    {
        var all = new Dictionary<string, string?> { ["Organisation:File"] = TestFiles.Path("TestData/organisation.projects.yaml") };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var host = await BotHost.StartAsync(now: ProjectArrange.Wednesday, settings: all);
        var pm = await host.JoinedAsync("Катя", "pm_kate");
        var designer = await host.JoinedAsync("Лена", "des_lena");
        var client = host.Tg.CreateUser("Ирина", "irina_romashka");
        var colleague = host.Tg.CreateUser("Олег", "oleg_romashka");
        await host.ClientAsync(ClientSamples.Romashka());
        await host.CreateInChatAsync(pm);
        var group = host.Tg.CreateGroup("Ромашка × Агентство", pm, designer, client, colleague);
        if (linkGroup)
        {
            host.Tg.SendText(pm, group, "/link PRJ-0001");
            await host.CardAsync(group, "Здравствуйте! Этот чат");
            host.Tg.SendText(client, group, "Добрый день!");
            host.Tg.SendText(colleague, group, "Привет всем");
            await host.IdleAsync();
        }
        return new BriefScene { Host = host, Pm = pm, Designer = designer, Client = client, Colleague = colleague, Group = group };
    }

    public async Task<Project> ProjectAsync() => (await Host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default))!;

    public async Task<Brief?> BriefAsync() => await Host.Get<IBriefStore>().ByProjectAsync((await ProjectAsync()).Id, default);

    public async Task<Client> ClientRecordAsync() => (await Host.Get<IClientStore>().GetAsync((await ProjectAsync()).ClientId, default))!;

    /// <summary>The user opens the project's card in their private chat.</summary>
    public async Task<FakeMessage> CardAsync(FakeUser user)
    {
        var after = Host.Tg.BotMessages(user.PrivateChat).LastOrDefault()?.MessageId ?? 0;
        Host.Tg.SendText(user, "/project PRJ-0001");
        return await Host.CardAsync(user.PrivateChat, "📁 Проект PRJ-0001", after);
    }

    public async Task<IReadOnlyList<string>> InboxErrorsAsync()
    {
        var inbox = Host.Get<IInboxStore>();
        return [.. (await inbox.PendingAsync(50, default)).Where(i => i.LastError is not null).Concat(await inbox.ParkedAsync(50, default)).Select(i => i.LastError!)];
    }

    public async ValueTask DisposeAsync()
    {
        var failed = Host.Services is not null ? await InboxErrorsAsync() : [];
        await Host.DisposeAsync();
        Assert.True(failed.Count == 0, string.Join("\n---\n", failed));
    }
}
