using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;

namespace BotPlatform.Core.People;

/// <summary>/lang: the person's language, which from then on wins over Telegram's language_code.</summary>
public sealed class Languages(IPeopleStore people, IEnumerable<IPersonChangeObserver> observers)
{
    public async Task<Result<Lang>> ChooseAsync(Person person, string? code, CancellationToken ct)
    {
        if (!Langs.TryParse(code, out var lang)) return Result<Lang>.Fail(PeopleProblems.UnknownLanguage);
        await people.ChangeAsync(person.Id, p =>
        {
            p.ChooseLanguage(lang);
            return true;
        }, ct);
        person.ChooseLanguage(lang);
        foreach (var observer in observers) observer.Changed(person);
        return Result<Lang>.Ok(lang);
    }
}
