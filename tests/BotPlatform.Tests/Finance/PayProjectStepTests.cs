using BotPlatform.Core.Approvals;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Finance;

/// <summary>In an organisation that runs projects, /pay ends by asking which project the payment is for (optional).</summary>
public sealed class PayProjectStepTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await ProjectArrange.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_payment_names_its_project_a_wrong_number_is_refused_and_the_request_keeps_the_project()
    {
        var kate = await _host.JoinedAsync("Катя", "pm_kate");
        await _host.JoinedAsync("Игорь", "head_igor");
        var (project, _) = await _host.ProjectAsync();
        await _host.SaysAsync(kate, "/pay");
        await _host.SaysAsync(kate, "ООО Таргет");
        var costQuestion = await _host.SaysAsync(kate, "45 000");
        var dueQuestion = await _host.PressesForNextAsync(kate, costQuestion, "Реклама");
        await _host.PressesForNextAsync(kate, dueQuestion, "Пропустить");
        var commentQuestion = await _host.SendsDocumentAsync(kate, "invoice.pdf", FilingSteps.Pdf);
        var projectQuestion = await _host.PressesForNextAsync(kate, commentQuestion, "Пропустить");
        var wrong = await _host.SaysAsync(kate, "PRJ-0404");
        await _host.NextAfterAsync(kate, wrong);
        var card = await _host.SaysAsync(kate, project.Number.ToLowerInvariant());
        await _host.PressesAsync(kate, card, "✅ Отправить");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("ЗО-2026-0001", StringComparison.Ordinal));

        Assert.Equal("К какому проекту относится? Напишите номер, например PRJ-0001, или нажмите «Пропустить».", projectQuestion.Text);
        Assert.Equal(["Пропустить"], projectQuestion.Buttons.Select(b => b.Text));
        Assert.Equal("Проекта «PRJ-0404» нет. Напишите номер как PRJ-0001 или нажмите «Пропустить».", wrong.Text);
        Assert.EndsWith($"\nКомментарий: —\nПроект: {project.Number} «{project.Title}»", card.Text, StringComparison.Ordinal);
        var request = await _host.Get<IApprovalStore>().FindByNumberAsync("ЗО-2026-0001", default);
        Assert.Equal(project.Id, request!.ProjectId);
        _host.AssertNoInvalidCalls();
    }
}
