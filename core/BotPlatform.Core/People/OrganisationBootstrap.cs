using BotPlatform.Core.Localization;
using Microsoft.Extensions.Logging;

namespace BotPlatform.Core.People;

/// <summary>
/// Seeds people from the organisation file: a listed person missing from storage is created (waiting
/// for their first /start to link Telegram); people already stored are left as managed in the bot.
/// </summary>
public sealed class OrganisationBootstrap(IPeopleStore people, Organisation organisation, ILogger<OrganisationBootstrap> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var created = 0;
        foreach (var listed in organisation.Definition.People)
        {
            var existing = listed.TelegramId is { } id
                ? await people.FindByTelegramIdAsync(id, ct)
                : null;
            if (existing is null && listed.Username is { } username) existing = await people.FindByUsernameAsync(username, ct);
            if (existing is not null) continue;
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
            await people.InsertAsync(person, ct);
            created++;
        }
        if (created > 0) logger.LogInformation("Organisation file: {Created} people added", created);
        return created;
    }
}
