using BotPlatform.Core.Briefs;
using BotPlatform.Infrastructure.Briefs;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Briefs;

/// <summary>The typed Forms client against the fake Google: a service account's token, the shared form's questions, filtered paged responses.</summary>
public sealed class GoogleFormsClientTests : IAsyncLifetime
{
    private FakeGoogleForms _google = null!;
    private readonly TestFolder _secrets = new();

    public async Task InitializeAsync() => _google = await FakeGoogleForms.StartAsync();

    public async Task DisposeAsync()
    {
        await _google.DisposeAsync();
        _secrets.Dispose();
    }

    private GoogleBriefForms Client() => new(new GoogleFormsOptions { CredentialsFile = _google.WriteCredentials(_secrets.Path), BaseUrl = _google.BaseUrl });

    [Fact]
    public async Task The_shared_form_is_read_with_its_question_ids_and_every_page_of_responses_since_an_instant()
    {
        using var client = Client();
        var form = _google.AddForm("1FAIpQLshared", "Бриф", "Код проекта", "Контакт?", "Телефон?");
        _google.Submit(form, DateTimeOffset.Parse("2026-11-20T06:30:00Z"), new Dictionary<string, string> { ["Код проекта"] = "PRJ-0000" });
        _google.Submit(form, DateTimeOffset.Parse("2026-11-26T06:30:00Z"), new Dictionary<string, string> { ["Код проекта"] = "PRJ-0001", ["Контакт?"] = "Ирина" });
        _google.Submit(form, DateTimeOffset.Parse("2026-11-26T07:30:00Z"), new Dictionary<string, string> { ["Телефон?"] = "+7 900 000-00-00" });

        var layout = await client.GetAsync("1FAIpQLshared", default);
        var responses = await client.ResponsesAsync("1FAIpQLshared", DateTimeOffset.Parse("2026-11-25T00:00:00Z"), default);

        Assert.Equal(form.ResponderUri, layout.ResponderUrl);
        Assert.Equal(["Код проекта", "Контакт?", "Телефон?"], layout.Questions.Select(q => q.Title));
        Assert.All(layout.Questions, q => Assert.Matches("^[0-9a-f]{8}$", q.QuestionId));
        Assert.Equal(2, responses.Count);
        Assert.Equal("PRJ-0001", responses[0].Answers[layout.Titled("код проекта")!.QuestionId]);
        Assert.Equal("Ирина", responses[0].Answers[layout.Titled("Контакт?")!.QuestionId]);
        Assert.Equal("+7 900 000-00-00", responses[1].Answers[layout.Titled("Телефон?")!.QuestionId]);
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T07:30:00Z"), responses[1].SubmittedAt);
    }

    [Fact]
    public void The_prefilled_link_names_the_question_by_its_id_in_decimal()
    {
        var link = BriefFormLinks.Prefilled("https://docs.google.com/forms/d/e/1FAIpQLSeX/viewform", "5e2a1b3c", "PRJ 0001/ё");

        Assert.Equal("https://docs.google.com/forms/d/e/1FAIpQLSeX/viewform?usp=pp_url&entry.1579817788=PRJ%200001%2F%D1%91", link);
    }

    [Fact]
    public async Task A_form_the_service_account_cannot_see_is_a_forms_failure()
    {
        using var client = Client();

        await Assert.ThrowsAsync<BriefFormsException>(() => client.GetAsync("1FAIpQLnotShared", default));
    }

    [Fact]
    public async Task An_outage_is_reported_as_a_forms_failure()
    {
        using var client = Client();
        _google.Down = true;

        await Assert.ThrowsAsync<BriefFormsException>(() => client.ResponsesAsync("1FAIpQLshared", DateTimeOffset.UnixEpoch, default));
    }
}
