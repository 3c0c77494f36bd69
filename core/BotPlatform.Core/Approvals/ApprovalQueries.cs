using BotPlatform.Core.Common;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Approvals;

public sealed record InboxItem(ApprovalRequest Request, Assignment Assignment, long? ForPersonId, double WorkingHoursWaited);

/// <summary>/inbox, /my, /request, /find: what waits for me, my requests, one request, a search.</summary>
public sealed class ApprovalQueries(IApprovalStore store, IPeopleStore peopleStore, Organisation organisation, TimeProvider time)
{
    private static readonly Role[] SeeEverything = [Role.OpsManager, Role.FinanceManager, Role.Director, Role.Admin, Role.ChiefAccountant];

    /// <summary>Open steps waiting for the person (and for those they stand in for), oldest first.</summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(Person person, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var people = await PeopleDirectory.LoadAsync(peopleStore, now, ct);
        var items = new List<InboxItem>();
        var standingInFor = (await peopleStore.ListAsync(ct)).Where(p => p.Away is { } a && a.SubstituteId == person.Id && a.EndsAt > now);
        foreach (var (who, forPerson) in new[] { (person, (long?)null) }.Concat(standingInFor.Select(p => (p, (long?)p.Id))))
        {
            if (forPerson is null && people.ActingFor(who).Id != who.Id) continue;
            foreach (var r in await store.WaitingForAsync(who.Id, ct))
            {
                foreach (var a in r.Current!.Assignments.Where(a => !a.Done && a.AssigneeIds.Contains(who.Id)))
                    items.Add(new InboxItem(r, a, forPerson, organisation.Calendar.WorkingTimeBetween(r.Current.StartedAt, now).TotalHours));
            }
        }
        return items.DistinctBy(i => (i.Request.Id, i.Assignment.No)).OrderBy(i => i.Request.Current!.StartedAt).ToList();
    }

    public Task<IReadOnlyList<ApprovalRequest>> MineAsync(Person person, CancellationToken ct) => store.ByInitiatorAsync(person.Id, 20, ct);

    public async Task<Result<ApprovalRequest>> GetAsync(string number, Person viewer, CancellationToken ct)
    {
        if (await store.FindByNumberAsync(number, ct) is not { } r) return Result<ApprovalRequest>.Fail(ApprovalProblems.NotFound);
        return MaySee(r, viewer) ? Result<ApprovalRequest>.Ok(r) : Result<ApprovalRequest>.Fail(ApprovalProblems.NotAllowedToSee, r.Number);
    }

    public async Task<IReadOnlyList<ApprovalRequest>> FindAsync(string text, Person viewer, CancellationToken ct) =>
        (await store.SearchAsync(text, 200, ct)).Where(r => MaySee(r, viewer)).Take(20).ToList();

    /// <summary>The initiator, anyone the request passed through, and the managers who oversee all requests.</summary>
    public static bool MaySee(ApprovalRequest r, Person viewer) =>
        r.InitiatorId == viewer.Id
        || SeeEverything.Any(viewer.Has)
        || r.History.Any(e => e.ActorId == viewer.Id || e.OnBehalfOfId == viewer.Id)
        || r.Current?.Assignments.Any(a => a.AssigneeIds.Contains(viewer.Id)) == true
        || r.Current?.Cards.Any(c => c.PersonId == viewer.Id) == true;
}
