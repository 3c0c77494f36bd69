using BotPlatform.Core.Common;

namespace BotPlatform.Core.Documents;

/// <summary>A client company with the requisites that documents and envelope labels need.</summary>
public sealed class Client : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    /// <summary>"RU" (ИНН/КПП) or "BY" (УНП).</summary>
    public string Country { get; set; } = "RU";
    public string LegalName { get; set; } = "";
    /// <summary>10 digits for a company, 12 for a sole trader; checksum verified.</summary>
    public string? Inn { get; set; }
    /// <summary>9 digits; companies only.</summary>
    public string? Kpp { get; set; }
    /// <summary>ОГРН (13 digits) or ОГРНИП (15); optional.</summary>
    public string? Ogrn { get; set; }
    /// <summary>Belarus: 9 digits.</summary>
    public string? Unp { get; set; }
    /// <summary>The ИНН or the УНП: what makes a client unique.</summary>
    public string TaxId => (Country == "BY" ? Unp : Inn) ?? "";
    public string LegalAddress { get; set; } = "";
    public string Postcode { get; set; } = "";
    /// <summary>Postal address without the postcode (the label prints both).</summary>
    public string PostalAddress { get; set; } = "";
    public BankDetails Bank { get; set; } = new();
    /// <summary>Who signs, e.g. "Иванов Иван Иванович".</summary>
    public string Signatory { get; set; } = "";
    /// <summary>The signatory's position, e.g. "Генеральный директор".</summary>
    public string SignatoryPosition { get; set; } = "";
    /// <summary>What the signatory acts on, e.g. "Устава".</summary>
    public string Basis { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>A framework contract signed on paper before the platform (number and date), if any.</summary>
    public string? FrameworkContractNumber { get; set; }
    public DateOnly? FrameworkContractDate { get; set; }
    /// <summary>People of the client met in the client's project groups (everyone there who is not staff).</summary>
    public List<ClientContact> Contacts { get; set; } = [];
    /// <summary>What the client told us in a brief, by field (contact person, site, accounts, goals...); see Briefs.BriefFields.</summary>
    public Dictionary<string, string> Profile { get; set; } = [];
    public long CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Someone on the client's side, as Telegram shows them in a project group.</summary>
public sealed class ClientContact
{
    public long TelegramUserId { get; set; }
    public string Name { get; set; } = "";
    public string? Username { get; set; }
    /// <summary>The projects in whose groups the contact was seen.</summary>
    public List<long> ProjectIds { get; set; } = [];
    public DateTimeOffset FirstSeenAt { get; set; }
}

public sealed class BankDetails
{
    public string BankName { get; set; } = "";
    /// <summary>БИК (RU, 9 digits) or BIC/SWIFT (BY).</summary>
    public string Bik { get; set; } = "";
    /// <summary>Расчётный счёт (20 digits in RU, IBAN in BY).</summary>
    public string Account { get; set; } = "";
    /// <summary>Корреспондентский счёт (RU).</summary>
    public string? CorrespondentAccount { get; set; }
}

public enum VatMode
{
    /// <summary>Без НДС (simplified taxation).</summary>
    None,
    /// <summary>Prices include VAT at the rate.</summary>
    Included,
    /// <summary>VAT at the rate is added on top of the prices.</summary>
    OnTop,
}

/// <summary>A sale to a client: what services, how many, at what price.</summary>
public sealed class Deal : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    /// <summary>Human number, e.g. "СДЛ-2026-0012" (format in the organisation file).</summary>
    public string Number { get; set; } = "";
    public long ClientId { get; set; }
    /// <summary>The manager (person id) who owns the deal and receives its documents.</summary>
    public long ManagerId { get; set; }
    public string Currency { get; set; } = "RUB";
    public VatMode Vat { get; set; }
    /// <summary>Percent, e.g. 20.</summary>
    public decimal VatRate { get; set; }
    public List<DealLine> Lines { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Who made the deal (null on deals made before it was kept, and on deals the bot made from a report).</summary>
    public long? CreatedBy { get; set; }
    /// <summary>What the deal was made from when not by hand, e.g. the client report's number.</summary>
    public string? Source { get; set; }
}

public sealed class DealLine
{
    /// <summary>A service code from the organisation's catalogue.</summary>
    public string ServiceCode { get; set; } = "";
    /// <summary>What the line says on documents; the catalogue's name unless the manager wrote another.</summary>
    public string Description { get; set; } = "";
    public decimal Quantity { get; set; }
    public string Unit { get; set; } = "";
    public decimal Price { get; set; }
    public decimal Sum => Quantity * Price;
}

/// <summary>Clients are changed only through these methods.</summary>
public interface IClientStore
{
    Task<Client?> GetAsync(long id, CancellationToken ct);
    /// <summary>By ИНН or УНП.</summary>
    Task<Client?> FindByTaxIdAsync(string taxId, CancellationToken ct);
    /// <summary>By name or tax id (case-insensitive substring), name order.</summary>
    Task<IReadOnlyList<Client>> SearchAsync(string text, int limit, CancellationToken ct);
    Task InsertAsync(Client client, CancellationToken ct);
    /// <summary>Saves when the stored version equals client.Version, then increments it; false on a conflict.</summary>
    Task<bool> TryUpdateAsync(Client client, CancellationToken ct);
}

public interface IDealStore
{
    Task<Deal?> GetAsync(long id, CancellationToken ct);
    /// <summary>Case-insensitive.</summary>
    Task<Deal?> FindByNumberAsync(string number, CancellationToken ct);
    Task<IReadOnlyList<Deal>> ByClientAsync(long clientId, CancellationToken ct);
    Task InsertAsync(Deal deal, CancellationToken ct);
    Task<bool> TryUpdateAsync(Deal deal, CancellationToken ct);
}
