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
/// A small typed client for the four Forms API calls the brief needs (Google.Apis.Forms.v1 is not in our
/// registry): forms.create, forms.batchUpdate (one createItem per question), forms.setPublishSettings (forms
/// made through the API start unpublished) and forms.responses.list. Credentials come from Google.Apis.Auth.
/// </summary>
internal sealed class GoogleBriefForms : IBriefForms, IDisposable
{
    public static readonly string[] Scopes =
        ["https://www.googleapis.com/auth/forms.body", "https://www.googleapis.com/auth/forms.responses.readonly"];

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

    public async Task<BriefForm> CreateAsync(string title, string description, IReadOnlyList<BriefQuestion> questions, CancellationToken ct)
    {
        var form = await SendAsync<FormDto>(HttpMethod.Post, "v1/forms", new FormDto { Info = new InfoDto { Title = title, DocumentTitle = title } }, ct);
        if (form.FormId is not { } formId) throw new BriefFormsException("forms.create returned no formId");
        var requests = new List<RequestDto> { new() { UpdateFormInfo = new UpdateFormInfoDto { Info = new InfoDto { Description = description }, UpdateMask = "description" } } };
        requests.AddRange(questions.Select((q, i) => new RequestDto
        {
            CreateItem = new CreateItemDto
            {
                Item = new ItemDto
                {
                    Title = q.Text,
                    QuestionItem = new QuestionItemDto { Question = new QuestionDto { Required = q.Required, TextQuestion = new TextQuestionDto { Paragraph = q.Field is not (BriefFields.Phone or BriefFields.Email or BriefFields.Website) } } },
                },
                Location = new LocationDto { Index = i },
            },
        }));
        var update = await SendAsync<BatchUpdateResponseDto>(HttpMethod.Post, $"v1/forms/{Uri.EscapeDataString(formId)}:batchUpdate",
            new BatchUpdateDto { Requests = requests }, ct);
        var ids = new Dictionary<string, string>();
        var replies = update.Replies ?? [];
        for (var i = 0; i < questions.Count; i++)
        {
            // Replies are in request order; the first request (the description) has an empty reply.
            if (replies.ElementAtOrDefault(i + 1)?.CreateItem?.QuestionId is [var questionId, ..]) ids[questions[i].Code] = questionId;
            else throw new BriefFormsException($"forms.batchUpdate returned no question id for '{questions[i].Code}'");
        }
        await SendAsync<JsonElement>(HttpMethod.Post, $"v1/forms/{Uri.EscapeDataString(formId)}:setPublishSettings", new SetPublishSettingsDto
        {
            PublishSettings = new PublishSettingsDto { PublishState = new PublishStateDto { IsPublished = true, IsAcceptingResponses = true } },
            UpdateMask = "publishState",
        }, ct);
        var url = form.ResponderUri ?? throw new BriefFormsException("forms.create returned no responderUri");
        return new BriefForm(formId, url, ids);
    }

    public async Task<IReadOnlyList<BriefFormResponse>> ResponsesAsync(string formId, CancellationToken ct)
    {
        var all = new List<BriefFormResponse>();
        string? page = null;
        do
        {
            var path = $"v1/forms/{Uri.EscapeDataString(formId)}/responses" + (page is null ? "" : "?pageToken=" + Uri.EscapeDataString(page));
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
        public TextQuestionDto? TextQuestion { get; set; }
    }

    internal sealed class TextQuestionDto
    {
        public bool? Paragraph { get; set; }
    }

    internal sealed class BatchUpdateDto
    {
        public bool? IncludeFormInResponse { get; set; }
        public List<RequestDto>? Requests { get; set; }
    }

    internal sealed class RequestDto
    {
        public UpdateFormInfoDto? UpdateFormInfo { get; set; }
        public CreateItemDto? CreateItem { get; set; }
    }

    internal sealed class UpdateFormInfoDto
    {
        public InfoDto? Info { get; set; }
        public string? UpdateMask { get; set; }
    }

    internal sealed class CreateItemDto
    {
        public ItemDto? Item { get; set; }
        public LocationDto? Location { get; set; }
    }

    internal sealed class LocationDto
    {
        public int Index { get; set; }
    }

    internal sealed class BatchUpdateResponseDto
    {
        public List<ResponseDto>? Replies { get; set; }
        public FormDto? Form { get; set; }
    }

    internal sealed class ResponseDto
    {
        public CreateItemResponseDto? CreateItem { get; set; }
    }

    internal sealed class CreateItemResponseDto
    {
        public string? ItemId { get; set; }
        public List<string>? QuestionId { get; set; }
    }

    internal sealed class SetPublishSettingsDto
    {
        public PublishSettingsDto? PublishSettings { get; set; }
        public string? UpdateMask { get; set; }
    }

    internal sealed class PublishSettingsDto
    {
        public PublishStateDto? PublishState { get; set; }
    }

    internal sealed class PublishStateDto
    {
        public bool IsPublished { get; set; }
        public bool IsAcceptingResponses { get; set; }
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
