namespace BotPlatform.Bot.Sandbox;

/// <summary>The sandbox: the bot against the built-in Bot API emulator, with a demo organisation and a chat page.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>On: the sandbox even with a token; off: never (no token then stops start-up); unset: on when there is no token.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The sandbox's own LiteDB file in the data folder, emptied on every start and reset.</summary>
    public string DatabaseFile { get; set; } = "sandbox.db";

    public string OrganisationFile { get; set; } = "Sandbox/demo-organisation.yaml";

    /// <summary>Where the page is served when no address is configured otherwise (urls, ASPNETCORE_URLS, ports).</summary>
    public string Url { get; set; } = "http://localhost:5080";
}
