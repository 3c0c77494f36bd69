using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BotPlatform.Core.Printing.Agents;
using Microsoft.Extensions.Options;

namespace BotPlatform.PrintingAgent;

/// <summary>The host's /agent/v1 API as the agent calls it; every call carries the agent's token.</summary>
public sealed class AgentApiClient
{
    private readonly HttpClient _http;

    public AgentApiClient(HttpClient http, IOptions<PrintingAgentOptions> options)
    {
        _http = http;
        var o = options.Value;
        if (o.ServerUrl is { Length: > 0 } url) _http.BaseAddress = new Uri(url.TrimEnd('/') + "/");
        if (o.Token is { Length: > 0 } token) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        // A claim waits on the server; the client must wait longer than that.
        _http.Timeout = TimeSpan.FromSeconds(o.WaitSeconds + 30);
    }

    /// <summary>A job with its lease, or null when none came within the wait.</summary>
    public async Task<AgentJob?> ClaimAsync(int waitSeconds, CancellationToken ct)
    {
        using var response = await _http.PostAsync(Relative(AgentRoutes.Claim) + $"?wait={waitSeconds}", null, ct);
        Check(response);
        return response.StatusCode == HttpStatusCode.NoContent ? null : await response.Content.ReadFromJsonAsync<AgentJob>(ct);
    }

    public async Task<byte[]> FileAsync(long job, CancellationToken ct)
    {
        using var response = await _http.GetAsync(Relative(AgentRoutes.File(job)), ct);
        Check(response);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <summary>True when the server took the acknowledgement (also when it had already: a repeat after a lost answer).</summary>
    public async Task<bool> AckAsync(long job, CancellationToken ct)
    {
        using var response = await _http.PostAsync(Relative(AgentRoutes.Ack(job)), null, ct);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound) return false;
        Check(response);
        return true;
    }

    public async Task FailAsync(long job, string reason, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync(Relative(AgentRoutes.Fail(job)), new AgentFailure(reason), ct);
        // The job already went back (a repeated fail, an expired lease): nothing to do.
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound) return;
        Check(response);
    }

    public async Task<bool> RenewAsync(long job, CancellationToken ct)
    {
        using var response = await _http.PostAsync(Relative(AgentRoutes.Renew(job)), null, ct);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound) return false;
        Check(response);
        return true;
    }

    public async Task HeartbeatAsync(AgentHeartbeat heartbeat, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync(Relative(AgentRoutes.Heartbeat), heartbeat, ct);
        Check(response);
    }

    public async Task<AgentScanAnswer> ScanAsync(AgentScan scan, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync(Relative(AgentRoutes.Scan), scan, ct);
        Check(response);
        return (await response.Content.ReadFromJsonAsync<AgentScanAnswer>(ct))!;
    }

    private static string Relative(string route) => route.TrimStart('/');

    private static void Check(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized) throw new AgentUnauthorizedException();
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>The server refused the token (wrong or revoked): retrying soon will not help.</summary>
public sealed class AgentUnauthorizedException() : Exception("The server refused the agent's token (401): register the agent again with /agent new NAME");
