using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.People;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Analytics;

/// <summary>
/// A seeded history for the analytics tests: 40 requests and 20 documents stored through the real stores
/// (so the analytics projection is built as in production), decided at chosen instants in November 2026
/// (Moscow; working days Mon-Fri 09-18; 04.11 is a holiday). The hours of every step are in the comments.
/// </summary>
public sealed class AnalyticsHistory
{
    public static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    public static DateTimeOffset T(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Msk);

    public const string HeadStep = "Руководитель отдела";
    public const string FinanceStep = "Финансовый менеджер";
    public const string LawyerStep = "Юрист";
    public const string DirectorStep = "Директор";

    public required long Igor { get; init; }
    public required long Maria { get; init; }
    public required long Anna { get; init; }
    public required long Olga { get; init; }
    public required long Petr { get; init; }
    public required long Sergey { get; init; }
    public long C8Id { get; private set; }

    public sealed record Step(string Title, DateTimeOffset At, string Action, long Actor, long? OnBehalfOf = null, string? Reason = null,
        int Reminders = 0, DateTimeOffset? EscalatedAt = null);

    public static async Task<AnalyticsHistory> SeedAsync(BotHost host)
    {
        var people = host.Get<IPeopleStore>();
        async Task<long> Id(string username) => (await people.FindByUsernameAsync(username, default))!.Id;
        var h = new AnalyticsHistory
        {
            Igor = await Id("head_igor"), Maria = await Id("fin_maria"), Anna = await Id("admin_anna"), Olga = await Id("emp_olga"),
            Petr = await Id("lawyer_petr"), Sergey = await Id("dir_sergey"),
        };
        await h.RequestsAsync(host.Get<IApprovalStore>());
        await h.DocumentsAsync(host.Get<IDocumentStore>());
        return h;
    }

