using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

public sealed class ApprovalListsTests
{
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private static readonly Person Igor = new() { Id = 2, Name = "Игорь Начальников", Status = PersonStatus.Active };
    private static readonly Person Olga = new() { Id = 3, Name = "Ольга Сотрудникова", Status = PersonStatus.Active };

    private readonly ApprovalCards _cards = new(new Organisation(OrganisationYamlLoader.Load(TestFiles.Path("TestData/organisation.test.yaml"))));
    private readonly PeopleDirectory _people = new(new Dictionary<long, Person> { [Igor.Id] = Igor, [Olga.Id] = Olga }, Monday10);

    private static ApprovalRequest Request(long id, string counterparty = "ООО Ромашка", decimal? amount = 150000m) => new()
    {
        Id = id, Number = $"ЗО-2026-{id:0000}", Counterparty = counterparty, Amount = amount, Currency = "RUB", InitiatorId = Olga.Id,
        Status = RequestStatus.InProgress,
        Current = new StepState
        {
            Seq = 1, Title = "Руководитель отдела", StartedAt = Monday10,
            Assignments = [new Assignment { No = 1, Title = "Руководитель отдела", AssigneeIds = [Igor.Id] }],
        },
    };

    private static InboxItem Waiting(ApprovalRequest r, double hours, long? forPerson = null) =>
        new(r, r.Current!.Assignments[0], forPerson, hours);

    private static string Rub(decimal amount) => new Money(amount, "RUB").Format(Lang.Ru);

    [Theory]
    [InlineData(5.04, Lang.Ru, "ждёт 5 раб. ч.")]
    [InlineData(4.5, Lang.Ru, "ждёт 5 раб. ч.")]
    [InlineData(0.4, Lang.Ru, "ждёт меньше часа")]
    [InlineData(0.5, Lang.En, "waiting 1 working hour")]
    [InlineData(3.2, Lang.En, "waiting 3 working hours")]
    public void Waited_hours_are_whole_working_hours(double hours, Lang lang, string expected)
    {
        Assert.Equal(expected, ApprovalLists.Waited(hours, lang));
    }

    [Fact]
    public void An_inbox_line_names_the_absent_person_the_reader_stands_in_for()
    {
        var line = ApprovalLists.InboxLine(Waiting(Request(1), 2, forPerson: Igor.Id), _people, Lang.Ru);

        Assert.Equal($"ЗО-2026-0001 · ООО Ромашка · {Rub(150000m)} · Руководитель отдела · ждёт 2 раб. ч. · замещаете: Игорь Начальников", line);
    }

    [Fact]
    public void A_request_without_an_amount_has_no_amount_in_its_line()
    {
        var line = ApprovalLists.RequestLine(Request(7, "ООО Договор", amount: null), _cards, _people, Lang.En);

        Assert.Equal("ЗО-2026-0007 · ООО Договор · at step \"Руководитель отдела\": Игорь Начальников", line);
    }

    [Fact]
    public void More_than_twenty_items_show_twenty_lines_and_say_how_many_more()
    {
        var items = Enumerable.Range(1, 25).Select(i => Waiting(Request(i), i)).ToList();

        var list = ApprovalLists.Inbox(items, _people, Lang.Ru);

        var lines = list.Text.Split('\n');
        Assert.Equal("📥 Ждут вас (25), сначала самые давние:", lines[0]);
        Assert.StartsWith("20. ЗО-2026-0020 ·", lines[20]);
        Assert.Equal("…и ещё 5", lines[^1]);
        Assert.Equal(22, lines.Length);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"ap:{i}:0:s"), list.Buttons.SelectMany(row => row).Select(b => b.CallbackData));
        Assert.All(list.Buttons, row => Assert.InRange(row.Length, 1, 2));
    }

    [Fact]
    public void A_list_of_long_lines_stays_within_one_telegram_message()
    {
        var reason = new string('я', 500);
        var requests = Enumerable.Range(1, 20).Select(i =>
        {
            var r = Request(i, counterparty: new string('Ж', 300));
            r.Hold(RequestStatus.Frozen, reason, Igor.Id);
            return r;
        }).ToList();

        var list = ApprovalLists.Requests("Заголовок", requests, _cards, _people, Lang.Ru, footer: "Подвал");

        Assert.InRange(list.Text.Length, 3000, ApprovalLists.MaxMessageLength);
        var lines = list.Text.Split('\n');
        var shown = lines.Count(l => l.Contains("ЗО-2026-", StringComparison.Ordinal));
        Assert.InRange(shown, 10, 19);
        Assert.Equal($"…и ещё {20 - shown}", lines[^3]);
        Assert.Equal("Подвал", lines[^1]);
        Assert.Equal(shown, list.Buttons.SelectMany(row => row).Count());
    }

    [Fact]
    public void Clipping_keeps_surrogate_pairs_whole()
    {
        var clipped = ApprovalLists.Clip("абв🙂🙂🙂", 5);

        Assert.Equal("абв…", clipped);
    }
}
