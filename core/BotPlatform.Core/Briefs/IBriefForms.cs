namespace BotPlatform.Core.Briefs;

/// <summary>A Google Form made for one project's brief.</summary>
/// <param name="QuestionIds">The form's question ids by our question codes.</param>
public sealed record BriefForm(string FormId, string ResponderUrl, IReadOnlyDictionary<string, string> QuestionIds);

/// <summary>One submitted response: its id, when it was last submitted, and the text answers by question id.</summary>
public sealed record BriefFormResponse(string ResponseId, DateTimeOffset SubmittedAt, IReadOnlyDictionary<string, string> Answers);

/// <summary>
/// Google Forms, when the organisation has configured credentials; otherwise the brief is asked in Telegram.
/// Failures (Google down, quota) throw <see cref="BriefFormsException"/>; callers retry later.
/// </summary>
public interface IBriefForms
{
    bool IsConfigured { get; }

    /// <summary>How often an open brief's responses are read (kept well inside the API's read quota).</summary>
    TimeSpan PollInterval { get; }

    /// <summary>Creates and publishes a form with the brief's questions (forms.create, batchUpdate, setPublishSettings).</summary>
    Task<BriefForm> CreateAsync(string title, string description, IReadOnlyList<BriefQuestion> questions, CancellationToken ct);

    /// <summary>All responses of the form (forms.responses.list, every page).</summary>
    Task<IReadOnlyList<BriefFormResponse>> ResponsesAsync(string formId, CancellationToken ct);
}

public sealed class BriefFormsException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No Google credentials: every brief runs in Telegram.</summary>
public sealed class NoBriefForms : IBriefForms
{
    public bool IsConfigured => false;

    public TimeSpan PollInterval => TimeSpan.FromMinutes(5);

    public Task<BriefForm> CreateAsync(string title, string description, IReadOnlyList<BriefQuestion> questions, CancellationToken ct) =>
        throw new BriefFormsException("Google Forms is not configured");

    public Task<IReadOnlyList<BriefFormResponse>> ResponsesAsync(string formId, CancellationToken ct) =>
        throw new BriefFormsException("Google Forms is not configured");
}
