namespace BotPlatform.Testing;

// Faults the test injects, and the logs tests measure the bot by.
public sealed partial class BotApiEngine
{
    private readonly List<FaultRule> _faults = [];
    private readonly List<SendRecord> _sends = [];
    private readonly List<RequestRecord> _requests = [];

    /// <summary>
    /// Fails the next <paramref name="times"/> calls that match the method (case-insensitive) and/or
    /// chat id, without applying them. With no method given, getUpdates is never hit, so that a
    /// bot's polling loop does not swallow faults meant for its sends; name "getUpdates" to fault it.
    /// </summary>
    public void InjectFault(Fault fault, string? method = null, long? chatId = null, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _faults.Add(new FaultRule(fault, method, chatId, times));
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    private Fault? TakeFault(string method, long? chatId)
    {
        lock (_gate)
        {
            var rule = _faults.FirstOrDefault(f =>
                (f.Method is null ? method != "getUpdates" : string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase))
                && (f.ChatId is null || f.ChatId == chatId));
            if (rule is null)
            {
                return null;
            }

            if (--rule.Remaining == 0)
            {
                _faults.Remove(rule);
            }

            return rule.Fault;
        }
    }

    private BotApiResponse Record(string method, long? chatId, bool injected, BotApiResponse response)
    {
        lock (_gate)
        {
            _requests.Add(new RequestRecord(method, response.StatusCode, response.Description, chatId, injected, _clock.Elapsed));
            Changed();
        }

        return response;
    }

    /// <summary>Every call so far with its HTTP status and error description.</summary>
    public IReadOnlyList<RequestRecord> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Calls answered with status 400 or above (check <see cref="RequestRecord.FaultInjected"/> to tell the test's faults apart).</summary>
    public IReadOnlyList<RequestRecord> Rejected => Requests.Where(r => r.StatusCode >= 400).ToArray();

    /// <summary>Every successful sendMessage, sendDocument and sendPhoto, in order, with real-time stamps.</summary>
    public IReadOnlyList<SendRecord> Sends
    {
        get
        {
            lock (_gate)
            {
                return _sends.ToArray();
            }
        }
    }

    /// <summary>The most sends that fell within any window of this length (real time), overall or in one chat.</summary>
    public int MaxInWindow(TimeSpan window, long? chatId = null)
    {
        var times = Sends.Where(s => chatId is null || s.ChatId == chatId).Select(s => s.At).Order().ToArray();
        var best = 0;
        var first = 0;
        for (var last = 0; last < times.Length; last++)
        {
            while (times[last] - times[first] >= window)
            {
                first++;
            }

            best = Math.Max(best, last - first + 1);
        }

        return best;
    }

    /// <summary>Successful sends per chat id.</summary>
    public IReadOnlyDictionary<long, int> SendCountsByChat() =>
        Sends.GroupBy(s => s.ChatId).ToDictionary(g => g.Key, g => g.Count());
}
