using System.Globalization;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Printing;
using Npgsql;
using InboxItem = BotPlatform.Core.Messaging.InboxItem;

namespace BotPlatform.Infrastructure.Storage.Postgres;

// The PostgreSQL twins of the LiteDB stores, one per Core interface, each a PgCollection with the
// columns its queries need (declared in Migrations/*.sql). Queries that LiteDB answers in memory
// (free-text search, Russian name order) are answered the same way here, so both engines agree.

internal sealed class PgPeopleStore(PostgresDatabase db) : IPeopleStore
{
    private readonly PgCollection<Person> _people = new(db, "people",
        new("telegram_user_id", p => p.TelegramUserId),
        new("username", p => p.Username),
        new("roles", p => p.Roles.Select(r => r.ToString()).ToArray()),
        new("away_ends_at", p => p.Away?.EndsAt));

    public Task<Person?> GetAsync(long id, CancellationToken ct) => _people.GetAsync(id, ct);

    public Task<Person?> FindByTelegramIdAsync(long telegramUserId, CancellationToken ct) =>
        _people.FindOneAsync("telegram_user_id = @p0", ct, telegramUserId);

    public Task<Person?> FindByUsernameAsync(string username, CancellationToken ct) =>
        _people.FindOneAsync("username = @p0", ct, Person.NormaliseUsername(username));

    public Task<IReadOnlyList<Person>> ListAsync(CancellationToken ct) => _people.FindAsync(null, null, null, ct);

    public Task<IReadOnlyList<Person>> WithRoleAsync(Role role, CancellationToken ct) =>
        _people.FindAsync("@p0 = ANY(roles)", null, null, ct, role.ToString());

    public Task<IReadOnlyList<Person>> AwayEndingByAsync(DateTimeOffset instant, CancellationToken ct) =>
        _people.FindAsync("away_ends_at <= @p0", null, null, ct, instant);

    public Task InsertAsync(Person person, CancellationToken ct)
    {
        person.Version = 0;
        return _people.InsertAsync(person, ct);
    }

    public Task<bool> TryUpdateAsync(Person person, CancellationToken ct) => _people.TryUpdateVersionedAsync(person, ct);
}

internal sealed class PgInviteStore(PostgresDatabase db) : IInviteStore
{
    private readonly PgCollection<Invite> _invites = new(db, "invites");

    public Task<Invite?> GetAsync(string code, CancellationToken ct) => _invites.GetAsync(code, ct);

    public Task InsertAsync(Invite invite, CancellationToken ct) => _invites.InsertAsync(invite, ct);

    public Task<bool> TryMarkUsedAsync(string code, long personId, DateTimeOffset at, CancellationToken ct) =>
        _invites.ChangeAsync(code, invite =>
        {
            if (invite.UsedBy is not null) return false;
            invite.UsedBy = personId;
            invite.UsedAt = at;
            return true;
        }, ct);
}

internal sealed class PgInboxStore(PostgresDatabase db) : IInboxStore
{
    private readonly PgCollection<InboxItem> _items = new(db, "inbox", new PgColumn<InboxItem>("status", i => i.Status));

    public Task<int> AddNewAsync(IReadOnlyList<InboxItem> items, CancellationToken ct) => db.InTransactionAsync(async (_, _) =>
    {
        var added = 0;
        foreach (var item in items)
            if (await _items.TryInsertAsync(item, ct)) added++;
        return added;
    }, ct);

    public Task<IReadOnlyList<InboxItem>> PendingAsync(int limit, CancellationToken ct) =>
        _items.FindAsync("status = 'Pending'", "id", limit, ct);

    public Task SaveAsync(InboxItem item, CancellationToken ct) => _items.UpsertAsync(item, ct);

    public Task<IReadOnlyList<InboxItem>> ParkedAsync(int limit, CancellationToken ct) =>
        _items.FindAsync("status = 'Parked'", "id DESC", limit, ct);

    public Task<InboxItem?> GetAsync(long updateId, CancellationToken ct) => _items.GetAsync(updateId, ct);

