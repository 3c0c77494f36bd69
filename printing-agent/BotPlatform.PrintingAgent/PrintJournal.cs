using System.Text.Json;

namespace BotPlatform.PrintingAgent;

/// <summary>
/// The agent's local journal: one JSON line per step of a job, flushed to disk (fsync) before the agent goes on. It is
/// written before the bytes go to the printer (<c>printing</c>) and right after the printer took them (<c>printed</c>),
/// then when the server has the acknowledgement (<c>acked</c>) or the job went back (<c>failed</c>). An agent killed
/// between printing and acknowledging finds the job <c>printed</c> on restart and acknowledges it instead of printing it
/// again; a job left <c>printing</c> is reported (it may have come out partly) and left to its lease.
/// </summary>
public sealed class PrintJournal
{
    public const string Printing = "printing";
    public const string Printed = "printed";
    public const string Acked = "acked";
    public const string Failed = "failed";
    /// <summary>Dealt with on a restart (acknowledged late, its lease lost, or reported as possibly printed).</summary>
    public const string Resolved = "resolved";

    private readonly string _path;
    private readonly Lock _gate = new();

    public PrintJournal(string path)
    {
        _path = Path.GetFullPath(path);
        if (Path.GetDirectoryName(_path) is { } folder) Directory.CreateDirectory(folder);
    }

    public string FilePath => _path;

    public sealed record Entry(long Job, string State, string? Number = null, string? Printer = null, DateTimeOffset? At = null);

    /// <summary>Appends a step and flushes it to the disk before returning.</summary>
    public void Write(Entry entry)
    {
        var line = JsonSerializer.Serialize(entry) + "\n";
        lock (_gate)
        {
            using var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
            var bytes = System.Text.Encoding.UTF8.GetBytes(line);
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
    }

    /// <summary>The jobs whose last step is printing or printed: what a killed run left unfinished. A torn last line is ignored.</summary>
    public IReadOnlyList<Entry> Unfinished()
    {
        lock (_gate)
        {
            if (!File.Exists(_path)) return [];
            var last = new Dictionary<long, Entry>();
            foreach (var line in File.ReadLines(_path))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                Entry? entry;
                try
                {
                    entry = JsonSerializer.Deserialize<Entry>(line);
                }
                catch (JsonException)
                {
                    continue;
                }
                if (entry is not null) last[entry.Job] = entry;
            }
            return last.Values.Where(e => e.State is Printing or Printed).OrderBy(e => e.Job).ToList();
        }
    }

    /// <summary>Rewrites the journal with only the unfinished jobs, so it stays small (done at start, before any job).</summary>
    public void Compact()
    {
        lock (_gate)
        {
            if (!File.Exists(_path)) return;
        }
        var keep = Unfinished();
        lock (_gate)
        {
            var temporary = _path + ".tmp";
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                foreach (var entry in keep) file.Write(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry) + "\n"));
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, _path, overwrite: true);
        }
    }
}
