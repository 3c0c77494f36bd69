using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace BotPlatform.PrintingAgent;

/// <summary>What goes to a printer: the bytes (a PDF, or ZPL for a thermal label printer), how many copies, duplex or not.</summary>
public sealed record PrintPayload(byte[] Bytes, string Title, int Copies, bool Duplex, bool IsZpl);

/// <summary>The printer did not take the job (off, unreachable, lp refused it): the reason goes back to the server.</summary>
public sealed class PrinterException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Sends a job to a printer: a CUPS queue through lp, or a raw TCP (JetDirect, port 9100) printer. A document for a raw
/// printer goes as the PDF itself or, when the printer takes PCL or PostScript, converted with Ghostscript; copies
/// and duplex travel in a PJL header. Returns once the printer (or CUPS) has all the bytes.
/// </summary>
public sealed class PrinterDriver(IOptions<PrintingAgentOptions> options, ILogger<PrinterDriver> logger)
{
    private const string Uel = "\u001b%-12345X";

    public async Task PrintAsync(PrinterOptions printer, PrintPayload payload, CancellationToken ct)
    {
        if (printer.Queue is { Length: > 0 } queue) await CupsAsync(queue, printer, payload, ct);
        else if (printer.Address is { Length: > 0 } address) await RawAsync(address, await RawBytesAsync(printer, payload, ct), ct);
        else throw new PrinterException($"printer {printer.Name} has neither Address (host:port) nor Queue (CUPS) set");
    }

    private async Task CupsAsync(string queue, PrinterOptions printer, PrintPayload payload, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"botplatform-{Guid.NewGuid():N}{(payload.IsZpl ? ".zpl" : ".pdf")}");
        await File.WriteAllBytesAsync(file, payload.Bytes, ct);
        try
        {
            List<string> args = ["-d", queue, "-n", payload.Copies.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", payload.Title];
            if (payload.IsZpl) args.AddRange(["-o", "raw"]);
            else args.AddRange(["-o", payload.Duplex ? "sides=two-sided-long-edge" : "sides=one-sided"]);
            args.AddRange(["--", file]);
            var (code, output) = await RunAsync(options.Value.LpCommand, args, ct);
            if (code != 0) throw new PrinterException($"lp for {printer.Name} exited with {code}: {output.Trim()}");
            logger.LogInformation("Sent {Title} to CUPS queue {Queue}: {Output}", payload.Title, queue, output.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<byte[]> RawBytesAsync(PrinterOptions printer, PrintPayload payload, CancellationToken ct)
    {
        if (payload.IsZpl) return payload.Bytes;
        var (language, body) = printer.Language switch
        {
            "pcl" => ("PCLXL", await GhostscriptAsync(payload.Bytes, "pxlmono", ct)),
            "postscript" => ("POSTSCRIPT", await GhostscriptAsync(payload.Bytes, "ps2write", ct)),
            _ => ("PDF", payload.Bytes),
        };
        var header = new StringBuilder()
            .Append(Uel).Append("@PJL JOB NAME=\"").Append(Ascii(payload.Title)).Append("\"\r\n")
            .Append("@PJL SET COPIES=").Append(payload.Copies).Append("\r\n")
            .Append(payload.Duplex ? "@PJL SET DUPLEX=ON\r\n@PJL SET BINDING=LONGEDGE\r\n" : "@PJL SET DUPLEX=OFF\r\n")
            .Append("@PJL ENTER LANGUAGE=").Append(language).Append("\r\n");
        var footer = $"{Uel}@PJL EOJ\r\n{Uel}";
        return [.. Encoding.ASCII.GetBytes(header.ToString()), .. body, .. Encoding.ASCII.GetBytes(footer)];
    }

    private async Task RawAsync(string address, byte[] bytes, CancellationToken ct)
    {
        var colon = address.LastIndexOf(':');
        var host = colon > 0 ? address[..colon] : address;
        var port = colon > 0 && int.TryParse(address[(colon + 1)..], out var p) ? p : 9100;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.PrinterTimeoutSeconds));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            await using var stream = client.GetStream();
            await stream.WriteAsync(bytes, timeout.Token);
            await stream.FlushAsync(timeout.Token);
            client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException ex)
        {
            throw new PrinterException($"printer {address} unreachable: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new PrinterException($"printer {address} dropped the connection: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new PrinterException($"printer {address} did not answer in {options.Value.PrinterTimeoutSeconds} s", ex);
        }
    }

    private async Task<byte[]> GhostscriptAsync(byte[] pdf, string device, CancellationToken ct)
    {
        var input = Path.Combine(Path.GetTempPath(), $"botplatform-{Guid.NewGuid():N}.pdf");
        var output = Path.ChangeExtension(input, ".out");
        await File.WriteAllBytesAsync(input, pdf, ct);
        try
        {
            var (code, text) = await RunAsync(options.Value.GhostscriptCommand,
                ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", $"-sDEVICE={device}", $"-sOutputFile={output}", input], ct);
            if (code != 0 || !File.Exists(output)) throw new PrinterException($"Ghostscript ({device}) exited with {code}: {text.Trim()}");
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string command, IEnumerable<string> args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new PrinterException($"{command} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PrinterException($"{command} is not installed: {ex.Message}", ex);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // The agent stops: the job is not printed, its lease runs out and it returns to the queue.
                process.Kill(entireProcessTree: true);
                throw;
            }
            return (process.ExitCode, await stdout + await stderr);
        }
    }

    private static string Ascii(string text) => new(text.Select(c => c is >= ' ' and < '\u007f' and not '"' ? c : '_').ToArray());
}