    public async Task<int> RemoveHandledBeforeAsync(DateTimeOffset before, CancellationToken ct)
    {
        var ids = await _items.IdsAsync("status = 'Done' AND (data->'HandledAt'->>'$date')::timestamptz < @p0", ct, before.UtcDateTime);
        var removed = 0;
        foreach (var batch in ids.Cast<long>().Chunk(1000)) removed += await _items.DeleteManyAsync(batch, ct);
        return removed;
    }
}

internal sealed class PgOutboxStore(PostgresDatabase db, OutboxSignal signal) : IOutboxStore
{
    private readonly PgCollection<OutboxMessage> _messages = new(db, "outbox",
        new("seq", m => m.Seq), new("status", m => m.Status), new("chat_id", m => m.ChatId));

    public async Task<int> EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0) return 0;
        var added = await db.InTransactionAsync(async (connection, transaction) =>
        {
            var count = 0;
            foreach (var message in messages)
            {
                if (await _messages.GetAsync(message.Id, ct) is not null) continue;
                await using (var next = new NpgsqlCommand("SELECT nextval('outbox_seq')", connection, transaction))
                    message.Seq = (long)(await next.ExecuteScalarAsync(ct))!;
                message.Status = OutboxStatus.Pending;
                if (await _messages.TryInsertAsync(message, ct)) count++;
            }
            if (count > 0)
            {
                // Wakes the elected sender, whichever replica it is, when this transaction commits.
                await using var notify = new NpgsqlCommand($"SELECT pg_notify('{PgOutboxLeadership.Channel}', '')", connection, transaction);
                await notify.ExecuteNonQueryAsync(ct);
            }
            return count;
        }, ct);
        if (added > 0) signal.Pulse();
        return added;
    }

    public Task<IReadOnlyList<OutboxMessage>> PendingAsync(int limit, CancellationToken ct) =>
        _messages.FindAsync("status = 'Pending'", "seq", limit, ct);

    public Task<OutboxMessage?> GetAsync(string id, CancellationToken ct) => _messages.GetAsync(id, ct);

    public Task SaveAsync(OutboxMessage message, CancellationToken ct) => _messages.UpdateAsync(message, ct);

    public Task<int> RetargetChatAsync(long oldChatId, long newChatId, CancellationToken ct) => db.InTransactionAsync(async (_, _) =>
    {
        var pending = await _messages.FindAsync("chat_id = @p0 AND status = 'Pending'", null, null, ct, oldChatId);
        foreach (var message in pending)
        {
            message.ChatId = newChatId;
            await _messages.UpdateAsync(message, ct);
        }
        return pending.Count;
    }, ct);

    public Task<IReadOnlyList<OutboxMessage>> FailedAsync(int limit, CancellationToken ct) =>
        _messages.FindAsync("status = 'Failed'", "seq DESC", limit, ct);

    public async Task<(int Removed, int Kept)> RemoveSentBeforeAsync(DateTimeOffset before, IReadOnlySet<string> keep, CancellationToken ct)
    {
        var old = (await _messages.IdsAsync("status IN ('Sent', 'Skipped') AND (data->'CreatedAt'->>'$date')::timestamptz < @p0", ct, before.UtcDateTime))
            .Cast<string>().ToList();
        var removable = old.Where(id => !keep.Contains(id)).ToList();
        var removed = 0;
        foreach (var batch in removable.Chunk(1000)) removed += await _messages.DeleteManyAsync(batch, ct);
        return (removed, old.Count - removable.Count);
    }
}

internal sealed class PgChatStore(PostgresDatabase db) : IChatStore
{
    private readonly PgCollection<ChatRecord> _chats = new(db, "chats", new PgColumn<ChatRecord>("unreachable_since", c => c.UnreachableSince));

    public Task<ChatRecord?> GetAsync(long chatId, CancellationToken ct) => _chats.GetAsync(chatId, ct);

    public Task SaveAsync(ChatRecord chat, CancellationToken ct) => _chats.UpsertAsync(chat, ct);

    public Task<IReadOnlyList<ChatRecord>> UnreachableAsync(CancellationToken ct) =>
        _chats.FindAsync("unreachable_since IS NOT NULL", null, null, ct);
}

