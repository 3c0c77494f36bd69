using System.Diagnostics;
using BotPlatform.Core.Documents;
using BotPlatform.Infrastructure.Documents.Pdf;
using BotPlatform.Tests.Documents;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace BotPlatform.Bench;

/// <summary>
/// 5. PDF rendering: a contract of about five pages and a 200-line invoice, each rendered N times one after
/// another on one thread (time and managed allocations per render), then N times on all cores at once.
/// No host, no store: the renderer as the documents feature calls it.
/// </summary>
internal static class RenderBench
{
    private const int WarmUp = 50;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(3);

    public static Task RunAsync(int renders, Report report, CancellationToken ct)
    {
        report.Section("5. render: PDF documents (PDFsharp, DejaVu fonts)",
            Report.Invariant($"{WarmUp} warm-up renders and at least {WarmUpTime.TotalSeconds:0} s of them, then {renders} measured one after another on one thread and {renders} on {Environment.ProcessorCount} threads at once."));
        using var process = Process.GetCurrentProcess();
        report.Figure("working set at start", Megabytes(process.WorkingSet64), "the bench process before its first render");
        var renderer = new PdfDocumentRenderer(TimeProvider.System);
        Measure(renderer, "contract", Request("Договор возмездного оказания услуг", "Д-2026-0042", SampleBodies.Contract(sections: 12)), renders, report, ct);
        process.Refresh();
        report.Figure("peak working set", Megabytes(process.PeakWorkingSet64), "the bench process at its peak after the contract's renders");
        Measure(renderer, "invoice 200", Request("Счёт на оплату", "С-2026-0117", SampleBodies.Invoice(lines: 200)), renders, report, ct);
        process.Refresh();
        report.Figure("peak working set", Megabytes(process.PeakWorkingSet64), "the bench process at its peak after the invoice's renders too");
        report.Figure("heap after full GC", Megabytes(GC.GetTotalMemory(forceFullCollection: true)), "managed memory still held after all renders (PDFsharp's font caches; no render keeps anything)");
        return Task.CompletedTask;
    }

    private static string Megabytes(long bytes) => Report.Count(bytes / 1024.0 / 1024.0, "MB");

    private static RenderRequest Request(string title, string number, DocumentBody body) =>
        new(SampleBodies.Organisation, title, number, "BP-2026-000042", body);

    private static void Measure(PdfDocumentRenderer renderer, string name, RenderRequest request, int renders, Report report, CancellationToken ct)
    {
        // Long enough for the JIT's tiers (with dynamic PGO) to settle, not only a number of calls.
        var pdf = Array.Empty<byte>();
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < WarmUp || warming.Elapsed < WarmUpTime; i++)
        {
            pdf = renderer.Render(request);
        }

        var times = new List<TimeSpan>(renders);
        var allocated = 0L;
        var clock = new Stopwatch();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < renders; i++)
        {
            ct.ThrowIfCancellationRequested();
            var before = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            renderer.Render(request);
            clock.Stop();
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(clock.Elapsed);
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore) / renders;

        var sorted = times.Order().ToList();
        var mean = TimeSpan.FromTicks((long)times.Average(t => t.Ticks));
        report.Figure($"{name}: document", Report.Invariant($"{Pages(pdf)} pages"), Report.Invariant($"{pdf.Length / 1024.0:0} KB of PDF with the font subsets embedded"));
        report.Figure($"{name}: mean", Report.Millis(mean), "one render on one thread, from the document body to the PDF's bytes");
        report.Figure($"{name}: p50 / p95", Report.Invariant($"{Stats.Percentile(sorted, 0.5).TotalMilliseconds:0.0} / {Stats.Percentile(sorted, 0.95).TotalMilliseconds:0.0} ms"), "");
        report.Figure($"{name}: CPU", Report.Millis(cpu), "processor time of the whole process per render (with the GC's threads): the figure least moved by other load on the machine");
        report.Figure($"{name}: allocated", Report.Count(allocated / renders / 1024.0, "KB"), "managed allocations per render (GC.GetAllocatedBytesForCurrentThread)");

        var wall = Stopwatch.StartNew();
        Parallel.For(0, renders, new ParallelOptions { CancellationToken = ct }, _ => renderer.Render(request));
        wall.Stop();
        report.Figure($"{name}: parallel", Report.Invariant($"{renders / wall.Elapsed.TotalSeconds:0.0}/s"),
            Report.Invariant($"renders per second with {Environment.ProcessorCount} threads ({renders} renders in {wall.Elapsed.TotalSeconds:0.00} s)"));
    }

    private static int Pages(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        return document.PageCount;
    }
}
