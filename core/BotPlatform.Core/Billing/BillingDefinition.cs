namespace BotPlatform.Core.Billing;

/// <summary>
/// The <c>billing:</c> section of the organisation file: hourly rates and the agency's brand on report pages.
/// Rates live in the file (not in an admin command) because a rate is a price list the agency keeps under
/// review: every change is dated, reviewed and versioned with the file, and a report needs no admin dialog
/// to be reproducible. A report copies the rate it used, so later changes never alter a sent report.
/// </summary>
/// <param name="LinkDays">How many days a report's page link stays open after sending; null: until the PM closes it.</param>
public sealed record BillingDefinition(IReadOnlyList<HourlyRate> Rates, Brand Brand, int? LinkDays = null)
{
    public static BillingDefinition Empty { get; } = new([], Brand.Default);

    /// <summary>
    /// The rate in force on the date for the work type: the most specific one (the project's, then the
    /// client's, then the agency's for every client) with the latest <see cref="HourlyRate.From"/> not after the date.
    /// </summary>
    public HourlyRate? RateFor(string clientTaxId, string projectNumber, string workType, DateOnly date) =>
        Rates.Where(r => r.WorkType.Equals(workType, StringComparison.OrdinalIgnoreCase) && r.From <= date)
            .Where(r => r.ClientTaxId is null || r.ClientTaxId == clientTaxId)
            .Where(r => r.ProjectNumber is null || (r.ClientTaxId == clientTaxId && r.ProjectNumber.Equals(projectNumber, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(r => r.ProjectNumber is not null)
            .ThenByDescending(r => r.ClientTaxId is not null)
            .ThenByDescending(r => r.From)
            .FirstOrDefault();
}

/// <param name="ClientTaxId">The client's ИНН/УНП; null: every client (the agency's list price).</param>
/// <param name="ProjectNumber">Only this project of the client; null: all its projects.</param>
/// <param name="From">The first date the rate applies to (entries are priced by their own date).</param>
public sealed record HourlyRate(string? ClientTaxId, string? ProjectNumber, string WorkType, decimal PerHour, string Currency, DateOnly From);

/// <summary>The agency as its clients see it on a report page: name, logo (an https URL or a data: URI) and two colours (#rrggbb).</summary>
public sealed record Brand(string? Name, string? Logo, string Primary, string Accent)
{
    public static Brand Default { get; } = new(null, null, "#1f3a5f", "#e8703a");
}
