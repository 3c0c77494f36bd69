using System.Text;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Projects.Archive;

/// <summary>Steps the archive's conversations share.</summary>
public static class ArchiveSteps
{
    /// <summary>The person asks for the project's archive and gets the HTML file (or the bot's answer when there is none).</summary>
    public static async Task<(FakeMessage Message, string? Html)> AsksForArchiveAsync(this BotHost host, FakeUser user, string number = "PRJ-0001")
    {
        var answer = await host.SaysAsync(user, $"/project {number} archive", m => m.Document is not null || m.Text?.Contains("рхив", StringComparison.Ordinal) == true);
        if (answer.Document is null && answer.Text?.StartsWith("В архиве", StringComparison.Ordinal) == true)
            answer = await host.Tg.WaitForBotMessageAsync(user.PrivateChat, m => m.Document is not null);
        return (answer, answer.Document is { } file ? Encoding.UTF8.GetString(file.Content) : null);
    }

    /// <summary>Waits until the host has taken every update from Telegram (stored before confirmed) and handled them all.</summary>
    public static async Task SettledAsync(this BotHost host)
    {
        await host.Tg.WaitUntilAsync(() => host.Tg.PendingUpdateCount == 0);
        await host.IdleAsync();
    }
}
