using BotPlatform.Core.Briefs;
using BotPlatform.Infrastructure.Briefs;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Briefs;

/// <summary>The typed Forms client against the fake Google: a service account's token, the form made from the questions, paged responses.</summary>
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
    public async Task A_form_is_created_with_the_questions_published_and_every_page_of_responses_is_read()
    {
        using var client = Client();
        var questions = new[] { new BriefQuestion("contact", "Контакт?", null, "contact_person", true), new BriefQuestion("phone", "Телефон?", null, "phone", false) };

        var made = await client.CreateAsync("Бриф · PRJ-0001", "SMM", questions, default);
        var form = Assert.Single(_google.Forms);
        _google.Submit(form, DateTimeOffset.Parse("2026-11-26T06:30:00Z"), new Dictionary<string, string> { ["Контакт?"] = "Ирина" });
        _google.Submit(form, DateTimeOffset.Parse("2026-11-26T07:30:00Z"), new Dictionary<string, string> { ["Телефон?"] = "+7 900 000-00-00" });
        var responses = await client.ResponsesAsync(made.FormId, default);

        Assert.Equal(form.Id, made.FormId);
        Assert.Equal(form.ResponderUri, made.ResponderUrl);
        Assert.Equal(["Контакт?", "Телефон?"], form.Titles);
        Assert.Equal("SMM", form.Info["description"]!.GetValue<string>());
        Assert.True(form.Published && form.Accepting);
        Assert.Equal(2, responses.Count);
        Assert.Equal("Ирина", responses[0].Answers[made.QuestionIds["contact"]]);
        Assert.Equal("+7 900 000-00-00", responses[1].Answers[made.QuestionIds["phone"]]);
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T07:30:00Z"), responses[1].SubmittedAt);
    }

    [Fact]
    public async Task An_outage_is_reported_as_a_forms_failure()
    {
        using var client = Client();
        _google.Down = true;

        await Assert.ThrowsAsync<BriefFormsException>(() => client.CreateAsync("Бриф", "", [new BriefQuestion("a", "A?", null, null, true)], default));
    }
}
