using BotPlatform.Bot.Routing;
using BotPlatform.Core.People;
using BotPlatform.Core.People.Administration;

namespace BotPlatform.Bot.People;

/// <summary>/people (admins): everyone with roles, department, status and substitute; a button opens a person.</summary>
public sealed class PeopleCommand(PeopleAdministration administration, Organisation organisation) : ICommandHandler
{
    public string Command => "people";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        var listed = await administration.ListAsync(context.Person!, ct);
        if (!listed.IsOk)
        {
            context.ReplyProblem(listed.Problem!);
            return;
        }
        context.Reply(PeopleViews.List(listed.Value!, organisation, context.Lang), PeopleViews.ListButtons(listed.Value!));
    }
}

/// <summary>
/// A person's card and its buttons: "pp:show|roles|dept|head|leave:{id}", "pp:role:{id}:{role}",
/// "pp:mv:{id}:{department}", "pp:bye:{id}:{substitute}". Each press re-checks that the presser is an admin.
/// </summary>
public sealed class PeopleCallback(PeopleAdministration administration, Deactivation deactivation, IPeopleStore people, Organisation organisation)
    : ICallbackHandler
{
    public string Prefix => PeopleViews.Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (data.Length < 3 || !long.TryParse(data[2], out var personId) || context.Update.CallbackQuery?.Message is not { Id: var messageId })
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
            return;
        }
        var admin = context.Person;
        if (!PeopleAdministration.IsAdmin(admin))
        {
            await context.AnswerCallbackAsync(ProblemTexts.Render(new(PeopleProblems.NotAllowed), context.Lang), alert: true, ct: ct);
            return;
        }
        var lang = context.Lang;
        if (data[1] == "list")
        {
            var listed = await administration.ListAsync(admin!, ct);
            await context.AnswerCallbackAsync(ct: ct);
            context.Out.Edit(context.ChatId, messageId, PeopleViews.List(listed.Value!, organisation, lang), PeopleViews.ListButtons(listed.Value!));
            return;
        }
        var found = await administration.GetAsync(admin!, personId, ct);
        if (!found.IsOk)
        {
            await context.AnswerCallbackAsync(ProblemTexts.Render(found.Problem!, lang), alert: true, ct: ct);
            return;
        }
        var person = found.Value!;
        var everyone = await people.ListAsync(ct);
        switch (data[1])
        {
            case "show":
                await context.AnswerCallbackAsync(ct: ct);
                context.Out.Edit(context.ChatId, messageId, PeopleViews.Card(person, everyone, organisation, lang), PeopleViews.CardButtons(person, lang));
                return;
            case "roles" when !person.IsDeactivated:
                await context.AnswerCallbackAsync(ct: ct);
                context.Out.Edit(context.ChatId, messageId, AdministrationTexts.RolesPrompt.In(lang, person.Name), PeopleViews.RoleButtons(person, lang));
                return;
            case "role" when data.Length == 4 && RoleNames.TryParse(data[3], out var role):
                await AfterAsync(context, messageId, await administration.ToggleRoleAsync(admin!, personId, role, ct),
                    p => (AdministrationTexts.RolesPrompt.In(lang, p.Name), PeopleViews.RoleButtons(p, lang)), ct);
                return;
            case "dept" when !person.IsDeactivated:
                await context.AnswerCallbackAsync(ct: ct);
                context.Out.Edit(context.ChatId, messageId, AdministrationTexts.DepartmentPrompt.In(lang, person.Name),
                    PeopleViews.DepartmentButtons(person, organisation, lang));
                return;
            case "mv" when data.Length == 4:
                await AfterAsync(context, messageId, await administration.MoveAsync(admin!, personId, data[3], ct),
                    p => (PeopleViews.Card(p, everyone, organisation, lang), PeopleViews.CardButtons(p, lang)), ct);
                return;
            case "head":
                var head = await administration.MakeHeadAsync(admin!, personId, ct);
                if (!head.IsOk)
                {
                    await context.AnswerCallbackAsync(ProblemTexts.Render(head.Problem!, lang), alert: true, ct: ct);
                    return;
                }
                await context.AnswerCallbackAsync(AdministrationTexts.Saved.In(lang), ct: ct);
                context.Out.Edit(context.ChatId, messageId, PeopleViews.Card(person, everyone, organisation, lang) + "\n\n"
                    + AdministrationTexts.HeadSet.In(lang, person.Name, head.Value!.Name), PeopleViews.CardButtons(person, lang));
                return;
            case "leave" when !person.IsDeactivated:
                await context.AnswerCallbackAsync(ct: ct);
                context.Out.Edit(context.ChatId, messageId, AdministrationTexts.LeavePrompt.In(lang, person.Name),
                    PeopleViews.SubstituteButtons(person, await deactivation.DefaultSubstituteAsync(person, ct), everyone, lang));
                return;
            case "bye" when data.Length == 4 && long.TryParse(data[3], out var substituteId):
                var gone = await deactivation.DeactivateAsync(admin!, personId, substituteId, ct);
                if (!gone.IsOk)
                {
                    await context.AnswerCallbackAsync(ProblemTexts.Render(gone.Problem!, lang), alert: true, ct: ct);
                    return;
                }
                var outcome = gone.Value!;
                await context.AnswerCallbackAsync(AdministrationTexts.Saved.In(lang), ct: ct);
                context.Out.Edit(context.ChatId, messageId, PeopleViews.Deactivated(outcome, lang));
                return;
            default:
                await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(lang), ct: ct);
                return;
        }
    }

    private static async Task AfterAsync(UpdateContext context, int messageId, Core.Common.Result<Person> result,
        Func<Person, (string Text, IEnumerable<IEnumerable<Core.Messaging.InlineButton>> Buttons)> view, CancellationToken ct)
    {
        if (!result.IsOk)
        {
            await context.AnswerCallbackAsync(ProblemTexts.Render(result.Problem!, context.Lang), alert: true, ct: ct);
            return;
        }
        await context.AnswerCallbackAsync(AdministrationTexts.Saved.In(context.Lang), ct: ct);
        var (text, buttons) = view(result.Value!);
        context.Out.Edit(context.ChatId, messageId, text, buttons);
    }
}