internal sealed class PgConversationStore(PostgresDatabase db) : IConversationStore
{
    private readonly PgCollection<Conversation> _conversations = new(db, "conversations");

    public Task<Conversation?> GetAsync(long chatId, long userId, CancellationToken ct) =>
        _conversations.GetAsync(Conversation.KeyOf(chatId, userId), ct);

    public Task SaveAsync(Conversation conversation, CancellationToken ct)
    {
        conversation.Id = Conversation.KeyOf(conversation.ChatId, conversation.UserId);
        return _conversations.UpsertAsync(conversation, ct);
    }

    public Task<bool> DeleteAsync(long chatId, long userId, CancellationToken ct) =>
        _conversations.DeleteAsync(Conversation.KeyOf(chatId, userId), ct);
}

/// <summary>Append-only: the table refuses UPDATE and DELETE by trigger (Migrations/0001_initial.sql).</summary>
internal sealed class PgAuditLog(PostgresDatabase db) : IAuditLog
{
    private readonly PgCollection<AuditEntry> _entries = new(db, "audit", new PgColumn<AuditEntry>("subject", e => e.Subject));

    public Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        entry.Id = 0;
        return _entries.InsertAsync(entry, ct);
    }

    public Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subject, CancellationToken ct) =>
        _entries.FindAsync("subject = @p0", "id", null, ct, subject);
}

/// <summary>Files in the database as bytea (invoices and PDFs are small; one backup holds everything).</summary>
internal sealed class PgFileStore(PostgresDatabase db) : IFileStore
{
    public async Task<string> SaveAsync(string fileName, Stream content, CancellationToken ct)
    {
        var key = Guid.NewGuid().ToString("N");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        await db.RunAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("INSERT INTO files (id, file_name, content) VALUES (@id, @name, @content)", connection, transaction);
            command.Parameters.AddWithValue("id", key);
            command.Parameters.AddWithValue("name", fileName);
            command.Parameters.AddWithValue("content", buffer.ToArray());
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct) => db.RunAsync<Stream?>(async (connection, transaction) =>
    {
        await using var command = new NpgsqlCommand("SELECT content FROM files WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", key);
        return await command.ExecuteScalarAsync(ct) is byte[] bytes ? new MemoryStream(bytes, writable: false) : null;
    }, ct);
}

internal sealed class PgUnitOfWork(PostgresDatabase db, OutboxSignal signal) : IUnitOfWork
{
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        var result = await db.UnitOfWorkAsync(work, ct);
        signal.Pulse();
        return result;
    }
}

