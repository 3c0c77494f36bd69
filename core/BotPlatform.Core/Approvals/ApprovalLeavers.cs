using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.People.Administration;

namespace BotPlatform.Core.Approvals;

/// <summary>
/// A leaver's open approval work goes to the substitute, each request in its own unit of work, its history
/// recording "reassigned":
/// <list type="bullet">
/// <item>open steps: the assignment names the substitute instead (so its reminders and escalations, stored on
/// the assignment, now reach them), the leaver's cards are edited to say so, the substitute gets fresh cards;</item>
/// <item>requests on hold (frozen, or waiting for documents) at a step of the leaver: the step resumes with the
/// substitute, who is told now what will come to them;</item>
/// <item>the leaver's own open requests: the substitute becomes the initiator (they hear the outcome and may
/// withdraw); one waiting for the initiator's documents asks the substitute for them, and the approver who
/// asked is told who will send them.</item>
/// </list>
/// </summary>
public sealed class ApprovalLeavers(
    IApprovalStore store,
    IPeopleStore peopleStore,
    IConversationStore conversations,
    IUnitOfWork unitOfWork,
    ApprovalEngine engine,
    StepRouter router,
    ApprovalCards cards,
    TimeProvider time) : ILeaverObserver
{
    public static readonly Text ReassignedCard = new("↪️ {0} больше не работает в организации — решение передано: {1}.",
        "↪️ {0} has left the organisation; the decision went to {1}.");
    public static readonly Text HeldForYou = new(
        "↪️ Вам передана заявка {0} от {1}: сейчас она {2}. Когда она вернётся на шаг «{3}», решение будет за вами.",
        "↪️ Request {0} came to you from {1}: it is {2} now. When it returns to step \"{3}\", the decision is yours.");
    public static readonly Text InitiatorHandedOver = new(
        "↪️ {0} больше не работает в организации — заявка передана: {1}.",
        "↪️ {0} has left the organisation; the request went to {1}.");
    public static readonly Text YouAreInitiator = new(
        "↪️ Теперь вы инициатор заявки {0} вместо {1}: вам придут её решения, и вы можете её отозвать.",
        "↪️ You are now the initiator of {0} instead of {1}: its decisions come to you, and you may withdraw it.");
    public static readonly Text NotOwnRequest = new(
        "↪️ {0} — инициатор заявки {1} и не решает её сам(а): шаг «{2}» передан: {3}.",
        "↪️ {0} initiated {1} and does not decide it: step \"{2}\" went to {3}.");
    public static readonly Text DocumentsFromSubstitute = new(
        "↪️ По {0}: {1} больше не работает в организации — документы пришлёт {2}.",
        "↪️ About {0}: {1} has left the organisation; {2} will send the documents.");

    public async Task<int> LeftAsync(Person leaver, Person substitute, Person admin, Outgoing outgoing, CancellationToken ct)
    {
        var moved = 0;
        foreach (var waiting in await store.WaitingForAsync(leaver.Id, ct))
            moved += await InUnitAsync(waiting.Id, (r, people) => MoveOpenStep(r, people, leaver, substitute, admin, outgoing), outgoing, ct);
        foreach (var held in await store.HeldAsync(ct))
            moved += await InUnitAsync(held.Id, (r, people) => MoveHeldStep(r, people, leaver, substitute, admin, outgoing), outgoing, ct);
        // A request lives for weeks: the leaver's latest few hundred hold every open one.
        foreach (var own in (await store.ByInitiatorAsync(leaver.Id, 500, ct)).Where(r => !r.IsClosed))
        {
            Conversation? attach = null;
            moved += await InUnitAsync(own.Id, (r, people) => MoveInitiator(r, people, leaver, substitute, admin, outgoing, out attach), outgoing, ct,
                async () =>
                {
                    // A dialog the substitute is in the middle of is not thrown away for this one.
                    if (attach is not null && await conversations.GetAsync(attach.ChatId, attach.UserId, ct) is null)
                        await conversations.SaveAsync(attach, ct);
                });
        }
        return moved;
    }

    private Task<int> InUnitAsync(long requestId, Func<ApprovalRequest, PeopleDirectory, int> move, Outgoing outgoing, CancellationToken ct,
        Func<Task>? alsoStore = null) =>
        unitOfWork.RunAsync(async () =>
        {
            if (await store.GetAsync(requestId, ct) is not { IsClosed: false } r) return 0;
            var before = r.History.Count;
            var people = await PeopleDirectory.LoadAsync(peopleStore, time.GetUtcNow(), ct);
            var count = move(r, people);
            if (count == 0) return 0;
            r.Refresh();
            await engine.SaveAsync(r, before, outgoing, ct);
            if (alsoStore is not null) await alsoStore();
            return count;
        }, ct);

    private int MoveOpenStep(ApprovalRequest r, PeopleDirectory people, Person leaver, Person substitute, Person admin, Outgoing outgoing)
    {
        if (r.Status != RequestStatus.InProgress || r.Current is not { } step) return 0;
        var count = Replace(step.Assignments.Where(a => !a.Done), leaver, substitute);
        if (count == 0) return 0;
        foreach (var card in step.Cards.Where(c => c.PersonId == leaver.Id || c.ForPersonId == leaver.Id).ToList())
        {
            var lang = people.LangOf(card.PersonId);
            StepRouter.EditCard(card, cards.Card(r, people, lang, timeline: false) + "\n\n" + ReassignedCard.In(lang, leaver.Name, substitute.Name),
                null, outgoing);
            step.Cards.Remove(card);
        }
        r.Record(ApprovalActions.Reassigned, people.Now, admin.Id, leaver.Id, $"{leaver.Name} → {substitute.Name}");
        var holders = OffOwnRequest(r, step, people, substitute, admin, outgoing);
        r.Refresh();
        foreach (var id in holders.DefaultIfEmpty(substitute.Id)) router.SendCards(r, step, people, outgoing, onlyFor: id);
        return count;
    }

    /// <summary>A held step resumes with the same people (see ApprovalEngine.Resume): the substitute takes the leaver's place among them.</summary>
    private int MoveHeldStep(ApprovalRequest r, PeopleDirectory people, Person leaver, Person substitute, Person admin, Outgoing outgoing)
    {
        if (r.Status is not (RequestStatus.Frozen or RequestStatus.AwaitingDocuments) || r.Current is not { } step) return 0;
        if (Replace(step.Assignments, leaver, substitute) == 0) return 0;
        r.Record(ApprovalActions.Reassigned, people.Now, admin.Id, leaver.Id, $"{leaver.Name} → {substitute.Name}");
        var holders = OffOwnRequest(r, step, people, substitute, admin, outgoing);
        foreach (var id in holders.DefaultIfEmpty(substitute.Id))
        {
            if (people[id] is not { ChatId: { } chat } holder) continue;
            var lang = holder.Language;
            var status = (r.Status == RequestStatus.Frozen ? ApprovalTexts.StatusFrozenShort : ApprovalTexts.StatusAwaitingShort).In(lang);
            outgoing.Send(chat, HeldForYou.In(lang, r.Number, leaver.Name, status, step.Title) + "\n\n" + cards.Card(r, people, lang, timeline: false));
        }
        return 1;
    }

    private int MoveInitiator(ApprovalRequest r, PeopleDirectory people, Person leaver, Person substitute, Person admin, Outgoing outgoing,
        out Conversation? attach)
    {
        attach = null;
        if (r.InitiatorId != leaver.Id) return 0;
        r.InitiatorId = substitute.Id;
        r.Record(ApprovalActions.Reassigned, people.Now, admin.Id, leaver.Id, $"{leaver.Name} → {substitute.Name}");
        if (r.InitiatorCard is { } old)
        {
            var oldLang = people.LangOf(old.PersonId);
            StepRouter.EditCard(old, ApprovalTexts.Submitted.In(oldLang, r.Number) + "\n\n" + cards.Card(r, people, oldLang, timeline: false)
                + "\n\n" + InitiatorHandedOver.In(oldLang, leaver.Name, substitute.Name), null, outgoing);
            r.InitiatorCard = null;
        }
        if (substitute.ChatId is { } chat)
        {
            var lang = substitute.Language;
            r.InitiatorCard = new CardRef
            {
                ChatId = chat, PersonId = substitute.Id,
                OutboxId = outgoing.Send(chat, YouAreInitiator.In(lang, r.Number, leaver.Name) + "\n\n" + cards.Card(r, people, lang, timeline: false),
                    ApprovalButtons.ForInitiator(r, lang)),
            };
        }
        if (r.Current is { } step)
        {
            var holders = OffOwnRequest(r, step, people, substitute, admin, outgoing);
            if (r.Status == RequestStatus.InProgress)
                foreach (var id in holders) router.SendCards(r, step, people, outgoing, onlyFor: id);
        }
        if (r.Status == RequestStatus.AwaitingDocuments)
        {
            attach = ApprovalEngine.AskInitiatorToAttach(r, people, outgoing);
            if (r.HoldBy is { } by && by != substitute.Id && people[by] is { IsActive: true, ChatId: { } approverChat } approver)
                outgoing.Send(approverChat, DocumentsFromSubstitute.In(approver.Language, r.Number, leaver.Name, substitute.Name));
        }
        return 1;
    }

    /// <summary>
    /// An approver never decides their own request. A handover can make the substitute both the initiator and an
    /// approver of the current step (they inherit the request, or the step, of someone who approved or filed it);
    /// such a step goes to the ops managers, who hold any step nobody else can (see StepRouter.Ids and escalations),
    /// or to the director when the substitute is the only ops manager. The substitute's cards for it lose their
    /// buttons. Returns who now holds the step (empty when nothing moved).
    /// </summary>
    private List<long> OffOwnRequest(ApprovalRequest r, StepState step, PeopleDirectory people, Person substitute, Person admin,
        Outgoing outgoing)
    {
        if (r.InitiatorId != substitute.Id) return [];
        var own = step.Assignments.Where(a => a is { Done: false, Task: null } && a.AssigneeIds.Contains(r.InitiatorId)).ToList();
        if (own.Count == 0 || people[r.InitiatorId] is not { } initiator) return [];
        var holders = people.WithRole(Role.OpsManager).Where(p => p.Id != initiator.Id).ToList();
        if (holders.Count == 0) holders = [.. people.WithRole(Role.Director).Where(p => p.Id != initiator.Id)];
        if (holders.Count == 0) return [];
        foreach (var a in own)
        {
            a.AssigneeIds.Remove(initiator.Id);
            foreach (var holder in holders.Where(h => !a.AssigneeIds.Contains(h.Id))) a.AssigneeIds.Add(holder.Id);
        }
        var names = string.Join(", ", holders.Select(h => h.Name));
        foreach (var card in step.Cards.Where(c => c.PersonId == initiator.Id && c.AssignmentNo is null).ToList())
        {
            var lang = people.LangOf(card.PersonId);
            StepRouter.EditCard(card, cards.Card(r, people, lang, timeline: false) + "\n\n"
                + NotOwnRequest.In(lang, initiator.Name, r.Number, step.Title, names), null, outgoing);
            step.Cards.Remove(card);
        }
        r.Record(ApprovalActions.Reassigned, people.Now, admin.Id, initiator.Id, $"{initiator.Name} → {names}");
        return [.. holders.Select(h => h.Id)];
    }

    private static int Replace(IEnumerable<Assignment> assignments, Person leaver, Person substitute)
    {
        var count = 0;
        foreach (var a in assignments.Where(a => a.AssigneeIds.Contains(leaver.Id)))
        {
            a.AssigneeIds.Remove(leaver.Id);
            if (!a.AssigneeIds.Contains(substitute.Id)) a.AssigneeIds.Add(substitute.Id);
            count++;
        }
        return count;
    }
}
