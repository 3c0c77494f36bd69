using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People.Administration;
using Microsoft.Extensions.Logging;

namespace BotPlatform.Core.People;

/// <summary>One field where the organisation file and an admin's change in the bot disagree; the bot's value is kept.</summary>
public sealed record FileConflict(string Who, string Field, string InFile, string InBot);

/// <summary>
/// Seeds and reconciles people and departments from the organisation file at every start:
/// <list type="bullet">
/// <item>a person or department in the file but not in storage is added;</item>
/// <item>a field that differs and that no admin changed in the bot (roles, department, a department's
/// name and head) follows the file;</item>
/// <item>a field an admin changed in the bot is kept, and the difference is reported (a console warning
/// and one message to the admins per distinct set of conflicts) - never silently overwritten;</item>
/// <item>someone missing from the file is left alone: leaving is an admin's decision in the bot.</item>
/// </list>
/// </summary>
public sealed class OrganisationBootstrap(
    IPeopleStore people,
    IDepartmentStore departments,
    IOutboxStore outbox,
    Organisation organisation,
    TimeProvider time,
    ILogger<OrganisationBootstrap> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var conflicts = new List<FileConflict>();
        await ReconcileDepartmentsAsync(conflicts, ct);
        var created = await ReconcilePeopleAsync(conflicts, ct);
        if (created > 0) logger.LogInformation("Organisation file: {Created} people added", created);
        foreach (var c in conflicts)
            logger.LogWarning("Organisation file: {Who}: {Field} differs (file: {InFile}; bot: {InBot}); kept as changed in the bot",
                c.Who, c.Field, c.InFile, c.InBot);
        if (conflicts.Count > 0) await TellAdminsAsync(conflicts, ct);
        return created;
    }

    private async Task ReconcileDepartmentsAsync(List<FileConflict> conflicts, CancellationToken ct)
    {
        foreach (var listed in organisation.Definition.Departments)
        {
            if (await departments.GetAsync(listed.Code.ToLowerInvariant(), ct) is not { } stored)
            {
                await departments.TryInsertAsync(new Department { Id = listed.Code, Name = listed.Name, Head = listed.Head }, ct);
                continue;
            }
            var changed = false;
            if (stored.Name != listed.Name)
            {
                if (stored.ChangedInBot.Contains(ManagedFields.Name)) conflicts.Add(new($"{stored.Id}", ManagedFields.Name, listed.Name, stored.Name));
                else (stored.Name, changed) = (listed.Name, true);
            }
            if (!SameRef(stored.Head, listed.Head))
            {
                if (stored.ChangedInBot.Contains(ManagedFields.Head)) conflicts.Add(new($"{stored.Id}", ManagedFields.Head, listed.Head ?? "—", stored.Head ?? "—"));
                else (stored.Head, changed) = (listed.Head, true);
            }
            if (changed) await departments.TryUpdateAsync(stored, ct);
        }
        organisation.UseDepartments(await departments.ListAsync(ct));
    }

    private async Task<int> ReconcilePeopleAsync(List<FileConflict> conflicts, CancellationToken ct)
    {
        var created = 0;
        foreach (var listed in organisation.Definition.People)
        {
            var existing = listed.TelegramId is { } id
                ? await people.FindByTelegramIdAsync(id, ct)
                : null;
            if (existing is null && listed.Username is { } username) existing = await people.FindByUsernameAsync(username, ct);
            if (existing is null)
            {
                await people.InsertAsync(new Person
                {
                    Name = listed.Name,
                    Username = listed.Username is null ? null : Person.NormaliseUsername(listed.Username),
                    TelegramUserId = listed.TelegramId,
                    Department = listed.Department,
                    Roles = listed.Roles.ToList(),
                    Status = PersonStatus.Active,
                    Language = Langs.TryParse(listed.Language, out var lang) ? lang : organisation.DefaultLanguage,
                    LanguageChosen = listed.Language is not null,
                }, ct);
                created++;
                continue;
            }
            await people.ChangeAsync(existing.Id, p => Reconcile(p, listed, conflicts), ct);
        }
        return created;
    }

    /// <summary>Applies the file to the fields no admin changed; records a conflict for the others. False: nothing to save.</summary>
    private static bool Reconcile(Person person, PersonDefinition listed, List<FileConflict> conflicts)
    {
        var changed = false;
        var fileRoles = listed.Roles.Distinct().OrderBy(r => r).ToList();
        if (!person.Roles.Distinct().OrderBy(r => r).SequenceEqual(fileRoles))
        {
            if (person.ChangedInBot.Contains(ManagedFields.Roles))
                conflicts.Add(new(person.Name, ManagedFields.Roles, Keys(fileRoles), Keys(person.Roles)));
            else (person.Roles, changed) = (fileRoles, true);
        }
        if (listed.Department is { } department && !string.Equals(person.Department, department, StringComparison.OrdinalIgnoreCase))
        {
            if (person.ChangedInBot.Contains(ManagedFields.Department))
                conflicts.Add(new(person.Name, ManagedFields.Department, department, person.Department ?? "—"));
            else (person.Department, changed) = (department, true);
        }
        if (person.IsDeactivated) conflicts.Add(new(person.Name, ManagedFields.Status, "active", "deactivated"));
        return changed;
    }

    private async Task TellAdminsAsync(IReadOnlyList<FileConflict> conflicts, CancellationToken ct)
    {
        // The key names the conflicts, so the same disagreement is reported once, not at every restart.
        var key = string.Join("|", conflicts.Select(c => $"{c.Who}:{c.Field}:{c.InFile}:{c.InBot}"));
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16];
        var outgoing = new Outgoing($"organisation-file:conflicts:{hash}", time);
        foreach (var admin in await people.WithRoleAsync(Role.Admin, ct))
        {
            if (admin is not { IsActive: true, ChatId: { } chat }) continue;
            var lines = string.Join("\n", conflicts.Select(c =>
                AdministrationTexts.ConflictLine.In(admin.Language, c.Who, AdministrationTexts.Field(c.Field).In(admin.Language), c.InFile, c.InBot)));
            outgoing.Send(chat, AdministrationTexts.FileConflicts.In(admin.Language, lines));
        }
        await outbox.EnqueueAsync(outgoing.Messages, ct);
    }

    private static bool SameRef(string? a, string? b) =>
        string.Equals(Person.NormaliseUsername(a), Person.NormaliseUsername(b), StringComparison.Ordinal);

    private static string Keys(IEnumerable<Role> roles) => string.Join(", ", roles.Select(RoleNames.ToKey));
}
