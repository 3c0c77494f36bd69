using System.Globalization;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Documents.Deals;

/// <summary>A line as the manager gave it: unit, price and description default from the catalogue.</summary>
public sealed record DealLineDraft(string ServiceCode, decimal Quantity, decimal? Price = null, string? Unit = null, string? Description = null);

/// <summary>Currency and VAT rate default from the organisation (the rate applies unless the mode is <see cref="VatMode.None"/>).</summary>
public sealed record DealDraft(long ClientId, IReadOnlyList<DealLineDraft> Lines, VatMode Vat, decimal? VatRate = null, string? Currency = null);

/// <summary>
/// Creating deals and reading what a deal is made of. Any active person may create a deal and is its
/// manager. Numbers come from the organisation's deal numbering, one gap-free sequence per year.
/// </summary>
public sealed class DealDesk(
    IDealStore deals, IClientStore clients, ISequenceStore sequences, IUnitOfWork unitOfWork, Organisation organisation, TimeProvider time)
{
    public string Currency => organisation.Definition.Currency;
    public DocumentsDefinition Catalogue => organisation.Documents;

    public async Task<Result<Deal>> CreateAsync(DealDraft draft, Person manager, CancellationToken ct)
    {
        if (draft.Lines.Count == 0) return Result<Deal>.Fail(DealProblems.NoLines);
        var currency = draft.Currency ?? Currency;
        var lines = new List<DealLine>();
        foreach (var line in draft.Lines)
        {
            var made = Line(line);
            if (!made.IsOk) return Result<Deal>.Fail(made.Problem!);
            lines.Add(made.Value!);
        }
        var rate = draft.Vat == VatMode.None ? 0m : draft.VatRate ?? Catalogue.DefaultVatRate;
        if (rate is < 0m or > 100m) return Result<Deal>.Fail(DealProblems.VatRate, rate);
        return await unitOfWork.RunAsync(async () =>
        {
            if (await clients.GetAsync(draft.ClientId, ct) is null) return Result<Deal>.Fail(DealProblems.ClientNotFound);
            var now = time.GetUtcNow();
            var year = organisation.Calendar.LocalDate(now).Year;
            var seq = await sequences.NextAsync($"deal:{year}", ct);
            var deal = new Deal
            {
                Number = NumberFormat.Apply(Catalogue.DealNumbering, year, seq).ToUpperInvariant(), ClientId = draft.ClientId,
                ManagerId = manager.Id, Currency = currency, Vat = draft.Vat, VatRate = rate, Lines = lines, CreatedAt = now,
                CreatedBy = manager.Id,
            };
            await deals.InsertAsync(deal, ct);
            return Result<Deal>.Ok(deal);
        }, ct);
    }

    /// <summary>A line with the catalogue's defaults filled in, or why it cannot be one.</summary>
    public Result<DealLine> Line(DealLineDraft draft)
    {
        if (Catalogue.Service(draft.ServiceCode.Trim()) is not { } service) return Result<DealLine>.Fail(ServiceProblem(draft.ServiceCode));
        if (draft.Quantity <= 0m || draft.Quantity.Scale > 3) return Result<DealLine>.Fail(DealProblems.QuantityFormat, draft.Quantity);
        if ((draft.Price ?? service.Price) is not { } price) return Result<DealLine>.Fail(DealProblems.PriceRequired, service.Name);
        if (price <= 0m) return Result<DealLine>.Fail(DealProblems.PricePositive);
        return Result<DealLine>.Ok(new DealLine
        {
            ServiceCode = service.Code, Description = string.IsNullOrWhiteSpace(draft.Description) ? service.Name : draft.Description.Trim(),
            Quantity = draft.Quantity, Unit = string.IsNullOrWhiteSpace(draft.Unit) ? service.Unit : draft.Unit.Trim(), Price = DealTotals.Kopecks(price),
        });
    }

    /// <summary>A service of the catalogue by its code (case-insensitive).</summary>
    public Result<ServiceDefinition> Service(string? code) =>
        Catalogue.Service((code ?? "").Trim()) is { } service ? Result<ServiceDefinition>.Ok(service) : ServiceProblem(code);

    /// <summary>"3", "1,5", "0.25": a positive quantity with at most three decimals.</summary>
    public static Result<decimal> Quantity(string? text)
    {
        var typed = (text ?? "").Trim();
        var normal = typed.Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity)
            && quantity > 0m && quantity.Scale <= 3
            ? Result<decimal>.Ok(quantity)
            : Result<decimal>.Fail(DealProblems.QuantityFormat, typed);
    }

    /// <summary>A typed price in the deal's currency (the organisation's).</summary>
    public Result<decimal> Price(string? text)
    {
        var read = AmountInput.Parse(text, Currency);
        if (!read.IsOk) return Result<decimal>.Fail(read.Problem!);
        if (read.Value.Currency != Money.IsoCode(Currency)) return Result<decimal>.Fail(DealProblems.PriceCurrency, Currency, read.Value.Currency);
        return read.Value.Amount <= 0m ? Result<decimal>.Fail(DealProblems.PricePositive) : Result<decimal>.Ok(read.Value.Amount);
    }

    public Task<Deal?> FindAsync(string number, CancellationToken ct) => deals.FindByNumberAsync(number.Trim(), ct);

    public Task<Client?> ClientAsync(long id, CancellationToken ct) => clients.GetAsync(id, ct);

    private Problem ServiceProblem(string? code) =>
        new(DealProblems.UnknownService, (code ?? "").Trim(), string.Join(", ", Catalogue.Services.Select(s => s.Code)));
}
