using BotPlatform.Bot.Telegram;
using BotPlatform.Core.People;
using BotPlatform.Tests.Approvals;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Replicas;

/// <summary>
/// Departments are held in memory by each host (<see cref="Organisation.Departments"/>): with two hosts on one
/// PostgreSQL database behind one webhook, an admin's edit on one host is what the other shows at its very next
/// update (each host checks the departments' stamp before every update: <see cref="DepartmentsSync"/>).
/// </summary>
public sealed class DepartmentReplicaTests
{
    [Fact]
    public async Task A_department_added_and_renamed_at_one_replica_is_what_the_other_shows_at_once()
    {
        await using var first = await BotHost.StartAsync(storage: StorageEngine.Postgres, settings: new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = "https://bot.example.org" + Webhook.Path,
            ["Telegram:WebhookSecret"] = "departments-secret",
        });
        await using var second = first.StartReplica();
        first.Tg.WebhookReplicas = [first.CreateClient(), second.CreateClient()];
        var p = await ApprovalPeople.JoinAsync(first);
        // Both hosts have handled an update and so hold the departments of the file.
        Assert.Equal("—", Name(first, "design"));
        Assert.Equal("—", Name(second, "design"));

        var added = await SaysAtAsync(first, p.Anna, "/department new design Дизайн");
        var list = await SaysAtAsync(first, p.Anna, "/department");
        var renamed = await SaysAtAsync(first, p.Anna, "/department rename design Дизайн-студия");
        var invite = await SaysAtAsync(first, p.Anna, "/invite employee design");

        Assert.Equal("🏢 Отдел «Дизайн» (design) добавлен.", added.Reply.Text);
        Assert.Contains("design — Дизайн", list.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("🏢 Отдел design теперь называется «Дизайн-студия».", renamed.Reply.Text);
        Assert.Contains("Дизайн-студия", invite.Reply.Text, StringComparison.Ordinal);
        // Each edit and the next read went to different hosts (the fake delivers to them in turn).
        Assert.NotEqual(added.Replica, list.Replica);
        Assert.NotEqual(list.Replica, renamed.Replica);
        Assert.NotEqual(renamed.Replica, invite.Replica);
        Assert.Equal("Дизайн-студия", Name(first, "design"));
        Assert.Equal("Дизайн-студия", Name(second, "design"));
    }

    private static string Name(BotHost host, string code) => host.Get<Organisation>().DepartmentName(code) is var name && name == code ? "—" : name;

    /// <summary>What the person said was answered with, and which host (by its index behind the webhook) took the update.</summary>
    private static async Task<(FakeMessage Reply, int Replica)> SaysAtAsync(BotHost host, FakeUser who, string text)
    {
        var before = host.Tg.WebhookDeliveriesByReplica.ToArray();
        var reply = await host.SaysAsync(who, text);
        var after = host.Tg.WebhookDeliveriesByReplica.ToArray();
        return (reply, Enumerable.Range(0, after.Length).Single(i => after[i] > before[i]));
    }
}
