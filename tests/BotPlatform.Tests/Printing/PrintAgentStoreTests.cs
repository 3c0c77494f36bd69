using BotPlatform.Core.Printing.Agents;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Printing;

/// <summary>The printing agents' store, on both engines.</summary>
public abstract class PrintAgentStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private TestStorage _storage = null!;

    public sealed class LiteDb() : PrintAgentStoreTests(StorageEngine.LiteDb);

    public sealed class Postgres() : PrintAgentStoreTests(StorageEngine.Postgres);

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private IPrintAgentStore Agents => _storage.Services.GetRequiredService<IPrintAgentStore>();

    private static PrintAgent Agent(string name) => new() { Name = name, TokenHash = PrintAgent.NewToken().Hash, CreatedBy = 7, CreatedAt = Now };

    [Fact]
    public async Task An_agent_is_found_by_its_name_whatever_the_case_and_by_its_token_hash_with_its_printers()
    {
        var agent = Agent("Офис-1");
        agent.Printers = [new AgentPrinter { Name = "zebra", Kind = PrinterKinds.Label, State = "offline", Error = "connection refused" }];
        await Agents.InsertAsync(agent, default);

        var byName = await Agents.FindByNameAsync(" офис-1 ", default);
        var byToken = await Agents.FindByTokenHashAsync(agent.TokenHash, default);

        Assert.True(agent.Id > 0);
        Assert.Equal(agent.Id, byName?.Id);
        Assert.Equal(agent.Id, byToken?.Id);
        Assert.Equal(("Офис-1", 7L, Now), (byToken!.Name, byToken.CreatedBy, byToken.CreatedAt));
        var printer = Assert.Single(byToken.Printers);
        Assert.Equal(("zebra", PrinterKinds.Label, "offline", "connection refused"), (printer.Name, printer.Kind, printer.State, printer.Error));
        Assert.Null(await Agents.FindByNameAsync("офис-2", default));
        Assert.Null(await Agents.FindByTokenHashAsync(PrintAgent.Hash("bpa_unknown"), default));
    }

    [Fact]
    public async Task A_second_agent_with_the_same_token_hash_is_refused()
    {
        var first = Agent("office-1");
        await Agents.InsertAsync(first, default);

        await Assert.ThrowsAnyAsync<Exception>(() => Agents.InsertAsync(new PrintAgent { Name = "office-2", TokenHash = first.TokenHash }, default));

        Assert.Equal(["office-1"], (await Agents.ListAsync(default)).Select(a => a.Name));
    }

    [Fact]
    public async Task Two_updates_from_the_same_version_produce_one_change_and_the_list_is_in_registration_order()
    {
        await Agents.InsertAsync(Agent("office-2"), default);
        var agent = Agent("office-1");
        await Agents.InsertAsync(agent, default);
        var a = (await Agents.GetAsync(agent.Id, default))!;
        var b = (await Agents.GetAsync(agent.Id, default))!;

        a.LastSeenAt = Now.AddMinutes(1);
        b.RevokedAt = Now.AddMinutes(2);
        var results = new[] { await Agents.TryUpdateAsync(a, default), await Agents.TryUpdateAsync(b, default) };

        Assert.Equal([true, false], results);
        var stored = (await Agents.GetAsync(agent.Id, default))!;
        Assert.Equal((Now.AddMinutes(1), (DateTimeOffset?)null, 1), (stored.LastSeenAt!.Value, stored.RevokedAt, stored.Version));
        Assert.Equal(["office-2", "office-1"], (await Agents.ListAsync(default)).Select(a => a.Name));
    }
}
