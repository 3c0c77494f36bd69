using System.Globalization;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Documents.Templates;

namespace BotPlatform.Core.Documents.Generation;

/// <summary>Turns clients, deals and lines into what templates read (formats from <see cref="TemplateFormats"/>): parties, lines, totals.</summary>
public static class DocumentModels
{
    private const char NoBreakSpace = '\u00A0';
    private static readonly NumberFormatInfo Amounts = AmountFormat();

    public static PartyModel Party(Client c) => new(
        c.LegalName, c.Inn, c.Kpp, c.Unp, c.LegalAddress, c.Postcode, c.PostalAddress, c.Bank.BankName, c.Bank.Bik, c.Bank.Account,
        c.Bank.CorrespondentAccount, c.Signatory, c.SignatoryPosition, c.Basis, TemplateFormats.ShortName(c.Signatory));

    /// <summary>The seller with who signs for its accounts: the chief accountant, their proxy, or (none given) the signatory.</summary>
    public static PartyModel Seller(Client seller, SellerAccountant? accountant) => Party(seller) with
    {
        ChiefAccountant = accountant?.ChiefAccountant ?? "",
        AccountantShort = TemplateFormats.ShortName(accountant?.Signer ?? seller.Signatory),
        AccountantBasis = accountant?.Basis is { Length: > 0 } basis ? "по " + basis : "",
    };

    public static string Quantity(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.###", Amounts);

    public static IReadOnlyList<LineModel> Lines(IEnumerable<DealLine> lines) => lines
        .Select((l, i) => new LineModel(i + 1, l.ServiceCode, l.Description, Quantity(l.Quantity), l.Unit, TemplateFormats.Amount(l.Price),
            TemplateFormats.Amount(Math.Round(l.Sum, 2, MidpointRounding.AwayFromZero)), l.Price, Math.Round(l.Sum, 2, MidpointRounding.AwayFromZero)))
        .ToList();

    /// <summary>Net, VAT and total of the lines under the deal's VAT mode (DealTotals: rounded to kopecks).</summary>
    public static TotalsModel Totals(IReadOnlyList<DealLine> lines, VatMode mode, decimal rate, string currency)
    {
        var t = DealTotals.Of(lines, mode, rate);
        var label = t.Mode switch
        {
            VatMode.Included => $"В том числе НДС {Rate(rate)}%",
            VatMode.OnTop => $"НДС {Rate(rate)}%",
            _ => "Без НДС",
        };
        return new TotalsModel(TemplateFormats.Amount(t.Net), TemplateFormats.Amount(t.Vat), TemplateFormats.Amount(t.Total), SumInWords.Russian(t.Total, currency), label, t.Total);
    }

    public static string VatModeText(VatMode mode, decimal rate) => mode switch
    {
        VatMode.Included => $"НДС {Rate(rate)}% включён в цену",
        VatMode.OnTop => $"НДС {Rate(rate)}% сверх цены",
        _ => "Без НДС",
    };

    private static string Rate(decimal rate) => rate.ToString("0.##", CultureInfo.InvariantCulture);

    private static NumberFormatInfo AmountFormat()
    {
        var f = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        f.NumberGroupSeparator = NoBreakSpace.ToString();
        f.NumberDecimalSeparator = ",";
        f.NumberGroupSizes = [3];
        return NumberFormatInfo.ReadOnly(f);
    }
}
