using BotPlatform.Core.People;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

internal sealed class PeopleStore : IPeopleStore
{
    private const string Name = LiteDbCollections.People;
    private readonly LiteDbContext _db;
    private readonly ILiteCollection<Person> _people;

    public PeopleStore(LiteDbContext db)
    {
        _db = db;
        _people = db.Collection<Person>(Name);
        _people.EnsureIndex(p => p.TelegramUserId);
        _people.EnsureIndex(p => p.Username);
        _people.EnsureIndex("AwayEndsAt", "$.Away.EndsAt");
    }

    public Task<Person?> GetAsync(long id, CancellationToken ct) => Task.FromResult<Person?>(_people.FindById(id));

    public Task<Person?> FindByTelegramIdAsync(long telegramUserId, CancellationToken ct) =>
        Task.FromResult<Person?>(_people.FindOne(Query.EQ("TelegramUserId", telegramUserId)));

    public Task<Person?> FindByUsernameAsync(string username, CancellationToken ct) =>
        Task.FromResult<Person?>(_people.FindOne(Query.EQ("Username", Person.NormaliseUsername(username))));

    public Task<IReadOnlyList<Person>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Person>>(_people.FindAll().OrderBy(p => p.Id).ToList());

    public Task<IReadOnlyList<Person>> WithRoleAsync(Role role, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Person>>(_people.Find(Query.EQ("Roles[*] ANY", role.ToString())).OrderBy(p => p.Id).ToList());

    public Task<IReadOnlyList<Person>> AwayEndingByAsync(DateTimeOffset instant, CancellationToken ct) =>
        // Between, not LTE: people without an absence have a null EndsAt, which sorts below every date.
        Task.FromResult<IReadOnlyList<Person>>(_people.Find(
            Query.Between("$.Away.EndsAt", new BsonValue(DateTime.MinValue), new BsonValue(instant.UtcDateTime))).ToList());

    public Task InsertAsync(Person person, CancellationToken ct)
    {
        person.Version = 0;
        _people.Insert(person);
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(Person person, CancellationToken ct) =>
        Task.FromResult(_db.TryUpdateVersioned(Name, person.Id, person));
}

internal sealed class InviteStore(LiteDbContext db) : IInviteStore
{
    private readonly ILiteCollection<Invite> _invites = db.Collection<Invite>(LiteDbCollections.Invites);

    public Task<Invite?> GetAsync(string code, CancellationToken ct) => Task.FromResult<Invite?>(_invites.FindById(code));

    public Task InsertAsync(Invite invite, CancellationToken ct)
    {
        _invites.Insert(invite);
        return Task.CompletedTask;
    }

    public Task<bool> TryMarkUsedAsync(string code, long personId, DateTimeOffset at, CancellationToken ct) =>
        Task.FromResult(db.Exclusive(() =>
        {
            var invite = _invites.FindById(code);
            if (invite is null || invite.UsedBy is not null) return false;
            invite.UsedBy = personId;
            invite.UsedAt = at;
            return _invites.Update(invite);
        }));
}

internal sealed class DepartmentStore(LiteDbContext db) : IDepartmentStore
{
    private const string Name = LiteDbCollections.Departments;
    private readonly ILiteCollection<Department> _departments = db.Collection<Department>(Name);

    public Task<IReadOnlyList<Department>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Department>>(_departments.FindAll().OrderBy(d => d.Id, StringComparer.OrdinalIgnoreCase).ToList());

    public Task<Department?> GetAsync(string code, CancellationToken ct) =>
        Task.FromResult<Department?>(_departments.FindById(Key(code)));

    public Task<bool> TryInsertAsync(Department department, CancellationToken ct) =>
        Task.FromResult(db.Exclusive(() =>
        {
            department.Id = Key(department.Id);
            if (_departments.FindById(department.Id) is not null) return false;
            department.Version = 0;
            _departments.Insert(department);
            return true;
        }));

    public Task<bool> TryUpdateAsync(Department department, CancellationToken ct) =>
        Task.FromResult(db.TryUpdateVersioned(Name, Key(department.Id), department));

    /// <summary>Codes are compared case-insensitively, so they are stored lower-case.</summary>
    private static string Key(string code) => code.Trim().ToLowerInvariant();
}
