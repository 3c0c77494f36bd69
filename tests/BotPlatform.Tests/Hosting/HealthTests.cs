using System.Net;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Hosting;

/// <summary>/health tells a supervisor whether the host can still work.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_ok_while_the_storage_reads_and_503_once_it_has_closed()
    {
        await using var host = await BotHost.StartAsync();
        using var http = host.CreateClient();

        var before = await http.GetAsync("/health");
        host.Get<LiteDbContext>().Database.Dispose();
        var after = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("storage: Healthy litedb", await before.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
    }

    [Fact]
    public async Task On_postgres_health_names_the_database_and_is_503_once_the_database_is_gone()
    {
        await using var host = await BotHost.StartAsync(storage: StorageEngine.Postgres);
        using var http = host.CreateClient();

        var before = await http.GetAsync("/health");
        await TestPostgres.DropDatabaseAsync(host.DatabaseConnectionString!);
        var after = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Matches(@"storage: Healthy postgres, schema version \d+", await before.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Contains("The PostgreSQL database does not answer", await after.Content.ReadAsStringAsync());
    }
}
