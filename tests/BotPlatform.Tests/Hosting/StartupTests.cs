using System.Net;
using System.Text.Json.Nodes;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Hosting;

/// <summary>The host started as a person would start it: the built program or the run command, its exit code and console.</summary>
[Collection(HostProcesses.Name)]
public sealed class StartupTests
{
    [Fact]
    public async Task Without_a_token_the_run_command_starts_the_sandbox_and_serves_its_page()
    {
        using var data = new TestFolder();
        await using var host = BotProcess.StartRunCommand(new Dictionary<string, string>
        {
            ["Storage__DataFolder"] = data.Path, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["Bot__Language"] = "ru",
        });

        var address = await host.SandboxAddressAsync();
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        var page = await http.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        var welcome = await WaitForBotMessageAsync(http, "a_petrova");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>BotPlatform — песочница</title>", html);
        Assert.Contains("data-persona=\"a_petrova\"", html);
        Assert.Contains("Анна Петрова", html);
        Assert.StartsWith("Здравствуйте, Анна Петрова!", welcome);
        Assert.True(File.Exists(Path.Combine(data.Path, "sandbox.db")), "the sandbox keeps its own LiteDB file");
        Assert.Contains($"своей базой ({Path.Combine(data.Path, "sandbox.db")}, очищается при каждом запуске)", host.Output);
        Assert.False(File.Exists(Path.Combine(data.Path, "botplatform.db")), "the real database is never touched");
    }

    [Fact]
    public async Task The_sandbox_page_speaks_English_when_asked()
    {
        using var data = new TestFolder();
        await using var host = BotProcess.StartBuilt(new Dictionary<string, string>
        {
            ["Storage__DataFolder"] = data.Path, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["Bot__Language"] = "en",
        });

        var address = await host.WaitForAsync(new(@"^Sandbox: (http://\S+)", System.Text.RegularExpressions.RegexOptions.Multiline), TimeSpan.FromSeconds(90));
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var html = await http.GetStringAsync("/?lang=en");

        Assert.Contains("<title>BotPlatform — sandbox</title>", html);
        Assert.Contains("Next working morning", html);
        Assert.Contains("Open the address in a browser", host.Output);
    }

    [Fact]
    public async Task With_the_sandbox_switched_on_a_configured_token_and_server_are_never_used()
    {
        using var data = new TestFolder();
        await using var host = BotProcess.StartBuilt(new Dictionary<string, string>
        {
            ["Sandbox__Enabled"] = "true", ["Telegram__Token"] = "123:a-real-looking-token", ["Telegram__BaseUrl"] = "http://127.0.0.1:9",
            ["Storage__DataFolder"] = data.Path, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["Bot__Language"] = "ru",
        });

        using var http = new HttpClient { BaseAddress = new Uri(await host.SandboxAddressAsync()), Timeout = TimeSpan.FromSeconds(30) };
        var welcome = await WaitForBotMessageAsync(http, "a_petrova");

        Assert.StartsWith("Здравствуйте, Анна Петрова!", welcome);
        Assert.DoesNotContain("127.0.0.1:9", host.Output);
        Assert.False(File.Exists(Path.Combine(data.Path, "botplatform.db")));
    }

    [Fact]
    public async Task Started_from_an_unrelated_directory_the_built_host_reads_its_settings_and_keeps_data_in_its_own_folder()
    {
        using var elsewhere = new TestFolder();
        var database = $"anywhere-{Guid.NewGuid():N}.db";
        var dataFolder = Path.Combine(AppContext.BaseDirectory, "data");
        try
        {
            await using var host = BotProcess.StartBuilt(new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["Bot__Language"] = "ru", ["Sandbox__DatabaseFile"] = database,
            }, workingDirectory: elsewhere.Path);

            using var http = new HttpClient { BaseAddress = new Uri(await host.SandboxAddressAsync()), Timeout = TimeSpan.FromSeconds(30) };
            var welcome = await WaitForBotMessageAsync(http, "a_petrova");

            // The demo organisation and the templates came from the application's folder, the welcome went out through
            // the Bot API, and appsettings.json's log levels kept the HTTP calls off the console.
            Assert.StartsWith("Здравствуйте, Анна Петрова!", welcome);
            Assert.Contains($"данные: {dataFolder}", host.Output);
            Assert.True(File.Exists(Path.Combine(dataFolder, database)), "the data goes to the folder the host announced");
            Assert.Empty(Directory.GetFileSystemEntries(elsewhere.Path));
            Assert.DoesNotContain("System.Net.Http.HttpClient", host.Output);
            Assert.DoesNotContain("Sending HTTP request", host.Output);
        }
        finally
        {
            File.Delete(Path.Combine(dataFolder, database));
        }
    }

    [Theory]
    [InlineData("ru", "Не задан токен Telegram-бота, поэтому бот не запущен.")]
    [InlineData("en", "No Telegram bot token is set, so the bot did not start.")]
    public async Task Without_a_token_and_with_the_sandbox_off_the_host_explains_how_to_set_it_without_a_stack_trace(string language, string expected)
    {
        using var data = new TestFolder();
        await using var host = BotProcess.StartBuilt(new Dictionary<string, string>
        {
            ["Bot__Language"] = language, ["Storage__DataFolder"] = data.Path, ["Sandbox__Enabled"] = "false",
        });

        var exit = await host.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.StartsWith(expected, host.Output.Trim());
        Assert.Contains("Telegram__Token=", host.Output);
        Assert.Contains("Sandbox__Enabled=false", host.Output);
        Assert.DoesNotContain("Exception", host.Output);
        Assert.DoesNotContain("   at ", host.Output);
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
        await using var host = BotProcess.StartBuilt(new Dictionary<string, string>
        {
            ["Telegram__Token"] = "123:never-used", ["Telegram__BaseUrl"] = "http://127.0.0.1:9", ["Organisation__File"] = file,
            ["Storage__DataFolder"] = data.Path, ["Bot__Language"] = "ru",
        });

        var exit = await host.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, exit);
        Assert.Contains("Ошибка в файле организации — бот не запущен:", host.Output);
        Assert.Contains("line 6: unknown role 'acountant'", host.Output);
        Assert.DoesNotContain("   at ", host.Output);
    }

    /// <summary>The first bot message in the persona's private chat, read through the page's own state API.</summary>
    private static async Task<string> WaitForBotMessageAsync(HttpClient http, string persona)
    {
        string? tag = null;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var body = JsonNode.Parse(await http.GetStringAsync($"/sandbox/api/state?persona={persona}&since={tag}"));
            tag = body?["tag"]?.GetValue<string>();
            var fromBot = body?["state"]?["chat"]?["messages"]?.AsArray().FirstOrDefault(m => m?["fromBot"]?.GetValue<bool>() == true);
            if (fromBot?["html"]?.GetValue<string>() is { } html) return System.Net.WebUtility.HtmlDecode(html);
        }

        throw new TimeoutException($"No bot message for {persona}");
    }
}
