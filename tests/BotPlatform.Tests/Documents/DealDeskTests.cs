using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.People;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

/// <summary>Deal creation as the core use case (the generation feature calls it too), on the real host's stores.</summary>
public sealed class DealDeskTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private Person _manager = null!;
    private Client _client = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _manager = (await _host.Get<IPeopleStore>().FindByUsernameAsync("emp_olga", default))!;
        _client = await _host.StoredClientAsync(ClientSamples.Romashka());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DealDesk Desk => _host.Get<DealDesk>();

    [Fact]
    public async Task Unit_price_and_description_default_from_the_catalogue()
    {
        var deal = (await Desk.CreateAsync(new DealDraft(_client.Id, [new DealLineDraft("SMM", 2)], VatMode.Included), _manager, default)).Value!;

        var line = Assert.Single(deal.Lines);
        Assert.Equal(("smm", "SMM-сопровождение", "мес.", 120_000m), (line.ServiceCode, line.Description, line.Unit, line.Price));
        Assert.Equal(("СДЛ-2026-0001", 22m, "RUB", _manager.Id), (deal.Number, deal.VatRate, deal.Currency, deal.ManagerId));
        Assert.Equal((196_721.31m, 43_278.69m, 240_000m), (DealTotals.Of(deal).Net, DealTotals.Of(deal).Vat, DealTotals.Of(deal).Total));
    }

    [Fact]
    public async Task An_unknown_service_code_is_refused_and_uses_no_number()
    {
        var refused = await Desk.CreateAsync(new DealDraft(_client.Id, [new DealLineDraft("smm", 1), new DealLineDraft("seo", 1)], VatMode.None),
            _manager, default);
        var next = await Desk.CreateAsync(new DealDraft(_client.Id, [new DealLineDraft("smm", 1)], VatMode.None), _manager, default);

        Assert.Equal(new Problem(DealProblems.UnknownService, "seo", "smm, target, web, design, support").ToString(), refused.Problem?.ToString());
        Assert.Equal("СДЛ-2026-0001", next.Value?.Number);
    }

    [Fact]
    public async Task A_deal_needs_an_existing_client_and_at_least_one_line()
    {
        var noClient = await Desk.CreateAsync(new DealDraft(999, [new DealLineDraft("smm", 1)], VatMode.None), _manager, default);
        var noLines = await Desk.CreateAsync(new DealDraft(_client.Id, [], VatMode.None), _manager, default);

        Assert.Equal((DealProblems.ClientNotFound, DealProblems.NoLines), (noClient.Problem?.Code, noLines.Problem?.Code));
        Assert.Empty(await _host.Get<IDealStore>().ByClientAsync(_client.Id, default));
    }

    [Fact]
    public async Task Parallel_deals_get_distinct_consecutive_numbers()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => Desk.CreateAsync(new DealDraft(_client.Id, [new DealLineDraft("web", 1)], VatMode.None), _manager, default))));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"СДЛ-2026-{i:0000}"), created.Select(r => r.Value!.Number).Order());
    }
}
