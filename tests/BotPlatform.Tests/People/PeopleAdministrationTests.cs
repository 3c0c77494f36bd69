using BotPlatform.Core.Approvals;
using BotPlatform.Core.Audit;
using BotPlatform.Core.People;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.People;

/// <summary>/people and /department: admins manage people and departments in the bot after the first start.</summary>
public sealed class PeopleAdministrationTests : IAsyncLifetime
{
    private const string Approve = "✅ Согласовать";
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync();
        _p = await ApprovalPeople.JoinAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task People_lists_everyone_with_roles_department_status_and_substitute()
    {
        await _host.SaysAsync(_p.Olga, "/away 30.11 @head_igor");

        var list = await _host.SaysAsync(_p.Anna, "/people");

        Assert.StartsWith("👥 Сотрудники (11):", list.Text, StringComparison.Ordinal);
        Assert.Contains("• Анна Админова — администратор, операционный менеджер; Финансы; активен", list.Text, StringComparison.Ordinal);
        Assert.Contains("• Ольга Сотрудникова — сотрудник; Отдел продаж; активен (замещает Игорь Начальников до 30.11)", list.Text, StringComparison.Ordinal);
        Assert.NotNull(list.Button("Ольга Сотрудникова"));
        Assert.NotNull(list.Button("Сергей Директоров"));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task A_person_who_is_not_an_admin_is_refused_every_admin_command_and_button_and_nothing_changes()
    {
        var list = await _host.SaysAsync(_p.Anna, "/people");
        var olgaId = (await _host.PersonAsync(_p.Olga)).Id;
        var igorId = (await _host.PersonAsync(_p.Igor)).Id;

        var people = await _host.SaysAsync(_p.Olga, "/people");
        var department = await _host.SaysAsync(_p.Olga, "/department new design Дизайн");
        var rename = await _host.SaysAsync(_p.Olga, "/department rename sales Продажи");
        var forged = new List<string?>();
        foreach (var data in new[] { $"pp:show:{igorId}", $"pp:role:{olgaId}:admin", $"pp:mv:{olgaId}:finance", $"pp:head:{olgaId}", $"pp:bye:{igorId}:{olgaId}" })
            forged.Add((await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_p.Olga, list, data))).Text);

