using BotPlatform.Core.Approvals;
using BotPlatform.Core.Calendar;
using BotPlatform.Core.Documents;

namespace BotPlatform.Core.People;

/// <summary>
/// The organisation as bootstrapped from its file: calendar, defaults, departments and people.
/// Already validated: the time zone exists, heads and departments refer to listed entries.
/// </summary>
public sealed record OrganisationDefinition(
    string Name,
    string TimeZoneId,
    TimeOnly DayStart,
    TimeOnly DayEnd,
    IReadOnlyList<DayOfWeek> WorkingDays,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> ExtraWorkingDays,
    string DefaultLanguage,
    string Currency,
    IReadOnlyList<DepartmentDefinition> Departments,
    IReadOnlyList<PersonDefinition> People,
    ApprovalsDefinition? Approvals = null,
    DocumentsDefinition? Documents = null,
    Projects.ProjectsDefinition? Projects = null,
    Briefs.BriefsDefinition? Briefs = null,
    Billing.BillingDefinition? Billing = null,
    Finance.Ledger.LedgerDefinition? Ledger = null)
{
    public const string DefaultTimeZoneId = "Europe/Moscow";
    public const string DefaultLanguageCode = "ru";
    public const string DefaultCurrency = "RUB";
    public static readonly TimeOnly DefaultDayStart = new(9, 0);
    public static readonly TimeOnly DefaultDayEnd = new(18, 0);

    public static IReadOnlyList<DayOfWeek> DefaultWorkingDays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static IReadOnlyList<string> SupportedLanguages { get; } = ["ru", "en"];

    /// <summary>The calendar as it changed over time (the file's <c>calendar_changes</c>), each complete and in date order.</summary>
    public IReadOnlyList<CalendarChange> CalendarChanges { get; init; } = [];

    /// <summary>The file's <c>payment_nudges:</c> section; null: the defaults.</summary>
    public Billing.Nudges.PaymentNudgeDefinition? PaymentNudges { get; init; }

    public WorkingTimeSettings ToWorkingTimeSettings() =>
        new(
            TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId),
            DayStart,
            DayEnd,
            WorkingDays.ToHashSet(),
            Holidays.ToHashSet(),
            ExtraWorkingDays.ToHashSet())
        {
            Changes = CalendarChanges,
        };
}

/// <param name="Head">Username (without @) or Telegram id of a listed person.</param>
public sealed record DepartmentDefinition(string Code, string Name, string? Head);

/// <param name="Username">Without @; compared case-insensitively.</param>
/// <param name="Language">"ru" or "en"; null lets the person's Telegram language decide.</param>
public sealed record PersonDefinition(
    string? Username,
    long? TelegramId,
    string Name,
    string? Department,
    IReadOnlyList<Role> Roles,
    string? Language);
