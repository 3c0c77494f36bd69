namespace BotPlatform.Core.Documents;

/// <summary>
/// A service the agency sells: the contract template it is sold under and the appendices it needs
/// (template codes), e.g. "smm" -> contract "framework_services", appendices "specification",
/// "technical_assignment".
/// </summary>
public sealed record ServiceDefinition(
    string Code,
    string Name,
    string Unit,
    decimal? Price,
    string ContractTemplate,
    IReadOnlyList<string> Appendices);

/// <summary>
/// How documents of a kind are numbered and printed. Numbering formats: {yyyy}, {seq:0000}, and for
/// appendices {contract} (the parent contract's number) and {n} (the appendix's number within it).
/// </summary>
public sealed record DocumentKindSettings(string Kind, string Title, string Numbering, int Copies, bool Duplex);

/// <summary>
/// Who signs for the seller's accounts department: the chief accountant, or someone else on their behalf by a
/// power of attorney (<see cref="SignedBy"/> and <see cref="Basis"/>, e.g. "доверенности № 12 от 09.01.2026").
/// </summary>
public sealed record SellerAccountant(string ChiefAccountant, string? SignedBy = null, string? Basis = null)
{
    /// <summary>The person whose signature the «Бухгалтер» line carries.</summary>
    public string Signer => SignedBy ?? ChiefAccountant;
}

/// <summary>The documents part of the organisation file: the catalogue and the kinds.</summary>
public sealed record DocumentsDefinition(
    IReadOnlyList<ServiceDefinition> Services,
    IReadOnlyList<DocumentKindSettings> Kinds,
    string DealNumbering,
    decimal DefaultVatRate = DocumentsDefinition.StandardVatRate,
    /// <summary>The agency's own requisites (the "Исполнитель" of every document); Id/Version unused.</summary>
    Client? Seller = null,
    /// <summary>Printed in documents' headers and dates: "г. Москва".</summary>
    string City = "Москва",
    /// <summary>The seller's chief accountant (the invoice's «Бухгалтер» line); null: the signatory signs for the accounts too (a sole trader).</summary>
    SellerAccountant? Accountant = null,
    /// <summary>Working days after sending when an original that has not come back is chased (then weekly).</summary>
    int UnreturnedAfterDays = 10)
{
    /// <summary>The general VAT rate in Russia from 2026 (it was 20% until 2025).</summary>
    public const decimal StandardVatRate = 22m;

    public const string FrameworkContract = "framework_contract";
    public const string Specification = "specification";
    public const string TechnicalAssignment = "technical_assignment";
    public const string SupplementaryAgreement = "supplementary_agreement";
    public const string Invoice = "invoice";
    public const string Act = "act";
    public const string EnvelopeList = "envelope_list";

    public ServiceDefinition? Service(string code) =>
        Services.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));

    public DocumentKindSettings Kind(string kind) => Kinds.First(k => k.Kind == kind);

    /// <summary>Used when the organisation file has no documents section; matches the shipped sample templates.</summary>
    public static DocumentsDefinition Default { get; } = new(
        [
            new ServiceDefinition("smm", "SMM-сопровождение", "мес.", 120000m, FrameworkContract, [Specification, TechnicalAssignment]),
            new ServiceDefinition("target", "Таргетированная реклама", "мес.", 80000m, FrameworkContract, [Specification]),
            new ServiceDefinition("web", "Разработка сайта", "усл.", 450000m, FrameworkContract, [Specification, TechnicalAssignment]),
            new ServiceDefinition("design", "Дизайн", "час", 3500m, FrameworkContract, [Specification]),
            new ServiceDefinition("support", "Техническая поддержка", "час", 2500m, FrameworkContract, [SupplementaryAgreement]),
        ],
        [
            new DocumentKindSettings(FrameworkContract, "Договор оказания услуг", "Д-{yyyy}-{seq:0000}", 2, true),
            new DocumentKindSettings(Specification, "Спецификация", "{contract}/П-{n}", 2, true),
            new DocumentKindSettings(TechnicalAssignment, "Техническое задание", "{contract}/П-{n}", 2, true),
            new DocumentKindSettings(SupplementaryAgreement, "Дополнительное соглашение", "{contract}/П-{n}", 2, true),
            new DocumentKindSettings(Invoice, "Счёт на оплату", "СЧ-{yyyy}-{seq:0000}", 1, false),
            new DocumentKindSettings(Act, "Акт оказанных услуг", "А-{yyyy}-{seq:0000}", 2, true),
            new DocumentKindSettings(EnvelopeList, "Опись вложения", "ОП-{yyyy}-{seq:0000}", 1, false),
        ],
        "СДЛ-{yyyy}-{seq:0000}",
        Seller: new Client
        {
            LegalName = "ООО «Пример Агентство»", Inn = "7701234560", Kpp = "770101001",
            LegalAddress = "123112, г. Москва, Пресненская наб., д. 10, офис 501", Postcode = "123112",
            PostalAddress = "г. Москва, Пресненская наб., д. 10, офис 501",
            Bank = new BankDetails
            {
                BankName = "ПАО Сбербанк", Bik = "044525225", Account = "40702810938000000001",
                CorrespondentAccount = "30101810400000000225",
            },
            Signatory = "Смирнов Андрей Викторович", SignatoryPosition = "Генеральный директор", Basis = "Устава",
        },
        Accountant: new SellerAccountant("Белова Ольга Сергеевна"));
}
