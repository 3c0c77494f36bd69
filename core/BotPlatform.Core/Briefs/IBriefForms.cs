using System.Globalization;

namespace BotPlatform.Core.Briefs;

/// <summary>One question of a Google Form: its id (hex, as the API gives it) and its title.</summary>
public sealed record BriefFormQuestion(string QuestionId, string Title);

/// <summary>A Google Form the agency made for a kind of brief: its responder link and its questions.</summary>
public sealed record BriefFormLayout(string FormId, string ResponderUrl, IReadOnlyList<BriefFormQuestion> Questions)
{
    /// <summary>The question whose title is the given one (trimmed, case-insensitive), if the form has it.</summary>
    public BriefFormQuestion? Titled(string title) =>
        Questions.FirstOrDefault(q => string.Equals(q.Title.Trim(), title.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>One submitted response: its id, when it was last submitted, and the text answers by question id.</summary>
public sealed record BriefFormResponse(string ResponseId, DateTimeOffset SubmittedAt, IReadOnlyDictionary<string, string> Answers);

/// <summary>
/// Google Forms, when the organisation has configured credentials; otherwise the brief is asked in Telegram.
/// One form per brief template, made by the agency in Google Forms and shared with the service account; every
/// project's link prefills the project's code, which routes each response to its project.
/// Failures (Google down, quota) throw <see cref="BriefFormsException"/>; callers retry later.
/// </summary>
public interface IBriefForms
{
    bool IsConfigured { get; }

    /// <summary>How often open briefs' responses are read (kept well inside the API's read quota).</summary>
    TimeSpan PollInterval { get; }

    /// <summary>The form's responder link and questions (forms.get).</summary>
    Task<BriefFormLayout> GetAsync(string formId, CancellationToken ct);

    /// <summary>The form's responses submitted at or after the instant (forms.responses.list with a timestamp filter, every page).</summary>
    Task<IReadOnlyList<BriefFormResponse>> ResponsesAsync(string formId, DateTimeOffset since, CancellationToken ct);
}

public static class BriefFormLinks
{
    /// <summary>
    /// The responder link with one answer filled in: Google's prefill parameter is <c>entry.N</c>, where N is the
    /// question's id (hexadecimal in the Forms API) written in decimal.
    /// </summary>
    public static string Prefilled(string responderUrl, string questionId, string value)
    {
        var entry = long.Parse(questionId, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var separator = responderUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return string.Create(CultureInfo.InvariantCulture, $"{responderUrl}{separator}usp=pp_url&entry.{entry}={Uri.EscapeDataString(value)}");
    }
}

public sealed class BriefFormsException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No Google credentials: every brief runs in Telegram.</summary>
public sealed class NoBriefForms : IBriefForms
{
    public bool IsConfigured => false;

    public TimeSpan PollInterval => TimeSpan.FromMinutes(5);

    public Task<BriefFormLayout> GetAsync(string formId, CancellationToken ct) =>
        throw new BriefFormsException("Google Forms is not configured");

    public Task<IReadOnlyList<BriefFormResponse>> ResponsesAsync(string formId, DateTimeOffset since, CancellationToken ct) =>
        throw new BriefFormsException("Google Forms is not configured");
}
