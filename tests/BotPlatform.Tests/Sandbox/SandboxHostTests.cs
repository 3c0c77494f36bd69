using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Sandbox;

/// <summary>The sandbox host started without a token, driven through the page's API as its script drives it.</summary>
[Collection(HostProcesses.Name)]
public sealed class SandboxHostTests : SandboxProcessTests
{
    [Fact]
    public async Task Everyone_in_the_demo_organisation_is_registered_and_the_client_group_is_there()
    {
        var staff = new[] { "a_petrova", "i_ivanov", "m_kuznetsova", "o_popova", "n_lebedeva", "p_morozov", "d_orlov", "s_volkov", "e_smirnova", "k_novikova", "v_fedorova" };

        foreach (var username in staff)
        {
            // The demo's project may put a task card in someone's chat before their /start is answered.
            var welcome = await Sandbox.WaitForMessageAsync(username, m => m["fromBot"]!.GetValue<bool>()
                && SandboxClient.Text(m).Contains("Вы в команде", StringComparison.Ordinal));
            Assert.Contains("Вы в команде «Пример Диджитал»", SandboxClient.Text(welcome));
        }

        var manager = await Sandbox.StateAsync("k_novikova");
        var chats = manager["state"]!["chats"]!.AsArray();
        var group = chats.Single(c => c!["kind"]!.GetValue<string>() == "group")!;
        var inGroup = await Sandbox.StateAsync("alina_romashka", group["id"]!.GetValue<long>());
        Assert.Equal("Ромашка × Агентство: весенняя кампания", group["title"]!.GetValue<string>());
        Assert.Equal("Ксения Новикова, Алина Соколова, Борис Гришин, BotPlatform", inGroup["state"]!["chat"]!["members"]!.GetValue<string>());
        Assert.Contains(SandboxClient.Messages(inGroup), m => SandboxClient.Text(m).StartsWith("Здравствуйте! Мы на связи", StringComparison.Ordinal));
        var personas = manager["state"]!["personas"]!.AsArray().Select(p => p!["label"]!.GetValue<string>()).ToList();
        Assert.Contains("руководитель отдела · Клиентский отдел", personas);
        Assert.Contains("клиент, ООО «Ромашка»", personas);
    }

