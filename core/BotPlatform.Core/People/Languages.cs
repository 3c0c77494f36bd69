using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;

namespace BotPlatform.Core.People;

/// <summary>/lang: the person's language, which from then on wins over Telegram's language_code.</summary>
public sealed class Languages(IPeopleStore people)
{
    public async Task<Result<Lang>> ChooseAsync(Person person, string? code, CancellationToken ct)
    {
        if (!Langs.TryParse(code, out var lang)) return Result<Lang>.Fail(PeopleProblems.UnknownLanguage);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            person.ChooseLanguage(lang);
            if (await people.TryUpdateAsync(person, ct)) return Result<Lang>.Ok(lang);
            person = await people.GetAsync(person.Id, ct) ?? throw new InvalidOperationException($"Person {person.Id} vanished");
        }
        throw new InvalidOperationException($"Person {person.Id} keeps changing concurrently");
    }
}
