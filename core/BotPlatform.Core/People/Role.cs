namespace BotPlatform.Core.People;

public enum Role
{
    Admin,
    OpsManager,
    FinanceManager,
    ChiefAccountant,
    Accountant,
    Lawyer,
    Cto,
    Director,
    ProjectManager,
    Employee,
    OfficeManager,
}
