using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Timers;

namespace BotPlatform.Core.Mail;

/// <summary>A sent original that has not come back: how many working days it has been out.</summary>
public sealed record Unreturned(Document Document, string ClientName, DateTimeOffset SentAt, int WorkingDays);

/// <summary>When the next Monday list of unreturned originals goes out (a timer kept as data).</summary>
public sealed class MailSchedule
{
    public string Id { get; set; } = "unreturned";
    public DateTimeOffset? NextListAt { get; set; }
}

public interface IMailScheduleStore
{
    Task<MailSchedule?> GetAsync(CancellationToken ct);
    Task SaveAsync(MailSchedule schedule, CancellationToken ct);
}

/// <summary>
/// Originals sent to clients and not back yet. The reminder of each is a due time on the document: N working days
/// after sending (organisation file, documents.unreturned_after_days) its manager is reminded, then weekly until it
/// returns. Every Monday at the start of the working day the office manager and the ops manager get the list by age
/// and client; /unreturned shows it on demand.
/// </summary>
public sealed class UnreturnedOriginals(IDocumentStore documents, IClientStore clients, IPeopleStore people, IMailScheduleStore schedule,
    IOutboxStore outbox, IUnitOfWork unitOfWork, Organisation organisation, TimeProvider time) : ITimerSource
{
    public static readonly TimeSpan Weekly = TimeSpan.FromDays(7);

    public string Name => "unreturned-originals";

    /// <summary>Sets the first reminder of a document that was just sent.</summary>
    public void Schedule(Document doc, DateTimeOffset sentAt)
    {
        doc.PaperDueAt = organisation.Calendar.AddWorkingDays(sentAt, organisation.Documents.UnreturnedAfterDays);
        doc.PaperReminders = 0;
    }

    /// <summary>Every sent document not back yet, oldest first; the office manager, the ops manager and admins see all, a manager theirs.</summary>
    public async Task<IReadOnlyList<Unreturned>> ListAsync(Person? viewer, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var all = viewer is null || MailScanning.MayScan(viewer);
        var result = new List<Unreturned>();
        var names = new Dictionary<long, string>();
        foreach (var doc in await documents.SearchAsync(new DocumentFilter(DocumentStatus.Sent), 10_000, ct))
        {
            if (!all && doc.ManagerId != viewer!.Id && doc.CreatedBy != viewer.Id) continue;
            var sentAt = doc.History.LastOrDefault(h => h.Action == DocumentActions.Sent)?.At ?? doc.CreatedAt;
            var client = "";
            if (doc.ClientId is { } id && !names.TryGetValue(id, out client!))
                names[id] = client = (await clients.GetAsync(id, ct))?.LegalName ?? "";
            var days = (int)Math.Floor(organisation.Calendar.WorkingTimeBetween(sentAt, now) / organisation.Calendar.WorkingDayLength);
            result.Add(new Unreturned(doc, client ?? "", sentAt, days));
        }
        return result.OrderByDescending(u => u.WorkingDays).ThenBy(u => u.ClientName).ThenBy(u => u.Document.Number).ToList();
    }

    public string Render(IReadOnlyList<Unreturned> list, Lang lang)
    {
        if (list.Count == 0) return MailTexts.NothingUnreturned.In(lang);
        var lines = new List<string> { MailTexts.UnreturnedTitle.In(lang, list.Count) };
        foreach (var client in list.GroupBy(u => u.ClientName).OrderByDescending(g => g.Max(u => u.WorkingDays)))
        {
            lines.Add(client.Key.Length > 0 ? client.Key : "—");
            lines.AddRange(client.Select(u => MailTexts.UnreturnedLine.In(lang, u.Document.Title, u.Document.Number,
                organisation.Calendar.ToLocal(u.SentAt), u.WorkingDays)));
        }
        return string.Join("\n", lines);
    }

    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var fired = 0;
        foreach (var due in await documents.PaperDueAsync(now, 500, ct))
        {
            fired += await unitOfWork.RunAsync(async () =>
            {
                if (await documents.GetAsync(due.Id, ct) is not { PaperDueAt: { } at } doc || at > now) return 0;
                var outgoing = new Outgoing($"timer:unreturned:{doc.Id}:{doc.PaperReminders}", time);
                if (doc.Status == DocumentStatus.Sent)
                {
                    var manager = (doc.ManagerId != 0 ? await people.GetAsync(doc.ManagerId, ct) : null) ?? await people.GetAsync(doc.CreatedBy, ct);
                    var sentAt = doc.History.LastOrDefault(h => h.Action == DocumentActions.Sent)?.At ?? doc.CreatedAt;
                    var days = (int)Math.Floor(organisation.Calendar.WorkingTimeBetween(sentAt, now) / organisation.Calendar.WorkingDayLength);
                    var client = doc.ClientId is { } id ? (await clients.GetAsync(id, ct))?.LegalName ?? "—" : "—";
                    if (manager is { ChatId: { } chat })
                        outgoing.Send(chat, MailTexts.UnreturnedReminder.In(manager.Language, doc.Title, doc.Number, client,
                            organisation.Calendar.ToLocal(sentAt), days));
                    doc.PaperReminders++;
                    doc.PaperDueAt = at + Weekly <= now ? now + Weekly : at + Weekly;
                }
                else
                {
                    doc.PaperDueAt = null;
                }
                if (!await documents.TryUpdateAsync(doc, ct)) throw new InvalidOperationException($"{doc.Number} changed inside a unit of work");
                await outbox.EnqueueAsync(outgoing.Messages, ct);
                return outgoing.Messages.Count;
            }, ct);
        }
        return fired + await WeeklyListAsync(now, ct);
    }

    /// <summary>Monday's list for the office manager and the ops manager; the next Monday is stored before the list goes out.</summary>
    private Task<int> WeeklyListAsync(DateTimeOffset now, CancellationToken ct) => unitOfWork.RunAsync(async () =>
    {
        var stored = await schedule.GetAsync(ct);
        if (stored?.NextListAt is not { } due)
        {
            await schedule.SaveAsync(new MailSchedule { NextListAt = NextMonday(now) }, ct);
            return 0;
        }
        if (due > now) return 0;
        await schedule.SaveAsync(new MailSchedule { NextListAt = NextMonday(now) }, ct);
        var list = await ListAsync(null, ct);
        if (list.Count == 0) return 0;
        var outgoing = new Outgoing($"timer:unreturned-list:{organisation.Calendar.LocalDate(due):yyyyMMdd}", time);
        var recipients = new Dictionary<long, Person>();
        foreach (var role in new[] { Role.OfficeManager, Role.OpsManager })
        foreach (var person in await people.WithRoleAsync(role, ct))
            if (person.ChatId is not null) recipients[person.Id] = person;
        foreach (var person in recipients.Values) outgoing.Send(person.ChatId!.Value, Render(list, person.Language));
        await outbox.EnqueueAsync(outgoing.Messages, ct);
        return outgoing.Messages.Count;
    }, ct);

    /// <summary>The start of the working day of the next Monday after <paramref name="now"/> (the first working moment after it, if Monday is a holiday).</summary>
    public DateTimeOffset NextMonday(DateTimeOffset now)
    {
        var today = organisation.Calendar.LocalDate(now);
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        if (monday == today && organisation.Calendar.NextWorkingMoment(organisation.Calendar.StartOfLocalDay(monday)) <= now) monday = monday.AddDays(7);
        return organisation.Calendar.NextWorkingMoment(organisation.Calendar.StartOfLocalDay(monday));
    }
}
