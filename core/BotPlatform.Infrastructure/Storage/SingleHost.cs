using BotPlatform.Core.Messaging;

namespace BotPlatform.Infrastructure.Storage;

/// <summary>LiteDB means one host: every chat claim is this host's (the dispatcher locks chats in memory).</summary>
internal sealed class SingleHostChatClaims : IChatClaims
{
    public Task<bool> TryClaimAsync(long chatKey, TimeSpan lease, CancellationToken ct) => Task.FromResult(true);

    public Task ReleaseAsync(long chatKey, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>LiteDB means one host: it is always the sender.</summary>
internal sealed class SingleHostOutboxLeadership : IOutboxLeadership
{
    public Task RunAsLeaderAsync(Func<CancellationToken, Task> lead, CancellationToken ct) => lead(ct);
}
