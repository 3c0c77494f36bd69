using BotPlatform.Core.Briefs;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Briefs;

/// <summary>The brief store behaves the same on LiteDB and PostgreSQL.</summary>
public abstract class BriefStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private TestStorage _storage = null!;

    public sealed class LiteDb() : BriefStoreTests(StorageEngine.LiteDb);
    public sealed class Postgres() : BriefStoreTests(StorageEngine.Postgres);

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);
    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private IBriefStore Briefs => _storage.Services.GetRequiredService<IBriefStore>();

    private static readonly DateTimeOffset At = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_brief_is_found_by_project_and_group_keeps_its_answers_and_updates_only_from_its_version()
    {
        var brief = new Brief { ProjectId = 1, ClientId = 3, GroupChatId = -100, TemplateCode = "smm", FormQuestionIds = { ["phone"] = "6a401f94" } };
        await Briefs.InsertAsync(brief, default);
        var stale = (await Briefs.GetAsync(brief.Id, default))!;
        var fresh = (await Briefs.GetAsync(brief.Id, default))!;
        fresh.Answer(new BriefQuestion("phone", "Телефон?", null, "phone", true), "+7 900 123-45-67", 42, "Ирина", At);

        Assert.True(await Briefs.TryUpdateAsync(fresh, default));
        Assert.False(await Briefs.TryUpdateAsync(stale, default));
        var read = (await Briefs.ByProjectAsync(1, default))!;
        Assert.Equal(1, read.CurrentQuestion);
        Assert.Equal(("phone", "+7 900 123-45-67", "Ирина", At), (read.Answers[0].QuestionCode, read.Answers[0].Answer, read.Answers[0].Who, read.Answers[0].At));
        Assert.Equal("6a401f94", read.FormQuestionIds["phone"]);
        Assert.Null(await Briefs.ByProjectAsync(2, default));
    }

    [Fact]
    public async Task A_second_brief_for_the_same_project_is_refused()
    {
        await Briefs.InsertAsync(new Brief { ProjectId = 1, GroupChatId = -100 }, default);

        await Assert.ThrowsAnyAsync<Exception>(() => Briefs.InsertAsync(new Brief { ProjectId = 1, GroupChatId = -100 }, default));
    }

    [Fact]
    public async Task Only_open_briefs_asked_in_the_group_are_listed_and_only_due_timers_are_swept()
    {
        var asked = new Brief { ProjectId = 1, GroupChatId = -100, Mode = BriefMode.Telegram, NextTimerAt = At };
        var form = new Brief { ProjectId = 2, GroupChatId = -100, Mode = BriefMode.GoogleForms, NextTimerAt = At.AddMinutes(5) };
        var done = new Brief { ProjectId = 3, GroupChatId = -100, Mode = BriefMode.Telegram, Status = BriefStatus.Completed };
        foreach (var brief in new[] { asked, form, done }) await Briefs.InsertAsync(brief, default);

        Assert.Equal([asked.Id], (await Briefs.OpenInGroupAsync(-100, default)).Select(b => b.Id));
        Assert.Empty(await Briefs.OpenInGroupAsync(-200, default));
        Assert.Equal([asked.Id], (await Briefs.DueAsync(At, 10, default)).Select(b => b.Id));
        Assert.Equal([asked.Id, form.Id], (await Briefs.DueAsync(At.AddHours(1), 10, default)).Select(b => b.Id));
    }
}
