using BotPlatform.Core.Approvals;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// A little past for the demo, so that a visitor sees a payment register, a route sheet and /stats at once:
/// twelve payment requests of the last weeks decided by the demo's head of sales and finance manager (some
/// rejected, one frozen, one decided by the ops manager on behalf of the finance manager), and three approved
/// payments waiting at accounting, due today or already overdue. Stored through the approval store (so the
/// analytics rows are built as in production), only on a database that has none of them yet.
/// </summary>
public sealed class DemoHistory(IApprovalStore approvals, IPeopleStore people, Organisation organisation, TimeProvider time,
    ILogger<DemoHistory> logger) : IHostedLifecycleService
{
    public const string FirstNumber = "ЗО-ДЕМО-001";

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (await approvals.FindByNumberAsync(FirstNumber, cancellationToken) is not null) return;
        async Task<long?> Id(string username) => (await people.FindByUsernameAsync(username, cancellationToken))?.Id;
        if (await Id("a_petrova") is not { } initiator || await Id("i_ivanov") is not { } head || await Id("m_kuznetsova") is not { } finance
            || await Id("e_smirnova") is not { } ops || await Id("o_popova") is not { } chief || await Id("n_lebedeva") is not { } accountant)
        {
            logger.LogWarning("The demo organisation lacks someone the demo history needs; it is left out");
            return;
        }
        var calendar = organisation.Calendar;
        var today = calendar.LocalDate(time.GetUtcNow());
        // Working days before today, newest first: the history runs over the last three weeks, weekends skipped.
        var days = Enumerable.Range(1, 40).Select(i => today.AddDays(-i)).Where(calendar.IsWorkingDay).Take(15).ToList();
        DateTimeOffset At(int day, int hour) => calendar.StartOfLocalDay(days[day]).AddHours(hour);
        string[] counterparties = ["ООО «Медиа Плюс»", "ИП Васильев", "ООО «Типография №1»", "Яндекс Директ", "ООО «Студия Звука»"];
        for (var i = 0; i < 12; i++)
        {
            var created = At(14 - i, 10);
            var r = Request(i, counterparties[i % counterparties.Length], initiator, created);
            var headAt = created.AddHours(1 + i % 5);
            var headAction = i switch { 3 => ApprovalActions.Rejected, 7 => ApprovalActions.Frozen, _ => ApprovalActions.Approved };
            Decide(r, 1, "Руководитель отдела", headAt, headAction, head, null,
                i switch { 3 => "Нет бюджета", 7 => "Ждём подтверждения бюджета", _ => null });
            if (headAction == ApprovalActions.Approved)
            {
                var financeAt = calendar.AddWorkingHours(headAt, 2 + i % 7);
                var (action, actor, behalf, reason) = i switch
                {
                    5 => (ApprovalActions.Rejected, finance, (long?)null, "Неверные реквизиты"),
                    9 => (ApprovalActions.Rejected, ops, finance, "Счёт выставлен дважды"),
                    _ => (ApprovalActions.Approved, finance, null, (string?)null),
                };
                if (i == 9) r.History.Add(new HistoryEntry { At = financeAt.AddMinutes(-30), Action = ApprovalActions.Escalated, Step = "Финансовый менеджер", Seq = 2 });
                Decide(r, 2, "Финансовый менеджер", financeAt, action, actor, behalf, reason);
                if (action == ApprovalActions.Approved)
                    Decide(r, 3, "Бухгалтерия", calendar.AddWorkingHours(financeAt, 3), ApprovalActions.TaskDone, chief, null, "Провести оплату");
                r.Status = action == ApprovalActions.Approved ? RequestStatus.Paid : RequestStatus.Rejected;
            }
            else
            {
                r.Status = headAction == ApprovalActions.Frozen ? RequestStatus.Frozen : RequestStatus.Rejected;
            }
            r.StepSeq = r.History.Max(e => e.Seq);
            r.Refresh();
            await approvals.InsertAsync(r, cancellationToken);
        }
        // Approved and waiting at accounting: two due today, one overdue since the last working day.
        for (var i = 12; i < 15; i++)
        {
            var created = At(3, 10);
            var r = Request(i, counterparties[i % counterparties.Length], initiator, created);
            Decide(r, 1, "Руководитель отдела", created.AddHours(1), ApprovalActions.Approved, head, null, null);
            Decide(r, 2, "Финансовый менеджер", created.AddHours(3), ApprovalActions.Approved, finance, null, null);
            var due = i == 12 ? days[0] : today;
            r.Current = new StepState
            {
                Seq = 3, Index = 2, Name = "accounting", Title = "Бухгалтерия", Kind = StepKind.Tasks, StartedAt = created.AddHours(3),
                Assignments =
                [
                    new Assignment { No = 1, Task = "pay", Title = "Провести оплату", AssigneeIds = [chief], Due = due },
                    new Assignment
                    {
                        No = 2, Task = "payment_order", Title = "Приложить платёжное поручение с отметкой банка", AssigneeIds = [accountant],
                        CompletedBy = TaskCompletion.File,
                    },
                ],
            };
            r.StepSeq = 3;
            r.Status = RequestStatus.InProgress;
            r.Refresh();
            await approvals.InsertAsync(r, cancellationToken);
        }
    }

    private static ApprovalRequest Request(int i, string counterparty, long initiator, DateTimeOffset created)
    {
        var r = new ApprovalRequest
        {
            Number = $"ЗО-ДЕМО-{i + 1:000}", Kind = RequestKind.Payment, InitiatorId = initiator, Department = "sales", CreatedAt = created,
            Counterparty = counterparty, Amount = 15_000m + 7_500m * (i % 6), Currency = "RUB",
            CostItem = (i % 3) switch { 0 => "ads", 1 => "contractors", _ => "software" },
        };
        r.History.Add(new HistoryEntry { At = created, Action = ApprovalActions.Submitted, ActorId = initiator });
        return r;
    }

    private static void Decide(ApprovalRequest r, int seq, string step, DateTimeOffset at, string action, long actor, long? onBehalfOf, string? reason)
    {
        if (seq == 1 || action != ApprovalActions.TaskDone)
            r.History.Add(new HistoryEntry { At = at.AddMinutes(-90), Action = ApprovalActions.Reminder, Step = step, Seq = seq });
        r.History.Add(new HistoryEntry { At = at, Action = action, Step = step, Seq = seq, ActorId = actor, OnBehalfOfId = onBehalfOf, Reason = reason });
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
