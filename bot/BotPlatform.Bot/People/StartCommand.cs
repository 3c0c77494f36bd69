using BotPlatform.Bot.Routing;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.People;

/// <summary>/start [INVITE]: registration, linking to the organisation file, invite links.</summary>
public sealed class StartCommand(Registration registration, Organisation organisation, IEnumerable<IGroupStartHandler> groupStarts) : ICommandHandler
{
    public string Command => "start";
    public bool OpenToEveryone => true;

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.IsPrivateChat)
        {
            if (context.Args.Length > 0 && context.From is not null)
                foreach (var groupStart in groupStarts) await groupStart.StartInGroupAsync(context, ct);
            return;
        }
        if (context.From is not { } who) return;
        var outcome = await registration.StartAsync(who, context.Args.FirstOrDefault(), context.Out, ct);
        var person = outcome.Person;
        context.Person = person;
        context.Lang = person.Language;
        if (outcome.InviteProblem is { } problem) context.ReplyProblem(problem);
        switch (outcome.Kind)
        {
            case StartKind.Linked:
                context.Reply(PeopleTexts.Linked, person.Name, organisation.Name, PeopleTexts.RoleList(person.Roles, context.Lang));
                break;
            case StartKind.Joined:
                context.Reply(PeopleTexts.Joined, person.Name, PeopleTexts.RoleName(outcome.GrantedRole!.Value, context.Lang));
                break;
            case StartKind.Pending:
                context.Reply(PeopleTexts.PendingWelcome, person.Name);
                break;
            default:
                context.Reply(PeopleTexts.WelcomeBack, person.Name);
                break;
        }
    }
}
