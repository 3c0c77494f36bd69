using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace BotPlatform.Infrastructure.Storage.Postgres;

/// <summary>
/// Versioned schema migrations: the embedded scripts Migrations/NNNN_name.sql, applied in order, each in
/// its own transaction together with its row in schema_version, under a session advisory lock so that
/// several replicas starting at once migrate once (the others wait, then find nothing left to do).
/// A script is never edited once on main: a change is a new script.
/// </summary>
internal static partial class PostgresMigrations
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = Load();

    public static int Apply(NpgsqlDataSource source)
    {
        using var connection = source.OpenConnection();
        Execute(connection, null, "SELECT pg_advisory_lock(" + AdvisoryLocks.Migrations + ")");
        try
        {
            Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """);
            var applied = new HashSet<int>();
            using (var command = new NpgsqlCommand("SELECT version FROM schema_version", connection))
            using (var reader = command.ExecuteReader())
                while (reader.Read()) applied.Add(reader.GetInt32(0));
            foreach (var (version, name, sql) in Scripts.Where(s => !applied.Contains(s.Version)))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, sql);
                using (var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES (@v, @n)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", version);
                    record.Parameters.AddWithValue("n", name);
                    record.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            return Scripts.Count == 0 ? 0 : Math.Max(Scripts[^1].Version, applied.DefaultIfEmpty(0).Max());
        }
        finally
        {
            Execute(connection, null, "SELECT pg_advisory_unlock(" + AdvisoryLocks.Migrations + ")");
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (ScriptName().Match(resource) is not { Success: true } match) continue;
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add((int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd()));
        }
        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 1; i < scripts.Count; i++)
            if (scripts[i].Item1 == scripts[i - 1].Item1) throw new InvalidOperationException($"Two migrations numbered {scripts[i].Item1}");
        return scripts;
    }

    [GeneratedRegex(@"^Migrations\.(\d{4})_(\w+)\.sql$")]
    private static partial Regex ScriptName();
}
