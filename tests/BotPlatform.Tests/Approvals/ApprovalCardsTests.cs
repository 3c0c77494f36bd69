using BotPlatform.Core.Approvals;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Organisation;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Approvals;

public sealed class ApprovalCardsTests
{
    private static readonly Organisation Organisation = new(OrganisationYamlLoader.Load(TestFiles.Path("TestData/organisation.test.yaml")));
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    private static readonly PeopleDirectory People = new(new Dictionary<long, Person>
    {
        [1] = new() { Id = 1, Name = "Ольга Сотрудникова", Status = PersonStatus.Active },
        [2] = new() { Id = 2, Name = "Игорь Начальников", Status = PersonStatus.Active },
    }, Now);

    private static ApprovalRequest Request() => new()
    {
        Number = "ЗО-2026-0001", InitiatorId = 1, Department = "sales", Counterparty = "ООО Ромашка", Amount = 1_250_000m, Currency = "RUB",
        CostItem = "ads",
    };

    [Fact]
    public void A_card_shows_the_fields_in_the_readers_language()
    {
        var r = Request();

        var ru = new ApprovalCards(Organisation).Card(r, People, Lang.Ru);
        var en = new ApprovalCards(Organisation).Card(r, People, Lang.En);

        Assert.Contains("Сумма: 1\u00A0250\u00A0000,00\u00A0₽", ru);
        Assert.Contains("Инициатор: Ольга Сотрудникова (Отдел продаж)", ru);
        Assert.Contains("Amount: ₽1,250,000.00", en);
        Assert.Contains("Cost item: Реклама", en);
    }

    [Fact]
    public void A_long_timeline_keeps_its_latest_entries_within_a_telegram_message()
    {
        var r = Request();
        for (var i = 0; i < 300; i++) r.Record(ApprovalActions.DocumentsAttached, Now.AddMinutes(i), 2, reason: $"файл номер {i}");

        var card = new ApprovalCards(Organisation).Card(r, People, Lang.Ru);

        Assert.True(card.Length <= 3500, $"{card.Length} characters");
        Assert.Contains("файл номер 299", card);
        Assert.DoesNotContain("файл номер 0\n", card);
        Assert.Contains("История:\n• … (более ранние записи не поместились)\n• ", card);
    }
}
