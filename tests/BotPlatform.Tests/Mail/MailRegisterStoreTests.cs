using BotPlatform.Core.Mail;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Mail;

/// <summary>The outgoing and incoming mail register and the Monday list's schedule, on both engines.</summary>
public abstract class MailRegisterStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private TestStorage _storage = null!;

    public sealed class LiteDb() : MailRegisterStoreTests(StorageEngine.LiteDb);

    public sealed class Postgres() : MailRegisterStoreTests(StorageEngine.Postgres);

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private IMailRegisterStore Register => _storage.Services.GetRequiredService<IMailRegisterStore>();
    private IMailScheduleStore Schedule => _storage.Services.GetRequiredService<IMailScheduleStore>();

    private static MailEntry Entry(string number, MailDirection direction, DateTimeOffset at, string? scanId = null) => new()
    {
        Direction = direction, At = at, Date = DateOnly.FromDateTime(at.UtcDateTime), DocumentId = number.Length, DocumentNumber = number,
        DocumentCode = "BP" + number, DocumentTitle = "Договор", ClientId = 3, ClientName = "ООО «Ромашка»", DealId = 5, DealNumber = "СДЛ-2026-0001",
        Source = scanId is null ? "bot" : "agent:office-1", ScanId = scanId,
    };

    [Fact]
    public async Task The_register_lists_a_period_oldest_first_in_one_or_both_directions()
    {
        await Register.InsertAsync(Entry("Д-3", MailDirection.In, Monday.AddDays(2)), default);
        await Register.InsertAsync(Entry("Д-2", MailDirection.Out, Monday.AddHours(1)), default);
        await Register.InsertAsync(Entry("Д-1", MailDirection.Out, Monday.AddHours(1)), default);
        await Register.InsertAsync(Entry("Д-0", MailDirection.Out, Monday.AddDays(-1)), default);
        await Register.InsertAsync(Entry("Д-4", MailDirection.Out, Monday.AddDays(3)), default);

        var both = await Register.ListAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 25), null, default);
        var outgoing = await Register.ListAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 25), MailDirection.Out, default);
        var incoming = await Register.ListAsync(new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 25), MailDirection.In, default);

        Assert.Equal(["Д-2", "Д-1", "Д-3"], both.Select(e => e.DocumentNumber));
        Assert.Equal(["Д-2", "Д-1"], outgoing.Select(e => e.DocumentNumber));
        var entry = Assert.Single(incoming);
        Assert.Equal((MailDirection.In, Monday.AddDays(2), new DateOnly(2026, 11, 25), "ООО «Ромашка»", "СДЛ-2026-0001", "BPД-3"),
            (entry.Direction, entry.At, entry.Date, entry.ClientName, entry.DealNumber, entry.DocumentCode));
    }

    [Fact]
    public async Task An_agents_scan_is_found_by_its_id()
    {
        await Register.InsertAsync(Entry("Д-1", MailDirection.Out, Monday, scanId: "scan-1"), default);
        await Register.InsertAsync(Entry("Д-22", MailDirection.Out, Monday), default);

        var found = await Register.FindByScanIdAsync("scan-1", default);

        Assert.Equal(("Д-1", "agent:office-1"), (found?.DocumentNumber, found?.Source));
        Assert.Null(await Register.FindByScanIdAsync("scan-2", default));
    }

    [Fact]
    public async Task A_deals_documents_find_their_entries_oldest_first_and_nobody_elses()
    {
        await Register.InsertAsync(Entry("Д-1", MailDirection.In, Monday.AddDays(3)), default);
        await Register.InsertAsync(Entry("Д-1", MailDirection.Out, Monday), default);
        await Register.InsertAsync(Entry("СЧ-1", MailDirection.Out, Monday.AddHours(2)), default);
        await Register.InsertAsync(Entry("Д-222", MailDirection.Out, Monday.AddHours(1)), default);

        var found = await Register.ByDocumentsAsync(["Д-1".Length, "СЧ-1".Length], default);
        var none = await Register.ByDocumentsAsync([], default);

        Assert.Equal([("Д-1", MailDirection.Out), ("СЧ-1", MailDirection.Out), ("Д-1", MailDirection.In)],
            found.Select(e => (e.DocumentNumber, e.Direction)));
        Assert.Empty(none);
    }

    [Fact]
    public async Task The_monday_schedule_is_empty_at_first_then_keeps_the_last_time_saved()
    {
        var before = await Schedule.GetAsync(default);

        await Schedule.SaveAsync(new MailSchedule { NextListAt = Monday }, default);
        await Schedule.SaveAsync(new MailSchedule { NextListAt = Monday.AddDays(7) }, default);

        Assert.Null(before);
        Assert.Equal(Monday.AddDays(7), (await Schedule.GetAsync(default))?.NextListAt);
    }
}
