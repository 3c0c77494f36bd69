using BotPlatform.Bot.Hosting;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Infrastructure.Storage.Migration;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BotPlatform.Tests.Storage;

/// <summary>
/// <c>migrate --from litedb --to postgres</c>: an installation filled through the real host on LiteDB carries on
/// on PostgreSQL; the mapping covers every collection; a target with data is refused; a failure moves nothing.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed class LiteDbToPostgresTests
{
    private const string Submit = "✅ Отправить";
    private const string Approve = "✅ Согласовать";

    [Fact]
    public async Task Every_LiteDB_collection_has_a_migration_mapping_that_writes_every_column_of_its_table()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var services = MigrateCommand.PostgresServices(database);

            var plan = LiteDbToPostgres.Plan(services);

            Assert.All(LiteDbCollections.All, name => Assert.True(plan.ContainsKey(name), $"{name} has no migration mapping"));
            foreach (var (name, copy) in plan)
            {
                if (copy is LiteDbToPostgres.DocumentsCopy documents)
                {
                    var columns = await ColumnsAsync(database, documents.Target.Table);
                    Assert.True(columns.SetEquals(["id", "version", "data", .. documents.Target.Columns]),
                        $"{name}: the table has {string.Join(", ", columns.Order())}, the mapping writes id, version, data, {string.Join(", ", documents.Target.Columns)}");
                }
                else if (copy is LiteDbToPostgres.LeftInLiteDb)
                {
                    // Once a store gets its table, it leaves the NotOnPostgresYet list (and is found by the plan).
                    Assert.Empty(await ColumnsAsync(database, name));
                }
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task An_installation_filled_on_LiteDB_carries_on_on_PostgreSQL_after_migrate()
    {
        await using var host = await ProjectArrange.StartAsync();
        var p = await ApprovalPeople.JoinAsync(host);
        await host.JoinedAsync("Катя", "pm_kate");
        // A request approved by the head, waiting on the finance manager's card.
        var filed = await host.FillsPaymentAsync(p.Olga);
        await host.PressesAsync(p.Olga, filed, Submit);
        await host.Tg.WaitUntilAsync(() => host.Tg.BotMessages(p.Igor.PrivateChat).Any(m => m.Button(Approve) is not null));
        await host.PressesAsync(p.Igor, host.CardWith(p.Igor, Approve), Approve);
        await host.IdleAsync();
        var mariaCard = host.CardWith(p.Maria, Approve);
        // Documents generated for a deal (their PDFs in the file storage), and a project.
        var client = await host.ClientAsync();
        await host.DealAsync("СДЛ-2026-0001", client, p.Olga, VatMode.OnTop, 20m, DocumentArrange.Line("smm", 1, 120_000m));
        await host.SaysAsync(p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        var (firstProject, _) = await host.ProjectAsync();
        await host.IdleAsync();
        var invoicePdf = host.PdfIn(p.Olga, "СЧ-2026-0001").Document!.Content;
        var historyBefore = (await host.RequestAsync("ЗО-2026-0001")).History.Count;
        await host.StopAsync();
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            // The administrator's command, on the built host, with the settings in the environment.
            await using var migrate = BotProcess.RunBuilt(new Dictionary<string, string>
            {
                ["Storage__DataFolder"] = host.Data.Path,
                ["Storage__ConnectionString"] = database,
            }, "migrate", "--from", "litedb", "--to", "postgres");
            var exit = await migrate.ExitCodeAsync(TimeSpan.FromSeconds(120));
            Assert.True(exit == 0, migrate.Output);
            Assert.Matches(@"approvals\s+1\s+1\s+approvals", migrate.Output);
            Assert.Matches(@"projects\s+1\s+1\s+projects", migrate.Output);
            Assert.Matches(@"_files\s+(\d+)\s+\1\s+files", migrate.Output);
            Assert.Contains("Готово", migrate.Output);

            host.Start(new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = database });

            // The document's card, and its PDF from the database.
            var card = await host.SaysAsync(p.Olga, "/doc СЧ-2026-0001", m => m.Text?.StartsWith("📄") == true);
            Assert.Contains("СЧ-2026-0001", card.Text);
            var invoice = await host.DocAsync("СЧ-2026-0001");
            await using (var pdf = await host.Get<IFileStore>().OpenAsync(invoice.PdfKey!, default))
            {
                using var bytes = new MemoryStream();
                await pdf!.CopyToAsync(bytes);
                Assert.Equal(invoicePdf, bytes.ToArray());
            }
            // The card the finance manager got before the move still works.
            var answer = await host.PressesAsync(p.Maria, mariaCard, Approve);
            await host.IdleAsync();
            Assert.Equal("Согласовано: ЗО-2026-0001", answer.Text);
            var request = await host.RequestAsync("ЗО-2026-0001");
            Assert.Equal(StepKind.Tasks, request.Current!.Kind);
            Assert.Equal(historyBefore + 1, request.History.Count);
            Assert.NotEmpty(await host.Get<Core.Audit.IAuditLog>().ForSubjectAsync(request.Subject, default));
            // The numbers continue their sequences.
            var second = await host.FillsPaymentAsync(p.Olga, amount: "48 000,00");
            await host.PressesAsync(p.Olga, second, Submit);
            await host.Tg.WaitUntilAsync(() => host.Latest(second).Contains("ЗО-2026-0002", StringComparison.Ordinal));
            var (project, _) = await host.ProjectAsync(await host.Get<IClientStore>().GetAsync(firstProject.ClientId, default));
            Assert.Equal("PRJ-0002", project.Number);
            Assert.NotNull(await host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default));
            host.AssertNoInvalidCalls();
        }
        finally
        {
            await host.StopAsync();
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_target_that_holds_data_is_refused_unless_replace_is_given_and_every_record_and_file_is_equal_after()
    {
        await using var lite = await TestStorage.CreateAsync(StorageEngine.LiteDb);
        var files = lite.Services.GetRequiredService<IFileStore>();
        var key = await files.SaveAsync("scan.pdf", new MemoryStream("%PDF-1.4 скан"u8.ToArray()), default);
        var sequences = lite.Services.GetRequiredService<ISequenceStore>();
        for (var i = 0; i < 7; i++) await sequences.NextAsync("approval", default);
        var person = new Core.People.Person { Name = "Ольга Петрова", Username = "emp_olga", TelegramUserId = 42 };
        await lite.Services.GetRequiredService<Core.People.IPeopleStore>().InsertAsync(person, default);
        var path = lite.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.DatabasePath;
        await lite.Services.DisposeAsync(); // the file is closed, its folder kept until the test ends
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using (var services = MigrateCommand.PostgresServices(database))
            {
                var counts = await LiteDbToPostgres.RunAsync(path, services, replace: false, default);
                Assert.Contains(counts, c => c is { Collection: "people", Source: 1, Target: 1 });
                Assert.Contains(counts, c => c is { Collection: "_files", Source: 1, Target: 1 });

                var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => LiteDbToPostgres.RunAsync(path, services, replace: false, default));
                Assert.Contains("--replace", refused.Message);
                var again = await LiteDbToPostgres.RunAsync(path, services, replace: true, default);
                Assert.Equal(counts, again);
            }

            await using var pg = MigrateCommand.PostgresServices(database);
            var copied = await pg.GetRequiredService<Core.People.IPeopleStore>().FindByTelegramIdAsync(42, default);
            Assert.Equal(("Ольга Петрова", person.Id), (copied!.Name, copied.Id));
            await using (var scan = await pg.GetRequiredService<IFileStore>().OpenAsync(key, default))
                Assert.Equal("%PDF-1.4 скан"u8.ToArray(), ReadAll(scan!));
            Assert.Equal(8, await pg.GetRequiredService<ISequenceStore>().NextAsync("approval", default));
            var next = new Core.People.Person { Name = "Новый", Username = "new_one" };
            await pg.GetRequiredService<Core.People.IPeopleStore>().InsertAsync(next, default);
            Assert.True(next.Id > person.Id);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_document_that_cannot_be_moved_fails_the_whole_move_and_the_sequences_copied_before_it_are_gone_too()
    {
        await using var lite = await TestStorage.CreateAsync(StorageEngine.LiteDb);
        await lite.Services.GetRequiredService<ISequenceStore>().NextAsync("approval", default);
        var context = lite.Services.GetRequiredService<LiteDbContext>();
        // Copied last (collections go in name order, "sequences" before it): a time entry whose id is not a number.
        context.Collection(LiteDbCollections.TimeEntries).Insert(new BsonDocument { ["_id"] = "not-a-number", ["Minutes"] = 30 });
        var path = lite.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.DatabasePath;
        await lite.Services.DisposeAsync(); // the file is closed, its folder kept until the test ends
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var services = MigrateCommand.PostgresServices(database);

            await Assert.ThrowsAnyAsync<Exception>(() => LiteDbToPostgres.RunAsync(path, services, replace: false, default));

            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM sequences", connection);
            Assert.Equal(0L, await count.ExecuteScalarAsync());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static async Task<HashSet<string>> ColumnsAsync(string database, string table)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @t", connection);
        command.Parameters.AddWithValue("t", table);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }
}
