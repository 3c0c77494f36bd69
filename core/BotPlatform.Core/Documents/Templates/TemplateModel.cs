namespace BotPlatform.Core.Documents.Templates;

/// <summary>
/// What a template can read. Liquid sees these with snake_case names: {{ client.legal_name }},
/// {{ document.number }}, {% for line in lines %}{{ line.description }}{% endfor %},
/// {{ totals.total_in_words }}. Amounts are preformatted strings ("120 000,00") next to raw decimals.
/// </summary>
public sealed record TemplateModel(
    PartyModel Seller,
    PartyModel Client,
    DocumentInfo Document,
    DealInfo? Deal,
    IReadOnlyList<LineModel> Lines,
    TotalsModel Totals,
    /// <summary>For appendices and invoices under a contract: the contract's number and date.</summary>
    ContractInfo? Contract,
    /// <summary>For an envelope inventory list: the documents in the envelope.</summary>
    IReadOnlyList<EnclosureModel> Enclosures,
    /// <summary>For an act billed from an hourly report: the report's tasks (its appendix); otherwise empty.</summary>
    IReadOnlyList<ReportTaskModel>? Tasks = null,
    /// <summary>For an act or invoice billed from an hourly report: its number and period; otherwise null.</summary>
    ReportInfo? Report = null);

public sealed record PartyModel(
    string LegalName,
    string? Inn,
    string? Kpp,
    string? Unp,
    string LegalAddress,
    string Postcode,
    string PostalAddress,
    string BankName,
    string Bik,
    string Account,
    string? CorrespondentAccount,
    string Signatory,
    string SignatoryPosition,
    string Basis,
    /// <summary>"Иванов И. И." for signature lines.</summary>
    string SignatoryShort,
    /// <summary>The seller's chief accountant, full name (empty for a client, or a sole trader who keeps no accountant).</summary>
    string ChiefAccountant = "",
    /// <summary>"Белова О. С.": who signs on the «Бухгалтер» line (the chief accountant, someone by power of attorney, or the signatory).</summary>
    string AccountantShort = "",
    /// <summary>When someone signs for the chief accountant: "по доверенности № 12 от 09.01.2026"; otherwise empty.</summary>
    string AccountantBasis = "");

/// <param name="Date">Formatted "25.11.2026"; DateLong "«25» ноября 2026 г.".</param>
public sealed record DocumentInfo(string Number, string Kind, string Title, string Date, string DateLong, string City, int? AppendixNo);

public sealed record DealInfo(string Number, string Manager, string Currency, string VatMode, decimal VatRate);

public sealed record ContractInfo(string Number, string Date, string DateLong);

public sealed record LineModel(
    int No,
    string ServiceCode,
    string Description,
    string Quantity,
    string Unit,
    string Price,
    string Sum,
    decimal PriceValue,
    decimal SumValue);

/// <summary>Net, VAT and total formatted ("120 000,00"); TotalInWords in Russian ("Сто двадцать тысяч рублей 00 копеек").</summary>
public sealed record TotalsModel(string Net, string Vat, string Total, string TotalInWords, string VatLabel, decimal TotalValue);

public sealed record EnclosureModel(int No, string Number, string Title, string Date, int Sheets, int Copies);

/// <param name="Period">"01.11.2026–30.11.2026".</param>
public sealed record ReportInfo(string Number, string Period, string Hours);

/// <summary>One task of an hourly report as its act's appendix lists it; Sum is empty-free: "0,00" for work shown but not charged.</summary>
public sealed record ReportTaskModel(int No, string Reference, string Title, string WorkType, string Hours, bool Billable, string Rate, string Sum);
