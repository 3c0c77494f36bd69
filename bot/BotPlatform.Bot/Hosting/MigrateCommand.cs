using BotPlatform.Core.Localization;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Infrastructure.Storage.Migration;

namespace BotPlatform.Bot.Hosting;

/// <summary>
/// <c>dotnet BotPlatform.Bot.dll migrate --from litedb [FILE] --to postgres [CONNECTION] [--replace]</c>: moves
/// an installation's LiteDB file into PostgreSQL (<see cref="LiteDbToPostgres"/>: one transaction, all or
/// nothing) and prints the counts per collection. Without FILE the host's own file is taken
/// (<c>Storage:DataFolder</c>/<c>Storage:FileName</c>), without CONNECTION <c>Storage:ConnectionString</c>
/// (keep the password in the environment, not on a command line that <c>ps</c> shows).
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(HostPaths.ApplicationFolder)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var language = StartupTexts.Language(configuration);
        if (!TryParse(args, out var file, out var connection, out var replace))
        {
            Console.Error.WriteLine(Usage.In(language));
            return 2;
        }
        var storage = configuration.GetSection(StorageOptions.Section);
        file ??= Path.Combine(HostPaths.DataFolder(configuration, HostPaths.ApplicationFolder),
            storage[nameof(StorageOptions.FileName)] is { Length: > 0 } name ? name : new StorageOptions().FileName);
        connection ??= storage[nameof(StorageOptions.ConnectionString)];
        if (string.IsNullOrWhiteSpace(connection))
        {
            Console.Error.WriteLine(NoConnection.In(language));
            return 2;
        }

        Console.WriteLine(Moving.In(language, file));
        try
        {
            await using var services = PostgresServices(connection);
            var counts = await LiteDbToPostgres.RunAsync(file, services, replace, CancellationToken.None);
            Console.WriteLine(Header.In(language));
            foreach (var count in counts)
                Console.WriteLine($"{count.Collection,-20} {count.Source,10} {Target(count, language),10}  {Note(count, language)}");
            Console.WriteLine(Done.In(language, counts.Where(c => c.Outcome == CollectionOutcome.Copied).Sum(c => c.Target)));
            return 0;
        }
        catch (MigrationRefusedException ex)
        {
            Console.Error.WriteLine(Refused.In(language, ex.Message));
            return 1;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine(Failed.In(language, ex.Message));
            return 1;
        }
    }

    /// <summary>The PostgreSQL side of the stores, configured for this database only (no LiteDB file is opened through them).</summary>
    public static ServiceProvider PostgresServices(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] = StorageOptions.Postgres,
            [$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"] = connectionString,
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddStorage()
            .BuildServiceProvider();
    }

    private static string Target(CollectionCount count, Lang language) => count.Outcome == CollectionOutcome.Copied ? count.Target.ToString() : "—";

    private static string Note(CollectionCount count, Lang language) => count.Outcome switch
    {
        CollectionOutcome.Copied => count.Table,
        CollectionOutcome.InFiles => InFiles.In(language),
        _ => count.Source == 0 ? NotOnPostgresEmpty.In(language) : NotOnPostgres.In(language),
    };

    private static bool TryParse(string[] args, out string? file, out string? connection, out bool replace)
    {
        file = connection = null;
        replace = false;
        bool from = false, to = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from" when i + 1 < args.Length && args[i + 1].Equals(StorageOptions.LiteDb, StringComparison.OrdinalIgnoreCase):
                    from = true;
                    i++;
                    if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) file = args[++i];
                    break;
                case "--to" when i + 1 < args.Length && args[i + 1].Equals(StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase):
                    to = true;
                    i++;
                    if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) connection = args[++i];
                    break;
                case "--replace":
                    replace = true;
                    break;
                default:
                    return false;
            }
        }
        return from && to;
    }

    private static readonly Text Usage = new(
        """
        Перенос данных из LiteDB в PostgreSQL:
          dotnet BotPlatform.Bot.dll migrate --from litedb [ФАЙЛ] --to postgres [СТРОКА-ПОДКЛЮЧЕНИЯ] [--replace]
        Без ФАЙЛА берётся файл бота (Storage__DataFolder), без строки — Storage__ConnectionString.
        Остановите бота перед переносом. --replace очищает непустую базу PostgreSQL перед переносом.
        """,
        """
        Moves the data from LiteDB to PostgreSQL:
          dotnet BotPlatform.Bot.dll migrate --from litedb [FILE] --to postgres [CONNECTION-STRING] [--replace]
        Without FILE the bot's own file is taken (Storage__DataFolder), without a connection string Storage__ConnectionString.
        Stop the bot first. --replace empties a PostgreSQL database that already holds data.
        """);

    private static readonly Text NoConnection = new(
        "Не задана строка подключения к PostgreSQL: задайте переменную окружения Storage__ConnectionString.",
        "No PostgreSQL connection string: set the environment variable Storage__ConnectionString.");

    private static readonly Text Moving = new("Перенос из {0} в PostgreSQL (одной транзакцией: всё или ничего)…",
        "Moving {0} to PostgreSQL (one transaction: all or nothing)...");

    private static readonly Text Header = new(
        "коллекция                LiteDB PostgreSQL  таблица",
        "collection               LiteDB PostgreSQL  table");

    private static readonly Text Done = new("Готово: перенесено строк — {0}, количества сверены. Запускайте бота с Storage__Provider=postgres.",
        "Done: {0} rows moved, counts checked. Start the bot with Storage__Provider=postgres.");

    private static readonly Text InFiles = new("части файлов, в таблице files", "file chunks, inside the files table");

    private static readonly Text NotOnPostgres = new("остаются в файле LiteDB: хранилища в PostgreSQL ещё нет",
        "stay in the LiteDB file: no PostgreSQL store yet");

    private static readonly Text NotOnPostgresEmpty = new("пусто (хранилища в PostgreSQL ещё нет)", "empty (no PostgreSQL store yet)");

    private static readonly Text Refused = new("Перенос не выполнен, ничего не изменено: {0}", "Nothing was moved: {0}");

    private static readonly Text Failed = new("Перенос прерван, база PostgreSQL не изменена: {0}", "The move failed; the PostgreSQL database is unchanged: {0}");
}
