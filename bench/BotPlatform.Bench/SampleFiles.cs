namespace BotPlatform.Bench;

internal static class SampleFiles
{
    /// <summary>bot/BotPlatform.Bot/organisation.yaml: copied next to the bench, else found from the repository root.</summary>
    public static string Organisation()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "organisation.yaml");
        if (File.Exists(copied)) return copied;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bot", "BotPlatform.Bot", "organisation.yaml");
            if (File.Exists(Path.Combine(dir.FullName, "BotPlatform.sln")) && File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("organisation.yaml not found next to the bench or under the repository root");
    }

    /// <summary>bot/BotPlatform.Bot/Sandbox/demo-organisation.yaml (work types and rates), found from the repository root.</summary>
    public static string DemoOrganisation()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bot", "BotPlatform.Bot", "Sandbox", "demo-organisation.yaml");
            if (File.Exists(Path.Combine(dir.FullName, "BotPlatform.sln")) && File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("demo-organisation.yaml not found under the repository root");
    }
}
