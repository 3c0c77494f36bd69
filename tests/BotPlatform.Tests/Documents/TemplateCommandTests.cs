using System.Text;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

/// <summary>/template through the real host: listing, previewing, uploading versions, and every refusal.</summary>
public sealed class TemplateCommandTests : IAsyncLifetime
{
    private const string NewInvoice = "# Счёт № {{ document.number }}\n\nПокупатель: **{{ client.legal_name }}**\n\nИтого: {{ totals.total }}\n";

    private BotHost _host = null!;
    private FakeUser _anna = null!;
    private FakeUser _petr = null!;
    private FakeUser _olga = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _anna = await _host.JoinedAsync("Анна", "admin_anna");
        _petr = await _host.JoinedAsync("Пётр", "lawyer_petr");
        _olga = await _host.JoinedAsync("Ольга", "emp_olga");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TemplateLibrary Library => _host.Get<TemplateLibrary>();

    private async Task<DocumentTemplate> InvoiceAsync() => (await Library.GetAsync("invoice", default))!;

    /// <summary>/template CODE: the bot's prompt and then the current text as a file.</summary>
    private async Task<(FakeMessage Prompt, FakeMessage Current)> StartsUploadAsync(FakeUser user, string code)
    {
        var prompt = await _host.SaysAsync(user, "/template " + code);
        var current = await _host.Tg.WaitForBotMessageAsync(user.PrivateChat, m => m.Document is not null);
        return (prompt, current);
    }

    private async Task<FakeMessage> SendsFileAsync(FakeUser user, string fileName, string text) =>
        await SendsFileAsync(user, fileName, Encoding.UTF8.GetBytes(text));

    private async Task<FakeMessage> SendsFileAsync(FakeUser user, string fileName, byte[] content)
    {
        _host.Tg.SendDocument(user, user.PrivateChat, fileName, content, fileName.EndsWith(".md", StringComparison.Ordinal) ? "text/markdown" : "text/plain");
        return await _host.Tg.WaitForBotMessageAsync(user.PrivateChat);
    }

