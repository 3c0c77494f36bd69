using BotPlatform.Core.Finance.Registers;
using BotPlatform.Core.Mail;
using BotPlatform.Core.Printing.Agents;

namespace BotPlatform.Infrastructure.Storage.Postgres;

internal sealed class PgPrintAgentStore(PostgresDatabase db) : IPrintAgentStore
{
    private readonly PgCollection<PrintAgent> _agents = new(db, "print_agents",
        new("name_key", a => NameKey(a.Name)), new("token_hash", a => a.TokenHash));

    public Task<PrintAgent?> GetAsync(long id, CancellationToken ct) => _agents.GetAsync(id, ct);

    public Task<PrintAgent?> FindByNameAsync(string name, CancellationToken ct) => _agents.FindOneAsync("name_key = @p0", ct, NameKey(name));

    public Task<PrintAgent?> FindByTokenHashAsync(string hash, CancellationToken ct) => _agents.FindOneAsync("token_hash = @p0", ct, hash);

    public Task<IReadOnlyList<PrintAgent>> ListAsync(CancellationToken ct) => _agents.FindAsync(null, "id", null, ct);

    public Task InsertAsync(PrintAgent agent, CancellationToken ct)
    {
        agent.Version = 0;
        return _agents.InsertAsync(agent, ct);
    }

    public Task<bool> TryUpdateAsync(PrintAgent agent, CancellationToken ct) => _agents.TryUpdateVersionedAsync(agent, ct);

    /// <summary>Names are compared case-insensitively (as the LiteDB store does), so the unique index is on the upper-cased name.</summary>
    private static string NameKey(string name) => name.Trim().ToUpperInvariant();
}

internal sealed class PgMailRegisterStore(PostgresDatabase db) : IMailRegisterStore
{
    private readonly PgCollection<MailEntry> _entries = new(db, "mail_register",
        new("date", e => e.Date), new("at", e => e.At), new("direction", e => e.Direction), new("document_id", e => e.DocumentId),
        new("scan_id", e => e.ScanId));

    public Task InsertAsync(MailEntry entry, CancellationToken ct)
    {
        entry.Version = 0;
        return _entries.InsertAsync(entry, ct);
    }

    public Task<MailEntry?> FindByScanIdAsync(string scanId, CancellationToken ct) => _entries.FindOneAsync("scan_id = @p0", ct, scanId);

    public Task<IReadOnlyList<MailEntry>> ListAsync(DateOnly from, DateOnly to, MailDirection? direction, CancellationToken ct) =>
        direction is { } only
            ? _entries.FindAsync("date BETWEEN @p0 AND @p1 AND direction = @p2", "at, id", null, ct, from, to, only)
            : _entries.FindAsync("date BETWEEN @p0 AND @p1", "at, id", null, ct, from, to);

    public async Task<IReadOnlyList<MailEntry>> ByDocumentsAsync(IReadOnlyCollection<long> documentIds, CancellationToken ct) =>
        documentIds.Count == 0 ? [] : await _entries.FindAsync("document_id = ANY(@p0)", "at, id", null, ct, documentIds.Distinct().ToArray());
}

internal sealed class PgMailScheduleStore(PostgresDatabase db) : IMailScheduleStore
{
    private readonly PgCollection<MailSchedule> _schedule = new(db, "mail_schedule");

    public Task<MailSchedule?> GetAsync(CancellationToken ct) => _schedule.GetAsync(new MailSchedule().Id, ct);

    public Task SaveAsync(MailSchedule schedule, CancellationToken ct) => _schedule.UpsertAsync(schedule, ct);
}

internal sealed class PgPaymentRegisterStore(PostgresDatabase db) : IPaymentRegisterStore
{
    private readonly PgCollection<PaymentRegister> _registers = new(db, "payment_registers", new PgColumn<PaymentRegister>("day", r => r.Day));

    public Task<PaymentRegister?> GetAsync(DateOnly day, CancellationToken ct) => _registers.GetAsync(PaymentRegister.IdOf(day), ct);

    /// <summary>The day's id is the primary key: of two hosts storing one day's register, one inserts and the other gets false.</summary>
    public Task<bool> TryInsertAsync(PaymentRegister register, CancellationToken ct) => _registers.TryInsertAsync(register, ct);
}
