using System.Globalization;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Briefs;
using BotPlatform.Core.Calendar;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Projects;

/// <summary>How projects read in a chat: the card with its buttons and the list of my projects.</summary>
public sealed class ProjectViews(ProjectDesk desk, BriefDesk briefs, Organisation organisation)
{
    public const string CardPrefix = "prj";
    public const string OpenAction = "open";

    public WorkingCalendar Calendar => organisation.Calendar;

    public static string StartGroupLink(string botUsername, Project project) => $"https://t.me/{botUsername}?startgroup={project.Number}";

    public async Task SendCardAsync(UpdateContext context, Project project, CancellationToken ct)
    {
        var view = await desk.ViewAsync(project, ct);
        var me = await context.Clients.MeAsync(ct);
        var actual = await desk.ActualHoursAsync(project.Id, ct);
        var text = ProjectCard.Render(view, desk.Today(), context.Lang, actual);
        var offerBrief = false;
        if (briefs.TemplateFor(project) is not null)
        {
            var brief = await briefs.OfProjectAsync(project.Id, ct);
            text = text.TrimEnd() + "\n\n" + briefs.CardLine(brief, context.Lang);
            offerBrief = brief is null && project.Status == ProjectStatus.Active;
        }
        context.Reply(text, Buttons(project, me.Username, context.Lang, offerBrief));
    }

    public static IEnumerable<InlineButton[]> Buttons(Project project, string? botUsername, Lang lang, bool offerBrief = false)
    {
        if (offerBrief) yield return [Briefs.BriefSendCallback.Button(project, lang)];
        if (botUsername is not null)
            yield return [new InlineButton(ProjectTexts.LinkGroupButton.In(lang), Url: StartGroupLink(botUsername, project))];
    }

    public static InlineButton[] OpenButton(Project project) =>
        [new InlineButton($"{project.Number} · {project.Title}", $"{CardPrefix}:{OpenAction}:{project.Id.ToString(CultureInfo.InvariantCulture)}")];
}
