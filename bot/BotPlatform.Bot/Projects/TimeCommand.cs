using System.Globalization;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Projects;

namespace BotPlatform.Bot.Projects;

/// <summary>/time (my week), /time PRJ-0001#2 1,5 comment (a manual entry), /time edit ENTRY HOURS (a correction). Private chat.</summary>
public sealed class TimeCommand(TimeDesk desk) : ICommandHandler
{
    public string Command => "time";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Person is not { } person) return;
        switch (context.Args)
        {
            case []:
                context.Reply(TimeDesk.Render(await desk.WeekAsync(person, ct), context.Lang));
                return;
            case [var word, var id, var hours] when word.Equals("edit", StringComparison.OrdinalIgnoreCase)
                                                    && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var entryId):
                var corrected = await desk.CorrectAsync(entryId, hours, person, ct);
                if (corrected.IsOk) context.Reply(TimeDesk.CorrectedText, entryId, ProjectCard.Hours(corrected.Value!.Hours));
                else context.ReplyProblem(corrected.Problem!);
                return;
            case [var reference, var hoursText, .. var comment] when reference.Contains('#', StringComparison.Ordinal):
                var added = await desk.AddAsync(reference, hoursText, string.Join(' ', comment), person, ct);
                if (!added.IsOk)
                {
                    context.ReplyProblem(added.Problem!);
                    return;
                }
                var (project, task) = (await desk.FindTaskAsync(reference, ct))!.Value;
                context.Reply(TimeDesk.Added, ProjectCard.Hours(added.Value!.Hours), project.Number, task.No, task.Title, added.Value.Id);
                return;
            default:
                context.ReplyProblem(new Problem(TimeProblems.Usage));
                return;
        }
    }
}
