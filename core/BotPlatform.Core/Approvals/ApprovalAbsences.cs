using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Approvals;

/// <summary>
/// /away moves a person's pending steps to their substitute (cards on behalf of them) and back when
/// the absence ends: the substitute's cards lose their buttons and the person gets fresh ones.
/// </summary>
public sealed class ApprovalAbsences(
    IApprovalStore store,
    IPeopleStore peopleStore,
    IUnitOfWork unitOfWork,
    ApprovalEngine engine,
    StepRouter router,
    ApprovalCards cards,
    TimeProvider time) : IAbsenceObserver
{
    public async Task AwayStartedAsync(Person person, Person substitute, Outgoing outgoing, CancellationToken ct)
    {
        foreach (var waiting in await store.WaitingForAsync(person.Id, ct))
        {
            await unitOfWork.RunAsync(async () =>
            {
                if (await store.GetAsync(waiting.Id, ct) is not { Status: RequestStatus.InProgress, Current: { } step } r) return 0;
                var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
                router.SendCards(r, step, people, outgoing, onlyFor: person.Id);
                await engine.SaveAsync(r, r.History.Count, outgoing, ct);
                return 0;
            }, ct);
        }
    }

    public async Task AwayEndedAsync(Person person, long substituteId, Outgoing outgoing, CancellationToken ct)
    {
        foreach (var waiting in await store.WaitingForAsync(person.Id, ct))
        {
            await unitOfWork.RunAsync(async () =>
            {
                if (await store.GetAsync(waiting.Id, ct) is not { Status: RequestStatus.InProgress, Current: { } step } r) return 0;
                var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
                foreach (var card in step.Cards.Where(c => c.ForPersonId == person.Id).ToList())
                {
                    var lang = people.LangOf(card.PersonId);
                    StepRouter.EditCard(card, cards.Card(r, people, lang, timeline: false) + "\n\n" + ApprovalTexts.ReturnedTo.In(lang, person.Name),
                        null, outgoing);
                    step.Cards.Remove(card);
                }
                router.SendCards(r, step, people, outgoing, onlyFor: person.Id);
                await engine.SaveAsync(r, r.History.Count, outgoing, ct);
                return 0;
            }, ct);
        }
    }
}
