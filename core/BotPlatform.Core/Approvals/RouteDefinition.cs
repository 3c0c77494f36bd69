using BotPlatform.Core.People;

namespace BotPlatform.Core.Approvals;

public enum RequestKind
{
    Payment,
    Contract,
}

public enum AssigneeKind
{
    /// <summary>The head of the initiator's department.</summary>
    DepartmentHead,
    /// <summary>Everyone holding a role; the first of them to act decides.</summary>
    Role,
    /// <summary>A person named in the organisation file (by username).</summary>
    Person,
}

/// <summary>Who a step or task goes to: "department_head", "role:lawyer", "person:p_morozov".</summary>
public sealed record Assignee(AssigneeKind Kind, Role? Role = null, string? Username = null)
{
    public static Assignee DepartmentHead { get; } = new(AssigneeKind.DepartmentHead);
    public static Assignee OfRole(Role role) => new(AssigneeKind.Role, role);
    public static Assignee Named(string username) => new(AssigneeKind.Person, Username: username);

    public override string ToString() => Kind switch
    {
        AssigneeKind.DepartmentHead => "department_head",
        AssigneeKind.Role => "role:" + RoleNames.ToKey(Role!.Value),
        _ => "person:" + Username,
    };
}

public enum StepKind
{
    /// <summary>Approve / Reject / Freeze / Request documents.</summary>
    Approval,
    /// <summary>Parallel tasks, each marked Done; the step ends when all are done.</summary>
    Tasks,
}

public enum TaskCompletion
{
    /// <summary>The Done button.</summary>
    Button,
    /// <summary>Done only by sending a file (e.g. the payment order with the bank's mark).</summary>
    File,
}

public enum TaskDue
{
    None,
    /// <summary>The request's due date, or else the next payment day after approval.</summary>
    PaymentDay,
}

public sealed record TaskDefinition(string Name, string Title, Assignee Assignee, TaskCompletion CompletedBy, TaskDue Due);

/// <summary>The step applies only when the request's field has one of the values (e.g. document_kind).</summary>
public sealed record StepCondition(string Field, IReadOnlyList<string> Values)
{
    public const string DocumentKindField = "document_kind";
    public const string CostItemField = "cost_item";
    public const string DepartmentField = "department";
    public static IReadOnlyList<string> Fields { get; } = [DocumentKindField, CostItemField, DepartmentField];
}

/// <summary>
/// When an untouched step nags: every N working hours; a strong reminder once the step has waited N
/// working days; escalation N working hours after the strong reminder, or N working days after the
/// start when there is no strong reminder.
/// </summary>
public sealed record ReminderPolicy(
    int? EveryWorkingHours,
    int? StrongAfterWorkingDays,
    int? EscalateAfterStrongWorkingHours,
    int? EscalateAfterWorkingDays,
    Role EscalateTo = Role.OpsManager);

public sealed record StepDefinition(
    string Name,
    string Title,
    StepKind Kind,
    Assignee? Assignee,
    IReadOnlyList<TaskDefinition> Tasks,
    StepCondition? When = null,
    ReminderPolicy? Reminders = null);

public sealed record RouteDefinition(RequestKind Kind, IReadOnlyList<StepDefinition> Steps);

public sealed record CostItem(string Code, string Name);

public sealed record DocumentKindDefinition(string Code, string Name);

/// <summary>The approvals part of the organisation file: routes, cost items, reasons, payment days, numbering.</summary>
public sealed record ApprovalsDefinition(
    IReadOnlyList<RouteDefinition> Routes,
    IReadOnlyList<CostItem> CostItems,
    IReadOnlyList<string> RejectReasons,
    IReadOnlyList<DayOfWeek> PaymentDays,
    IReadOnlyDictionary<RequestKind, string> Numbering,
    IReadOnlyList<DocumentKindDefinition> DocumentKinds)
{
    public const string DefaultPaymentNumbering = "ЗО-{yyyy}-{seq:0000}";
    public const string DefaultContractNumbering = "СД-{yyyy}-{seq:0000}";

    public static ReminderPolicy DefaultApprovalReminders { get; } = new(4, 2, 1, null);
    public static ReminderPolicy DefaultFinanceReminders { get; } = new(4, null, null, 2);

    /// <summary>The seed process of the issue: used when the file has no approvals section.</summary>
    public static ApprovalsDefinition Default { get; } = new(
        [
            new RouteDefinition(RequestKind.Payment,
            [
                new StepDefinition("head", "Руководитель отдела", StepKind.Approval, Assignee.DepartmentHead, [],
                    Reminders: DefaultApprovalReminders),
                new StepDefinition("finance", "Финансовый менеджер", StepKind.Approval, Assignee.OfRole(Role.FinanceManager), [],
                    Reminders: DefaultFinanceReminders),
                new StepDefinition("accounting", "Бухгалтерия", StepKind.Tasks, null,
                [
                    new TaskDefinition("pay", "Провести оплату", Assignee.OfRole(Role.ChiefAccountant), TaskCompletion.Button, TaskDue.PaymentDay),
                    new TaskDefinition("payment_order", "Приложить платёжное поручение с отметкой банка", Assignee.OfRole(Role.Accountant),
                        TaskCompletion.File, TaskDue.None),
                ]),
            ]),
            new RouteDefinition(RequestKind.Contract,
            [
                new StepDefinition("lawyer", "Юрист", StepKind.Approval, Assignee.OfRole(Role.Lawyer), [], Reminders: DefaultApprovalReminders),
                new StepDefinition("cto", "Технический директор", StepKind.Approval, Assignee.OfRole(Role.Cto), [],
                    new StepCondition(StepCondition.DocumentKindField, ["specification", "supplementary_agreement"]), DefaultApprovalReminders),
                new StepDefinition("director", "Директор", StepKind.Approval, Assignee.OfRole(Role.Director), [], Reminders: DefaultApprovalReminders),
            ]),
        ],
        [
            new CostItem("ads", "Реклама"),
            new CostItem("contractors", "Подрядчики"),
            new CostItem("software", "Программное обеспечение"),
            new CostItem("office", "Офис и хозяйство"),
            new CostItem("other", "Прочее"),
        ],
        ["Нет бюджета", "Неверные реквизиты", "Нужен другой счёт"],
        [DayOfWeek.Tuesday, DayOfWeek.Thursday],
        new Dictionary<RequestKind, string>
        {
            [RequestKind.Payment] = DefaultPaymentNumbering,
            [RequestKind.Contract] = DefaultContractNumbering,
        },
        [
            new DocumentKindDefinition("framework_contract", "Рамочный договор"),
            new DocumentKindDefinition("framework_edit", "Правки рамочного договора"),
            new DocumentKindDefinition("specification", "Спецификация"),
            new DocumentKindDefinition("supplementary_agreement", "Дополнительное соглашение"),
        ]);

    public RouteDefinition Route(RequestKind kind) => Routes.First(r => r.Kind == kind);
}
