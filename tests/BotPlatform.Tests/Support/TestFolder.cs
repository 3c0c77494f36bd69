namespace BotPlatform.Tests.Support;

/// <summary>A temp folder removed at the end of the test.</summary>
public sealed class TestFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("botplatform-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping host; the OS temp cleaner takes it later.
        }
    }
}

public static class TestFiles
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, relative);

    /// <summary>The repository root (where BotPlatform.sln lives).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BotPlatform.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("BotPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
