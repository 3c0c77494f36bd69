using System.Text.RegularExpressions;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Printing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Printing;

/// <summary>
/// The printing agent in its own process (<c>dotnet BotPlatform.PrintingAgent.dll</c>) against the real host on
/// Kestrel, killed hard (SIGKILL) after the printer took a job and before the server had the acknowledgement: its
/// local journal makes the restarted agent acknowledge the job instead of printing it again.
/// </summary>
public sealed class PrintingAgentKillTests : IAsyncLifetime
{
    private const string Contract = "Д-2026-0001";
    private readonly AckGate _acks = new();
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["AgentApi:LeaseSeconds"] = "60", ["AgentApi:PollMilliseconds"] = "50" },
            services: s => s.AddSingleton<IStartupFilter>(_acks), kestrel: true);
        _p = await ApprovalPeople.JoinAsync(_host);
        var answer = await _host.SaysAsync(_p.Anna, "/agent new office-1", m => m.Text?.Contains("office-1") == true);
        _token = answer.Text!.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("bpa_"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private BotProcess Agent(FakeTcpPrinter printer) => BotProcess.StartPrintingAgent(new Dictionary<string, string>
    {
        ["Agent__ServerUrl"] = _host.Address,
        ["Agent__Token"] = _token,
        ["Agent__WaitSeconds"] = "1",
        ["Agent__BackoffSeconds"] = "0.5",
        ["Agent__MaxBackoffSeconds"] = "2",
        ["Agent__HeartbeatSeconds"] = "1",
        ["Agent__JournalPath"] = Path.Combine(_host.Data.Path, "agent", "print.journal"),
        ["Agent__Printers__0__Name"] = "hp-office",
        ["Agent__Printers__0__Kind"] = "document",
        ["Agent__Printers__0__Address"] = printer.Address,
        ["Agent__Printers__0__Language"] = "pdf",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
    }, _host.Data.Path);

    [Fact]
    public async Task An_agent_killed_hard_between_printing_and_its_ack_acknowledges_on_restart_and_the_job_prints_exactly_once()
    {
        await using var printer = FakeTcpPrinter.Start();
        await _host.DealAsync("СДЛ-2026-0001", await _host.ClientAsync(), _p.Olga, VatMode.None, 0, DocumentArrange.Line("design", 10, 3_500m));
        await _host.SaysAsync(_p.Olga, "/generate СДЛ-2026-0001", m => m.Text?.Contains("сформированы") == true);
        await _host.SaysAsync(_p.Olga, $"/doc {Contract} submit", m => m.Text?.StartsWith("📤") == true);
        await _host.IdleAsync();
        var id = Assert.Single(await _host.JobsAsync(await _host.DocAsync(Contract))).Id;

        await using (var first = Agent(printer))
        {
            // The printer has the bytes and the agent's ack is on the wire (held at the server's door): kill -9 now.
            await _acks.ArrivedAsync(TimeSpan.FromSeconds(60), () => first.Output);
            first.KillHard();
            await _acks.AbortedAsync(TimeSpan.FromSeconds(10));
        }
        Assert.Single(printer.Jobs);
        Assert.Equal(PrintJobState.Claimed, (await _host.Get<IPrintJobStore>().GetAsync(id, default))!.State);

        _acks.Open();
        await using var restarted = Agent(printer);
        await restarted.WaitForAsync(new Regex(@"acknowledged it now instead of printing it again"), TimeSpan.FromSeconds(60));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await _host.DocAsync(Contract)).Status != DocumentStatus.Printed)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the document did not become Printed:\n" + restarted.Output);
            await Task.Delay(25);
        }
        // The restarted agent keeps polling: give it a few claims to prove nothing comes out again.
        var reports = Regex.Count(restarted.Output, "Printed job|acknowledged it now");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Single(printer.Jobs);
        var job = (await _host.Get<IPrintJobStore>().GetAsync(id, default))!;
        Assert.Equal(PrintJobState.Printed, job.State);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(1, reports);
        Assert.DoesNotContain("Printed job", restarted.Output);
        Assert.Single((await _host.DocAsync(Contract)).History, h => h.Action == DocumentActions.Printed);
    }

    /// <summary>Holds every /ack request at the host's door (it never reaches the endpoint) until opened; tells when one arrived and when its caller went away.</summary>
    private sealed class AckGate : IStartupFilter
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _open;

        public void Open() => _open = true;

        public async Task ArrivedAsync(TimeSpan timeout, Func<string> output)
        {
            try
            {
                await _arrived.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException("No ack reached the host; the agent said:\n" + output());
            }
        }

        public Task AbortedAsync(TimeSpan timeout) => _aborted.Task.WaitAsync(timeout);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (!_open && context.Request.Path.Value?.EndsWith("/ack", StringComparison.Ordinal) == true)
                {
                    _arrived.TrySetResult();
                    try
                    {
                        await Task.Delay(Timeout.Infinite, context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        _aborted.TrySetResult();
                    }
                    return;
                }
                await following(context);
            });
            next(app);
        };
    }
}
