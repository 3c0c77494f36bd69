using BotPlatform.Core.Audit;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Infrastructure.Storage.Postgres;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BotPlatform.Tests.Storage;

/// <summary>What only the PostgreSQL engine has: versioned migrations and a database-enforced audit log.</summary>
public sealed class PostgresSchemaTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_database);

    private IOptions<StorageOptions> Options => Microsoft.Extensions.Options.Options.Create(
        new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = _database });

    [Fact]
    public async Task Replicas_starting_at_once_migrate_once_and_a_restart_migrates_nothing()
    {
        var replicas = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => new PostgresDatabase(Options))));
        using var restarted = new PostgresDatabase(Options);

        var applied = await Scalar<long>("SELECT count(*) FROM schema_version");

        Assert.Equal(PostgresMigrations.Scripts.Count, applied);
        Assert.All(replicas, r => Assert.Equal(PostgresMigrations.Scripts[^1].Version, r.SchemaVersion));
        Assert.Equal(PostgresMigrations.Scripts[^1].Version, await restarted.CurrentSchemaVersionAsync(default));
        foreach (var replica in replicas) replica.Dispose();
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_audit_entry()
    {
        using var db = new PostgresDatabase(Options);
        await new PgAuditLog(db).AppendAsync(new AuditEntry { Subject = "approval:ЗО-1", Action = "approved" }, default);

        var update = await Assert.ThrowsAsync<PostgresException>(() => Scalar<int>("UPDATE audit SET subject = 'x' RETURNING 1"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => Scalar<int>("DELETE FROM audit RETURNING 1"));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
        Assert.Equal(1L, await Scalar<long>("SELECT count(*) FROM audit"));
    }

    private async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
