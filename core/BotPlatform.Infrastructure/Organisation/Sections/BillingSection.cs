using System.Globalization;
using System.Text.RegularExpressions;
using BotPlatform.Core.Billing;
using BotPlatform.Core.Projects;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>The <c>billing:</c> mapping: the brand of report pages and the hourly rates.</summary>
internal sealed class BillingDto : LocatedNode
{
    public BrandDto? Brand { get; set; }
    public List<RateDto>? Rates { get; set; }
    public LocatedScalar? LinkDays { get; set; }
}

internal sealed class BrandDto : LocatedNode
{
    public LocatedScalar? Name { get; set; }
    public LocatedScalar? Logo { get; set; }
    public LocatedScalar? PrimaryColour { get; set; }
    public LocatedScalar? AccentColour { get; set; }
}

internal sealed class RateDto : LocatedNode
{
    public LocatedScalar? Client { get; set; }
    public LocatedScalar? Project { get; set; }
    public LocatedScalar? WorkType { get; set; }
    public LocatedScalar? PerHour { get; set; }
    public LocatedScalar? Currency { get; set; }
    public LocatedScalar? From { get; set; }
}

/// <summary>
/// Checks each rate: a known work type, a positive amount, a three-letter currency, a date; a client by its
/// ИНН/УНП (digits), a project only with its client. Two rates for the same client, project, work type and date clash.
/// </summary>
internal static partial class BillingSection
{
    public static BillingDefinition? Read(BillingDto? dto, ProjectsDefinition? projects, string currency, OrganisationFileErrors errors)
    {
        if (dto is null) return null;
        var brand = ReadBrand(dto.Brand, errors);
        var rates = new List<HourlyRate>();
        var seen = new Dictionary<(string?, string?, string, DateOnly), int>();
        foreach (var rate in dto.Rates ?? [])
        {
            var where = $"the rate on line {rate.Line}";
            var workType = ValueReader.Text(rate.WorkType);
            if (workType is null) errors.Add(rate.Line, $"'work_type' is required ({where})");
            else if (projects?.WorkType(workType) is null) errors.Add(rate.WorkType!, $"unknown work type '{workType}' ({where}; work types are listed under projects: work_types)");
            var client = ValueReader.Text(rate.Client);
            if (client is not null && !client.All(char.IsAsciiDigit)) errors.Add(rate.Client!, $"client '{client}' of {where} is not a tax id (ИНН or УНП, digits)");
            var project = ValueReader.Text(rate.Project)?.ToUpperInvariant();
            if (project is not null && client is null) errors.Add(rate.Project!, $"a project rate needs its 'client' ({where})");
            decimal? perHour = null;
            if (rate.PerHour is not { } amount) errors.Add(rate.Line, $"'per_hour' is required ({where})");
            else if (decimal.TryParse(amount.Text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 && parsed.Scale <= 2) perHour = parsed;
            else errors.Add(amount, $"per_hour '{amount.Text}' of {where} is not a positive amount like 3500 or 42.50");
            var rateCurrency = ValueReader.Text(rate.Currency)?.ToUpperInvariant() ?? currency;
            if (!CurrencyPattern().IsMatch(rateCurrency)) errors.Add(rate.Currency?.Line ?? rate.Line, $"currency '{rateCurrency}' of {where} is not a three-letter code like RUB");
            DateOnly? from = rate.From is { } f ? ValueReader.Date(f, "from", errors) : null;
            if (rate.From is null) errors.Add(rate.Line, $"'from' is required ({where}): the date the rate takes effect");
            if (workType is null || perHour is null || from is null) continue;
            var key = (client, project, workType.ToLowerInvariant(), from.Value);
            if (!seen.TryAdd(key, rate.Line)) errors.Add(rate.Line, $"{where} repeats the rate on line {seen[key]} (same client, project, work type and date)");
            rates.Add(new HourlyRate(client, project, workType, perHour.Value, rateCurrency, from.Value));
        }
        var linkDays = dto.LinkDays is { } days ? ValueReader.PositiveInteger(days, "link_days", errors) : null;
        return new BillingDefinition(rates, brand, linkDays);
    }

    private static Brand ReadBrand(BrandDto? dto, OrganisationFileErrors errors)
    {
        if (dto is null) return Brand.Default;
        var logo = ValueReader.Text(dto.Logo);
        if (logo is not null && !logo.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !logo.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase))
            errors.Add(dto.Logo!, "brand logo must be an https:// address or a data:image/ URI");
        return new Brand(ValueReader.Text(dto.Name), logo, Colour(dto.PrimaryColour, Brand.Default.Primary, errors), Colour(dto.AccentColour, Brand.Default.Accent, errors));
    }

    private static string Colour(LocatedScalar? value, string fallback, OrganisationFileErrors errors)
    {
        if (ValueReader.Text(value) is not { } text) return fallback;
        if (ColourPattern().IsMatch(text)) return text.ToLowerInvariant();
        errors.Add(value!, $"colour '{text}' is not like #1f3a5f");
        return fallback;
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColourPattern();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
