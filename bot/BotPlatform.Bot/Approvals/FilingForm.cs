using System.Globalization;
using System.Text.Json;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Approvals;

public enum AnswerKind
{
    /// <summary>Typed text (asked with ForceReply unless the question is optional).</summary>
    Text,
    /// <summary>One of the buttons under the question.</summary>
    Choice,
    /// <summary>A document or a photo.</summary>
    File,
}

/// <summary>What a person gave at one step: a message's text or file, or the code of a pressed choice.</summary>
public readonly record struct FilingAnswer(string? Text, IncomingFile? File, string? Choice);

/// <summary>
/// One question of a filing dialog. <see cref="Read"/> checks an answer with the core rules and turns it
/// into the string kept in the conversation; <see cref="Line"/> shows a kept answer (null: skipped).
/// </summary>
public sealed record FilingQuestion(
    string Step,
    AnswerKind Kind,
    Text Prompt,
    Text Field,
    Func<FilingAnswer, Result<string>> Read,
    Func<string?, Lang, string> Line)
{
    /// <summary>Offers a Skip button; skipping leaves the answer out.</summary>
    public bool Optional { get; init; }
    public Text? Placeholder { get; init; }
    /// <summary>A check that needs storage (e.g. "is there such a project?"); when set, used instead of <see cref="Read"/> for typed answers.</summary>
    public Func<FilingAnswer, CancellationToken, Task<Result<string>>>? ReadAsync { get; init; }
    /// <summary>The buttons of a choice: code and caption in the language asked for (codes do not depend on it).</summary>
    public Func<Lang, IReadOnlyList<(string Code, string Caption)>> Choices { get; init; } = _ => [];
}

/// <summary>A filing dialog: its questions in order, and the request its answers make.</summary>
public abstract class FilingForm
{
    /// <summary>The conversation's flow, also the callback prefix of the dialog's buttons.</summary>
    public abstract string Flow { get; }
    public abstract Text Intro { get; }
    /// <summary>The heading of the confirmation card.</summary>
    public abstract Text Check { get; }
    public abstract IReadOnlyList<FilingQuestion> Questions { get; }
    /// <summary>What Cancel on the card answers: a request "was not sent", a ledger entry "was not recorded".</summary>
    public virtual Text Cancelled => FilingTexts.Cancelled;

    public abstract RequestDraft Draft(IReadOnlyDictionary<string, string> answers, Person initiator, DateTimeOffset now);

    /// <summary>
    /// A form that records its answers itself (e.g. /income) instead of filing an approval request: returns the line
    /// that replaces the confirmation card, or the problem that keeps it. Null: the answers make a <see cref="Draft"/>.
    /// </summary>
    public virtual Func<IReadOnlyDictionary<string, string>, Person, Lang, CancellationToken, Task<Result<string>>>? Records => null;

    public FilingQuestion? Question(string step) => Questions.FirstOrDefault(q => q.Step == step);
}

/// <summary>The questions both dialogs ask, and how answers are kept as strings in a persisted conversation.</summary>
public static class FilingQuestions
{
    public const string Counterparty = "counterparty";
    public const string File = "file";
    public const string Comment = "comment";

    public static FilingQuestion CounterpartyQuestion(Text prompt) =>
        new(Counterparty, AnswerKind.Text, prompt, FilingTexts.FieldCounterparty, a => Filing.Counterparty(a.Text),
            (value, lang) => ApprovalTexts.CounterpartyLine.In(lang, value ?? ""))
        {
            Placeholder = FilingTexts.PayeePlaceholder,
        };

    public static FilingQuestion FileQuestion(RequestKind kind, Text prompt, Text field, Text line) =>
        new(File, AnswerKind.File, prompt, field, a => Keep(Filing.File(a.File, kind), f => JsonSerializer.Serialize(f)),
            (value, lang) => line.In(lang, value is null ? "—" : ReadFile(value).FileName));

    public static FilingQuestion CommentQuestion() =>
        new(Comment, AnswerKind.Text, FilingTexts.AskComment, FilingTexts.FieldComment, a => Filing.Comment(a.Text),
            (value, lang) => value is null ? FilingTexts.NoCommentLine.In(lang) : ApprovalTexts.CommentLine.In(lang, value))
        {
            Optional = true,
        };

    public static Result<string> Keep<T>(Result<T> result, Func<T, string> keep) =>
        result is { IsOk: true, Value: { } value } ? Result<string>.Ok(keep(value)) : Result<string>.Fail(result.Problem!);

    public static string KeepMoney(Money money) => money.Amount.ToString(CultureInfo.InvariantCulture) + " " + money.Currency;

    public static Money ReadMoney(string kept)
    {
        var parts = kept.Split(' ');
        return new Money(decimal.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
    }

    public static string KeepDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ReadDate(string kept) => DateOnly.ParseExact(kept, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static AttachedFile ReadFile(string kept) =>
        JsonSerializer.Deserialize<AttachedFile>(kept) ?? throw new InvalidOperationException("A kept file is empty");

    public static AttachedFile ReadFile(string kept, Person addedBy, DateTimeOffset at)
    {
        var file = ReadFile(kept);
        file.AddedBy = addedBy.Id;
        file.AddedAt = at;
        return file;
    }
}
