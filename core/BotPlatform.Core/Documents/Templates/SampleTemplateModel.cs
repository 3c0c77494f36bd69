using System.Globalization;

namespace BotPlatform.Core.Documents.Templates;

/// <summary>
/// Made-up but realistic data for every field a template can read: what /template CODE preview shows,
/// and what an uploaded version is filled with before it is stored (so a broken file is refused).
/// </summary>
public static class SampleTemplateModel
{
    public static readonly Client SampleClient = new()
    {
        LegalName = "ООО «Ромашка»", Inn = "7707083893", Kpp = "770701001",
        LegalAddress = "125009, г. Москва, ул. Тверская, д. 7, пом. 12", Postcode = "125009",
        PostalAddress = "г. Москва, ул. Тверская, д. 7, пом. 12",
        Bank = new BankDetails
        {
            BankName = "АО «Альфа-Банк»", Bik = "044525593", Account = "40702810401300012345", CorrespondentAccount = "30101810200000000593",
        },
        Signatory = "Иванов Иван Иванович", SignatoryPosition = "Генеральный директор", Basis = "Устава",
    };

    public static TemplateModel Create(DocumentsDefinition documents, string kind, DateOnly date)
    {
        var kindSettings = documents.Kinds.FirstOrDefault(k => k.Kind == kind);
        var lines = new List<LineModel>
        {
            Line(1, "smm", "SMM-сопровождение: ведение сообществ во «ВКонтакте» и Telegram", 1m, "мес.", 120_000m),
            Line(2, "target", "Таргетированная реклама: настройка и ведение кампаний", 1m, "мес.", 80_000m),
            Line(3, "design", "Дизайн рекламных макетов", 10m, "час", 3_500m),
        };
        var net = lines.Sum(l => l.SumValue);
        var vat = Math.Round(net * 0.20m, 2, MidpointRounding.AwayFromZero);
        var contractDate = date.AddDays(-21);
        return new TemplateModel(
            Generation.DocumentModels.Seller(
                documents.Seller ?? DocumentsDefinition.Default.Seller!,
                documents.Seller is null ? DocumentsDefinition.Default.Accountant : documents.Accountant),
            Party(SampleClient),
            new DocumentInfo(
                TemplateTexts.SampleNumber.In(Localization.Lang.Ru), kind, kindSettings?.Title ?? kind, TemplateFormats.Date(date), TemplateFormats.LongDate(date), documents.City,
                kind is DocumentsDefinition.Specification or DocumentsDefinition.TechnicalAssignment or DocumentsDefinition.SupplementaryAgreement ? 1 : null),
            new DealInfo("СДЛ-2026-0001", "Ольга Сотрудникова", "RUB", "НДС 20% сверх цены", 20m),
            lines,
            new TotalsModel(TemplateFormats.Amount(net), TemplateFormats.Amount(vat), TemplateFormats.Amount(net + vat), "Двести восемьдесят две тысячи рублей 00 копеек", "НДС 20%", net + vat),
            new ContractInfo($"Д-{date.Year}-0001", TemplateFormats.Date(contractDate), TemplateFormats.LongDate(contractDate)),
            [
                new EnclosureModel(1, $"Д-{date.Year}-0001", "Договор оказания услуг", TemplateFormats.Date(contractDate), 5, 2),
                new EnclosureModel(2, $"Д-{date.Year}-0001/П-1", "Спецификация", TemplateFormats.Date(contractDate), 2, 2),
                new EnclosureModel(3, $"СЧ-{date.Year}-0001", "Счёт на оплату", TemplateFormats.Date(date), 1, 1),
            ]);
    }

    /// <summary>A client's requisites as templates read them.</summary>
    public static PartyModel Party(Client client) => new(
        client.LegalName, client.Inn, client.Kpp, client.Unp, client.LegalAddress, client.Postcode, client.PostalAddress,
        client.Bank.BankName, client.Bank.Bik, client.Bank.Account, client.Bank.CorrespondentAccount,
        client.Signatory, client.SignatoryPosition, client.Basis, TemplateFormats.ShortName(client.Signatory));

    private static LineModel Line(int no, string code, string description, decimal quantity, string unit, decimal price) => new(
        no, code, description, quantity.ToString("0.##", CultureInfo.GetCultureInfo("ru-RU")), unit, TemplateFormats.Amount(price), TemplateFormats.Amount(quantity * price),
        price, quantity * price);
}
