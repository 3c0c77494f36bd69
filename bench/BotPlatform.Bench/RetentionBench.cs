using System.Diagnostics;
using System.Text;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Messaging;
using InboxItem = BotPlatform.Core.Messaging.InboxItem;
using BotPlatform.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotPlatform.Bench;

/// <summary>
/// 6. The LiteDB file after a simulated year of a 50-person agency's chat traffic: kept forever, against the
/// nightly retention (Core's <see cref="Retention"/> with the default 30 days). Stores only, no host; the
/// clock moves a day at a time.
/// </summary>
internal static class RetentionBench
{
    private const int People = 50;
    private const int Days = 365;
    /// <summary>Per person and working day: commands, answers, presses in private chats and messages in client groups.</summary>
    private const int UpdatesPerPersonDay = 12;
    /// <summary>Per person and working day: replies, cards, reminders, notices in groups.</summary>
    private const int MessagesPerPersonDay = 10;
    /// <summary>Payment and document approvals filed per working day; each keeps two cards open for three days.</summary>
    private const int ApprovalsPerDay = 10;
    private const double WeekendShare = 0.1;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 6, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(Report report, CancellationToken ct)
    {
        report.Section("6. retention: the LiteDB file after a simulated year",
            Report.Invariant($"{People} people, {Days} days; per person and working day {UpdatesPerPersonDay} updates (~0.7 KB) and {MessagesPerPersonDay} bot messages (~0.4 KB, a third with buttons), ") +
            Report.Invariant($"weekends {WeekendShare:P0} of that; {ApprovalsPerDay} approvals a working day, each with two cards open for three days. Retention: 30 days, nightly."));
        long keptForever, withRetention;
        {
            await using var year = Year.Create();
            var time = Stopwatch.StartNew();
            await year.SimulateAsync(nightlyRetention: false, report, ct);
            keptForever = year.FileSize();
            report.Figure("kept forever", Mb(keptForever), Report.Invariant($"{year.Updates:#,0} updates and {year.Messages:#,0} messages stored ({Report.Seconds(time.Elapsed)} to simulate)"));
            var once = await year.Retention.RunAsync(ct);
            year.Checkpoint();
            report.Figure("after one clean-up", Mb(year.FileSize()),
                Report.Invariant($"the same file after one retention run ({once.InboxRemoved:#,0} updates, {once.OutboxRemoved:#,0} messages removed): LiteDB reuses freed pages, it does not shrink the file"));
            // No compaction figure: LiteDB's Rebuild() fails on healthy files since 5.0.19 once an indexed collection
            // holds more than 2,550 documents ("Detected loop in FindAll", litedb-org/LiteDB#2827).
        }
        {
            await using var year = Year.Create();
            await year.SimulateAsync(nightlyRetention: true, report, ct);
            withRetention = year.FileSize();
            report.Figure("nightly retention", Mb(withRetention),
                Report.Invariant($"{year.InboxLeft:#,0} updates and {year.OutboxLeft:#,0} messages left ({year.KeptForCards} older than 30 days kept for open approval cards on the last night); the file stops growing after the first 30 days"));
            report.Figure("size by month", string.Join(" ", year.Monthly.Select(Mb1)), "MB at the end of each month with retention");
        }
        report.Figure("ratio", Report.Invariant($"{(double)keptForever / withRetention:0.0}x"), "kept forever / nightly retention after a year");
    }

    private static string Mb(long bytes) => Report.Invariant($"{bytes / 1024d / 1024d:0.0} MB");

    private static string Mb1(long bytes) => Report.Invariant($"{bytes / 1024d / 1024d:0}");

    private sealed class MovableTime(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Year(ServiceProvider services, string folder, MovableTime time) : IAsyncDisposable
    {
        private readonly LiteDbContext _db = services.GetRequiredService<LiteDbContext>();
        private readonly IInboxStore _inbox = services.GetRequiredService<IInboxStore>();
        private readonly IApprovalStore _approvals = services.GetRequiredService<IApprovalStore>();
        private readonly Random _random = new(42);
        private long _updateId;
        private long _messageNo;
        private readonly Queue<(DateTimeOffset Opened, long Id)> _open = new();

        public Retention Retention { get; } = services.GetRequiredService<Retention>();
        public long Updates { get; private set; }
        public long Messages { get; private set; }
        public long InboxLeft => _db.Collection<InboxItem>("inbox").Count();
        public long OutboxLeft => _db.Collection<OutboxMessage>("outbox").Count();
        public int KeptForCards { get; private set; }
        public List<long> Monthly { get; } = [];

        public static Year Create()
        {
            var folder = Directory.CreateTempSubdirectory("botplatform-bench-").FullName;
            var time = new MovableTime(Start);
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = folder })
                .Build();
            var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddLogging()
                .AddSingleton<TimeProvider>(time)
                .AddSingleton<Retention>()
                .AddSingleton<IOptions<RetentionOptions>>(Options.Create(new RetentionOptions()))
                .AddLiteDbStorage()
                .BuildServiceProvider();
            return new Year(services, folder, time);
        }

