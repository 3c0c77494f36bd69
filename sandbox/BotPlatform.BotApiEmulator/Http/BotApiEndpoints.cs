using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace BotPlatform.Testing;

/// <summary>Telegram's URLs over a <see cref="BotApiEngine"/>: /bot&lt;token&gt;/&lt;method&gt; and /file/bot&lt;token&gt;/&lt;path&gt;.</summary>
public static class BotApiEndpoints
{
    /// <summary>Room for the 50 MB upload limit plus multipart overhead; the engine enforces the limit itself.</summary>
    public const long MaxRequestBodyBytes = 64L * 1024 * 1024;

    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapBotApi(this IEndpointRouteBuilder app, BotApiEngine engine)
    {
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], (HttpContext context, string token, string method) =>
            HandleAsync(context, engine, token, method));
        app.MapGet("/file/bot{token}/{**path}", (string token, string path) =>
            engine.FindDownload(token, path) is { } file
                ? Results.Bytes(file.Content, file.MimeType ?? "application/octet-stream")
                : Results.Content(BotApiResponse.Error(404, "Not Found").Body.ToJsonString(Json), "application/json", statusCode: 404));
        return app;
    }

    private static async Task HandleAsync(HttpContext context, BotApiEngine engine, string token, string method)
    {
        var aborted = context.RequestAborted;
        BotApiResponse response;
        try
        {
            response = await ReadRequestAsync(context.Request, aborted) is { } request
                ? await engine.HandleAsync(token, method, request, aborted)
                : BotApiResponse.Error(400, "Bad Request: can't parse JSON object");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            response = BotApiResponse.Error(413, "Request Entity Too Large");
        }

        if (response.DropConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.Body.ToJsonString(Json), aborted);
    }

    /// <summary>Query string, then the body: JSON, urlencoded or multipart (files by part name). Null for a malformed JSON body.</summary>
    private static async Task<BotApiRequest?> ReadRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBodyBytes;
        }

        var parameters = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = JsonValue.Create(value.ToString());
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxRequestBodyBytes }, cancellationToken);
            foreach (var (key, value) in form)
            {
                parameters[key] = JsonValue.Create(value.ToString());
            }

            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, cancellationToken);
                files[file.Name] = new UploadedFile(file.FileName, file.ContentType, content.ToArray());
            }
        }
        else if (request.ContentLength is null or > 0 && request.Method == HttpMethods.Post)
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken);
            if (body.Trim().Length > 0)
            {
                try
                {
                    if (JsonNode.Parse(body) is not JsonObject json)
                    {
                        return null;
                    }

                    foreach (var (key, value) in json)
                    {
                        parameters[key] = value?.DeepClone();
                    }
                }
                catch (JsonException)
                {
                    return null;
                }
            }
        }

        return new BotApiRequest(parameters, files);
    }
}
