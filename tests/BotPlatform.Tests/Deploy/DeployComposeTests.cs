using BotPlatform.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace BotPlatform.Tests.Deploy;

/// <summary>
/// deploy/docker-compose.yml read as Docker Compose reads it (anchors and merge keys resolved), without Docker:
/// PostgreSQL, three identical replicas on it behind the webhook, Caddy in front, health checks everywhere,
/// secrets only from the environment (this machine's Docker has no compose plugin, so the file is read here).
/// </summary>
public sealed class DeployComposeTests
{
    private static readonly string Folder = Path.Combine(TestFiles.RepoRoot(), "deploy");
    private static readonly string[] Replicas = ["bot1", "bot2", "bot3"];

    [Fact]
    public void Three_replicas_share_one_postgres_database_and_one_quartz_cluster_behind_the_webhook()
    {
        var services = Map(Compose()["services"]);

        Assert.Equal(["bot1", "bot2", "bot3", "db", "proxy"], services.Keys.Order());
        var environments = Replicas.Select(name => Environment(services[name])).ToList();
        foreach (var env in environments)
        {
            Assert.Equal("postgres", env["Storage__Provider"]);
            Assert.StartsWith("Host=db;", env["Storage__ConnectionString"]);
            Assert.Matches(@"^https://\$\{BOT_DOMAIN[^}]*\}/telegram/webhook$", env["Telegram__WebhookUrl"]);
            Assert.Equal("false", env["Sandbox__Enabled"]);
            Assert.Equal(environments[0], env);
        }
        Assert.Equal("botplatform", environments[0]["Jobs__SchedulerName"]);
        foreach (var name in Replicas)
            Assert.Equal("service_healthy", Map(Map(Map(services[name])["depends_on"])["db"])["condition"]);
    }

    [Fact]
    public void Every_service_has_a_health_check_and_the_replicas_check_health()
    {
        var services = Map(Compose()["services"]);

        foreach (var (name, service) in services)
            Assert.True(Map(service).ContainsKey("healthcheck"), $"{name} has no healthcheck");
        foreach (var name in Replicas)
            Assert.Contains("http://localhost:8080/health", List(Map(Map(services[name])["healthcheck"])["test"]));
        Assert.Contains("pg_isready", string.Join(' ', List(Map(Map(services["db"])["healthcheck"])["test"])));
    }

    [Fact]
    public void Secrets_come_from_the_environment_and_the_proxy_sends_the_webhook_to_every_replica()
    {
        var compose = File.ReadAllText(Path.Combine(Folder, "docker-compose.yml"));
        var services = Map(Compose()["services"]);
        var env = Environment(services["bot1"]);
        var caddy = File.ReadAllText(Path.Combine(Folder, "Caddyfile"));

        Assert.StartsWith("${TELEGRAM_TOKEN:?", env["Telegram__Token"]);
        Assert.StartsWith("${WEBHOOK_SECRET:?", env["Telegram__WebhookSecret"]);
        Assert.Contains("Password=${POSTGRES_PASSWORD:?", env["Storage__ConnectionString"]);
        Assert.DoesNotMatch(@"\d{6,}:[A-Za-z0-9_-]{30,}", compose); // no bot token written in
        Assert.Contains("443:443", List(Map(services["proxy"])["ports"]));
        foreach (var name in Replicas) Assert.Contains($"{name}:8080", caddy);
        Assert.Contains("health_uri /health", caddy);
        Assert.Contains("deploy/.env", File.ReadAllText(Path.Combine(TestFiles.RepoRoot(), ".gitignore")));
    }

    private static Dictionary<object, object> Compose()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Folder, "docker-compose.yml")));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static Dictionary<string, object> Map(object node) =>
        ((Dictionary<object, object>)node).ToDictionary(p => (string)p.Key, p => p.Value);

    private static List<string> List(object node) => ((List<object>)node).Select(o => (string)o).ToList();

    private static Dictionary<string, string> Environment(object service) =>
        Map(Map(service)["environment"]).ToDictionary(p => p.Key, p => (string)p.Value);
}
