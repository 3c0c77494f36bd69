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
/// <item>a field an admin changed in the bot is kept; when the file's value of it changed since the last
/// start, the difference is reported once (a console warning and a message to the admins) - never
/// silently overwritten. A file that merely still says what it said before the admin's change is stale,
/// not a conflict, and is not reported at every start;</item>
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
                await departments.TryInsertAsync(new Department
                {
                    Id = listed.Code, Name = listed.Name, Head = listed.Head,
                    FileSeen = new() { [ManagedFields.Name] = listed.Name, [ManagedFields.Head] = Normalised(listed.Head) },
                }, ct);
                continue;
            }
            var name = Decide(ManagedFields.Name, stored.Name, listed.Name, stored.ChangedInBot, stored.FileSeen, stored.Id, conflicts);
            if (name == Decision.Apply) stored.Name = listed.Name;
            var head = Decide(ManagedFields.Head, Normalised(stored.Head), Normalised(listed.Head), stored.ChangedInBot, stored.FileSeen, stored.Id, conflicts);
            if (head == Decision.Apply) stored.Head = listed.Head;
            await departments.TryUpdateAsync(stored, ct);
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
                var person = new Person
                {
                    Name = listed.Name,
                    Username = listed.Username is null ? null : Person.NormaliseUsername(listed.Username),
                    TelegramUserId = listed.TelegramId,
                    Department = listed.Department,
                    Roles = listed.Roles.ToList(),
                    Status = PersonStatus.Active,
                    Language = Langs.TryParse(listed.Language, out var lang) ? lang : organisation.DefaultLanguage,
                    LanguageChosen = listed.Language is not null,
                };
                var ignored = new List<FileConflict>();
                Reconcile(person, listed, ignored);
                await people.InsertAsync(person, ct);
                created++;
                continue;
            }
            await people.ChangeAsync(existing.Id, p => Reconcile(p, listed, conflicts), ct);
        }
        return created;
    }

    /// <summary>Applies the file to the fields no admin changed; records a conflict for the others. Always saves (the file's values seen).</summary>
    private static bool Reconcile(Person person, PersonDefinition listed, List<FileConflict> conflicts)
    {
        var fileRoles = listed.Roles.Distinct().OrderBy(r => r).ToList();
        if (Decide(ManagedFields.Roles, Keys(person.Roles.Distinct().OrderBy(r => r)), Keys(fileRoles), person.ChangedInBot, person.FileSeen,
                person.Name, conflicts) == Decision.Apply)
            person.Roles = fileRoles;
        if (listed.Department is { } department
            && Decide(ManagedFields.Department, (person.Department ?? "").ToLowerInvariant(), department.ToLowerInvariant(), person.ChangedInBot,
                person.FileSeen, person.Name, conflicts) == Decision.Apply)
            person.Department = department;
        Decide(ManagedFields.Status, person.IsDeactivated ? "deactivated" : "active", "active", person.ChangedInBot, person.FileSeen, person.Name, conflicts);
        return true;
    }

    private enum Decision { Same, Apply, Kept }

    /// <summary>
    /// One field: equal - nothing to do; not changed in the bot - the file's value applies; changed in
    /// the bot - kept, and reported as a conflict when the file's value is new since the last start.
    /// </summary>
    private static Decision Decide(string field, string inBot, string inFile, List<string> changedInBot, Dictionary<string, string> seen,
        string who, List<FileConflict> conflicts)
    {
        var previous = seen.GetValueOrDefault(field);
        seen[field] = inFile;
        if (string.Equals(inBot, inFile, StringComparison.Ordinal)) return Decision.Same;
        if (!changedInBot.Contains(field)) return Decision.Apply;
        if (previous != inFile) conflicts.Add(new(who, field, inFile.Length == 0 ? "—" : inFile, inBot.Length == 0 ? "—" : inBot));
        return Decision.Kept;
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

    private static string Normalised(string? reference) => Person.NormaliseUsername(reference);

    private static string Keys(IEnumerable<Role> roles) => string.Join(", ", roles.Select(RoleNames.ToKey));
}
