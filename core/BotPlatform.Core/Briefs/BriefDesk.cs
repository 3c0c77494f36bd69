using System.Globalization;
using System.Text;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Briefs;

/// <summary>
/// The one-button brief: the PM sends it to the client's group (a Google Form when Google is configured,
/// otherwise questions asked in the chat one by one), the answers are copied into the client's record and
/// kept with the project, and the PM hears when it is done. Everything the group reads is in the
/// organisation's language and written for the client.
/// </summary>
public sealed class BriefDesk(
    IBriefStore briefs,
    IProjectStore projects,
    IClientStore clients,
    IPeopleStore people,
    IChatStore chats,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    IBriefForms forms,
    Organisation organisation,
    TimeProvider time,
    Microsoft.Extensions.Logging.ILogger<BriefDesk> logger)
{
    public const int FollowUpWorkingDays = 2;
    public const string Skip = "-";

    private Lang ClientLang => organisation.DefaultLanguage;

    public BriefTemplate? TemplateFor(Project project) => organisation.Briefs.ForProjectTemplate(project.TemplateCode);

    public Task<Brief?> OfProjectAsync(long projectId, CancellationToken ct) => briefs.ByProjectAsync(projectId, ct);

    /// <summary>The project's PM or anyone holding the PM role (the presser signs the greeting).</summary>
    public static bool MaySend(Project project, Person person) => person.IsActive && (person.Id == project.PmId || person.Has(Role.ProjectManager));

    public async Task<Result<Brief>> SendAsync(long projectId, Person presser, Outgoing outgoing, CancellationToken ct)
    {
        if (await projects.GetAsync(projectId, ct) is not { Status: ProjectStatus.Active } project) return Result<Brief>.Fail(BriefProblems.Stale);
        if (!MaySend(project, presser)) return Result<Brief>.Fail(BriefProblems.NotAllowed);
        if (TemplateFor(project) is not { } template) return Result<Brief>.Fail(BriefProblems.NoTemplate, project.TemplateCode);
        if (await briefs.ByProjectAsync(project.Id, ct) is { } sent) return Result<Brief>.Fail(BriefProblems.AlreadySent, project.Number, Local(sent.SentAt));
        if (project.GroupChatIds.Count == 0) return Result<Brief>.Fail(BriefProblems.NoGroup);
        var group = project.GroupChatIds[^1];

        // The form is read before the unit of work: a Google outage refuses the press and changes nothing.
        BriefFormLayout? form = null;
        BriefFormQuestion? codeQuestion = null;
        if (forms.IsConfigured && template.Form is { } settings)
        {
            try
            {
                form = await forms.GetAsync(settings.FormId, ct);
            }
            catch (BriefFormsException ex)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, ex, "Reading the brief form {FormId} of {ProjectNumber} failed", settings.FormId, project.Number);
                return Result<Brief>.Fail(BriefProblems.FormsFailed);
            }
            codeQuestion = form.Titled(settings.CodeQuestion);
            if (codeQuestion is null)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "The brief form {FormId} has no question titled {CodeQuestion}", settings.FormId, settings.CodeQuestion);
                return Result<Brief>.Fail(BriefProblems.FormNoCodeQuestion, settings.CodeQuestion);
            }
        }

        var now = time.GetUtcNow();
        var followUp = organisation.Calendar.AddWorkingDays(organisation.Calendar.NextWorkingMoment(now), FollowUpWorkingDays);
        var brief = Brief.Send(project, template, form is null ? BriefMode.Telegram : BriefMode.GoogleForms, group, presser.Id, now, followUp,
            form is null ? null : now + forms.PollInterval);
        if (form is not null && codeQuestion is not null)
        {
            brief.FormId = form.FormId;
            brief.FormUrl = BriefFormLinks.Prefilled(form.ResponderUrl, codeQuestion.QuestionId, project.Number);
            brief.FormCodeQuestionId = codeQuestion.QuestionId;
            foreach (var question in template.Questions)
            {
                if (form.Titled(question.Text) is { } asked) brief.FormQuestionIds[question.Code] = asked.QuestionId;
                else Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "The brief form {FormId} has no question titled {Question}", form.FormId, question.Text);
            }
        }
        var inserted = await unitOfWork.RunAsync(async () =>
        {
            if (await briefs.ByProjectAsync(project.Id, ct) is not null) return false;
            await briefs.InsertAsync(brief, ct);
            await audit.AppendAsync(new AuditEntry { Subject = project.Subject, Action = BriefActions.Sent, ActorId = presser.Id, At = now, Reason = brief.Mode.ToString() }, ct);
            return true;
        }, ct);
        if (!inserted) return Result<Brief>.Fail(BriefProblems.AlreadySent, project.Number, Local(now));

        var lang = ClientLang;
        if (form is null)
        {
            outgoing.Send(group, BriefTexts.GreetingTelegram.In(lang, presser.Name, project.Title, template.Questions.Count));
            outgoing.Ask(group, QuestionText(template, 0, lang));
        }
        else
        {
            outgoing.Send(group, BriefTexts.GreetingForm.In(lang, presser.Name, project.Title, brief.FormUrl!),
                [[new InlineButton(BriefTexts.FormButton.In(lang), Url: brief.FormUrl)]]);
        }
        if (presser.ChatId is { } pmChat)
        {
            var title = (await chats.GetAsync(group, ct))?.Title ?? group.ToString(CultureInfo.InvariantCulture);
            var mode = (form is null ? BriefTexts.ModeTelegram : BriefTexts.ModeForms).In(presser.Language);
            outgoing.Send(pmChat, BriefTexts.SentToPm.In(presser.Language, project.Number, title, mode));
        }
        return Result<Brief>.Ok(brief);
    }

    /// <summary>
    /// A message in a group: when a brief is being asked there and the sender is not staff, it answers the
    /// current question. False when no brief waits for it (the message is just conversation).
    /// </summary>
    public async Task<bool> AnswerInGroupAsync(long chatId, GroupMember sender, string? text, Outgoing outgoing, CancellationToken ct)
    {
        if (sender.IsBot) return false;
        var open = (await briefs.OpenInGroupAsync(chatId, ct)).FirstOrDefault();
        if (open is null || organisation.Briefs.Template(open.TemplateCode) is not { } template) return false;
        if (await people.FindByTelegramIdAsync(sender.UserId, ct) is { IsActive: true }) return false;
        var lang = ClientLang;
        if (open.CurrentQuestion >= template.Questions.Count) return false;
        var question = template.Questions[open.CurrentQuestion];
        var skipped = !question.Required && (text ?? "").Trim() == Skip;
        var checkedAnswer = skipped ? Result<string>.Ok(Skip) : BriefFields.Check(question.Field, text);
        if (!checkedAnswer.IsOk)
        {
            outgoing.Ask(chatId, BriefProblems.Texts[checkedAnswer.Problem!.Code].In(lang, checkedAnswer.Problem.Args) + "\n\n" + QuestionText(template, open.CurrentQuestion, lang));
            return true;
        }
        var now = time.GetUtcNow();
        return await unitOfWork.RunAsync(async () =>
        {
            if (await briefs.GetAsync(open.Id, ct) is not { IsOpen: true } brief || brief.CurrentQuestion != open.CurrentQuestion) return false;
            brief.Answer(question with { Field = skipped ? null : question.Field }, checkedAnswer.Value!, sender.UserId, sender.Name, now);
            if (brief.CurrentQuestion < template.Questions.Count)
            {
                if (!await briefs.TryUpdateAsync(brief, ct)) return false;
                outgoing.Ask(chatId, QuestionText(template, brief.CurrentQuestion, lang));
                return true;
            }
            await CompleteAsync(brief, outgoing, now, ct);
            return true;
        }, ct);
    }

    /// <summary>Copies the answers into the client's record, closes the brief and tells the group and the PM. Runs inside a unit of work.</summary>
    internal async Task CompleteAsync(Brief brief, Outgoing outgoing, DateTimeOffset now, CancellationToken ct)
    {
        var project = await projects.GetAsync(brief.ProjectId, ct);
        var client = await clients.GetAsync(brief.ClientId, ct);
        var copied = new List<string>();
        var refused = new List<string>();
        var pm = project is null ? null : await people.GetAsync(project.PmId, ct);
        var pmLang = pm?.Language ?? ClientLang;
        if (client is not null)
        {
            foreach (var answer in brief.Answers.Where(a => a.Field is not null))
            {
                var field = answer.Field!;
                var value = BriefFields.Check(field, answer.Answer);
                if (value.IsOk)
                {
                    BriefFields.Apply(client, field, value.Value!);
                    copied.Add(BriefTexts.FieldName(field).In(pmLang));
                }
                else
                {
                    answer.Field = null;
                    refused.Add($"{BriefTexts.FieldName(field).In(pmLang)} «{answer.Answer}»");
                }
            }
            if (copied.Count > 0 && !await clients.TryUpdateAsync(client, ct))
                throw new InvalidOperationException($"Client {client.Id} changed while the brief was copied");
        }
        brief.Complete(now);
        if (!await briefs.TryUpdateAsync(brief, ct)) throw new InvalidOperationException($"Brief {brief.Id} changed while it was completed");
        await audit.AppendAsync(new AuditEntry { Subject = project?.Subject ?? $"brief:{brief.Id}", Action = BriefActions.Completed, At = now }, ct);

        outgoing.Send(brief.GroupChatId, BriefTexts.Completed.In(ClientLang));
        if (pm?.ChatId is { } pmChat && project is not null)
        {
            var text = new StringBuilder();
            foreach (var answer in brief.Answers) text.Append("• ").Append(answer.Question).Append(": ").AppendLine(answer.Answer);
            if (copied.Count > 0) text.AppendLine().AppendLine(BriefTexts.CopiedToClient.In(pmLang, string.Join(", ", copied)));
            if (refused.Count > 0) text.AppendLine(BriefTexts.NotCopied.In(pmLang, string.Join("; ", refused)));
            outgoing.Send(pmChat, BriefTexts.CompletedToPm.In(pmLang, client?.LegalName ?? "—", project.Number, text.ToString().TrimEnd()));
        }
    }

    /// <summary>Answers read from a form response, in the brief's question order.</summary>
    internal static void TakeFormAnswers(Brief brief, BriefTemplate template, BriefFormResponse response)
    {
        brief.Answers.Clear();
        brief.ResponseId = response.ResponseId;
        foreach (var question in template.Questions)
        {
            if (!brief.FormQuestionIds.TryGetValue(question.Code, out var id) || !response.Answers.TryGetValue(id, out var value) || string.IsNullOrWhiteSpace(value))
                continue;
            brief.Answers.Add(new BriefAnswer { QuestionCode = question.Code, Question = question.Text, Answer = value.Trim(), Field = question.Field, At = response.SubmittedAt });
        }
    }

    /// <summary>The follow-up: one reminder in the group, and the PM is told. Runs inside a unit of work.</summary>
    internal async Task RemindAsync(Brief brief, Outgoing outgoing, DateTimeOffset now, CancellationToken ct)
    {
        if (!brief.Remind(now)) return;
        if (!await briefs.TryUpdateAsync(brief, ct)) throw new InvalidOperationException($"Brief {brief.Id} changed while it was reminded");
        outgoing.Send(brief.GroupChatId, BriefTexts.Reminder.In(ClientLang));
        var project = await projects.GetAsync(brief.ProjectId, ct);
        var client = await clients.GetAsync(brief.ClientId, ct);
        if (project is not null && await people.GetAsync(project.PmId, ct) is { ChatId: { } pmChat } pm)
            outgoing.Send(pmChat, BriefTexts.ReminderToPm.In(pm.Language, client?.LegalName ?? "—", project.Number));
        await audit.AppendAsync(new AuditEntry { Subject = project?.Subject ?? $"brief:{brief.Id}", Action = BriefActions.Reminded, At = now }, ct);
    }

    /// <summary>The brief's line on the project card.</summary>
    public string CardLine(Brief? brief, Lang lang) => brief switch
    {
        null => BriefTexts.CardNotSent.In(lang),
        { Status: BriefStatus.Completed, CompletedAt: { } at } => BriefTexts.CardCompleted.In(lang, Local(at)),
        _ => BriefTexts.CardSent.In(lang, Local(brief.SentAt), (brief.Mode == BriefMode.GoogleForms ? BriefTexts.ModeForms : BriefTexts.ModeTelegram).In(lang)),
    };

    public static string QuestionText(BriefTemplate template, int index, Lang lang)
    {
        var question = template.Questions[index];
        var text = BriefTexts.Question.In(lang, index + 1, template.Questions.Count, question.In(lang));
        return question.Required ? text : text + " " + BriefTexts.OptionalHint.In(lang);
    }

    private DateTime Local(DateTimeOffset instant) => organisation.Calendar.ToLocal(instant).DateTime;
}
