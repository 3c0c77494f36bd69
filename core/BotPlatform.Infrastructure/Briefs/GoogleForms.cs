using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using BotPlatform.Core.Briefs;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace BotPlatform.Infrastructure.Briefs;

/// <summary>
/// <c>Google:Forms</c>: a service account's JSON key, as a file path (<c>CredentialsFile</c>) or the JSON itself
/// (<c>CredentialsJson</c>, e.g. from the environment variable <c>Google__Forms__CredentialsJson</c>); never
/// committed. Without either, briefs are asked in Telegram.
/// </summary>
public sealed class GoogleFormsOptions
{
    public const string Section = "Google:Forms";
    public string? CredentialsFile { get; set; }
    public string? CredentialsJson { get; set; }
    /// <summary>The Forms API's base URL (tests point it at a fake server).</summary>
    public string BaseUrl { get; set; } = "https://forms.googleapis.com/";
    /// <summary>How often an open brief's responses are read: 5 minutes keeps hundreds of briefs far inside the read quota.</summary>
    public int PollMinutes { get; set; } = 5;
    public int RequestTimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CredentialsFile) || !string.IsNullOrWhiteSpace(CredentialsJson);
}

/// <summary>
/// A small typed client for the two Forms API calls the brief needs (Google.Apis.Forms.v1 is not in our
/// registry): forms.get (the shared form's responder link and question ids) and forms.responses.list (with a
/// timestamp filter). The agency makes the form in Google Forms and shares it with the service account
/// (a service account cannot own Drive files), so read-only scopes suffice. Credentials come from Google.Apis.Auth.
/// </summary>
internal sealed class GoogleBriefForms : IBriefForms, IDisposable
{
    public static readonly string[] Scopes =
        ["https://www.googleapis.com/auth/forms.body.readonly", "https://www.googleapis.com/auth/forms.responses.readonly"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly GoogleFormsOptions _options;
    private readonly HttpClient _http;
    private readonly Lazy<ITokenAccess> _credential;

    public GoogleBriefForms(GoogleFormsOptions options)
    {
        _options = options;
        _http = new HttpClient
        {
            BaseAddress = new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/"),
            Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
        };
        _credential = new Lazy<ITokenAccess>(() =>
        {
            var json = string.IsNullOrWhiteSpace(options.CredentialsJson) ? File.ReadAllText(options.CredentialsFile!) : options.CredentialsJson;
            return CredentialFactory.FromJson<ServiceAccountCredential>(json).ToGoogleCredential().CreateScoped(Scopes);
        });
    }

    public bool IsConfigured => true;

    public TimeSpan PollInterval => TimeSpan.FromMinutes(Math.Max(1, _options.PollMinutes));

    public async Task<BriefFormLayout> GetAsync(string formId, CancellationToken ct)
    {
        var form = await SendAsync<FormDto>(HttpMethod.Get, $"v1/forms/{Uri.EscapeDataString(formId)}", null, ct);
        var url = form.ResponderUri ?? throw new BriefFormsException($"forms.get of {formId} returned no responderUri");
        var questions = (form.Items ?? [])
            .Where(i => i.QuestionItem?.Question?.QuestionId is not null)
            .Select(i => new BriefFormQuestion(i.QuestionItem!.Question!.QuestionId!, i.Title ?? ""))
            .ToList();
        return new BriefFormLayout(form.FormId ?? formId, url, questions);
    }

    public async Task<IReadOnlyList<BriefFormResponse>> ResponsesAsync(string formId, DateTimeOffset since, CancellationToken ct)
    {
        var all = new List<BriefFormResponse>();
        var filter = "timestamp >= " + since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        string? page = null;
        do
        {
            var path = $"v1/forms/{Uri.EscapeDataString(formId)}/responses?filter={Uri.EscapeDataString(filter)}"
                       + (page is null ? "" : "&pageToken=" + Uri.EscapeDataString(page));
            var list = await SendAsync<ListResponsesDto>(HttpMethod.Get, path, null, ct);
            foreach (var response in list.Responses ?? [])
            {
                var answers = (response.Answers ?? []).ToDictionary(
                    a => a.Key,
                    a => string.Join(", ", (a.Value.TextAnswers?.Answers ?? []).Select(v => v.Value).OfType<string>()));
                all.Add(new BriefFormResponse(response.ResponseId ?? "", response.LastSubmittedTime ?? response.CreateTime ?? DateTimeOffset.MinValue, answers));
            }
            page = string.IsNullOrEmpty(list.NextPageToken) ? null : list.NextPageToken;
        }
        while (page is not null);
        return all;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        try
        {
            var token = await _credential.Value.GetAccessTokenForRequestAsync(null, ct);
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            using var response = await _http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
                throw new BriefFormsException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            return await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw new BriefFormsException($"{method} {path} returned nothing");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or TokenResponseException or InvalidOperationException or IOException
                                   && !ct.IsCancellationRequested)
        {
            throw new BriefFormsException($"{method} {path} failed: {ex.Message}", ex);
        }
    }

    public void Dispose() => _http.Dispose();

    // The Forms API's JSON shapes (https://developers.google.com/workspace/forms/api/reference/rest), the parts we use.
    internal sealed class FormDto
    {
        public string? FormId { get; set; }
        public InfoDto? Info { get; set; }
        public string? RevisionId { get; set; }
        public string? ResponderUri { get; set; }
        public List<ItemDto>? Items { get; set; }
    }

    internal sealed class InfoDto
    {
        public string? Title { get; set; }
        public string? DocumentTitle { get; set; }
        public string? Description { get; set; }
    }

    internal sealed class ItemDto
    {
        public string? ItemId { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public QuestionItemDto? QuestionItem { get; set; }
    }

    internal sealed class QuestionItemDto
    {
        public QuestionDto? Question { get; set; }
    }

    internal sealed class QuestionDto
    {
        public string? QuestionId { get; set; }
        public bool? Required { get; set; }
    }

    internal sealed class ListResponsesDto
    {
        public List<FormResponseDto>? Responses { get; set; }
        public string? NextPageToken { get; set; }
    }

    internal sealed class FormResponseDto
    {
        public string? FormId { get; set; }
        public string? ResponseId { get; set; }
        public DateTimeOffset? CreateTime { get; set; }
        public DateTimeOffset? LastSubmittedTime { get; set; }
        public string? RespondentEmail { get; set; }
        public Dictionary<string, AnswerDto>? Answers { get; set; }
    }

    internal sealed class AnswerDto
    {
        public string? QuestionId { get; set; }
        public TextAnswersDto? TextAnswers { get; set; }
    }

    internal sealed class TextAnswersDto
    {
        public List<TextAnswerDto>? Answers { get; set; }
    }

    internal sealed class TextAnswerDto
    {
        public string? Value { get; set; }
    }
}

public static class BriefFormsServices
{
    /// <summary>Google Forms for briefs when <c>Google:Forms</c> names credentials; otherwise the core's Telegram mode stays.</summary>
    public static IServiceCollection AddGoogleForms(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(GoogleFormsOptions.Section).Get<GoogleFormsOptions>() ?? new GoogleFormsOptions();
        if (!options.IsConfigured) return services;
        if (!string.IsNullOrWhiteSpace(options.CredentialsFile) && string.IsNullOrWhiteSpace(options.CredentialsJson) && !File.Exists(options.CredentialsFile))
            throw new InvalidOperationException($"Google:Forms:CredentialsFile '{options.CredentialsFile}' does not exist");
        return services.AddSingleton<IBriefForms>(_ => new GoogleBriefForms(options));
    }
}
