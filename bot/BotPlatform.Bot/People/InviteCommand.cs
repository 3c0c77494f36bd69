using BotPlatform.Bot.Routing;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.People;

/// <summary>/invite ROLE [DEPARTMENT]: an admin gets a one-time deep link that grants the role.</summary>
public sealed class InviteCommand(Invites invites, Organisation organisation) : ICommandHandler
{
    public string Command => "invite";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        var person = context.Person!;
        if (!person.Has(Role.Admin))
        {
            context.ReplyProblem(new(PeopleProblems.NotAllowed));
            return;
        }
        if (context.Args.Length == 0)
        {
            context.Reply(PeopleTexts.InviteUsage, string.Join(", ", RoleNames.AllKeys), string.Join(", ", organisation.Departments.Keys));
            return;
        }
        var created = await invites.CreateAsync(person, context.Args[0], context.Args.ElementAtOrDefault(1), ct);
        if (!created.IsOk)
        {
            context.ReplyProblem(created.Problem!);
            return;
        }
        var invite = created.Value!;
        var me = await context.Clients.MeAsync(ct);
        var department = invite.Department is null ? "" : $" ({organisation.DepartmentName(invite.Department)})";
        var link = $"https://t.me/{me.Username}?start={invite.Id}";
        context.Reply(PeopleTexts.InviteCreated, PeopleTexts.RoleName(invite.Role, context.Lang), department,
            organisation.Calendar.ToLocal(invite.ExpiresAt).DateTime, link);
    }
}
