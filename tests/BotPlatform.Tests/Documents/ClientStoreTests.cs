using BotPlatform.Core.Documents;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Tests.Support;
using LiteDB;
using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Documents;

/// <summary>Written once, run on both engines: LiteDB and PostgreSQL (see TestStorage).</summary>
public abstract class ClientStoreTests(StorageEngine engine) : IAsyncLifetime
{

    private TestStorage _storage = null!;

    private ServiceProvider _services => _storage.Services;

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    public sealed class LiteDb() : ClientStoreTests(StorageEngine.LiteDb);

    public sealed class Postgres() : ClientStoreTests(StorageEngine.Postgres);

    private IClientStore Clients => _services.GetRequiredService<IClientStore>();
    private IDealStore Deals => _services.GetRequiredService<IDealStore>();

    [Fact]
    public async Task A_client_is_found_by_tax_id_and_by_part_of_its_name()
    {
        await Clients.InsertAsync(ClientSamples.Romashka(), default);
        var vasilek = ClientSamples.Romashka();
        (vasilek.LegalName, vasilek.Inn) = ("АО «Василёк»", "7810123469");
        await Clients.InsertAsync(vasilek, default);

        var byTaxId = await Clients.FindByTaxIdAsync("7810123469", default);
        var byName = await Clients.SearchAsync("ромаш", 10, default);
        var byPartOfTaxId = await Clients.SearchAsync("78101", 10, default);

        Assert.Equal("АО «Василёк»", byTaxId?.LegalName);
        Assert.Equal(["ООО «Ромашка»"], byName.Select(c => c.LegalName));
        Assert.Equal(["АО «Василёк»"], byPartOfTaxId.Select(c => c.LegalName));
        Assert.Equal("Петров Пётр Петрович", (await Clients.GetAsync(byTaxId!.Id, default))?.Signatory);
    }

    [Fact]
    public async Task A_second_client_with_the_same_tax_id_is_refused_by_the_index()
    {
        await Clients.InsertAsync(ClientSamples.Romashka(), default);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Clients.InsertAsync(ClientSamples.Romashka(), default));

        AssertDuplicateKey(error);
    }

    [Fact]
    public async Task A_stale_client_version_is_not_saved()
    {
        var client = ClientSamples.Romashka();
        await Clients.InsertAsync(client, default);
        var first = (await Clients.GetAsync(client.Id, default))!;
        var second = (await Clients.GetAsync(client.Id, default))!;

        first.Phone = "+7 495 000-00-00";
        second.Phone = "+7 495 111-11-11";

        Assert.True(await Clients.TryUpdateAsync(first, default));
        Assert.False(await Clients.TryUpdateAsync(second, default));
        Assert.Equal(("+7 495 000-00-00", 1), ((await Clients.GetAsync(client.Id, default))?.Phone, first.Version));
    }

    [Fact]
    public async Task Deals_are_unique_by_number_and_found_in_any_case()
    {
        var deal = new Deal { Number = "сдл-2026-0001", ClientId = 7, Lines = [new DealLine { ServiceCode = "smm", Quantity = 2, Price = 1.5m }] };
        await Deals.InsertAsync(deal, default);

        var found = await Deals.FindByNumberAsync("Сдл-2026-0001", default);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deals.InsertAsync(new Deal { Number = "СДЛ-2026-0001" }, default));

        Assert.Equal(("СДЛ-2026-0001", 3m), (found?.Number, found?.Lines.Single().Sum));
        Assert.Equal([found!.Id], (await Deals.ByClientAsync(7, default)).Select(d => d.Id));
        AssertDuplicateKey(error);
    }

    /// <summary>Each engine's own unique-index refusal.</summary>
    private void AssertDuplicateKey(Exception error)
    {
        if (engine == StorageEngine.LiteDb) Assert.Equal(LiteException.INDEX_DUPLICATE_KEY, Assert.IsType<LiteException>(error).ErrorCode);
        else Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(error).SqlState);
    }
}
