using BotPlatform.Core.Billing;
using Npgsql;

namespace BotPlatform.Infrastructure.Storage.Postgres;

internal sealed class PgBillingReportStore(PostgresDatabase db) : IBillingReportStore
{
    private readonly PgCollection<BillingReport> _reports = new(db, "billing_reports",
        new("number", r => r.Number), new("client_id", r => r.ClientId), new("page_token", r => r.PageToken),
        new("status", r => r.Status), new("period_from", r => r.From), new("period_to", r => r.To), new("invoice_due_at", r => r.InvoiceDueAt));

    public async Task<(IReadOnlyList<BillingReport> Reports, int Total)> QueryAsync(ReportsQuery query, int skip, int take, CancellationToken ct)
    {
        var conditions = new List<string>();
        var args = new List<object?>();
        void Add(string condition, object value)
        {
            conditions.Add(condition.Replace("@p", "@p" + args.Count, StringComparison.Ordinal));
            args.Add(value);
        }
        if (query.ClientId is { } client) Add("client_id = @p", client);
        if (query.Status is { } status) Add("status = @p", status.ToString());
        if (query.From is { } from) Add("period_to >= @p", from);
        if (query.To is { } to) Add("period_from <= @p", to);
        var where = conditions.Count == 0 ? null : string.Join(" AND ", conditions);
        var total = await _reports.CountAsync(where, ct, [.. args]);
        var page = await _reports.FindPageAsync(where, "id DESC", skip, take, ct, [.. args]);
        return (page, (int)total);
    }

    public Task<IReadOnlyList<BillingReport>> InvoiceDueAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        _reports.FindAsync("status = 'Approved' AND (invoice_due_at IS NULL OR invoice_due_at <= @p0)", "id", limit, ct, now);

    public Task<BillingReport?> FindByTokenAsync(string token, CancellationToken ct) => _reports.FindOneAsync("page_token = @p0", ct, token);

    public Task<BillingReport?> GetAsync(long id, CancellationToken ct) => _reports.GetAsync(id, ct);

    public Task<BillingReport?> FindByNumberAsync(string number, CancellationToken ct) =>
        _reports.FindOneAsync("number = @p0", ct, number.Trim().ToUpperInvariant());

    public Task<IReadOnlyList<BillingReport>> ByClientAsync(long clientId, CancellationToken ct) =>
        _reports.FindAsync("client_id = @p0", "id DESC", null, ct, clientId);

    public Task<IReadOnlyList<BillingReport>> AllAsync(CancellationToken ct) => _reports.FindAsync(null, "id DESC", null, ct);

    public Task InsertAsync(BillingReport report, CancellationToken ct)
    {
        report.Version = 0;
        report.Number = report.Number.ToUpperInvariant();
        return _reports.InsertAsync(report, ct);
    }

    public Task<bool> TryUpdateAsync(BillingReport report, CancellationToken ct) => _reports.TryUpdateVersionedAsync(report, ct);
}

/// <summary>report_claims' primary key is the task: <c>ON CONFLICT DO NOTHING</c> leaves a task held by another report out.</summary>
internal sealed class PgReportClaimStore(PostgresDatabase db) : IReportClaimStore
{
    public Task<IReadOnlyList<long>> ClaimAsync(long reportId, IReadOnlyCollection<long> taskIds, CancellationToken ct) =>
        db.InTransactionAsync<IReadOnlyList<long>>(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO report_claims (task_id, report_id) SELECT unnest(@tasks), @report ON CONFLICT (task_id) DO NOTHING RETURNING task_id",
                connection, transaction);
            command.Parameters.AddWithValue("tasks", taskIds.Distinct().ToArray());
            command.Parameters.AddWithValue("report", reportId);
            var claimed = new List<long>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) claimed.Add(reader.GetInt64(0));
            return claimed;
        }, ct);

    public Task<IReadOnlySet<long>> ClaimedAsync(IReadOnlyCollection<long> taskIds, CancellationToken ct) =>
        db.RunAsync<IReadOnlySet<long>>(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("SELECT task_id FROM report_claims WHERE task_id = ANY(@tasks)", connection, transaction);
            command.Parameters.AddWithValue("tasks", taskIds.ToArray());
            var held = new HashSet<long>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) held.Add(reader.GetInt64(0));
            return held;
        }, ct);

    public Task ReleaseAsync(long reportId, IReadOnlyCollection<long> taskIds, CancellationToken ct) =>
        db.RunAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM report_claims WHERE report_id = @report AND task_id = ANY(@tasks)", connection, transaction);
            command.Parameters.AddWithValue("report", reportId);
            command.Parameters.AddWithValue("tasks", taskIds.ToArray());
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);

    public Task<long?> HolderAsync(long taskId, CancellationToken ct) =>
        db.RunAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("SELECT report_id FROM report_claims WHERE task_id = @task", connection, transaction);
            command.Parameters.AddWithValue("task", taskId);
            return await command.ExecuteScalarAsync(ct) is long id ? id : (long?)null;
        }, ct);
}

/// <summary>See <see cref="ReportOutboxReferences"/>.</summary>
internal sealed class PgReportOutboxReferences(PostgresDatabase db) : BotPlatform.Core.Messaging.IOutboxReferences
{
    private readonly PgCollection<BillingReport> _reports = new(db, "billing_reports");

    public async Task<IReadOnlyCollection<string>> OutboxIdsInUseAsync(CancellationToken ct) =>
        ReportOutboxReferences.CardOutboxIds(await _reports.FindAsync(null, null, null, ct));
}