    private async Task RequestsAsync(IApprovalStore store)
    {
        const string approve = ApprovalActions.Approved, reject = ApprovalActions.Rejected;
        // Head (Игорь) hours P1..P10: 1 2 3 4 5 6 7 8 6 4; finance (Мария) P1 2, P2 2, P3 3, P4 9, P6 5; Анна P5 1 on behalf of Мария.
        await Pay(store, 1, "sales", Olga, T(2, 9), RequestStatus.Paid, new Step(HeadStep, T(2, 10), approve, Igor), new Step(FinanceStep, T(2, 12), approve, Maria));
        await Pay(store, 2, "sales", Olga, T(3, 9), RequestStatus.Paid, new Step(HeadStep, T(3, 11), approve, Igor), new Step(FinanceStep, T(3, 13), approve, Maria));
        await Pay(store, 3, "sales", Olga, T(5, 9), RequestStatus.Paid, new Step(HeadStep, T(5, 12), approve, Igor), new Step(FinanceStep, T(5, 15), approve, Maria));
        // Finance: Mon 13:00 -> Tue 13:00 = 5 + 4 = 9 h.
        await Pay(store, 4, "sales", Olga, T(9, 9), RequestStatus.Paid, new Step(HeadStep, T(9, 13), approve, Igor), new Step(FinanceStep, T(10, 13), approve, Maria));
        await Pay(store, 5, "sales", Olga, T(10, 9), RequestStatus.Rejected, new Step(HeadStep, T(10, 14), approve, Igor),
            new Step(FinanceStep, T(10, 15), reject, Anna, Maria, "Нет бюджета", Reminders: 1, EscalatedAt: T(10, 14, 30)));
        // Finance: Wed 15:00 -> Thu 11:00 = 3 + 2 = 5 h; the quick reason typed in lower case with a trailing space.
        await Pay(store, 6, "sales", Olga, T(11, 9), RequestStatus.Rejected, new Step(HeadStep, T(11, 15), approve, Igor),
            new Step(FinanceStep, T(12, 11), reject, Maria, Reason: "нет бюджета "));
        await Pay(store, 7, "sales", Olga, T(12, 9), RequestStatus.Rejected, new Step(HeadStep, T(12, 16), reject, Igor, Reason: "Нет бюджета"));
        await Pay(store, 8, "sales", Olga, T(13, 9), RequestStatus.Rejected, new Step(HeadStep, T(13, 17), reject, Igor, Reason: "Не тот подрядчик"));
        // Over the weekend: Fri 15:00 -> Mon 12:00 = 3 + 3 = 6 h.
        await Pay(store, 9, "sales", Olga, T(6, 15), RequestStatus.Frozen, new Step(HeadStep, T(9, 12), ApprovalActions.Frozen, Igor, Reason: "Ждём бюджет"));
        // Over the holiday: Tue 03.11 16:00 -> Thu 05.11 11:00 = 2 + 0 + 2 = 4 h.
        await Pay(store, 10, "sales", Olga, T(3, 16), RequestStatus.AwaitingDocuments,
            new Step(HeadStep, T(5, 11), ApprovalActions.DocumentsRequested, Igor, Reason: "Нужен акт"));
        // Twenty of the management department: Сергей approves in 1 h, the initiator withdraws at the finance step (not a decision).
        for (var i = 11; i <= 30; i++)
            await Pay(store, i, "management", Petr, T(18, 9), RequestStatus.Withdrawn, new Step(HeadStep, T(18, 10), approve, Sergey),
                new Step(FinanceStep, T(18, 11), ApprovalActions.Withdrawn, Petr));

        // Lawyer (Пётр) hours C1..C10: 1 1 2 2 3 3 4 4 9 18; director (Сергей) 2 h each for C1..C7.
        await Contract(store, 1, T(2, 9), RequestStatus.Approved, null, new Step(LawyerStep, T(2, 10), approve, Petr), new Step(DirectorStep, T(2, 12), approve, Sergey));
        await Contract(store, 2, T(3, 9), RequestStatus.Approved, null, new Step(LawyerStep, T(3, 10), approve, Petr), new Step(DirectorStep, T(3, 12), approve, Sergey));
        await Contract(store, 3, T(5, 9), RequestStatus.Approved, null, new Step(LawyerStep, T(5, 11), approve, Petr), new Step(DirectorStep, T(5, 13), approve, Sergey));
        await Contract(store, 4, T(6, 9), RequestStatus.Approved, null, new Step(LawyerStep, T(6, 11), approve, Petr), new Step(DirectorStep, T(6, 13), approve, Sergey));
        await Contract(store, 5, T(9, 9), RequestStatus.Approved, null, new Step(LawyerStep, T(9, 12), approve, Petr), new Step(DirectorStep, T(9, 14), approve, Sergey));
        await Contract(store, 6, T(10, 9), RequestStatus.Approved, null, new Step(LawyerStep, T(10, 12), approve, Petr), new Step(DirectorStep, T(10, 14), approve, Sergey));
        await Contract(store, 7, T(11, 9), RequestStatus.Approved, null, new Step(LawyerStep, T(11, 13), approve, Petr), new Step(DirectorStep, T(11, 15), approve, Sergey));
        // Open at the director since Tue 17.11 13:00: 5 + 9 + 9 + 9 + 1 = 33 working hours by Mon 23.11 10:00.
        C8Id = await Contract(store, 8, T(17, 9), RequestStatus.InProgress, DirectorStep, new Step(LawyerStep, T(17, 13), approve, Petr));
        // Over the weekend: Fri 14:00 -> Mon 14:00 = 4 + 5 = 9 h.
        await Contract(store, 9, T(13, 14), RequestStatus.Rejected, null, new Step(LawyerStep, T(16, 14), reject, Petr, Reason: "Нет подписи клиента"));
        // Mon 09:00 -> Wed 09:00 = 18 h, escalated on Tuesday; open at the director since Wed 09:00: 28 h by Mon 23.11 10:00.
        await Contract(store, 10, T(16, 9), RequestStatus.InProgress, DirectorStep,
            new Step(LawyerStep, T(18, 9), approve, Petr, Reminders: 3, EscalatedAt: T(17, 15)));
    }

    private Task<long> Pay(IApprovalStore store, int n, string department, long initiator, DateTimeOffset created, RequestStatus status,
        params Step[] steps) =>
        InsertAsync(store, RequestKind.Payment, $"ЗО-2026-{n:0000}", department, initiator, created, status, null, steps);

    private Task<long> Contract(IApprovalStore store, int n, DateTimeOffset created, RequestStatus status, string? openStep, params Step[] steps) =>
        InsertAsync(store, RequestKind.Contract, $"СД-2026-{n:0000}", "sales", Olga, created, status, openStep, steps);

