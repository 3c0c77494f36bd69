using System.Text;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Timers;

namespace BotPlatform.Core.Finance.Registers;

/// <summary>What /register shows: the message, its buttons and the .xlsx to send with it.</summary>
public sealed record RegisterView(string Text, InlineButton[][] Buttons, string FileKey, string FileName, string Caption);

/// <summary>
/// Payment registers (реестр платежей): every approved payment whose payment task is not done and whose
/// payment day is on or before the register's day, grouped by cost item with totals per currency.
/// On a payment day, at the opening of the working day, the chief accountant and the finance manager get
/// it (a timer source: the minute sweep sends it once the morning has come and it is not stored yet, so a
/// host that was down at nine sends it when it comes back, once). The sent register is kept as it was.
/// </summary>
public sealed class PaymentRegisters(
    IApprovalStore approvals,
    IPaymentRegisterStore registers,
    IPeopleStore peopleStore,
    IFileStore files,
    IOutboxStore outbox,
    IUnitOfWork unitOfWork,
    ISpreadsheetWriter spreadsheets,
    ApprovalCards cards,
    Organisation organisation,
    TimeProvider time) : ITimerSource
{
    private const int MaxLinesInMessage = 25;

    public static readonly IReadOnlyList<Role> Readers = [Role.ChiefAccountant, Role.Accountant, Role.FinanceManager, Role.Director, Role.Admin];
    public static readonly IReadOnlyList<Role> Recipients = [Role.ChiefAccountant, Role.FinanceManager];

    public string Name => "payment-registers";

    /// <summary>Whether the day is a payment day: one of the file's payment days that is a working day.</summary>
    public bool IsPaymentDay(DateOnly day)
    {
        var days = organisation.Approvals.PaymentDays;
        return organisation.Calendar.IsWorkingDay(day) && (days.Count == 0 || days.Contains(day.DayOfWeek));
    }

    /// <summary>The opening of the working day: when the day's register goes out.</summary>
    public DateTimeOffset SendTime(DateOnly day) => organisation.Calendar.NextWorkingMoment(organisation.Calendar.StartOfLocalDay(day));

    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = organisation.Calendar.LocalDate(now);
        if (!IsPaymentDay(today) || now < SendTime(today)) return 0;
        if (await registers.GetAsync(today, ct) is not null) return 0;
        return await unitOfWork.RunAsync(async () =>
        {
            // Another replica may have sent it while this one waited for the unit of work: then nothing is built (no stray .xlsx).
            if (await registers.GetAsync(today, ct) is not null) return 0;
            var people = await PeopleDirectory.LoadAsync(peopleStore, now, ct);
            var register = await BuildAsync(today, people, ct);
            register.SentAt = now;
            if (!await registers.TryInsertAsync(register, ct)) return 0;
            var outgoing = new Outgoing("register:" + register.Id, time);
            foreach (var person in Recipients.SelectMany(people.WithRole).DistinctBy(p => p.Id))
            {
                if (person.ChatId is not { } chat) continue;
                var view = View(register, person, people, person.Language, kept: false);
                outgoing.Send(chat, view.Text, view.Buttons);
                outgoing.SendDocument(chat, view.FileKey, view.FileName, view.Caption);
            }
            await outbox.EnqueueAsync(outgoing.Messages, ct);
            return 1;
        }, ct);
    }

    /// <summary>
    /// /register [DATE]: today's or a coming day's register as things stand now; a past day's as it was
    /// sent (or a note that none was).
    /// </summary>
    public async Task<Result<RegisterView>> ShowAsync(Person viewer, DateOnly? day, CancellationToken ct)
    {
        if (!Readers.Any(viewer.Has)) return new Problem(RegisterProblems.NotAllowed);
        var now = time.GetUtcNow();
        var today = organisation.Calendar.LocalDate(now);
        var date = day ?? today;
        var lang = viewer.Language;
        var people = await PeopleDirectory.LoadAsync(peopleStore, now, ct);
        if (date < today)
        {
            return await registers.GetAsync(date, ct) is { } kept
                ? Result<RegisterView>.Ok(View(kept, viewer, people, lang, kept: true))
                : new Problem(RegisterProblems.NoneSent, date.ToDateTime(TimeOnly.MinValue));
        }
        var register = await unitOfWork.RunAsync(() => BuildAsync(date, people, ct), ct);
        return Result<RegisterView>.Ok(View(register, viewer, people, lang, kept: false));
    }

    /// <summary>Reads the payments due by the day and stores the .xlsx (inside the caller's unit of work).</summary>
    private async Task<PaymentRegister> BuildAsync(DateOnly day, PeopleDirectory people, CancellationToken ct)
    {
        var lines = new List<RegisterLine>();
        foreach (var r in await approvals.AwaitingPaymentAsync(day, ct))
        {
            if (r.Current is not { Kind: StepKind.Tasks } step) continue;
            var task = step.Assignments.Where(a => !a.Done && a.Due is not null).OrderBy(a => a.Due).FirstOrDefault();
            if (task?.Due is not { } due || due > day) continue;
            var costItem = r.CostItem ?? "";
            lines.Add(new RegisterLine
            {
                RequestId = r.Id, Number = r.Number, CostItem = costItem, CostItemName = costItem.Length == 0 ? "—" : cards.CostItemName(costItem),
                Counterparty = r.Counterparty, Amount = r.Amount ?? 0m, Currency = r.Currency ?? "RUB", Due = due, InitiatorId = r.InitiatorId,
                Initiator = people.Name(r.InitiatorId), Overdue = due < day, Seq = step.Seq, TaskNo = task.No,
            });
        }
        var ordered = lines.OrderBy(l => CostItemOrder(l.CostItem)).ThenBy(l => l.CostItemName).ThenBy(l => l.Due).ThenBy(l => l.Number).ToList();
        var lang = organisation.DefaultLanguage;
        var register = new PaymentRegister
        {
            Id = PaymentRegister.IdOf(day), Day = day, Lines = ordered, FileName = RegisterTexts.FileName.In(lang, day.ToDateTime(TimeOnly.MinValue)),
        };
        using var content = new MemoryStream(spreadsheets.Write(Sheets(register, lang)));
        register.FileKey = await files.SaveAsync(register.FileName, content, ct);
        return register;
    }

    private int CostItemOrder(string code)
    {
        var i = organisation.Approvals.CostItems.Select(c => c.Code).ToList().IndexOf(code);
        return i < 0 ? int.MaxValue : i;
    }

    public static IReadOnlyList<Sheet> Sheets(PaymentRegister register, Lang lang)
    {
        var rows = register.Lines.Select(l => (IReadOnlyList<object?>)
        [
            l.CostItemName, l.Number, l.Counterparty, l.Amount, l.Currency, l.Due.ToDateTime(TimeOnly.MinValue), l.Initiator,
            (l.Overdue ? RegisterTexts.Yes : RegisterTexts.No).In(lang),
        ]).ToList();
        var totals = register.Lines.GroupBy(l => (l.CostItemName, l.Currency))
            .Select(g => (IReadOnlyList<object?>)[g.Key.CostItemName, g.Key.Currency, g.Sum(l => l.Amount), g.Count()])
            .Concat(register.Lines.GroupBy(l => l.Currency)
                .Select(g => (IReadOnlyList<object?>)[RegisterTexts.Total.In(lang, "").TrimEnd(' ', ':'), g.Key, g.Sum(l => l.Amount), g.Count()]))
            .ToList();
        return
        [
            new Sheet(RegisterTexts.SheetPayments.In(lang),
            [
                RegisterTexts.ColCostItem.In(lang), RegisterTexts.ColNumber.In(lang), RegisterTexts.ColCounterparty.In(lang), RegisterTexts.ColAmount.In(lang),
                RegisterTexts.ColCurrency.In(lang), RegisterTexts.ColDue.In(lang), RegisterTexts.ColInitiator.In(lang), RegisterTexts.ColOverdue.In(lang),
            ], rows),
            new Sheet(RegisterTexts.SheetTotals.In(lang),
                [RegisterTexts.ColCostItem.In(lang), RegisterTexts.ColCurrency.In(lang), RegisterTexts.ColAmount.In(lang), "N"], totals),
        ];
    }

    private RegisterView View(PaymentRegister register, Person viewer, PeopleDirectory people, Lang lang, bool kept)
    {
        var text = new StringBuilder();
        var caption = RegisterTexts.Header.In(lang, register.Day.ToDateTime(TimeOnly.MinValue));
        text.AppendLine(caption);
        if (kept) text.AppendLine(RegisterTexts.KeptHeader.In(lang, organisation.Calendar.ToLocal(register.SentAt).DateTime));
        if (register.Lines.Count == 0)
        {
            text.AppendLine(RegisterTexts.Empty.In(lang));
            return new RegisterView(text.ToString().TrimEnd(), [], register.FileKey ?? "", register.FileName, caption);
        }
        text.AppendLine(RegisterTexts.Count.In(lang, register.Lines.Count, register.Lines.Count(l => l.Overdue)));
        var shown = 0;
        foreach (var group in register.Lines.GroupBy(l => l.CostItemName))
        {
            text.AppendLine().AppendLine("▪️ " + group.Key);
            foreach (var l in group)
            {
                if (shown++ >= MaxLinesInMessage) continue;
                var line = RegisterTexts.Line.In(lang, l.Number, l.Counterparty, new Money(l.Amount, l.Currency).Format(lang),
                    l.Due.ToDateTime(TimeOnly.MinValue), l.Initiator);
                text.AppendLine(l.Overdue ? line + " · " + RegisterTexts.OverdueMark.In(lang) : line);
            }
            text.AppendLine(RegisterTexts.ItemTotal.In(lang, Totals(group, lang)));
        }
        if (shown > MaxLinesInMessage) text.AppendLine().AppendLine(RegisterTexts.More.In(lang, shown - MaxLinesInMessage));
        text.AppendLine().AppendLine(RegisterTexts.Total.In(lang, Totals(register.Lines, lang)));
        // A kept register keeps no buttons: paying happens on today's register or on the task.
        var buttons = kept ? [] : PayButtons(register, viewer, people, lang);
        return new RegisterView(ApprovalLists.Clip(text.ToString().TrimEnd(), 4000), buttons, register.FileKey ?? "", register.FileName, caption);
    }

    private static string Totals(IEnumerable<RegisterLine> lines, Lang lang) =>
        string.Join("; ", lines.GroupBy(l => l.Currency).OrderBy(g => g.Key == "RUB" ? "" : g.Key)
            .Select(g => new Money(g.Sum(l => l.Amount), g.Key).Format(lang)));

    /// <summary>The payment task's own button for each line the viewer may pay (the chief accountant, or their substitute).</summary>
    private static InlineButton[][] PayButtons(PaymentRegister register, Person viewer, PeopleDirectory people, Lang lang)
    {
        if (!viewer.Has(Role.ChiefAccountant) && people.WithRole(Role.ChiefAccountant).All(p => people.ActingFor(p).Id != viewer.Id)) return [];
        return register.Lines.Take(MaxLinesInMessage)
            .Select(l => new[]
            {
                new InlineButton(RegisterTexts.PaidButton.In(lang, l.Number), ApprovalButtons.Data(l.RequestId, l.Seq, ApprovalButtons.TaskDone, l.TaskNo)),
            })
            .ToArray();
    }
}

public static class RegisterProblems
{
    public const string NotAllowed = "registers.not_allowed";
    public const string NoneSent = "registers.none_sent";

    public static readonly IReadOnlyDictionary<string, Text> Texts = new Dictionary<string, Text>
    {
        [NotAllowed] = RegisterTexts.NotAllowed,
        [NoneSent] = RegisterTexts.NoneSent,
    };
}
