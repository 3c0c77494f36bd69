namespace BotPlatform.Core.People;

/// <summary>
/// Hears that a person's roles, department, language or status changed (registration, /lang, an
/// admin's change, deactivation); the bot refreshes that person's command menu from it.
/// </summary>
public interface IPersonChangeObserver
{
    void Changed(Person person);
}
