using System.Globalization;
using System.Text;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Documents.Deals;

/// <summary>A deal as /deal NUMBER and the dialog's confirmation show it: client, lines, totals, documents.</summary>
public static class DealCard
{
    public static readonly Text Title = new("🤝 Сделка {0}", "🤝 Deal {0}");
    public static readonly Text ClientLine = new("Клиент: {0}", "Client: {0}");
    public static readonly Text ManagerLine = new("Менеджер: {0}", "Manager: {0}");
    public static readonly Text LinesTitle = new("Услуги:", "Services:");
    public static readonly Text NetLine = new("Без НДС: {0}", "Net: {0}");
    public static readonly Text VatOnTopLine = new("НДС {0}% сверху: {1}", "VAT {0}% on top: {1}");
    public static readonly Text VatIncludedLine = new("в т. ч. НДС {0}%: {1}", "incl. VAT {0}%: {1}");
    public static readonly Text NoVatLine = new("Без НДС", "No VAT");
    public static readonly Text TotalLine = new("Итого: {0}", "Total: {0}");
    public static readonly Text DocumentsTitle = new("Документы:", "Documents:");
    public static readonly Text NoDocuments = new("Документы: пока нет", "Documents: none yet");

    /// <summary>The lines and totals of a deal (also of a draft: pass no number).</summary>
    public static string Body(IReadOnlyList<DealLine> lines, VatMode vat, decimal rate, string currency, Lang lang)
    {
        var totals = DealTotals.Of(lines, vat, rate);
        var text = new StringBuilder(LinesTitle.In(lang));
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{i + 1}. {l.Description} — {Quantity(l.Quantity, lang)} {l.Unit} × ")
                .Append(Money(l.Price, currency, lang)).Append(" = ").Append(Money(totals.LineSums[i], currency, lang));
        }
        text.Append('\n');
        switch (vat)
        {
            case VatMode.OnTop:
                text.Append('\n').Append(NetLine.In(lang, Money(totals.Net, currency, lang)));
                text.Append('\n').Append(VatOnTopLine.In(lang, Rate(rate, lang), Money(totals.Vat, currency, lang)));
                text.Append('\n').Append(TotalLine.In(lang, Money(totals.Total, currency, lang)));
                break;
            case VatMode.Included:
                text.Append('\n').Append(TotalLine.In(lang, Money(totals.Total, currency, lang)));
                text.Append('\n').Append(VatIncludedLine.In(lang, Rate(rate, lang), Money(totals.Vat, currency, lang)));
                break;
            default:
                text.Append('\n').Append(TotalLine.In(lang, Money(totals.Total, currency, lang)));
                text.Append('\n').Append(NoVatLine.In(lang));
                break;
        }
        return text.ToString();
    }

    public static string Render(Deal deal, Client? client, string managerName, IReadOnlyList<DealDocumentLine> documents, Lang lang)
    {
        var text = new StringBuilder(Title.In(lang, deal.Number))
            .Append('\n').Append(ClientLine.In(lang, client is null ? "—" : $"{client.LegalName} ({client.TaxId})"))
            .Append('\n').Append(ManagerLine.In(lang, managerName))
            .Append("\n\n").Append(Body(deal.Lines, deal.Vat, deal.VatRate, deal.Currency, lang))
            .Append("\n\n");
        if (documents.Count == 0) return text.Append(NoDocuments.In(lang)).ToString();
        text.Append(DocumentsTitle.In(lang));
        foreach (var d in documents) text.Append('\n').Append($"• {d.Title} {d.Number} — {d.Status.In(lang)}");
        return text.ToString();
    }

    public static string Money(decimal amount, string currency, Lang lang) => new Money(amount, currency).Format(lang);

    public static string Quantity(decimal quantity, Lang lang) => quantity.ToString("0.###", lang.Culture());

    public static string Rate(decimal rate, Lang lang) => rate.ToString("0.##", lang.Culture());
}
