using BotPlatform.Core.People;
using BotPlatform.Testing;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// The demo's people in the emulator: everyone in the demo organisation writes /start (the host then
/// registers them by username, as it would on Telegram), and the demo client's project group is
/// created with the project manager, two client contacts and the bot, added by the project manager.
/// </summary>
public sealed class DemoSeeder(SandboxRun run, Organisation organisation, ILogger<DemoSeeder> logger) : IHostedService
{
    /// <summary>The demo client: only a group chat so far; clients and deals as records come with their own issue.</summary>
    public static readonly DemoClient Client = new(
        "ООО «Ромашка»",
        "Ромашка × Агентство: весенняя кампания",
        [new("Алина Соколова", "alina_romashka"), new("Борис Гришин", "boris_romashka")]);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var engine = run.Engine;
        var staff = new List<FakeUser>();
        foreach (var person in organisation.Definition.People.Where(p => p.Username is not null))
        {
            var user = engine.CreateUser(person.Name, person.Username, person.Language ?? organisation.Definition.DefaultLanguage);
            engine.SendText(user, "/start");
            staff.Add(user);
        }

        var manager = organisation.Definition.People
            .Where(p => p.Roles.Contains(Role.ProjectManager))
            .Select(p => staff.FirstOrDefault(u => u.Username == p.Username))
            .FirstOrDefault(u => u is not null);
        if (manager is null)
        {
            logger.LogWarning("The demo organisation has no project manager with a username; the client's group is left out");
            return Task.CompletedTask;
        }

        var contacts = Client.Contacts.Select(c => engine.CreateUser(c.Name, c.Username)).ToArray();
        var group = engine.CreateGroupWithoutBot(Client.GroupTitle, [manager, .. contacts]);
        engine.AddBotToGroup(group, manager);
        run.DemoGroup = group;
        run.DemoContacts = contacts;
        engine.SendText(manager, group, "Добрый день! Это чат нашего проекта: сюда бот будет присылать новости по задачам и отчёты.");
        engine.SendText(contacts[0], group, "Здравствуйте! Мы на связи, ждём первых макетов.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed record DemoClient(string Name, string GroupTitle, IReadOnlyList<DemoContact> Contacts);

public sealed record DemoContact(string Name, string Username);
