using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace BotPlatform.Testing;

/// <summary>
/// A <see cref="BotApiEngine"/> served by Kestrel on 127.0.0.1 and a random port. Point the real
/// client at it: new TelegramBotClient(new TelegramBotClientOptions(fake.Token, fake.BaseUrl)).
/// Drive and inspect the fake through <see cref="Engine"/>.
/// </summary>
public sealed class FakeTelegram : IAsyncDisposable
{
    public const string DefaultToken = "123456:TEST-TOKEN";

    private readonly WebApplication _app;

    private FakeTelegram(WebApplication app, BotApiEngine engine, string baseUrl)
    {
        _app = app;
        Engine = engine;
        BaseUrl = baseUrl;
    }

    public BotApiEngine Engine { get; }

    /// <summary>For example http://127.0.0.1:54321 (no trailing slash).</summary>
    public string BaseUrl { get; }

    public string Token => Engine.Token;

    public static Task<FakeTelegram> StartAsync(string token = DefaultToken, TimeProvider? time = null) =>
        StartAsync(new BotApiEngine(token, time));

    /// <summary>Serves an engine made by the caller (a sandbox names its bot); disposing the result disposes the engine.</summary>
    public static async Task<FakeTelegram> StartAsync(BotApiEngine engine)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = BotApiEndpoints.MaxRequestBodyBytes;
        });
        var app = builder.Build();
        app.MapBotApi(engine);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakeTelegram(app, engine, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        // The engine first: it releases held long polls and timeouts so that Kestrel can stop at once.
        await Engine.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
