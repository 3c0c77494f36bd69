using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.People;
using BotPlatform.Infrastructure.Storage;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BotPlatform.Tests.Documents.Templates;

/// <summary>Written once, run on both engines: LiteDB and PostgreSQL (see TestStorage).</summary>
public abstract class TemplateLibraryTests(StorageEngine engine) : IAsyncLifetime
{
    private const string Version1 = "# Счёт № {{ document.number }}\n\nЗаказчик: {{ client.legal_name }}";
    private const string Version2 = "# Счёт на оплату № {{ document.number }}\n\nПокупатель: **{{ client.legal_name }}**";

    private static readonly Person Lawyer = new() { Id = 7, Name = "Пётр", Roles = [Role.Lawyer] };
    private static readonly Person Admin = new() { Id = 8, Name = "Анна", Roles = [Role.Admin] };
    private static readonly Person Manager = new() { Id = 9, Name = "Ольга", Roles = [Role.Employee, Role.ProjectManager] };

    private TestStorage _storage = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public sealed class LiteDb() : TemplateLibraryTests(StorageEngine.LiteDb);

    public sealed class Postgres() : TemplateLibraryTests(StorageEngine.Postgres);

    private ServiceProvider _services => _storage.Services;

    public async Task InitializeAsync()
    {
        var organisation = new Organisation(new OrganisationDefinition("Тест", "Europe/Moscow", new TimeOnly(9, 0), new TimeOnly(18, 0),
            OrganisationDefinition.DefaultWorkingDays, [], [], "ru", "RUB", [], []));
        _storage = await TestStorage.CreateAsync(engine, services => services
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton(organisation)
            .AddDocumentTemplates());
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private TemplateLibrary Library => _services.GetRequiredService<TemplateLibrary>();

    private Task SeedAsync(string markup = Version1) =>
        Library.SeedAsync([new SampleTemplate("invoice", "invoice", "Счёт на оплату", markup)], default);

    [Fact]
    public async Task Seeding_stores_a_missing_template_as_version_1()
    {
        await SeedAsync();

        var template = (await Library.GetAsync("invoice", default))!;
        Assert.Equal(("invoice", "Счёт на оплату", 1, Version1, 0L), (template.Kind, template.Title, template.Current.Number, template.Current.Markup,
            template.Current.UploadedBy));
    }

    [Fact]
    public async Task Seeding_again_leaves_a_newer_version_alone()
    {
        await SeedAsync();
        await Library.UploadAsync("invoice", TemplateFile.Read(Version2), Lawyer, default);

        var added = await Library.SeedAsync([new SampleTemplate("invoice", "invoice", "Счёт", "# другой текст")], default);

        Assert.Equal(0, added);
        var template = (await Library.GetAsync("INVOICE", default))!;
        Assert.Equal([1, 2], template.Versions.Select(v => v.Number));
        Assert.Equal(Version2, template.Current.Markup);
    }

    [Fact]
    public async Task An_upload_becomes_the_next_version_and_old_versions_still_fill()
    {
        await SeedAsync();
        _time.Advance(TimeSpan.FromHours(1));

        var uploaded = await Library.UploadAsync("invoice", TemplateFile.Read(Version2), Lawyer, default);

        Assert.True(uploaded.IsOk, uploaded.Problem?.ToString());
        var template = (await Library.GetAsync("invoice", default))!;
        Assert.Equal((2, 7L, _time.GetUtcNow()), (template.Current.Number, template.Current.UploadedBy, template.Current.UploadedAt));
        var model = Library.SampleModel("invoice");
        Assert.StartsWith("# Счёт № ОБРАЗЕЦ\n\nЗаказчик: ООО «Ромашка»", Library.Fill(template.VersionOf(1)!.Markup, model).Value!.Text);
        Assert.StartsWith("# Счёт на оплату № ОБРАЗЕЦ", Library.Fill(template.VersionOf(2)!.Markup, model).Value!.Text);
        Assert.Contains(await _services.GetRequiredService<IAuditLog>().ForSubjectAsync("template:invoice", default),
            e => e.Action == "version 2" && e.ActorId == 7);
    }

    [Fact]
    public async Task An_upload_with_a_liquid_error_stores_nothing_and_names_the_line()
    {
        await SeedAsync();

        var uploaded = await Library.UploadAsync("invoice", TemplateFile.Read("# Счёт\n\n{% for line in lines %}\n{{ line.no }}\n"), Admin, default);

        Assert.Equal(TemplateProblems.Invalid, uploaded.Problem?.Code);
        Assert.Equal([1], (await Library.GetAsync("invoice", default))!.Versions.Select(v => v.Number));
    }

    [Fact]
    public async Task Error_lines_count_the_front_matter_of_the_uploaded_file()
    {
        await SeedAsync();

        var uploaded = await Library.UploadAsync("invoice",
            TemplateFile.Read("---\nkind: invoice\ntitle: Счёт\n---\n\n# Счёт\n\n::: signatures\nА || Б\n"), Admin, default);

        Assert.Equal(8, (int)uploaded.Problem!.Args[0]);
    }

    [Fact]
    public async Task Only_admins_and_lawyers_upload()
    {
        await SeedAsync();

        var uploaded = await Library.UploadAsync("invoice", TemplateFile.Read(Version2), Manager, default);

        Assert.Equal(TemplateProblems.NotAllowed, uploaded.Problem?.Code);
        Assert.Single((await Library.GetAsync("invoice", default))!.Versions);
    }

    [Fact]
    public async Task The_same_text_again_is_not_a_new_version()
    {
        await SeedAsync();

        var uploaded = await Library.UploadAsync("invoice", TemplateFile.Read(Version1 + "\n\n"), Admin, default);

        Assert.Equal(new Problem(TemplateProblems.Unchanged, 1).ToString(), uploaded.Problem?.ToString());
    }

    [Fact]
    public async Task An_unknown_code_is_refused()
    {
        var uploaded = await Library.UploadAsync("nope", TemplateFile.Read(Version2), Admin, default);

        Assert.Equal(TemplateProblems.NotFound, uploaded.Problem?.Code);
    }

    [Fact]
    public async Task Preview_fills_the_current_or_a_chosen_version_with_sample_data()
    {
        await SeedAsync();
        await Library.UploadAsync("invoice", TemplateFile.Read(Version2), Admin, default);

        var current = await Library.PreviewAsync("invoice", null, default);
        var first = await Library.PreviewAsync("invoice", 1, default);
        var missing = await Library.PreviewAsync("invoice", 5, default);

        Assert.Equal(2, current.Value!.Version.Number);
        Assert.Contains("Покупатель: **ООО «Ромашка»**", current.Value.Filled.Text);
        Assert.Equal(1, first.Value!.Version.Number);
        Assert.Equal(TemplateProblems.VersionNotFound, missing.Problem?.Code);
    }

    [Fact]
    public async Task Two_uploads_at_once_both_become_versions()
    {
        await SeedAsync();

        var results = await Task.WhenAll(
            Task.Run(() => Library.UploadAsync("invoice", TemplateFile.Read(Version2), Admin, default)),
            Task.Run(() => Library.UploadAsync("invoice", TemplateFile.Read(Version2 + "\n\nПримечание."), Lawyer, default)));

        Assert.All(results, r => Assert.True(r.IsOk, r.Problem?.ToString()));
        Assert.Equal([1, 2, 3], (await Library.GetAsync("invoice", default))!.Versions.Select(v => v.Number));
    }

    [Fact]
    public void A_windows_1251_file_is_read_and_front_matter_is_split_off()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = System.Text.Encoding.GetEncoding(1251).GetBytes("---\ntitle: Счёт\n---\n# Счёт");

        var file = TemplateFile.Read(TemplateFile.Decode(bytes));

        Assert.Equal(("Счёт", "# Счёт", 4), (file.FrontMatter["title"], file.Markup, file.FirstLine));
    }
}