    private async Task<long> InsertAsync(IApprovalStore store, RequestKind kind, string number, string department, long initiator,
        DateTimeOffset created, RequestStatus status, string? openStep, Step[] steps)
    {
        var r = new ApprovalRequest
        {
            Number = number, Kind = kind, Status = status, InitiatorId = initiator, Department = department, CreatedAt = created,
            Counterparty = "ООО Ромашка", Amount = kind == RequestKind.Payment ? 1000m : null, Currency = kind == RequestKind.Payment ? "RUB" : null,
            CostItem = kind == RequestKind.Payment ? "ads" : null, DocumentKind = kind == RequestKind.Contract ? "framework_contract" : null,
        };
        r.History.Add(new HistoryEntry { At = created, Action = ApprovalActions.Submitted, Seq = 0, ActorId = initiator });
        var seq = 0;
        foreach (var s in steps)
        {
            seq++;
            for (var i = 0; i < s.Reminders; i++)
                r.History.Add(new HistoryEntry { At = s.At.AddMinutes(-30 + i), Action = ApprovalActions.Reminder, Step = s.Title, Seq = seq });
            if (s.EscalatedAt is { } escalated)
                r.History.Add(new HistoryEntry { At = escalated, Action = ApprovalActions.Escalated, Step = s.Title, Seq = seq });
            r.History.Add(new HistoryEntry
            {
                At = s.At, Action = s.Action, Step = s.Title, Seq = seq, ActorId = s.Actor, OnBehalfOfId = s.OnBehalfOf, Reason = s.Reason,
            });
        }
        if (openStep is not null)
        {
            seq++;
            r.Current = new StepState
            {
                Seq = seq, Index = 1, Name = "director", Title = openStep, Kind = StepKind.Approval, StartedAt = steps[^1].At,
                Assignments = [new Assignment { No = 1, Title = openStep, AssigneeIds = [Sergey] }],
            };
        }
        r.StepSeq = seq;
        r.Refresh();
        await store.InsertAsync(r, default);
        return r.Id;
    }

    private async Task DocumentsAsync(IDocumentStore store)
    {
        // Specifications: generated Mon 16.11 09:00. S1-S5 submitted 10:00 (draft 1 h), S6-S9 12:00 (3 h), S10 still a draft;
        // approved 2 h after submission (S1-S8), S9 waits for СД-2026-0008's director; printed 1 h after approval; S1-S4 sent 4 h later.
        for (var n = 1; n <= 10; n++)
        {
            var d = Doc($"СП-2026-{n:0000}", 100 + n, "specification");
            d.Record(DocumentActions.Generated, T(16, 9), Olga);
            if (n <= 9)
            {
                var submitted = n <= 5 ? T(16, 10) : T(16, 12);
                d.Record(DocumentActions.Submitted, submitted, Olga);
                d.Status = DocumentStatus.OnApproval;
                if (n == 9) d.ApprovalRequestId = C8Id;
                if (n <= 8)
                {
                    d.Record(DocumentActions.Approved, submitted.AddHours(2), Sergey);
                    d.Record(DocumentActions.Printed, submitted.AddHours(3));
                    d.Status = DocumentStatus.Printed;
                    if (n <= 4)
                    {
                        d.Record(DocumentActions.Sent, submitted.AddHours(7), Olga);
                        d.Status = DocumentStatus.Sent;
                    }
                }
            }
            await store.InsertAsync(d, default);
        }
        // Framework contracts: generated Tue 17.11 09:00, approval skipped 11:00 (draft 2 h), printed 16:00 (approved 5 h); Д-2026-0010 waits in the queue.
        for (var n = 1; n <= 10; n++)
        {
            var d = Doc($"Д-2026-{n:0000}", 200 + n, "framework_contract");
            d.Record(DocumentActions.Generated, T(17, 9), Olga);
            d.Record(DocumentActions.ApprovalSkipped, T(17, 11), Olga);
            d.Status = DocumentStatus.Approved;
            if (n <= 9)
            {
                d.Record(DocumentActions.Printed, T(17, 16));
                d.Status = DocumentStatus.Printed;
            }
            await store.InsertAsync(d, default);
        }
    }

    private Document Doc(string number, int code, string kind) => new()
    {
        Number = number, Code = $"BP9{code:00000}", Kind = kind, Title = kind, ManagerId = Olga, CreatedBy = Olga, CreatedAt = T(16, 9),
        Date = new DateOnly(2026, 11, 16),
    };
}