        const string refused = "Эта команда доступна только администраторам.";
        Assert.Equal(refused, people.Text);
        Assert.Equal(refused, department.Text);
        Assert.Equal(refused, rename.Text);
        Assert.All(forged, text => Assert.Equal(refused, text));
        var olga = await _host.PersonAsync(_p.Olga);
        Assert.Equal([Role.Employee], olga.Roles);
        Assert.Equal("sales", olga.Department);
        Assert.Empty(olga.ChangedInBot);
        Assert.True((await _host.PersonAsync(_p.Igor)).IsActive);
        Assert.Equal("Отдел продаж", _host.Get<Organisation>().DepartmentName("sales"));
    }

    [Fact]
    public async Task An_admin_gives_a_role_from_the_persons_card_and_the_persons_menu_follows()
    {
        var card = await OpenCardAsync("Ольга Сотрудникова");

        var roles = await PressAndSeeAsync(_p.Anna, card, "🎭 Роли", "Нажмите роль");
        var after = await PressAndSeeAsync(_p.Anna, roles, "▫️ юрист", "✅ юрист");
        await _host.Tg.WaitUntilAsync(() => _host.Tg.CommandsSeenBy(_p.Olga, _p.Olga.PrivateChat).Any(c => c.Command == "template"));
        var whoami = await _host.SaysAsync(_p.Olga, "/whoami");

        Assert.NotNull(after.Button("✅ сотрудник"));
        Assert.Contains("Роли: сотрудник, юрист", whoami.Text, StringComparison.Ordinal);
        var olga = await _host.PersonAsync(_p.Olga);
        Assert.Contains(ManagedFields.Roles, olga.ChangedInBot);
        var annaId = (await _host.PersonAsync(_p.Anna)).Id;
        Assert.Contains(await _host.Get<IAuditLog>().ForSubjectAsync($"person:{olga.Id}", default),
            e => e.Action == "role:granted" && e.Reason == "lawyer" && e.ActorId == annaId);
    }

    [Fact]
    public async Task The_last_role_cannot_be_taken_away()
    {
        var card = await OpenCardAsync("John Smith");
        var roles = await PressAndSeeAsync(_p.Anna, card, "🎭 Роли", "Нажмите роль");

        var answer = await _host.PressesAsync(_p.Anna, roles, "✅ сотрудник");

        Assert.Equal("Это единственная роль John Smith: сначала дайте другую.", answer.Text);
        Assert.Equal([Role.Employee], (await _host.PersonAsync(_p.John)).Roles);
    }

    [Fact]
    public async Task A_new_department_head_gets_the_department_heads_step()
    {
        var card = await OpenCardAsync("Ольга Сотрудникова");

        var head = await PressAndSeeAsync(_p.Anna, card, "⭐ Руководитель отдела", "руководитель отдела «Отдел продаж»");
        await _host.FilePaymentAsync(_p.John);

        Assert.Contains("Отдел: Отдел продаж (руководитель)", head.Text, StringComparison.Ordinal);
        Assert.NotNull(_host.CardWith(_p.Olga, Approve));
        Assert.Empty(_host.BotSaid(_p.Igor, "ЗО-2026-0001"));
    }

    [Fact]
    public async Task An_admin_moves_a_person_to_another_department()
    {
        var card = await OpenCardAsync("John Smith");
        var departments = await PressAndSeeAsync(_p.Anna, card, "🏢 Отдел", "Отдел для John Smith");

        var moved = await PressAndSeeAsync(_p.Anna, departments, "Финансы", "Отдел: Финансы");

        Assert.Equal("finance", (await _host.PersonAsync(_p.John)).Department);
        Assert.Contains("Изменено в боте: отдел", moved.Text, StringComparison.Ordinal);
        var list = await PressAndSeeAsync(_p.Anna, moved, "← Все сотрудники", "👥 Сотрудники");
        Assert.Contains("• John Smith — сотрудник; Финансы; активен", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Departments_are_added_and_renamed_and_an_invite_can_name_the_new_one()
    {
        var added = await _host.SaysAsync(_p.Anna, "/department new design Дизайн");
        var renamed = await _host.SaysAsync(_p.Anna, "/department rename design Дизайн-студия");
        var bad = await _host.SaysAsync(_p.Anna, "/department new дизайн Дизайн");
        var twice = await _host.SaysAsync(_p.Anna, "/department new design Ещё");
        var list = await _host.SaysAsync(_p.Anna, "/department");
        var invite = await _host.SaysAsync(_p.Anna, "/invite employee design");

        Assert.Equal("🏢 Отдел «Дизайн» (design) добавлен.", added.Text);
        Assert.Equal("🏢 Отдел design теперь называется «Дизайн-студия».", renamed.Text);
        Assert.StartsWith("Код отдела — латинские буквы", bad.Text, StringComparison.Ordinal);
        Assert.Equal("Отдел «design» уже есть.", twice.Text);
        Assert.Contains("design — Дизайн-студия", list.Text, StringComparison.Ordinal);
        Assert.Contains("Дизайн-студия", invite.Text, StringComparison.Ordinal);

        await _host.RestartAsync();
        Assert.Equal("Дизайн-студия", _host.Get<Organisation>().DepartmentName("design"));
    }

    [Fact]
    public async Task A_leaver_with_a_pending_card_hands_it_to_the_substitute_and_can_no_longer_act()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var igorsCard = _host.CardWith(_p.Igor, Approve);
        var card = await OpenCardAsync("Игорь Начальников");
        var pick = await PressAndSeeAsync(_p.Anna, card, "🚪 Деактивировать", "Кому передать?");

        var done = await PressAndSeeAsync(_p.Anna, pick, "Мария Финансова", "деактивирован");
        await _host.IdleAsync();

        Assert.StartsWith("🚪 Игорь Начальников деактивирован(а). Передано: 1 — Мария Финансова.\n⚠️ Отдел «Отдел продаж» остался без руководителя", done.Text, StringComparison.Ordinal);
        var edited = _host.Tg.Message(_p.Igor.PrivateChat, igorsCard.MessageId);
        Assert.Contains("↪️ Игорь Начальников больше не работает в организации — решение передано: Мария Финансова.", edited.TextOrCaption);
        Assert.Empty(edited.Buttons);
        var mariasCard = _host.CardWith(_p.Maria, Approve);
        Assert.Contains("ЗО-2026-0001", mariasCard.TextOrCaption);
        Assert.Single(_host.BotSaid(_p.Maria, "Вам переданы открытые дела Игорь Начальников (1)"));
        var audit = await _host.Get<IAuditLog>().ForSubjectAsync("approval:ЗО-2026-0001", default);
        Assert.Contains(audit, e => e.Action == ApprovalActions.Reassigned && e.Reason == "Игорь Начальников → Мария Финансова");

        var stale = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_p.Igor, igorsCard, igorsCard.Button(Approve)!.CallbackData!));
        var inbox = await _host.SaysAsync(_p.Igor, "/inbox");
        var help = await _host.SaysAsync(_p.Igor, "/help");
        Assert.StartsWith("Ваш доступ к боту закрыт", stale.Text, StringComparison.Ordinal);
        Assert.StartsWith("Ваш доступ к боту закрыт", inbox.Text, StringComparison.Ordinal);
        Assert.StartsWith("Ваш доступ к боту закрыт", help.Text, StringComparison.Ordinal);
        await _host.Tg.WaitUntilAsync(() => _host.Tg.CommandsSeenBy(_p.Igor, _p.Igor.PrivateChat).All(c => c.Command != "pay"));

        await _host.PressesAsync(_p.Maria, mariasCard, Approve);
        await _host.IdleAsync();
        Assert.Equal(1, (await _host.RequestAsync("ЗО-2026-0001")).Current!.Index);
    }

    [Fact]
    public async Task The_leavers_reminders_go_to_the_substitute()
    {
        await _host.FilePaymentAsync(_p.Olga);
        var card = await OpenCardAsync("Игорь Начальников");
        var pick = await PressAndSeeAsync(_p.Anna, card, "🚪 Деактивировать", "Кому передать?");
        await PressAndSeeAsync(_p.Anna, pick, "Мария Финансова", "деактивирован");
        await _host.IdleAsync();
        var igorBefore = _host.Tg.BotMessages(_p.Igor.PrivateChat).Count;

        await _host.AdvanceToAsync(BotHost.DefaultStart.AddHours(5));

        Assert.NotEmpty(_host.BotSaid(_p.Maria, "⏰"));
        Assert.Equal(igorBefore, _host.Tg.BotMessages(_p.Igor.PrivateChat).Count);
    }

    private async Task<FakeMessage> OpenCardAsync(string name)
    {
        var list = await _host.SaysAsync(_p.Anna, "/people");
        return await PressAndSeeAsync(_p.Anna, list, name, "👤 " + name);
    }

    /// <summary>Presses a button on a message the bot edits in place; returns the message once it shows <paramref name="shows"/> (in its text or as a button).</summary>
    private async Task<FakeMessage> PressAndSeeAsync(FakeUser user, FakeMessage message, string button, string shows)
    {
        await _host.PressesAsync(user, message, button);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(message).Contains(shows, StringComparison.Ordinal)
            || _host.Tg.Message(user.PrivateChat, message.MessageId).Button(shows) is not null);
        return _host.Tg.Message(user.PrivateChat, message.MessageId);
    }
}
