using BotPlatform.Core.Briefs;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Briefs;

/// <summary>
/// With a service account configured the brief is the template's one Google Form (made by the agency): the group
/// gets its link with the project's code prefilled, and the timer sweep routes each response by that code.
/// </summary>
public sealed class GoogleFormsBriefTests : IAsyncLifetime
{
    private FakeGoogleForms _google = null!;
    private FakeForm _form = null!;
    private BriefScene _scene = null!;
    private readonly TestFolder _secrets = new();

    public async Task InitializeAsync()
    {
        _google = await FakeGoogleForms.StartAsync();
        _form = _google.AddForm("1FAIpQLbriefSmmFake", "Бриф на SMM", "Код проекта", "Как зовут контактное лицо по проекту?",
            "По какому телефону с ним связаться?", "Адрес вашего сайта?", "Каких целей хотите достичь за месяц?", "Что ещё нам важно знать?");
        _scene = await BriefScene.StartAsync(new Dictionary<string, string?>
        {
            ["Google:Forms:CredentialsFile"] = _google.WriteCredentials(_secrets.Path),
            ["Google:Forms:BaseUrl"] = _google.BaseUrl,
            ["Google:Forms:PollMinutes"] = "5",
        });
    }

    public async Task DisposeAsync()
    {
        await _scene.DisposeAsync();
        await _google.DisposeAsync();
        _secrets.Dispose();
    }

    private static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    /// <summary>The PM presses the button; the link the group gets.</summary>
    private async Task<string> SendAsync()
    {
        var card = await _scene.CardAsync(_scene.Pm);
        var answer = await _scene.Host.PressesAsync(_scene.Pm, card, "📋 Отправить бриф");
        Assert.Equal("Бриф отправлен", answer.Text);
        var greeting = await _scene.Host.CardAsync(_scene.Group, "Здравствуйте! Меня зовут");
        return greeting.Button("📋 Заполнить бриф")?.Url ?? throw new InvalidOperationException("The greeting has no form button");
    }

