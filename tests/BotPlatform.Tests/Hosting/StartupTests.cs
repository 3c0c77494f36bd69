using System.Diagnostics;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Hosting;

/// <summary>The host started as a person would start it: the built program, its exit code and console.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("ru", "Не задан токен Telegram-бота, поэтому бот не запущен.")]
    [InlineData("en", "No Telegram bot token is set, so the bot did not start.")]
    public async Task Without_a_token_the_host_explains_how_to_set_it_without_a_stack_trace(string language, string expected)
    {
        using var data = new TestFolder();

        var (exit, output) = await RunBotAsync(new() { ["Bot__Language"] = language, ["Storage__DataFolder"] = data.Path });

        Assert.Equal(2, exit);
        Assert.StartsWith(expected, output.Trim());
        Assert.Contains("Telegram__Token=", output);
        Assert.DoesNotContain("Exception", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_malformed_organisation_file_stops_start_up_naming_the_line()
    {
        using var data = new TestFolder();
        var file = Path.Combine(data.Path, "organisation.yaml");
        await File.WriteAllTextAsync(file, """
            organisation:
              name: Агентство
            people:
              - username: anna
                name: Анна
                roles: [acountant]
            """);

        var (exit, output) = await RunBotAsync(new()
        {
            ["Telegram__Token"] = "123:never-used", ["Telegram__BaseUrl"] = "http://127.0.0.1:9", ["Organisation__File"] = file,
            ["Storage__DataFolder"] = data.Path, ["Bot__Language"] = "ru",
        });

        Assert.Equal(3, exit);
        Assert.Contains("Ошибка в файле организации — бот не запущен:", output);
        Assert.Contains("line 6: unknown role 'acountant'", output);
        Assert.DoesNotContain("   at ", output);
    }

    private static async Task<(int Exit, string Output)> RunBotAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", TestFiles.Path("BotPlatform.Bot.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr + await stdout);
    }
}
