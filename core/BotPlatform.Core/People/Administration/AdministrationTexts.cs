using BotPlatform.Core.Localization;

namespace BotPlatform.Core.People.Administration;

public static class AdministrationTexts
{
    public static readonly Text YouTookOver = new(
        "Вам переданы открытые дела {0} ({1}): карточки пришли отдельными сообщениями.",
        "{0}'s open work ({1}) is yours now: the cards came as separate messages.");
    public static readonly Text YouAreHead = new(
        "⭐ Вы теперь руководитель отдела «{0}» вместо {1}: шаги «руководитель отдела» приходят вам.",
        "⭐ You are now the head of {0} instead of {1}: department head steps come to you.");
    public static readonly Text SubstituteLeft = new(
        "↩️ Ваш заместитель {0} больше не работает в организации. Ваше отсутствие снято: заявки снова приходят вам. Назначьте другого заместителя: /away",
        "↩️ Your substitute {0} has left the organisation. Your absence is cleared: requests come to you again. Name another substitute: /away");
    public static readonly Text HeadPassed = new("\n⭐ Руководитель отдела «{0}» теперь {1}.", "\n⭐ {1} is now the head of {0}.");
    public static readonly Text HeadMissing = new(
        "\n⚠️ Отдел «{0}» остался без руководителя: его шаги пока получает операционный менеджер. Назначьте руководителя в /people (⭐ Руководитель отдела).",
        "\n⚠️ {0} has no head now: the ops manager gets its steps meanwhile. Name a head in /people (⭐ Department head).");
    public static readonly Text AbsenceCleared = new("\n↩️ Больше не замещает: {0} — им сообщено, заявки вернулись к ним.",
        "\n↩️ No longer their substitute: {0} (they were told; their requests came back to them).");
    public static readonly Text PeopleTitle = new("👥 Сотрудники ({0}):", "👥 People ({0}):");
    public static readonly Text PersonLine = new("{0} — {1}; {2}; {3}{4}", "{0} — {1}; {2}; {3}{4}");
    public static readonly Text SubstitutedBy = new(" (замещает {0} до {1:dd.MM})", " (substitute {0} until {1:dd.MM})");
    public static readonly Text PeopleHint = new("Нажмите на человека, чтобы изменить роли, отдел или деактивировать.",
        "Press a person to change roles, department or deactivate them.");
    public static readonly Text Card = new("👤 {0}{1}\nОтдел: {2}{3}\nРоли: {4}\nСтатус: {5}{6}",
        "👤 {0}{1}\nDepartment: {2}{3}\nRoles: {4}\nStatus: {5}{6}");
    public static readonly Text IsHead = new(" (руководитель)", " (head)");
    public static readonly Text CardAway = new("\nОтсутствует до {0:dd.MM.yyyy}, замещает {1}", "\nAway until {0:dd.MM.yyyy}, substitute {1}");
    public static readonly Text ChangedInBot = new("\nИзменено в боте: {0}", "\nChanged in the bot: {0}");
    public static readonly Text RolesButton = new("🎭 Роли", "🎭 Roles");
    public static readonly Text DepartmentButton = new("🏢 Отдел", "🏢 Department");
    public static readonly Text HeadButton = new("⭐ Руководитель отдела", "⭐ Department head");
    public static readonly Text LeaveButton = new("🚪 Деактивировать", "🚪 Deactivate");
    public static readonly Text ListButton = new("← Все сотрудники", "← Everyone");
    public static readonly Text BackButton = new("← К карточке", "← Back to the card");
    public static readonly Text RolesPrompt = new("Роли: {0}. Нажмите роль, чтобы дать или снять её.", "Roles of {0}. Press a role to give or take it.");
    public static readonly Text DepartmentPrompt = new("Отдел для {0}:", "Department for {0}:");
    public static readonly Text LeavePrompt = new(
        "Деактивировать {0}? Открытые шаги согласования и задачи (с их напоминаниями) перейдут выбранному человеку, карточки {0} будут исправлены, а доступ к боту закрыт. Кому передать?",
        "Deactivate {0}? Their open approval steps and tasks (with their reminders) go to the person you pick, their cards are edited, and their access to the bot is closed. Who takes over?");
    public static readonly Text LeaveToHead = new("Руководителю отдела: {0}", "The department head: {0}");
    public static readonly Text Deactivated = new("🚪 {0} деактивирован(а). Передано: {1} — {2}.", "🚪 {0} is deactivated. Moved to {2}: {1}.");
    public static readonly Text HeadSet = new("⭐ {0} — руководитель отдела «{1}».", "⭐ {0} is the head of {1}.");
    public static readonly Text Saved = new("Сохранено", "Saved");
    public static readonly Text DepartmentUsage = new(
        "Отделы: {0}\n\nДобавить: /department new КОД Название\nПереименовать: /department rename КОД Новое название",
        "Departments: {0}\n\nAdd: /department new CODE Name\nRename: /department rename CODE New name");
    public static readonly Text DepartmentAdded = new("🏢 Отдел «{1}» ({0}) добавлен.", "🏢 Department {1} ({0}) added.");
    public static readonly Text DepartmentRenamed = new("🏢 Отдел {0} теперь называется «{1}».", "🏢 Department {0} is now called {1}.");
    public static readonly Text StatusActive = new("активен", "active");
    public static readonly Text StatusPending = new("ждёт приглашения", "waiting for an invite");
    public static readonly Text StatusDeactivated = new("деактивирован", "deactivated");
    public static readonly Text NotLinked = new(", ещё не нажал /start", ", has not pressed /start yet");

    public static readonly Text FileConflicts = new(
        "⚠️ Организационный файл расходится с тем, что администраторы изменили в боте. Оставлено как в боте (измените в боте или исправьте файл):\n{0}",
        "⚠️ The organisation file differs from what admins changed in the bot. Kept as in the bot (change it in the bot or fix the file):\n{0}");
    public static readonly Text ConflictLine = new("• {0}: {1} — в файле «{2}», в боте «{3}»", "• {0}: {1} — the file says \"{2}\", the bot has \"{3}\"");

    public static Text Status(Person person) => person.Status switch
    {
        PersonStatus.Active => StatusActive,
        PersonStatus.Pending => StatusPending,
        _ => StatusDeactivated,
    };

    public static Text Field(string field) => field switch
    {
        ManagedFields.Roles => new("роли", "roles"),
        ManagedFields.Department => new("отдел", "department"),
        ManagedFields.Status => new("статус", "status"),
        ManagedFields.Name => new("название", "name"),
        _ => new("руководитель", "head"),
    };
}
