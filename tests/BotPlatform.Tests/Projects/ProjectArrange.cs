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

    public static Task<BotHost> StartAsync(DateTimeOffset? now = null, FakeTelegram? telegram = null) =>
        BotHost.StartAsync(telegram, now: now ?? Wednesday, settings: new Dictionary<string, string?>
        {
            ["Organisation:File"] = TestFiles.Path("TestData/organisation.projects.yaml"),
        });

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