        public async Task SimulateAsync(bool nightlyRetention, Report report, CancellationToken ct)
        {
            report.Progress(nightlyRetention ? "simulating the year with nightly retention" : "simulating the year, keeping everything");
            for (var day = 0; day < Days; day++)
            {
                ct.ThrowIfCancellationRequested();
                var date = Start.AddDays(day);
                var working = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
                var share = working ? 1.0 : WeekendShare;
                time.Now = date.AddHours(4); // the day's traffic, stamped mid-day
                await StoreDayAsync((int)(People * UpdatesPerPersonDay * share), (int)(People * MessagesPerPersonDay * share), working ? ApprovalsPerDay : 0, ct);
                time.Now = date.AddDays(1).AddHours(-3); // 03:30 Moscow, the next night
                if (nightlyRetention) KeptForCards = (await Retention.RunAsync(ct)).OutboxKeptForCards;
                if (date.AddDays(1).Day == 1)
                {
                    Checkpoint();
                    Monthly.Add(FileSize());
                    if (Monthly.Count % 3 == 0) report.Progress(Report.Invariant($"{Monthly.Count} months: {Mb(FileSize())}"));
                }
            }
            Checkpoint();
        }

        private async Task StoreDayAsync(int updates, int messages, int approvals, CancellationToken ct)
        {
            var now = time.Now;
            var items = new List<InboxItem>(updates);
            for (var i = 0; i < updates; i++)
            {
                var id = ++_updateId;
                items.Add(new InboxItem
                {
                    Id = id, ChatKey = 1000 + id % People, Payload = UpdateJson(id), Status = InboxStatus.Done, Attempts = 1,
                    ReceivedAt = now, NextAttemptAt = now, HandledAt = now,
                });
            }
            foreach (var batch in items.Chunk(500)) await _inbox.AddNewAsync(batch, ct);
            Updates += updates;

            var outbox = _db.Collection<OutboxMessage>("outbox");
            var sent = new List<OutboxMessage>(messages);
            for (var i = 0; i < messages; i++)
            {
                var no = ++_messageNo;
                sent.Add(new OutboxMessage
                {
                    Id = $"u{_updateId - i % Math.Max(1, updates)}:{no}", Seq = no, ChatId = 1000 + no % People, Kind = OutboxKind.Send,
                    Text = MessageText(no), Buttons = no % 3 == 0 ? [[new InlineButton("✅ Согласовать", $"ap:{no}:ok"), new InlineButton("❌ Отклонить", $"ap:{no}:no")]] : null,
                    Status = OutboxStatus.Sent, Attempts = 1, CreatedAt = now, NotBefore = now, SentMessageId = (int)(no % int.MaxValue),
                });
            }
            foreach (var batch in sent.Chunk(500)) _db.Exclusive(() => outbox.InsertBulk(batch));
            Messages += messages;

            // Approvals: two cards each (among today's messages), decided three days later.
            for (var a = 0; a < approvals && sent.Count >= 2; a++)
            {
                var request = new ApprovalRequest
                {
                    Number = $"ЗП-{_messageNo}-{a}",
                    Current = new StepState { Cards = [Card(sent, 2 * a), Card(sent, 2 * a + 1)] },
                };
                await _approvals.InsertAsync(request, ct);
                _open.Enqueue((now, request.Id));
            }
            while (_open.TryPeek(out var open) && now - open.Opened >= TimeSpan.FromDays(3))
            {
                _open.Dequeue();
                var request = (await _approvals.GetAsync(open.Id, ct))!;
                request.Current = null;
                await _approvals.TryUpdateAsync(request, ct);
            }
        }

        private static CardRef Card(List<OutboxMessage> sent, int index) => new() { ChatId = sent[index % sent.Count].ChatId, OutboxId = sent[index % sent.Count].Id };

        private string UpdateJson(long id)
        {
            var text = Filler(160);
            var person = 1000 + id % People;
            return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + person
                + ",\"is_bot\":false,\"first_name\":\"Сотрудник\",\"last_name\":\"Агентства\",\"username\":\"person" + person + "\",\"language_code\":\"ru\"},"
                + "\"chat\":{\"id\":" + person + ",\"first_name\":\"Сотрудник\",\"last_name\":\"Агентства\",\"username\":\"person" + person + "\",\"type\":\"private\"},"
                + "\"date\":1767225600,\"text\":\"" + text + "\"}}";
        }

        private string MessageText(long no) => "📄 Заявка ЗП-2026-" + no.ToString("0000") + "\n" + Filler(170);

        private string Filler(int length)
        {
            const string words = "согласовать счёт оплата договор клиент проект макет бриф сроки бюджет правки отчёт ";
            var builder = new StringBuilder(length);
            while (builder.Length < length) builder.Append(words, _random.Next(0, 60), 12);
            return builder.ToString(0, length);
        }

        public void Checkpoint() => _db.Database.Checkpoint();

        public long FileSize() => Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
