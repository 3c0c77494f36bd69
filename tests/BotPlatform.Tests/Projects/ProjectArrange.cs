using BotPlatform.Core.Documents;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Projects;

/// <summary>The projects organisation (a PM, a designer, a holiday on Friday 27.11.2026, a 5-task template) and its people.</summary>
public static class ProjectArrange
{
    /// <summary>Wednesday 25 November 2026, 10:00 in Moscow.</summary>
    public static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);

    public static Task<BotHost> StartAsync(DateTimeOffset? now = null, FakeTelegram? telegram = null, StorageEngine storage = StorageEngine.LiteDb,
        Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null) =>
        BotHost.StartAsync(telegram, now: now ?? Wednesday, settings: new Dictionary<string, string?>
        {
            ["Organisation:File"] = TestFiles.Path("TestData/organisation.projects.yaml"),
        }, storage: storage, time: time);

    /// <summary>A fake Telegram of its own (e.g. in privacy mode) on the test's clock, and that clock for the host.</summary>
    public static async Task<(FakeTelegram Telegram, Microsoft.Extensions.Time.Testing.FakeTimeProvider Time)> TelegramAsync()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Wednesday);
        return (await FakeTelegram.StartAsync(time: time), time);
    }

    public static async Task<Person> PersonAsync(this BotHost host, string username) =>
        (await host.Get<IPeopleStore>().FindByUsernameAsync(username, default))!;

    /// <summary>A project made straight through the core use case (the dialog has its own tests).</summary>
    public static async Task<(Project Project, IReadOnlyList<ProjectTask> Tasks)> ProjectAsync(this BotHost host, Client? client = null,
        string pm = "pm_kate", string template = "smm_month")
    {
        client ??= await host.ClientAsync(ClientSamples.Romashka());
        var created = await host.Get<ProjectDesk>().CreateAsync(new ProjectDraft(client.Id, template, "SMM декабрь"), await host.PersonAsync(pm), default);
        Assert.True(created.IsOk, created.Problem?.ToString());
        return created.Value;
    }

    public static async Task<ProjectTask> TaskAsync(this BotHost host, long projectId, int no) =>
        (await host.Get<IProjectTaskStore>().ByProjectAsync(projectId, default)).Single(t => t.No == no);
}

/// <summary>Steps of the project conversations that several tests share.</summary>
public static class ProjectSteps
{
    /// <summary>The PM makes PRJ-0001 from the 5-task template with /project new.</summary>
    public static async Task CreateInChatAsync(this BotHost host, FakeUser pm)
    {
        await host.SaysAsync(pm, "/project new");
        var pick = await host.SaysAsync(pm, "Ромашка", m => m.Text == "Выберите клиента:");
        await host.PressWhenShownAsync(pm, pick, "ООО «Ромашка»");
        await host.PressWhenShownAsync(pm, pick, "SMM на месяц");
        await host.Tg.WaitUntilAsync(() => host.Latest(pick).Contains("Как назовём", StringComparison.Ordinal));
        await host.PressWhenShownAsync(pm, pick, "SMM на месяц");
        var confirm = await host.Tg.WaitForBotMessageAsync(pm.PrivateChat, m => m.Text?.StartsWith("Проверьте", StringComparison.Ordinal) == true);
        await host.PressesAsync(pm, confirm, "✅ Создать проект");
        await host.Tg.WaitForBotMessageAsync(pm.PrivateChat, m => m.Text?.StartsWith("📁 Проект PRJ-0001", StringComparison.Ordinal) == true);
    }

    /// <summary>Waits until the message (re-read after edits) shows the button, then presses it.</summary>
    public static async Task<CallbackAnswerInfo> PressWhenShownAsync(this BotHost host, FakeUser user, FakeMessage message, string button)
    {
        var chat = host.Tg.Chat(message.ChatId);
        try
        {
            await host.Tg.WaitUntilAsync(() => host.Tg.Message(chat, message.MessageId).Button(button) is not null);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No button «{button}» on #{message.MessageId}:\n{host.Tg.Transcript(chat)}");
        }
        return await host.PressesAsync(user, host.Tg.Message(chat, message.MessageId), button);
    }

    /// <summary>The latest bot message in the chat whose text starts so (cards are sent once and then edited).</summary>
    public static async Task<FakeMessage> CardAsync(this BotHost host, FakeChat chat, string startsWith, int after = 0)
    {
        try
        {
            await host.Tg.WaitUntilAsync(() => host.Tg.BotMessages(chat).Any(m => m.MessageId > after && (m.TextOrCaption ?? "").StartsWith(startsWith, StringComparison.Ordinal)));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No message starting «{startsWith}»:\n{host.Tg.Transcript(chat)}");
        }
        return host.Tg.BotMessages(chat).Last(m => m.MessageId > after && (m.TextOrCaption ?? "").StartsWith(startsWith, StringComparison.Ordinal));
    }
}
