using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Finance;

/// <summary>The organisation file's ledger: section decides what /income and /expense offer, in the person's language, and how it is stored.</summary>
public sealed class LedgerCategoriesFromFileTests : IAsyncLifetime
{
    private const string Ledger = """

        ledger:
          income_categories:
            - code: retainer
              name: Абонентская плата
              name_en: Retainer
              nature: fixed
            - code: ad_budget
              name: Рекламный бюджет
              name_en: Ad budget
          fixed_cost_items: [ads]
          invoice_income: retainer
        """;

    private readonly TestFolder _folder = new();
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        var path = Path.Combine(_folder.Path, "organisation.yaml");
        await File.WriteAllTextAsync(path, await File.ReadAllTextAsync(TestFiles.Path("TestData/organisation.test.yaml")) + Ledger);
        _host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Organisation:File"] = path });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    private Task<IReadOnlyList<LedgerEntry>> EntriesAsync() =>
        _host.Get<ILedgerStore>().BetweenAsync(DateOnly.MinValue, DateOnly.MaxValue, default);

    [Fact]
    public async Task Income_offers_the_files_categories_and_stores_the_chosen_one_with_its_nature()
    {
        var maria = await _host.JoinedAsync("Мария", "fin_maria");

        await _host.SaysAsync(maria, "/income");
        await _host.SaysAsync(maria, "ООО «Ромашка»");
        var askCategory = await _host.SaysAsync(maria, "90 000");
        var askDate = await _host.PressesForNextAsync(maria, askCategory, "Абонентская плата");
        var askProject = await _host.PressesForNextAsync(maria, askDate, "Пропустить");
        var askComment = await _host.PressesForNextAsync(maria, askProject, "Пропустить");
        var card = await _host.PressesForNextAsync(maria, askComment, "Пропустить");
        await _host.PressesAsync(maria, card, "✅ Отправить");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("записано", StringComparison.Ordinal));

        Assert.Equal(["Абонентская плата", "Рекламный бюджет"], askCategory.Buttons.Select(b => b.Text));
        Assert.Contains("\nСтатья: Абонентская плата (постоянный)\n", card.Text, StringComparison.Ordinal);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((LedgerKind.Income, "retainer", CostNature.Fixed, 90_000m), (entry.Kind, entry.Category, entry.Nature, entry.Amount));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task An_english_speaker_sees_the_english_names_and_a_cost_item_the_file_calls_fixed_is_fixed()
    {
        var anna = await _host.JoinedAsync("Anna", "admin_anna", language: "en");

        var intro = await _host.SaysAsync(anna, "/income");
        await _host.SaysAsync(anna, "Romashka LLC");
        var incomeCategories = await _host.SaysAsync(anna, "1000");
        await _host.SaysAsync(anna, "/cancel");
        await _host.SaysAsync(anna, "/expense");
        await _host.SaysAsync(anna, "Target LLC");
        var askCategory = await _host.SaysAsync(anna, "45 000");
        var askDate = await _host.PressesForNextAsync(anna, askCategory, askCategory.Buttons.First().Text);
        var askProject = await _host.PressesForNextAsync(anna, askDate, "Skip");
        var askComment = await _host.PressesForNextAsync(anna, askProject, "Skip");
        var card = await _host.PressesForNextAsync(anna, askComment, "Skip");
        var cancelled = await _host.PressesAsync(anna, card, card.Buttons.Last().Text);

        Assert.StartsWith("💰 New income.", intro.Text, StringComparison.Ordinal);
        Assert.Equal(["Retainer", "Ad budget"], incomeCategories.Buttons.Select(b => b.Text));
        Assert.Contains("\nCategory: Реклама (fixed)\n", card.Text, StringComparison.Ordinal);
        Assert.Equal("🚫 Cancelled: nothing was recorded.", cancelled.Text);
        Assert.Empty(await EntriesAsync());
    }
}