/// <summary>/department (admins): the departments; /department new CODE Name; /department rename CODE New name.</summary>
public sealed class DepartmentCommand(PeopleAdministration administration, Organisation organisation) : ICommandHandler
{
    public string Command => "department";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        var admin = context.Person!;
        if (!PeopleAdministration.IsAdmin(admin))
        {
            context.ReplyProblem(new(PeopleProblems.NotAllowed));
            return;
        }
        var lang = context.Lang;
        switch (context.Args)
        {
            case [var verb, var code, .. var name] when name.Length > 0 && verb.Equals("new", StringComparison.OrdinalIgnoreCase):
                var added = await administration.AddDepartmentAsync(admin, code, string.Join(' ', name), ct);
                if (added.IsOk) context.Reply(AdministrationTexts.DepartmentAdded, added.Value!.Id, added.Value.Name);
                else context.ReplyProblem(added.Problem!);
                return;
            case [var verb, var code, .. var name] when name.Length > 0 && verb.Equals("rename", StringComparison.OrdinalIgnoreCase):
                var renamed = await administration.RenameDepartmentAsync(admin, code, string.Join(' ', name), ct);
                if (renamed.IsOk) context.Reply(AdministrationTexts.DepartmentRenamed, renamed.Value!.Id, renamed.Value.Name);
                else context.ReplyProblem(renamed.Problem!);
                return;
            default:
                context.Reply(AdministrationTexts.DepartmentUsage.In(lang,
                    string.Join(", ", organisation.Departments.Values.OrderBy(d => d.Code).Select(d => $"{d.Code} — {d.Name}"))));
                return;
        }
    }
}

public static class PeopleAdministrationHandlers
{
    public static IServiceCollection AddPeopleAdministrationHandlers(this IServiceCollection services) => services
        .AddScoped<ICommandHandler, PeopleCommand>()
        .AddScoped<ICommandHandler, DepartmentCommand>()
        .AddScoped<ICallbackHandler, PeopleCallback>();
}