    [Fact]
    public async Task Anyone_registered_sees_the_shipped_templates_with_their_versions()
    {
        var list = await _host.SaysAsync(_olga, "/template");

        Assert.StartsWith("Шаблоны документов (код — название — текущая версия):\n", list.Text, StringComparison.Ordinal);
        Assert.Contains("framework_contract — Рамочный договор оказания услуг, версия 1 от 23.11.2026", list.Text, StringComparison.Ordinal);
        Assert.Contains("invoice — Счёт на оплату, версия 1 от 23.11.2026", list.Text, StringComparison.Ordinal);
        Assert.Contains("envelope_list — Опись вложения, версия 1", list.Text, StringComparison.Ordinal);
        Assert.Contains("report_act — Акт по отчёту о часах, версия 1", list.Text, StringComparison.Ordinal);
        Assert.Equal(8, list.Text!.Split('\n').Count(l => l.Contains(", версия ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_lawyer_uploads_a_new_version_and_documents_of_version_1_keep_it()
    {
        var (prompt, current) = await StartsUploadAsync(_petr, "invoice");
        var stored = await SendsFileAsync(_petr, "invoice.md", NewInvoice);
        var list = await _host.SaysAsync(_petr, "/template");

        Assert.StartsWith("Шаблон «Счёт на оплату» (invoice), сейчас версия 1. Пришлите новую версию файлом .md или .txt", prompt.Text,
            StringComparison.Ordinal);
        Assert.Equal("invoice-v1.md", current.Document!.FileName);
        var invoice = await InvoiceAsync();
        Assert.Equal(invoice.VersionOf(1)!.Markup + "\n", Encoding.UTF8.GetString(current.Document.Content));
        Assert.Equal("Сохранено: шаблон «Счёт на оплату», версия 2. Новые документы будут использовать её; уже созданные сохраняют свою версию.",
            stored.Text);
        Assert.Contains("invoice — Счёт на оплату, версия 2 от 23.11.2026", list.Text, StringComparison.Ordinal);
        Assert.Equal([1, 2], invoice.Versions.Select(v => v.Number));
        Assert.Equal(NewInvoice.TrimEnd(), invoice.Current.Markup);
        var model = Library.SampleModel("invoice");
        Assert.Contains("Банк получателя", Library.Fill(invoice.VersionOf(1)!.Markup, model).Value!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Банк получателя", Library.Fill(invoice.VersionOf(2)!.Markup, model).Value!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_liquid_error_names_the_line_and_stores_nothing_and_a_fixed_file_then_goes_in()
    {
        await StartsUploadAsync(_anna, "invoice");

        var refused = await SendsFileAsync(_anna, "invoice.md", "# Счёт\n\n// опечатка ниже\nПокупатель: {{ client.legal_nam }}\n");
        var unclosed = await SendsFileAsync(_anna, "invoice.md", "# Счёт\n\n{% for line in lines %}\n| {{ line.no }} |\n");
        var versionAfterErrors = (await InvoiceAsync()).Current.Number;
        var stored = await SendsFileAsync(_anna, "invoice.md", NewInvoice);

        Assert.Equal("Ошибка в шаблоне, строка 4: Liquid: Undefined variable 'legal_nam'\nНичего не сохранено — исправьте файл и пришлите его снова.",
            refused.Text);
        Assert.StartsWith("Ошибка в шаблоне, строка ", unclosed.Text, StringComparison.Ordinal);
        Assert.Contains("endfor", unclosed.Text, StringComparison.Ordinal);
        Assert.Equal(1, versionAfterErrors);
        Assert.StartsWith("Сохранено: шаблон «Счёт на оплату», версия 2.", stored.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclosed_signatures_block_is_refused_with_its_line()
    {
        await StartsUploadAsync(_petr, "act");

        var refused = await SendsFileAsync(_petr, "act.txt", "# Акт № {{ document.number }}\n\nУслуги оказаны.\n\n::: signatures\nИсполнитель || Заказчик\n");

        Assert.Equal("Ошибка в шаблоне, строка 5: блок «::: signatures» не закрыт строкой «:::»\nНичего не сохранено — исправьте файл и пришлите его снова.",
            refused.Text);
        Assert.Single((await Library.GetAsync("act", default))!.Versions);
    }

    [Fact]
    public async Task Someone_without_the_role_is_refused_and_their_file_changes_nothing()
    {
        var refused = await _host.SaysAsync(_olga, "/template invoice");
        var file = await SendsFileAsync(_olga, "invoice.md", NewInvoice);

        Assert.Equal("Загружать новые версии шаблонов могут только администратор и юрист. Посмотреть шаблон: /template КОД preview.", refused.Text);
        Assert.Equal("Не понял сообщение. Список команд — /help.", file.Text);
        Assert.Single((await InvoiceAsync()).Versions);
    }

    [Fact]
    public async Task A_wrong_file_type_a_too_large_file_and_a_text_message_are_explained_and_the_bot_keeps_waiting()
    {
        await StartsUploadAsync(_anna, "invoice");

        var pdf = await SendsFileAsync(_anna, "invoice.pdf", "%PDF-1.4"u8.ToArray());
        var big = await SendsFileAsync(_anna, "invoice.md", new byte[(20 * 1024 * 1024) + 1]);
        var docx = await SendsFileAsync(_anna, "contract.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);
        var text = await _host.SaysAsync(_anna, "вот новый текст");
        var stored = await SendsFileAsync(_anna, "invoice.txt", NewInvoice);

        Assert.Equal("Нужен текстовый файл .md или .txt, а «invoice.pdf» — не он. Ничего не сохранено.", pdf.Text);
        Assert.Equal("Файл больше 20 МБ (20,00 МБ) — шаблон не может быть таким большим. Ничего не сохранено.", big.Text);
        Assert.Equal("Нужен текстовый файл .md или .txt, а «contract.txt» — не он. Ничего не сохранено.", docx.Text);
        Assert.Equal("Пришлите шаблон файлом (.md или .txt) или /cancel, чтобы выйти.", text.Text);
        Assert.StartsWith("Сохранено: шаблон «Счёт на оплату», версия 2.", stored.Text, StringComparison.Ordinal);
        Assert.Equal([1, 2], (await InvoiceAsync()).Versions.Select(v => v.Number));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task The_same_text_again_is_not_a_new_version()
    {
        var (_, current) = await StartsUploadAsync(_anna, "invoice");

        var same = await SendsFileAsync(_anna, "invoice-v1.md", current.Document!.Content);

        Assert.Equal("Этот текст совпадает с текущей версией 1 — новая версия не создана.", same.Text);
        Assert.Single((await InvoiceAsync()).Versions);
    }

    [Fact]
    public async Task Cancel_ends_the_upload_dialog()
    {
        await StartsUploadAsync(_anna, "invoice");
        await _host.SaysAsync(_anna, "/cancel");

        var file = await SendsFileAsync(_anna, "invoice.md", NewInvoice);

        Assert.Equal("Не понял сообщение. Список команд — /help.", file.Text);
        Assert.Single((await InvoiceAsync()).Versions);
    }

    [Fact]
    public async Task An_unknown_template_is_named()
    {
        var answer = await _host.SaysAsync(_anna, "/template price_list");

        Assert.Equal("Шаблона «price_list» нет. Список шаблонов — /template.", answer.Text);
    }

    [Fact]
    public async Task Preview_sends_the_current_version_filled_with_sample_data_as_a_pdf()
    {
        var preview = await _host.SaysAsync(_olga, "/template specification preview", m => m.Document is not null);

        Assert.Equal("specification-v1-sample.pdf", preview.Document!.FileName);
        Assert.Equal("Образец: «Спецификация к договору», версия 1, с примерными данными.", preview.Caption);
        var text = PdfTools.ExtractFlatText(preview.Document.Content);
        Assert.Contains("Тестовое агентство", text, StringComparison.Ordinal);
        Assert.Contains("ОБРАЗЕЦ", text, StringComparison.Ordinal);
        Assert.Contains("Спецификация № 1", text, StringComparison.Ordinal);
        Assert.Contains("к Договору оказания услуг № Д-2026-0001 от 02.11.2026", text, StringComparison.Ordinal);
        Assert.Contains("ООО «Ромашка»", text, StringComparison.Ordinal);
        Assert.Contains("Дизайн рекламных макетов", text, StringComparison.Ordinal);
        Assert.Contains("Всего к оплате: 282 000,00 руб.", text, StringComparison.Ordinal);
        Assert.Contains("Страница 1 из", text, StringComparison.Ordinal);
        Assert.Equal("SAMPLE-SPECIFICATION-1", PdfTools.DecodeBarcode(preview.Document.Content));
    }

    [Fact]
    public async Task Preview_of_an_older_version_and_of_a_missing_one()
    {
        await StartsUploadAsync(_petr, "invoice");
        await SendsFileAsync(_petr, "invoice.md", NewInvoice);

        var first = await _host.SaysAsync(_petr, "/template invoice preview 1", m => m.Document is not null);
        var missing = await _host.SaysAsync(_petr, "/template invoice preview 9");

        Assert.Equal("invoice-v1-sample.pdf", first.Document!.FileName);
        Assert.Contains("Банк получателя", PdfTools.ExtractFlatText(first.Document.Content), StringComparison.Ordinal);
        Assert.Equal("У шаблона «invoice» нет версии 9.", missing.Text);
    }

    [Fact]
    public async Task An_english_speaker_reads_the_list_and_refusals_in_english()
    {
        var john = await _host.JoinedAsync("John", "eng_john", "en");

        var list = await _host.SaysAsync(john, "/template");
        var refused = await _host.SaysAsync(john, "/template invoice");

        Assert.StartsWith("Document templates (code, title, current version):\n", list.Text, StringComparison.Ordinal);
        Assert.Contains("invoice: Счёт на оплату, version 1 of 23.11.2026", list.Text, StringComparison.Ordinal);
        Assert.Equal("Only an admin or a lawyer may upload template versions. To look at one: /template CODE preview.", refused.Text);
    }

    [Fact]
    public async Task Help_and_the_lawyers_menu_list_template_and_the_employees_do_not()
    {
        var help = await _host.SaysAsync(_petr, "/help");
        var employeeHelp = await _host.SaysAsync(_olga, "/help");
        await _host.Tg.WaitUntilAsync(() => _host.Tg.CommandsSeenBy(_petr, _petr.PrivateChat).Any(c => c.Command == "template"));
        await _host.Tg.WaitUntilAsync(() => _host.Tg.CommandsSeenBy(_olga, _olga.PrivateChat).Any(c => c.Command == "pay"));

        Assert.Contains("/template — Шаблоны документов", help.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/template", employeeHelp.Text, StringComparison.Ordinal);
        Assert.Contains(_host.Tg.CommandsSeenBy(_petr, _petr.PrivateChat), c => c.Command == "template" && c.Description.StartsWith("Шаблоны", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Tg.CommandsSeenBy(_olga, _olga.PrivateChat), c => c.Command == "template");
    }

    [Fact]
    public async Task A_restart_keeps_uploaded_versions_and_does_not_seed_over_them()
    {
        await StartsUploadAsync(_petr, "invoice");
        await SendsFileAsync(_petr, "invoice.md", NewInvoice);

        await _host.RestartAsync();
        var list = await _host.SaysAsync(_petr, "/template");

        Assert.Contains("invoice — Счёт на оплату, версия 2", list.Text, StringComparison.Ordinal);
        Assert.Equal(NewInvoice.TrimEnd(), (await InvoiceAsync()).Current.Markup);
    }
}