    private string CodeEntry() =>
        "entry." + Convert.ToInt64(_form.Items.Single(i => i["title"]!.GetValue<string>() == "Код проекта")["questionItem"]!["question"]!["questionId"]!.GetValue<string>(), 16)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_shared_form_goes_with_the_project_code_prefilled_and_its_response_fills_the_client_record()
    {
        var host = _scene.Host;

        var link = await SendAsync();
        var greeting = await host.CardAsync(_scene.Group, "Здравствуйте! Меня зовут Екатерина Проектова");
        var toPm = await host.CardAsync(_scene.Pm.PrivateChat, "📋 Бриф по проекту PRJ-0001 отправлен");
        await host.AdvanceToAsync(new DateTimeOffset(2026, 11, 25, 10, 5, 0, Moscow));
        var readsWhileEmpty = _google.ResponseReads;
        _google.SubmitThrough(link, new DateTimeOffset(2026, 11, 26, 9, 30, 0, Moscow), new Dictionary<string, string>
        {
            ["Как зовут контактное лицо по проекту?"] = "Ирина Петрова",
            ["По какому телефону с ним связаться?"] = "+7 900 123-45-67",
            ["Адрес вашего сайта?"] = "https://romashka.ru",
            ["Каких целей хотите достичь за месяц?"] = "Больше заявок из соцсетей",
        });
        _google.SubmitThrough(link, new DateTimeOffset(2026, 11, 26, 9, 40, 0, Moscow), new Dictionary<string, string> { ["Что ещё нам важно знать?"] = "Повторная отправка" });
        await host.AdvanceToAsync(new DateTimeOffset(2026, 11, 26, 9, 45, 0, Moscow));
        var thanks = await host.CardAsync(_scene.Group, "Мы получили заполненный бриф");
        var done = await host.CardAsync(_scene.Pm.PrivateChat, "📋 Клиент ООО «Ромашка» — проект PRJ-0001 заполнил бриф.");
        await host.AdvanceToAsync(new DateTimeOffset(2026, 12, 1, 12, 0, 0, Moscow));

        Assert.Equal(_form.ResponderUri + "?usp=pp_url&" + CodeEntry() + "=PRJ-0001", link);
        Assert.Contains(link, greeting.Text);
        Assert.Contains("(Google Форма)", toPm.Text);
        Assert.Equal(1, readsWhileEmpty);
        Assert.Equal("Мы получили заполненный бриф. Теперь у нас есть вся необходимая информация и мы сможем приступить к работе.", thanks.Text);
        Assert.Contains("• Каких целей хотите достичь за месяц?: Больше заявок из соцсетей", done.Text);
        Assert.DoesNotContain("Код проекта", done.Text);
        var client = await _scene.ClientRecordAsync();
        Assert.Equal("+7 900 123-45-67", client.Phone);
        Assert.Equal("https://romashka.ru", client.Profile[BriefFields.Website]);
        Assert.Equal("Ирина Петрова", client.Profile[BriefFields.ContactPerson]);
        var brief = (await _scene.BriefAsync())!;
        Assert.Equal((BriefMode.GoogleForms, BriefStatus.Completed, 4), (brief.Mode, brief.Status, brief.Answers.Count));
        Assert.Equal(_form.Id, brief.FormId);
        Assert.Equal("PRJ-0001", brief.ProjectCode);
        Assert.DoesNotContain(host.Tg.BotMessages(_scene.Group), m => m.Text?.StartsWith("К сожалению", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(host.Tg.BotMessages(_scene.Group), m => m.Text?.StartsWith("Вопрос", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Responses_of_the_shared_form_without_this_projects_code_are_ignored_and_the_follow_up_still_comes()
    {
        var host = _scene.Host;
        var link = await SendAsync();

        // Someone opened the form without the prefilled link, someone typed a code no project has, and the
        // link's code was overwritten with another project's: none of them is this project's brief.
        _google.Submit(_form, new DateTimeOffset(2026, 11, 25, 11, 0, 0, Moscow), new Dictionary<string, string> { ["Как зовут контактное лицо по проекту?"] = "Без кода" });
        _google.Submit(_form, new DateTimeOffset(2026, 11, 25, 11, 5, 0, Moscow), new Dictionary<string, string> { ["Код проекта"] = "PRJ-9999", ["Как зовут контактное лицо по проекту?"] = "Чужой" });
        _google.SubmitThrough(link.Replace("=PRJ-0001", "=PRJ-0002", StringComparison.Ordinal), new DateTimeOffset(2026, 11, 25, 11, 10, 0, Moscow),
            new Dictionary<string, string> { ["Как зовут контактное лицо по проекту?"] = "Другой проект" });
        await host.AdvanceToAsync(new DateTimeOffset(2026, 11, 26, 12, 0, 0, Moscow));
        var stillOpen = (await _scene.BriefAsync())!;
        await host.AdvanceToAsync(new DateTimeOffset(2026, 12, 1, 12, 0, 0, Moscow));
        var reminder = await host.CardAsync(_scene.Group, "К сожалению, вы не заполнили бриф");

        Assert.Equal((BriefStatus.Sent, 0), (stillOpen.Status, stillOpen.Answers.Count));
        Assert.True(_google.ResponseReads >= 2);
        Assert.DoesNotContain(host.Tg.BotMessages(_scene.Group), m => m.Text?.StartsWith("Мы получили заполненный бриф", StringComparison.Ordinal) == true);
        Assert.Equal("К сожалению, вы не заполнили бриф. Какие есть сложности? Как мы можем помочь?", reminder.Text);
        var client = await _scene.ClientRecordAsync();
        Assert.False(client.Profile.ContainsKey(BriefFields.ContactPerson));
    }

    [Fact]
    public async Task A_google_outage_holds_the_follow_up_and_loses_no_answer()
    {
        var host = _scene.Host;
        var link = await SendAsync();

        _google.Down = true;
        _google.SubmitThrough(link, new DateTimeOffset(2026, 11, 30, 9, 0, 0, Moscow), new Dictionary<string, string>
        {
            ["Как зовут контактное лицо по проекту?"] = "Ирина Петрова",
            ["По какому телефону с ним связаться?"] = "позвоните в офис",
        });
        await host.AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 10, 30, 0, Moscow));
        await host.AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 12, 0, 0, Moscow));
        var refusedWhileDown = _google.Refused;
        var remindedWhileDown = host.Tg.BotMessages(_scene.Group).Count(m => m.Text?.StartsWith("К сожалению", StringComparison.Ordinal) == true);
        var pending = (await _scene.BriefAsync())!;
        _google.Down = false;
        await host.AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 16, 0, 0, Moscow));
        var done = await host.CardAsync(_scene.Pm.PrivateChat, "📋 Клиент ООО «Ромашка» — проект PRJ-0001 заполнил бриф.");

        Assert.True(refusedWhileDown >= 2);
        Assert.Equal(0, remindedWhileDown);
        Assert.Equal(BriefStatus.Sent, pending.Status);
        Assert.True(pending.PollFailures >= 2);
        Assert.Contains("⚠️ Не записано в карточку (не подходит): телефон «позвоните в офис».", done.Text);
        Assert.DoesNotContain(host.Tg.BotMessages(_scene.Group), m => m.Text?.StartsWith("К сожалению", StringComparison.Ordinal) == true);
        var client = await _scene.ClientRecordAsync();
        Assert.Equal("Ирина Петрова", client.Profile[BriefFields.ContactPerson]);
        Assert.NotEqual("позвоните в офис", client.Phone);
    }

    [Fact]
    public async Task When_google_cannot_be_read_the_press_is_refused_and_nothing_is_sent()
    {
        var host = _scene.Host;
        _google.Down = true;

        var card = await _scene.CardAsync(_scene.Pm);
        var answer = await host.PressesAsync(_scene.Pm, card, "📋 Отправить бриф");
        await host.IdleAsync();

        Assert.Equal("Не получилось открыть Google Форму брифа — бриф не отправлен. Попробуйте ещё раз через несколько минут.", answer.Text);
        Assert.Null(await _scene.BriefAsync());
        Assert.DoesNotContain(host.Tg.BotMessages(_scene.Group), m => m.Text?.StartsWith("Здравствуйте! Меня зовут", StringComparison.Ordinal) == true);
    }
}
