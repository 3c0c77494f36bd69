using BotPlatform.Core.Documents;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Billing;

/// <summary>
/// The billing organisation (the projects one plus rates: design 3000 for everyone, Ромашка's 3500 from 15.11,
/// content 2000, no rate for internal work) and a project PRJ-0001 whose November work is arranged in storage:
/// #1 brief (internal, not billable) 1.5 h done; #2 design 2 h on 10.11 + 3 h on 20.11 done; #3 texts 4 h done;
/// #4 publish 1 h still in progress; #5 report done without time.
/// </summary>
public static class BillingArrange
{
    public static Task<BotHost> StartAsync(StorageEngine storage = StorageEngine.LiteDb) =>
        BotHost.StartAsync(now: ProjectArrange.Wednesday, storage: storage, settings: new Dictionary<string, string?>
        {
            ["Organisation:File"] = TestFiles.Path("TestData/organisation.billing.yaml"),
        });

    public static async Task<(Project Project, Client Client)> NovemberWorkAsync(this BotHost host, Client? client = null)
    {
        client ??= await host.ClientAsync(ClientSamples.Romashka());
        var (project, _) = await host.ProjectAsync(client);
        await host.DoneAsync(project, 1, (new DateOnly(2026, 11, 24), 1.5m));
        await host.DoneAsync(project, 2, (new DateOnly(2026, 11, 10), 2m), (new DateOnly(2026, 11, 20), 3m));
        await host.DoneAsync(project, 3, (new DateOnly(2026, 11, 24), 4m));
        await host.WorkAsync(project, 4, ProjectTaskState.InProgress, (new DateOnly(2026, 11, 24), 1m));
        await host.WorkAsync(project, 5, ProjectTaskState.Done);
        return (project, client);
    }

    public static Task DoneAsync(this BotHost host, Project project, int no, params (DateOnly Date, decimal Hours)[] hours) =>
        host.WorkAsync(project, no, ProjectTaskState.Done, hours);

    /// <summary>Puts the task in the state and records its hours (the time tracking has its own tests).</summary>
    public static async Task WorkAsync(this BotHost host, Project project, int no, ProjectTaskState state, params (DateOnly Date, decimal Hours)[] hours)
    {
        var task = await host.TaskAsync(project.Id, no);
        task.State = state;
        Assert.True(await host.Get<IProjectTaskStore>().TryUpdateAsync(task, default));
        foreach (var (date, h) in hours)
        {
            await host.Get<ITimeEntryStore>().InsertAsync(new TimeEntry
            {
                TaskId = task.Id, ProjectId = project.Id, ClientId = project.ClientId, PersonId = task.ExecutorId, WorkType = task.WorkType,
                Billable = task.Billable, Date = date, Hours = h, Manual = true,
            }, default);
        }
    }

    public static string Plain(this string text) => text.Replace('\u00A0', ' ');
}
