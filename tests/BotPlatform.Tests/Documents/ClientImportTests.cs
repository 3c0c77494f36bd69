using System.Text;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Messaging;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

public sealed class ClientImportTests : IAsyncLifetime
{
    private const string CsvMime = "text/csv";
    private const string Header =
        "country;legal_name;inn;kpp;ogrn;unp;legal_address;postcode;postal_address;bank_name;bik;account;correspondent_account;signatory;"
        + "signatory_position;basis;email;phone";

    private BotHost _host = null!;
    private FakeUser _anna = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _anna = await _host.JoinedAsync("Анна", "admin_anna");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_sample_csv_is_imported()
    {
        var ask = await _host.SaysAsync(_anna, "/client import");

        var done = await _host.SendsDocumentAsync(_anna, "clients.csv", Sample("clients.csv"), CsvMime);

        Assert.StartsWith("Пришлите файл со списком клиентов документом: .csv", ask.Text, StringComparison.Ordinal);
        Assert.Equal(
            "✅ Загружено клиентов: 3.\n• ООО «Ромашка» · 7730123456\n• АО «Василёк» · 7810123469\n• ИП Сидоров Иван Петрович · 500100732259",
            done.Text);
        var soleTrader = await _host.ClientAsync("500100732259");
        Assert.Equal((null, "304500100000017", "г. Новосибирск, ул. Советская, д. 5, кв. 12"),
            (soleTrader?.Kpp, soleTrader?.Ogrn, soleTrader?.PostalAddress));
        Assert.Equal("г. Москва, ул. Ленина, д. 1", (await _host.ClientAsync("7730123456"))?.LegalAddress);
        Assert.Null(await _host.Get<IConversationStore>().GetAsync(_anna.Id, _anna.Id, default));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task The_sample_yaml_is_imported_with_a_belarusian_client()
    {
        await _host.SaysAsync(_anna, "/client import");

        var done = await _host.SendsDocumentAsync(_anna, "clients.yaml", Sample("clients.yaml"), "application/yaml");

        Assert.Equal("✅ Загружено клиентов: 2.\n• ООО «Студия Север» · 5406123475\n• ООО «Бульба Медиа» · 191234563", done.Text);
        var bulba = await _host.ClientAsync("191234563");
        Assert.Equal(("BY", "PJCBBY2X", "BY54PJCB30120000000000000933", null), (bulba?.Country, bulba?.Bank.Bik, bulba?.Bank.Account, bulba?.Inn));
    }

    [Fact]
    public async Task Incomplete_and_invalid_rows_are_listed_by_line_and_nothing_is_stored()
    {
        var csv = Header + "\n"
            + Row("ООО «Ромашка»", "7730123456") + "\n"
            + "RU;\"ООО «Пустое»\";7810123469;;;;\"г. Москва\";123112;;;;;;;;;;\n"
            + Row("ООО «Опечатка»", "7707083894") + "\n";
        await _host.SaysAsync(_anna, "/client import");

        var report = await _host.SendsDocumentAsync(_anna, "clients.csv", Encoding.UTF8.GetBytes(csv), CsvMime);

        Assert.Equal(
            "❌ Ничего не сохранено: в файле есть ошибки. Исправьте строки и пришлите файл снова (или /cancel).\n"
            + "Строка 3: Реквизиты неполные, не хватает: КПП, почтовый адрес, банк, БИК, расчётный счёт, корр. счёт, подписант, "
            + "должность подписанта, основание полномочий.\n"
            + "Строка 4: ИНН 7707083894 не проходит проверку контрольного числа — в нём опечатка. Сверьте с выпиской ЕГРЮЛ.",
            report.Text);
        Assert.Empty(await _host.Get<IClientStore>().SearchAsync("ООО", 10, default));
        Assert.Equal(ClientImportFlow, (await _host.Get<IConversationStore>().GetAsync(_anna.Id, _anna.Id, default))?.Flow);

        var fixedFile = Header + "\n" + Row("ООО «Ромашка»", "7730123456") + "\n";
        var done = await _host.SendsDocumentAsync(_anna, "clients.csv", Encoding.UTF8.GetBytes(fixedFile), CsvMime);
        Assert.Equal("✅ Загружено клиентов: 1.\n• ООО «Ромашка» · 7730123456", done.Text);
    }

    [Fact]
    public async Task A_tax_id_already_stored_or_repeated_in_the_file_is_refused()
    {
        await _host.StoredClientAsync(ClientSamples.Romashka());
        var csv = string.Join("\n", Header, Row("ООО «Ромашка»", "7730123456"), Row("АО «Василёк»", "7810123469"), Row("АО «Василёк 2»", "7810123469"));
        await _host.SaysAsync(_anna, "/client import");

        var report = await _host.SendsDocumentAsync(_anna, "clients.csv", Encoding.UTF8.GetBytes(csv), CsvMime);

        Assert.EndsWith(
            "\nСтрока 2: Клиент с ИНН/УНП 7730123456 уже есть: ООО «Ромашка».\nСтрока 4: ИНН/УНП 7810123469 уже встречается в файле в строке 3.",
            report.Text, StringComparison.Ordinal);
        Assert.Null(await _host.ClientAsync("7810123469"));
    }

    [Fact]
    public async Task A_comma_separated_file_with_quoted_commas_is_read()
    {
        var csv = "legal_name,inn,kpp,legal_address,postcode,postal_address,bank_name,bik,account,correspondent_account,signatory,signatory_position,basis\n"
            + "\"ООО \"\"Ромашка\"\"\",7730123456,773001001,\"г. Москва, ул. Ленина, д. 1\",123112,\"г. Москва, ул. Ленина, д. 1\",ПАО Сбербанк,"
            + "044525225,40702810200000012345,30101810400000000225,Петров П. П.,Директор,Устава\n";
        await _host.SaysAsync(_anna, "/client import");

        var done = await _host.SendsDocumentAsync(_anna, "list.CSV", Encoding.UTF8.GetBytes(csv), CsvMime);

        Assert.Equal("✅ Загружено клиентов: 1.\n• ООО \"Ромашка\" · 7730123456", done.Text);
        Assert.Equal(("RU", "г. Москва, ул. Ленина, д. 1"), ((await _host.ClientAsync("7730123456"))?.Country, (await _host.ClientAsync("7730123456"))?.LegalAddress));
    }

    [Fact]
    public async Task A_file_of_the_wrong_type_or_too_big_is_refused_and_the_bot_keeps_waiting()
    {
        await _host.SaysAsync(_anna, "/client import");

        var wrongType = await _host.SendsDocumentAsync(_anna, "clients.xlsx", [1, 2, 3], "application/vnd.ms-excel");
        var tooBig = await _host.SendsDocumentAsync(_anna, "clients.csv", new byte[(21 * 1024 * 1024) + 1], CsvMime);
        var text = await _host.SaysAsync(_anna, "вот файл");
        var broken = await _host.SendsDocumentAsync(_anna, "clients.csv", Encoding.UTF8.GetBytes("legal_name;discount\nООО;5\n"), CsvMime);

        Assert.Equal("Пришлите файл .csv, .yaml или .yml, а «clients.xlsx» — другой.", wrongType.Text);
        Assert.Equal("Файл больше 20 МБ (21,00 МБ) — такой бот скачать не может. Разделите список на части.", tooBig.Text);
        Assert.Equal("Пришлите файл документом: .csv, .yaml или .yml. Выйти — /cancel.", text.Text);
        Assert.StartsWith("Строка 1: неизвестная колонка «discount». Известные: country, legal_name,", broken.Text, StringComparison.Ordinal);
        Assert.Equal(ClientImportFlow, (await _host.Get<IConversationStore>().GetAsync(_anna.Id, _anna.Id, default))?.Flow);
    }

    [Fact]
    public async Task Only_admins_and_managers_may_import()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");

        var answer = await _host.SaysAsync(olga, "/client import");

        Assert.Equal("Загружать клиентов списком могут администратор, директор, операционный менеджер и руководитель проектов.", answer.Text);
        Assert.Null(await _host.Get<IConversationStore>().GetAsync(olga.Id, olga.Id, default));
    }

    [Fact]
    public async Task A_yaml_syntax_error_is_reported_with_its_line()
    {
        await _host.SaysAsync(_anna, "/client import");

        var answer = await _host.SendsDocumentAsync(_anna, "clients.yml", Encoding.UTF8.GetBytes("clients:\n  - legal_name: ООО\n    inn: [\n"), "application/yaml");

        Assert.StartsWith("Строка 4: ошибка YAML", answer.Text, StringComparison.Ordinal);
    }

    private const string ClientImportFlow = "client-import";

    private static string Row(string name, string inn) =>
        $"RU;\"{name}\";{inn};773001001;;;\"г. Москва, ул. Ленина, д. 1\";123112;\"г. Москва, ул. Ленина, д. 1\";\"ПАО Сбербанк\";044525225;"
        + "40702810200000012345;30101810400000000225;\"Петров Пётр Петрович\";\"Генеральный директор\";Устава;;";

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(TestFiles.RepoRoot(), "bot", "BotPlatform.Bot", "samples", name));
}
