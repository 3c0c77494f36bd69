using BotPlatform.Core.Common;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Briefs;

public enum BriefMode
{
    /// <summary>The bot asks the questions one by one in the client's group.</summary>
    Telegram,
    /// <summary>The template's shared Google Form, linked with the project's code prefilled; answers are read with forms.responses.list.</summary>
    GoogleForms,
}

public enum BriefStatus
{
    Sent,
    Completed,
}

public sealed class BriefAnswer
{
    public string QuestionCode { get; set; } = "";
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    /// <summary>The client's record field it was copied to, if any.</summary>
    public string? Field { get; set; }
    /// <summary>Telegram id and name of the contact who answered (in the group); null from a form.</summary>
    public long? TelegramUserId { get; set; }
    public string? Who { get; set; }
    public DateTimeOffset At { get; set; }
}

public static class BriefActions
{
    public const string Sent = "brief_sent";
    public const string Answered = "brief_answered";
    public const string Completed = "brief_completed";
    public const string Reminded = "brief_reminded";
    public const string PollFailed = "brief_poll_failed";
}

/// <summary>
/// The brief of one project: sent once to the client's group, answered there (or in a Google Form), then
/// copied into the client's record. Its timers (the one follow-up, the next read of the form) are stored
/// on it and swept; <see cref="NextTimerAt"/> is the earlier of the two, indexed.
/// </summary>
public sealed class Brief : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    public long ProjectId { get; set; }
    public long ClientId { get; set; }
    public string TemplateCode { get; set; } = "";
    /// <summary>The project's code (its number): prefilled in the form, it routes a response of the shared form to this brief.</summary>
    public string ProjectCode { get; set; } = "";
    public BriefMode Mode { get; set; }
    public BriefStatus Status { get; set; }
    public long GroupChatId { get; set; }
    public long SentBy { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>The 0-based question the group is asked now (Telegram mode).</summary>
    public int CurrentQuestion { get; set; }
    public List<BriefAnswer> Answers { get; set; } = [];
    public string? FormId { get; set; }
    /// <summary>The responder link with the project's code prefilled.</summary>
    public string? FormUrl { get; set; }
    /// <summary>The id of the form's question that holds the project's code.</summary>
    public string? FormCodeQuestionId { get; set; }
    /// <summary>The form's question ids by our question codes.</summary>
    public Dictionary<string, string> FormQuestionIds { get; set; } = [];
    public string? ResponseId { get; set; }
    /// <summary>When the client gets the one reminder (two working days after sending); null once it fired or the brief is done.</summary>
    public DateTimeOffset? FollowUpAt { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    /// <summary>The next read of the form's responses (Google Forms mode).</summary>
    public DateTimeOffset? NextPollAt { get; set; }
    public int PollFailures { get; set; }
    public DateTimeOffset? NextTimerAt { get; set; }
    public List<ProjectEvent> History { get; set; } = [];

    public bool IsOpen => Status == BriefStatus.Sent;

    public static Brief Send(Project project, BriefTemplate template, BriefMode mode, long groupChatId, long sentBy, DateTimeOffset now,
        DateTimeOffset followUpAt, DateTimeOffset? firstPoll)
    {
        var brief = new Brief
        {
            ProjectId = project.Id, ClientId = project.ClientId, TemplateCode = template.Code, ProjectCode = project.Number, Mode = mode, Status = BriefStatus.Sent,
            GroupChatId = groupChatId, SentBy = sentBy, SentAt = now, FollowUpAt = followUpAt, NextPollAt = firstPoll,
        };
        brief.Record(BriefActions.Sent, now, sentBy, mode.ToString());
        brief.Reschedule();
        return brief;
    }

    /// <summary>Records an answer and moves on to the next question.</summary>
    public void Answer(BriefQuestion question, string answer, long telegramUserId, string who, DateTimeOffset now)
    {
        Answers.RemoveAll(a => a.QuestionCode == question.Code);
        Answers.Add(new BriefAnswer
        {
            QuestionCode = question.Code, Question = question.Text, Answer = answer, Field = question.Field, TelegramUserId = telegramUserId, Who = who, At = now,
        });
        CurrentQuestion++;
        Record(BriefActions.Answered, now, reason: question.Code);
    }

    public bool Complete(DateTimeOffset now)
    {
        if (Status != BriefStatus.Sent) return false;
        Status = BriefStatus.Completed;
        CompletedAt = now;
        FollowUpAt = null;
        NextPollAt = null;
        Record(BriefActions.Completed, now);
        Reschedule();
        return true;
    }

    /// <summary>The one follow-up: false when it already fired or the brief is done.</summary>
    public bool Remind(DateTimeOffset now)
    {
        if (Status != BriefStatus.Sent || RemindedAt is not null) return false;
        RemindedAt = now;
        FollowUpAt = null;
        Record(BriefActions.Reminded, now);
        Reschedule();
        return true;
    }

    public void Reschedule()
    {
        NextTimerAt = (FollowUpAt, NextPollAt) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }

    public ProjectEvent Record(string action, DateTimeOffset at, long? actor = null, string? reason = null)
    {
        var entry = new ProjectEvent { At = at, Action = action, ActorId = actor, Reason = reason };
        History.Add(entry);
        return entry;
    }
}

/// <summary>Briefs, one per project.</summary>
public interface IBriefStore
{
    Task<Brief?> GetAsync(long id, CancellationToken ct);
    Task<Brief?> ByProjectAsync(long projectId, CancellationToken ct);
    /// <summary>Open briefs asked in the group (Telegram mode), oldest first.</summary>
    Task<IReadOnlyList<Brief>> OpenInGroupAsync(long chatId, CancellationToken ct);
    /// <summary>Throws on a second brief for the same project (the unique index is the last guard against a double press).</summary>
    Task InsertAsync(Brief brief, CancellationToken ct);
    /// <summary>Saves when the stored version equals brief.Version, then increments it; false on a conflict.</summary>
    Task<bool> TryUpdateAsync(Brief brief, CancellationToken ct);
    /// <summary>Briefs whose timer is due at or before the instant.</summary>
    Task<IReadOnlyList<Brief>> DueAsync(DateTimeOffset instant, int limit, CancellationToken ct);
}
