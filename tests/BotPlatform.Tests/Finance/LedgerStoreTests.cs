using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Finance;

/// <summary>The ledger store on both engines: entries kept whole, found by dates, project and source.</summary>
public abstract class LedgerStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private TestStorage _storage = null!;

    public sealed class LiteDb() : LedgerStoreTests(StorageEngine.LiteDb);

    public sealed class Postgres() : LedgerStoreTests(StorageEngine.Postgres);

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private ILedgerStore Ledger => _storage.Services.GetRequiredService<ILedgerStore>();

    private static LedgerEntry Entry(LedgerKind kind, DateOnly date, decimal amount, long? project = null, string? source = null) => new()
    {
        Kind = kind, Date = date, Amount = amount, Currency = "RUB", Category = kind == LedgerKind.Income ? "services" : "software",
        Nature = kind == LedgerKind.Income ? CostNature.Variable : CostNature.Fixed, ProjectId = project, ClientId = project is null ? null : 9,
        Counterparty = "ООО Ромашка", Comment = "за ноябрь", EnteredBy = 4, EnteredAt = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero), Source = source,
    };

    [Fact]
    public async Task An_entry_is_stored_whole_with_its_exact_amount()
    {
        var entry = Entry(LedgerKind.Expense, new DateOnly(2026, 11, 20), 1_234_567.89m, project: 3, source: "request:ЗО-2026-0001");

        await Ledger.InsertAsync(entry, default);

        var read = (await Ledger.GetAsync(entry.Id, default))!;
        Assert.True(entry.Id > 0);
        Assert.Equal((LedgerKind.Expense, new DateOnly(2026, 11, 20), 1_234_567.89m, "RUB", "software", CostNature.Fixed),
            (read.Kind, read.Date, read.Amount, read.Currency, read.Category, read.Nature));
        Assert.Equal((3L, 9L, "ООО Ромашка", "за ноябрь", 4L, "request:ЗО-2026-0001"),
            (read.ProjectId!.Value, read.ClientId!.Value, read.Counterparty, read.Comment, read.EnteredBy, read.Source));
        Assert.Equal(entry.EnteredAt, read.EnteredAt);
        Assert.Null(await Ledger.GetAsync(entry.Id + 100, default));
    }

    [Fact]
    public async Task Entries_are_found_between_two_dates_inclusive_by_project_and_by_source_in_date_order()
    {
        await Ledger.InsertAsync(Entry(LedgerKind.Income, new DateOnly(2026, 12, 1), 5m, project: 1), default);
        await Ledger.InsertAsync(Entry(LedgerKind.Income, new DateOnly(2026, 11, 1), 1m, project: 1), default);
        await Ledger.InsertAsync(Entry(LedgerKind.Expense, new DateOnly(2026, 11, 30), 2m, project: 2, source: "invoice:СЧ-1"), default);
        await Ledger.InsertAsync(Entry(LedgerKind.Expense, new DateOnly(2026, 10, 31), 3m), default);
        await Ledger.InsertAsync(Entry(LedgerKind.Income, new DateOnly(2026, 11, 15), 4m, project: 1, source: "invoice:СЧ-1"), default);

        var november = await Ledger.BetweenAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), default);
        var first = await Ledger.ByProjectAsync(1, default);
        var invoice = await Ledger.BySourceAsync("invoice:СЧ-1", default);

        Assert.Equal([1m, 4m, 2m], november.Select(e => e.Amount));
        Assert.Equal([1m, 4m, 5m], first.Select(e => e.Amount));
        Assert.Equal([2m, 4m], invoice.Select(e => e.Amount));
        Assert.Empty(await Ledger.BySourceAsync("invoice:СЧ-2", default));
    }
    [Fact]
    public async Task Many_entries_are_inserted_at_once_with_ids_and_found_as_one_by_one()
    {
        var single = Entry(LedgerKind.Income, new DateOnly(2026, 11, 1), 1m);
        await Ledger.InsertAsync(single, default);
        var many = Enumerable.Range(1, 1200)
            .Select(i => Entry(i % 3 == 0 ? LedgerKind.Income : LedgerKind.Expense, new DateOnly(2026, 11, 1).AddDays(i % 30), 1000m + i + 0.01m,
                project: i % 4 == 0 ? null : i % 5, source: i == 7 ? "bulk:7" : null))
            .ToList();

        await Ledger.InsertManyAsync(many, default);
        var after = Entry(LedgerKind.Expense, new DateOnly(2026, 11, 2), 2m);
        await Ledger.InsertAsync(after, default);

        var november = await Ledger.BetweenAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), default);
        Assert.Equal(1202, november.Count);
        Assert.Equal(1202, november.Select(e => e.Id).Distinct().Count());
        Assert.All(many, e => Assert.True(e.Id > single.Id && e.Id < after.Id));
        Assert.Equal(many.Sum(e => e.Amount) + 3m, november.Sum(e => e.Amount));
        Assert.Equal(many.Count(e => e.ProjectId == 3), (await Ledger.ByProjectAsync(3, default)).Count);
        var seventh = Assert.Single(await Ledger.BySourceAsync("bulk:7", default));
        Assert.Equal((many[6].Id, 1007.01m, (long?)2, "за ноябрь"), (seventh.Id, seventh.Amount, seventh.ProjectId, seventh.Comment));
    }

    [Fact]
    public async Task No_entries_at_once_store_nothing()
    {
        await Ledger.InsertManyAsync([], default);

        Assert.Empty(await Ledger.BetweenAsync(DateOnly.MinValue, DateOnly.MaxValue, default));
    }
}