/// <summary>
/// Gap-free: the counter row is incremented under its row lock and the value belongs to the caller's
/// transaction, so a unit of work that rolls back gives its number back.
/// </summary>
internal sealed class PgSequenceStore(PostgresDatabase db) : ISequenceStore
{
    public Task<long> NextAsync(string name, CancellationToken ct) => db.RunAsync(async (connection, transaction) =>
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO sequences (name, value) VALUES (@name, 1)
            ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1
            RETURNING value
            """, connection, transaction);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }, ct);
}

/// <summary>The approval cards later edits show the outcome on (see <see cref="ApprovalOutboxReferences"/>).</summary>
internal sealed class PgApprovalOutboxReferences(PostgresDatabase db) : IOutboxReferences
{
    private readonly PgCollection<ApprovalRequest> _requests = new(db, "approvals");

    public async Task<IReadOnlyCollection<string>> OutboxIdsInUseAsync(CancellationToken ct) =>
        ApprovalOutboxReferences.CardOutboxIds(await _requests.FindAsync(null, null, null, ct));
}

internal sealed class PgApprovalStore(PostgresDatabase db) : IApprovalStore
{
    private readonly PgCollection<ApprovalRequest> _requests = new(db, "approvals",
        new("number", r => r.Number),
        new("next_timer_at", r => r.NextTimerAt),
        new("initiator_id", r => r.InitiatorId),
        new("waiting", r => r.Waiting.ToArray()),
        new("started_at", r => r.Current?.StartedAt));

    public Task<ApprovalRequest?> GetAsync(long id, CancellationToken ct) => _requests.GetAsync(id, ct);

    public Task<ApprovalRequest?> FindByNumberAsync(string number, CancellationToken ct) =>
        _requests.FindOneAsync("number = @p0", ct, number.Trim().ToUpperInvariant());

    public Task InsertAsync(ApprovalRequest request, CancellationToken ct)
    {
        request.Version = 0;
        return _requests.InsertAsync(request, ct);
    }

    public Task<bool> TryUpdateAsync(ApprovalRequest request, CancellationToken ct) => _requests.TryUpdateVersionedAsync(request, ct);

    public Task<IReadOnlyList<ApprovalRequest>> DueAsync(DateTimeOffset instant, int limit, CancellationToken ct) =>
        _requests.FindAsync("next_timer_at <= @p0", null, limit, ct, instant);

    public Task<IReadOnlyList<ApprovalRequest>> WaitingForAsync(long personId, CancellationToken ct) =>
        _requests.FindAsync("waiting @> ARRAY[@p0]::bigint[]", "started_at NULLS FIRST, id", null, ct, personId);

    // Few requests are on hold at a time and a leaver is rare: a scan of the document's status, not an index.
    public Task<IReadOnlyList<ApprovalRequest>> HeldAsync(CancellationToken ct) =>
        _requests.FindAsync("data->>'Status' IN (@p0, @p1)", "id", null, ct, nameof(RequestStatus.Frozen), nameof(RequestStatus.AwaitingDocuments));

    public Task<IReadOnlyList<ApprovalRequest>> ByInitiatorAsync(long personId, int limit, CancellationToken ct) =>
        _requests.FindAsync("initiator_id = @p0", "id DESC", limit, ct, personId);

    // Not indexed yet on this engine (#13: a payment_due column needs a migration): read and filtered here.
    public async Task<IReadOnlyList<ApprovalRequest>> AwaitingPaymentAsync(DateOnly through, CancellationToken ct) =>
        (await _requests.FindAsync(null, "id", null, ct)).Where(r => r.PaymentDue is { } due && due <= through).ToList();

    public async Task<IReadOnlyList<ApprovalRequest>> SearchAsync(string text, int limit, CancellationToken ct)
    {
        var needle = text.Trim();
        return (await _requests.FindAsync(null, "id DESC", null, ct))
            .Where(r => r.Number.Contains(needle, StringComparison.OrdinalIgnoreCase)
                || r.Counterparty.Contains(needle, StringComparison.OrdinalIgnoreCase))
            .Take(limit)
            .ToList();
    }
}

internal sealed class PgTemplateStore(PostgresDatabase db) : ITemplateStore
{
    private readonly PgCollection<DocumentTemplate> _templates = new(db, "templates");

    public Task<DocumentTemplate?> GetAsync(string code, CancellationToken ct) => _templates.GetAsync(Key(code), ct);

    public async Task<IReadOnlyList<DocumentTemplate>> AllAsync(CancellationToken ct) =>
        (await _templates.FindAsync(null, null, null, ct)).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();

    public Task<bool> TryInsertAsync(DocumentTemplate template, CancellationToken ct)
    {
        template.Id = Key(template.Id);
        template.Version = 0;
        return _templates.TryInsertAsync(template, ct);
    }

    public Task<bool> TryUpdateAsync(DocumentTemplate template, CancellationToken ct) => _templates.TryUpdateVersionedAsync(template, ct);

    private static string Key(string code) => code.Trim().ToLowerInvariant();
}

internal sealed class PgClientStore(PostgresDatabase db) : IClientStore
{
    private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.GetCultureInfo("ru-RU"), ignoreCase: true);
    private readonly PgCollection<Client> _clients = new(db, "clients", new("tax_id", c => c.TaxId), new("legal_name", c => c.LegalName));

    public Task<Client?> GetAsync(long id, CancellationToken ct) => _clients.GetAsync(id, ct);

    public Task<Client?> FindByTaxIdAsync(string taxId, CancellationToken ct) =>
        _clients.FindOneAsync("tax_id = @p0", ct, taxId.Trim().ToUpperInvariant());

    public async Task<IReadOnlyList<Client>> SearchAsync(string text, int limit, CancellationToken ct)
    {
        var needle = text.Trim();
        return (await _clients.FindAsync(null, null, null, ct))
            .Where(c => c.LegalName.Contains(needle, StringComparison.OrdinalIgnoreCase)
                || c.TaxId.Contains(needle, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => SortKey(c.LegalName), NameOrder)
            .Take(limit)
            .ToList();
    }

    private static string SortKey(string name) => new([.. name.Where(c => c is not ('«' or '»' or '"' or '\'' or '“' or '”' or '„'))]);

    public Task InsertAsync(Client client, CancellationToken ct)
    {
        client.Version = 0;
        return _clients.InsertAsync(client, ct);
    }

    public Task<bool> TryUpdateAsync(Client client, CancellationToken ct) => _clients.TryUpdateVersionedAsync(client, ct);
}

internal sealed class PgDealStore(PostgresDatabase db) : IDealStore
{
    private readonly PgCollection<Deal> _deals = new(db, "deals", new("number", d => d.Number), new("client_id", d => d.ClientId));

    public Task<Deal?> GetAsync(long id, CancellationToken ct) => _deals.GetAsync(id, ct);

    public Task<Deal?> FindByNumberAsync(string number, CancellationToken ct) =>
        _deals.FindOneAsync("number = @p0", ct, number.Trim().ToUpperInvariant());

    public Task<IReadOnlyList<Deal>> ByClientAsync(long clientId, CancellationToken ct) =>
        _deals.FindAsync("client_id = @p0", null, null, ct, clientId);

    public Task InsertAsync(Deal deal, CancellationToken ct)
    {
        deal.Version = 0;
        deal.Number = deal.Number.ToUpperInvariant();
        return _deals.InsertAsync(deal, ct);
    }

    public Task<bool> TryUpdateAsync(Deal deal, CancellationToken ct) => _deals.TryUpdateVersionedAsync(deal, ct);
}

internal sealed class PgDocumentStore(PostgresDatabase db) : IDocumentStore
{
    private readonly PgCollection<Document> _documents = new(db, "documents",
        new("number", d => d.Number), new("code", d => d.Code), new("deal_id", d => d.DealId), new("client_id", d => d.ClientId),
        new("status", d => d.Status), new("parent_id", d => d.ParentId), new("appendix_no", d => d.AppendixNo),
        new("approval_request_id", d => d.ApprovalRequestId));

    public Task<Document?> GetAsync(long id, CancellationToken ct) => _documents.GetAsync(id, ct);

    public Task<Document?> FindByNumberAsync(string number, CancellationToken ct) =>
        _documents.FindOneAsync("number = @p0", ct, number.Trim().ToUpperInvariant());

    public Task<Document?> FindByCodeAsync(string code, CancellationToken ct) =>
        _documents.FindOneAsync("code = @p0", ct, code.Trim().ToUpperInvariant());

    public Task<Document?> FindByApprovalRequestAsync(long requestId, CancellationToken ct) =>
        _documents.FindOneAsync("approval_request_id = @p0", ct, requestId);

    public Task<IReadOnlyList<Document>> ByDealAsync(long dealId, CancellationToken ct) =>
        _documents.FindAsync("deal_id = @p0", null, null, ct, dealId);

    public Task<IReadOnlyList<Document>> ByClientAsync(long clientId, CancellationToken ct) =>
        _documents.FindAsync("client_id = @p0", null, null, ct, clientId);

    public Task<IReadOnlyList<Document>> AppendicesAsync(long parentId, CancellationToken ct) =>
        _documents.FindAsync("parent_id = @p0", "appendix_no NULLS FIRST, id", null, ct, parentId);

    // Only a Sent document carries the unreturned-original timer; the due ones are picked from those.
    public async Task<IReadOnlyList<Document>> PaperDueAsync(DateTimeOffset instant, int limit, CancellationToken ct) =>
        (await _documents.FindAsync("status = @p0", null, null, ct, DocumentStatus.Sent))
        .Where(d => d.PaperDueAt is { } due && due <= instant).OrderBy(d => d.PaperDueAt).Take(limit).ToList();

    public async Task<IReadOnlyList<Document>> SearchAsync(DocumentFilter filter, int limit, CancellationToken ct)
    {
        IEnumerable<Document> found = filter.Status is { } status
            ? await _documents.FindAsync("status = @p0", null, null, ct, status)
            : await _documents.FindAsync(null, null, null, ct);
        if (filter.ClientIds is { } ids) found = found.Where(d => d.ClientId is { } c && ids.Contains(c));
        if (filter.Kind is { } kind) found = found.Where(d => d.Kind == kind);
        if (filter.From is { } from) found = found.Where(d => d.Date >= from);
        if (filter.To is { } to) found = found.Where(d => d.Date <= to);
        return found.OrderByDescending(d => d.Id).Take(limit).ToList();
    }

    public Task InsertAsync(Document document, CancellationToken ct)
    {
        document.Version = 0;
        document.Number = document.Number.ToUpperInvariant();
        return _documents.InsertAsync(document, ct);
    }

    public Task<bool> TryUpdateAsync(Document document, CancellationToken ct) => _documents.TryUpdateVersionedAsync(document, ct);
}

internal sealed class PgPrintJobStore(PostgresDatabase db) : IPrintJobStore
{
    private readonly PgCollection<PrintJob> _jobs = new(db, "print_jobs",
        new("document_id", j => j.DocumentId), new("state", j => j.State), new("printer", j => j.Printer));

    public Task<PrintJob?> GetAsync(long id, CancellationToken ct) => _jobs.GetAsync(id, ct);

    public Task<IReadOnlyList<PrintJob>> ByDocumentAsync(long documentId, CancellationToken ct) =>
        _jobs.FindAsync("document_id = @p0", null, null, ct, documentId);

    public async Task<IReadOnlyList<PrintJob>> ClaimableAsync(string printer, DateTimeOffset now, int limit, CancellationToken ct) =>
        (await _jobs.FindAsync("state IN ('Queued', 'Claimed') AND printer = @p0", null, null, ct, printer))
            .Where(j => j.IsClaimable(now))
            .Take(limit)
            .ToList();

    public Task<IReadOnlyList<PrintJob>> ByStateAsync(PrintJobState state, int limit, CancellationToken ct) =>
        _jobs.FindAsync("state = @p0", null, limit, ct, state);

    public Task InsertAsync(PrintJob job, CancellationToken ct)
    {
        job.Version = 0;
        return _jobs.InsertAsync(job, ct);
    }

    public Task<bool> TryUpdateAsync(PrintJob job, CancellationToken ct) => _jobs.TryUpdateVersionedAsync(job, ct);
}

internal sealed class PgDepartmentStore(PostgresDatabase db) : IDepartmentStore
{
    private readonly PgCollection<Department> _departments = new(db, "departments");

    public Task<IReadOnlyList<Department>> ListAsync(CancellationToken ct) => _departments.FindAsync(null, "id", null, ct);

    /// <summary>One aggregate over the table's columns (no document is read): checked before every update by each replica.</summary>
    public Task<long> StampAsync(CancellationToken ct) => db.RunAsync(async (connection, transaction) =>
    {
        await using var command = new NpgsqlCommand("SELECT count(*) + COALESCE(sum(version), 0) FROM departments", connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }, ct);

    public Task<Department?> GetAsync(string code, CancellationToken ct) => _departments.GetAsync(Key(code), ct);

    public Task<bool> TryInsertAsync(Department department, CancellationToken ct)
    {
        department.Id = Key(department.Id);
        department.Version = 0;
        return _departments.TryInsertAsync(department, ct);
    }

    public Task<bool> TryUpdateAsync(Department department, CancellationToken ct)
    {
        department.Id = Key(department.Id);
        return _departments.TryUpdateVersionedAsync(department, ct);
    }

    private static string Key(string code) => code.Trim().ToLowerInvariant();
}
