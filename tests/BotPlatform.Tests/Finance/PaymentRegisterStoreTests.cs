using BotPlatform.Core.Finance.Registers;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Finance;

/// <summary>The payment registers as they were sent, on both engines: one per day, kept as it was.</summary>
public abstract class PaymentRegisterStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private TestStorage _storage = null!;

    public sealed class LiteDb() : PaymentRegisterStoreTests(StorageEngine.LiteDb);

    public sealed class Postgres() : PaymentRegisterStoreTests(StorageEngine.Postgres);

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private IPaymentRegisterStore Registers => _storage.Services.GetRequiredService<IPaymentRegisterStore>();

    private static PaymentRegister Register(DateOnly day, decimal amount) => new()
    {
        Id = PaymentRegister.IdOf(day), Day = day, SentAt = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), FileKey = "file-1",
        FileName = "Реестр платежей 2026-11-24.xlsx",
        Lines =
        [
            new RegisterLine
            {
                RequestId = 11, Number = "ЗО-2026-0001", CostItem = "ads", CostItemName = "Реклама", Counterparty = "ООО Ромашка", Amount = amount,
                Currency = "RUB", Due = day, InitiatorId = 4, Initiator = "Ольга Сотрудникова", Overdue = false, Seq = 3, TaskNo = 1,
            },
        ],
    };

    [Fact]
    public async Task A_days_register_is_stored_once_and_read_back_as_it_was_sent()
    {
        var first = await Registers.TryInsertAsync(Register(Tuesday, 150_000.10m), default);
        var again = await Registers.TryInsertAsync(Register(Tuesday, 1m), default);

        var stored = await Registers.GetAsync(Tuesday, default);
        Assert.True(first);
        Assert.False(again);
        Assert.Equal((Tuesday, "file-1", new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero)), (stored!.Day, stored.FileKey, stored.SentAt));
        var line = Assert.Single(stored.Lines);
        Assert.Equal(("ЗО-2026-0001", "Реклама", 150_000.10m, Tuesday, 3, 1), (line.Number, line.CostItemName, line.Amount, line.Due, line.Seq, line.TaskNo));
        Assert.Null(await Registers.GetAsync(Tuesday.AddDays(1), default));
    }

    [Fact]
    public async Task Two_hosts_storing_one_days_register_at_once_store_it_once()
    {
        var stores = new[] { Registers, _storage.Replica().GetRequiredService<IPaymentRegisterStore>() };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => stores[i % 2].TryInsertAsync(Register(Tuesday, 100m + i), default))));

        Assert.Single(results, r => r);
        var kept = (await Registers.GetAsync(Tuesday, default))!.Lines.Single().Amount;
        Assert.Equal(100m + Array.IndexOf(results, true), kept);
    }
}
