using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.People.Administration;

namespace BotPlatform.Core.Approvals;

/// <summary>
/// A leaver's open approval steps and tasks go to the substitute: the assignment names the substitute
/// instead (so its reminders and escalations, stored on the assignment, now reach them), the leaver's
/// cards are edited to say so, the substitute gets fresh cards, and the history records "reassigned".
/// </summary>
public sealed class ApprovalLeavers(
    IApprovalStore store,
    IPeopleStore peopleStore,
    IUnitOfWork unitOfWork,
    ApprovalEngine engine,
    StepRouter router,
    ApprovalCards cards,
    TimeProvider time) : ILeaverObserver
{
    public static readonly Text ReassignedCard = new("↪️ {0} больше не работает в организации — решение передано: {1}.",
        "↪️ {0} has left the organisation; the decision went to {1}.");

    public async Task<int> LeftAsync(Person leaver, Person substitute, Person admin, Outgoing outgoing, CancellationToken ct)
    {
        var moved = 0;
        foreach (var waiting in await store.WaitingForAsync(leaver.Id, ct))
        {
            moved += await unitOfWork.RunAsync(async () =>
            {
                if (await store.GetAsync(waiting.Id, ct) is not { IsClosed: false, Current: { } step } r) return 0;
                var before = r.History.Count;
                var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
                var count = 0;
                foreach (var a in step.Assignments.Where(a => !a.Done && a.AssigneeIds.Contains(leaver.Id)))
                {
                    a.AssigneeIds.Remove(leaver.Id);
                    if (!a.AssigneeIds.Contains(substitute.Id)) a.AssigneeIds.Add(substitute.Id);
                    count++;
                }
                if (count == 0) return 0;
                foreach (var card in step.Cards.Where(c => c.PersonId == leaver.Id || c.ForPersonId == leaver.Id).ToList())
                {
                    var lang = people.LangOf(card.PersonId);
                    StepRouter.EditCard(card, cards.Card(r, people, lang, timeline: false) + "\n\n" + ReassignedCard.In(lang, leaver.Name, substitute.Name),
                        null, outgoing);
                    step.Cards.Remove(card);
                }
                r.Record(ApprovalActions.Reassigned, people.Now, admin.Id, leaver.Id, $"{leaver.Name} → {substitute.Name}");
                r.Refresh();
                if (r.Status == RequestStatus.InProgress) router.SendCards(r, step, people, outgoing, onlyFor: substitute.Id);
                await engine.SaveAsync(r, before, outgoing, ct);
                return count;
            }, ct);
        }
        return moved;
    }
}