    [Fact]
    public async Task A_persona_writes_presses_a_button_and_sends_a_file_as_on_telegram()
    {
        var chat = (await Sandbox.StateAsync("a_petrova"))["state"]!["chat"]!["id"]!.GetValue<long>();

        var sent = await Sandbox.SendAsync("a_petrova", chat, "/lang");
        var choice = await Sandbox.WaitForMessageAsync("a_petrova", m => m["keyboard"]!.AsArray().Count > 0);
        var button = choice["keyboard"]![0]![1]!;
        var pressed = await Sandbox.PressAsync("a_petrova", chat, choice["id"]!.GetValue<int>(), button["data"]!.GetValue<string>());
        var answer = await pressed.Content.ReadFromJsonAsync<JsonObject>();
        var edited = await Sandbox.WaitForMessageAsync("a_petrova", m => m["id"]!.GetValue<int>() == choice["id"]!.GetValue<int>() && m["edited"]!.GetValue<bool>());
        var uploaded = await Sandbox.UploadAsync("a_petrova", chat, "счёт.pdf", "%PDF-1.4 test"u8.ToArray(), "application/pdf");
        var document = await Sandbox.WaitForMessageAsync("a_petrova", m => m["document"] is JsonObject);
        var file = await Sandbox.Http.GetAsync(document["document"]!["url"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal([["Русский", "English"]], choice["keyboard"]!.AsArray().Select(r => r!.AsArray().Select(b => b!["text"]!.GetValue<string>()).ToArray()));
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal("Done: I will write to you in English now.", answer?["text"]?.GetValue<string>());
        Assert.Equal("Done: I will write to you in English now.", SandboxClient.Text(edited));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.True(document["mine"]!.GetValue<bool>());
        Assert.Equal("счёт.pdf", document["document"]!["name"]!.GetValue<string>());
        Assert.Equal("%PDF-1.4 test"u8.ToArray(), await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", file.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task The_demo_client_has_its_requisites_and_a_deal_of_two_services_that_generates_its_documents()
    {
        var chat = (await Sandbox.StateAsync("k_novikova"))["state"]!["chat"]!["id"]!.GetValue<long>();

        await Sandbox.SendAsync("k_novikova", chat, "/client 7709123453");
        var card = await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).StartsWith("🏢", StringComparison.Ordinal));
        await Sandbox.SendAsync("k_novikova", chat, "/deal " + DealNumber());
        // The client's card lists its deals too: the deal's own card is the one that does not start with the client.
        var deal = await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).Contains(DealNumber(), StringComparison.Ordinal)
            && m["fromBot"]!.GetValue<bool>() && !SandboxClient.Text(m).StartsWith("🏢", StringComparison.Ordinal));

        await Sandbox.SendAsync("k_novikova", chat, "/generate " + DealNumber());
        var summary = await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).StartsWith("📄", StringComparison.Ordinal));
        var pdfs = SandboxClient.Messages(await Sandbox.StateAsync("k_novikova")).Where(m => m["document"] is JsonObject)
            .Select(m => m["document"]!["name"]!.GetValue<string>()).ToList();

        Assert.Contains("ООО «Ромашка»", SandboxClient.Text(card));
        Assert.Contains("Р/с: 40702810490000012345", SandboxClient.Text(card));
        Assert.Contains("SMM-сопровождение", SandboxClient.Text(deal));
        Assert.Contains("Таргетированная реклама", SandboxClient.Text(deal));
        Assert.Contains("Счёт на оплату СЧ-", SandboxClient.Text(summary));
        Assert.Equal(4, pdfs.Count);
        Assert.All(pdfs, name => Assert.EndsWith(".pdf", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_has_a_payment_register_a_route_sheet_and_stats_to_look_at()
    {
        var chief = (await Sandbox.StateAsync("o_popova"))["state"]!["chat"]!["id"]!.GetValue<long>();
        var director = (await Sandbox.StateAsync("s_volkov"))["state"]!["chat"]!["id"]!.GetValue<long>();

        await Sandbox.SendAsync("o_popova", chief, "/register");
        var register = await Sandbox.WaitForMessageAsync("o_popova", m => SandboxClient.Text(m).StartsWith("💳", StringComparison.Ordinal));
        await Sandbox.SendAsync("o_popova", chief, "/route ЗО-ДЕМО-010");
        var sheet = await Sandbox.WaitForMessageAsync("o_popova",
            m => m["document"] is JsonObject d && d["name"]!.GetValue<string>() == "Маршрутный лист ЗО-ДЕМО-010.pdf");
        await Sandbox.SendAsync("s_volkov", director, "/stats");
        var stats = await Sandbox.WaitForMessageAsync("s_volkov", m => SandboxClient.Text(m).StartsWith("📊", StringComparison.Ordinal));

        Assert.Contains("К оплате: 3, из них просрочено: 1", SandboxClient.Text(register));
        Assert.NotNull(sheet);
        Assert.Contains("• Руководитель отдела: решений 15", SandboxClient.Text(stats));
        Assert.Contains("• Финансовый менеджер: решений 13", SandboxClient.Text(stats));
        Assert.Contains("• Нет бюджета — 1", SandboxClient.Text(stats));
    }

    [Fact]
    public async Task The_demo_project_with_last_months_time_yields_an_hourly_report()
    {
        var chat = (await Sandbox.StateAsync("k_novikova"))["state"]!["chat"]!["id"]!.GetValue<long>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

        await Sandbox.SendAsync("k_novikova", chat, $"/report new PRJ-0002 {month:MM.yyyy}");
        var card = await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).StartsWith("📊 Отчёт ОТЧ-", StringComparison.Ordinal));

        Assert.Contains("ООО «Ромашка»", SandboxClient.Text(card));
        Assert.Contains("Задач: 4", SandboxClient.Text(card));
        Assert.DoesNotContain("Нет ставки", SandboxClient.Text(card));
    }

    [Fact]
    public async Task A_visitor_walks_the_report_dialog_to_last_months_draft_and_finds_it_in_the_history()
    {
        var chat = (await Sandbox.StateAsync("k_novikova"))["state"]!["chat"]!["id"]!.GetValue<long>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

        await Sandbox.SendAsync("k_novikova", chat, "/report new");
        await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).StartsWith("📊 Новый отчёт клиенту", StringComparison.Ordinal));
        await Sandbox.SendAsync("k_novikova", chat, "Ромашка");
        await PressAsync(chat, "ООО «Ромашка»");
        await PressAsync(chat, "📁 Все проекты");
        await PressAsync(chat, $"Прошлый месяц ({month:MM.yyyy})");
        await PressAsync(chat, "🧰 Все виды работ");
        await PressAsync(chat, "✅ Только завершённые");
        var card = await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).StartsWith("📊 Отчёт ОТЧ-", StringComparison.Ordinal));
        await Sandbox.SendAsync("k_novikova", chat, "/reports");
        var history = await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).StartsWith("📚 Отчёты", StringComparison.Ordinal));

        Assert.Contains("ООО «Ромашка»", SandboxClient.Text(card));
        Assert.Contains("Задач: 4", SandboxClient.Text(card));
        Assert.DoesNotContain("Фильтр", SandboxClient.Text(card));
        // The draft just made, and the demo's report of the month before last (already sent to the client's group).
        Assert.StartsWith("📚 Отчёты: 2. Страница 1 из 1.", SandboxClient.Text(history));
    }

    /// <summary>Waits for a message of Ксения's showing the button and presses it.</summary>
    private async Task PressAsync(long chat, string text)
    {
        static JsonNode? Button(JsonNode m, string text) =>
            m["keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).FirstOrDefault(b => b!["text"]!.GetValue<string>() == text);
        var message = await Sandbox.WaitForMessageAsync("k_novikova", m => Button(m, text) is not null);
        var pressed = await Sandbox.PressAsync("k_novikova", chat, message["id"]!.GetValue<int>(), Button(message, text)!["data"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
    }

    /// <summary>The first deal of the sandbox's year (its clock starts at the real time).</summary>
    private static string DealNumber() => $"СДЛ-{TimeProvider.System.GetUtcNow().Year}-0001";

    [Fact]
    public async Task The_demo_clients_group_has_a_review_link_to_a_draft_contract_where_a_comment_reaches_the_manager()
    {
        var group = (await Sandbox.StateAsync("k_novikova"))["state"]!["chats"]!.AsArray().Single(c => c!["kind"]!.GetValue<string>() == "group")!;
        var groupId = group["id"]!.GetValue<long>();

        var invitation = await Sandbox.WaitForMessageAsync("alina_romashka", m => SandboxClient.Text(m).Contains("черновик для вашего согласования", StringComparison.Ordinal), groupId);
        var link = System.Text.RegularExpressions.Regex.Match(SandboxClient.Text(invitation), @"http://127\.0\.0\.1:\d+/review/[A-Za-z0-9_-]+").Value;
        var page = await Sandbox.Http.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        using var form = new HttpRequestMessage(HttpMethod.Post, link + "/comment")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["clause"] = "1.1.", ["name"] = "Алина Соколова", ["text"] = "Уточните предмет договора" }),
        };
        form.Headers.Add("Origin", new Uri(link).GetLeftPart(UriPartial.Authority));
        var posted = await Sandbox.Http.SendAsync(form);
        var notice = await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).StartsWith("💬", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Договор оказания услуг", html);
        Assert.Contains("Комментировать", html);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Алина Соколова: Уточните предмет договора", SandboxClient.Text(notice));
    }

    [Fact]
    public async Task A_persona_cannot_write_in_someone_elses_private_chat()
    {
        var annasChat = (await Sandbox.StateAsync("a_petrova"))["state"]!["chat"]!["id"]!.GetValue<long>();

        var refused = await Sandbox.SendAsync("i_ivanov", annasChat, "hello");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_clock_moves_business_time_forward_only()
    {
        var before = (await Sandbox.StateAsync("a_petrova"))["state"]!["clock"]!;

        var plusFour = await (await Sandbox.ClockAsync(new { hours = 4 })).Content.ReadFromJsonAsync<JsonObject>();
        var morning = await (await Sandbox.ClockAsync(new { morning = true })).Content.ReadFromJsonAsync<JsonObject>();
        var backwards = await Sandbox.ClockAsync(new { hours = -1 });

        Assert.Equal("", before["offset"]!.GetValue<string>());
        Assert.Equal("+4 ч", plusFour!["offset"]!.GetValue<string>());
        Assert.EndsWith("09:00", morning!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(morning["working"]!.GetValue<bool>());
        Assert.Equal("Europe/Moscow", morning["zone"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    [Fact]
    public async Task Reset_starts_the_host_again_on_fresh_demo_data()
    {
        var first = await Sandbox.StateAsync("a_petrova");
        var chat = first["state"]!["chat"]!["id"]!.GetValue<long>();
        await Sandbox.SendAsync("a_petrova", chat, "/whoami");
        await Sandbox.WaitForMessageAsync("a_petrova", m => SandboxClient.Text(m).Contains("Анна Петрова", StringComparison.Ordinal)
            && m["id"]!.GetValue<int>() > 3);
        await Sandbox.ClockAsync(new { hours = 4 });

        var reset = await Sandbox.Http.PostAsync("/sandbox/api/reset", null);
        var after = await NextGenerationAsync(first["state"]!["generation"]!.GetValue<string>());
        var welcome = await Sandbox.WaitForMessageAsync("a_petrova", m => m["fromBot"]!.GetValue<bool>());
        var fresh = await Sandbox.StateAsync("a_petrova");

        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        Assert.NotNull(after);
        Assert.Contains("Вы в команде", SandboxClient.Text(welcome));
        Assert.Equal(["/start", SandboxClient.Text(welcome)], SandboxClient.Messages(fresh).Select(SandboxClient.Text));
        Assert.Equal("", fresh["state"]!["clock"]!["offset"]!.GetValue<string>());
    }

    /// <summary>The state once the host is back with a new generation; while it restarts, calls fail and are retried.</summary>
    private async Task<JsonNode> NextGenerationAsync(string old)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                var state = await Sandbox.StateAsync("a_petrova");
                if (state["state"]!["generation"]!.GetValue<string>() != old) return state;
            }
            catch (HttpRequestException)
            {
                // The host is between its runs.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The sandbox did not come back after the reset:\n" + Process.Host.Output);
    }
}
