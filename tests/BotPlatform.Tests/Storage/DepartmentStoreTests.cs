using BotPlatform.Core.People;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Storage;

/// <summary>Departments managed in the bot, on both engines.</summary>
public abstract class DepartmentStoreTests(StorageEngine engine) : IAsyncLifetime
{
    private TestStorage _storage = null!;

    public sealed class LiteDb() : DepartmentStoreTests(StorageEngine.LiteDb);

    public sealed class Postgres() : DepartmentStoreTests(StorageEngine.Postgres);

    public async Task InitializeAsync() => _storage = await TestStorage.CreateAsync(engine);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    private IDepartmentStore Departments => _storage.Services.GetRequiredService<IDepartmentStore>();

    [Fact]
    public async Task A_code_is_unique_whatever_its_case_and_keeps_what_was_stored()
    {
        var first = await Departments.TryInsertAsync(new Department
        {
            Id = "Sales", Name = "Продажи", Head = "igor", ChangedInBot = ["name"], FileSeen = new() { ["name"] = "Отдел продаж" },
        }, default);
        var again = await Departments.TryInsertAsync(new Department { Id = "sales", Name = "Другие" }, default);

        var stored = await Departments.GetAsync("SALES", default);
        Assert.True(first);
        Assert.False(again);
        Assert.Equal(("sales", "Продажи", "igor"), (stored!.Id, stored.Name, stored.Head));
        Assert.Equal(["name"], stored.ChangedInBot);
        Assert.Equal("Отдел продаж", stored.FileSeen["name"]);
    }

    [Fact]
    public async Task Two_updates_from_the_same_version_produce_exactly_one_change_and_the_list_is_in_code_order()
    {
        await Departments.TryInsertAsync(new Department { Id = "sales", Name = "Продажи" }, default);
        await Departments.TryInsertAsync(new Department { Id = "design", Name = "Дизайн" }, default);
        var a = (await Departments.GetAsync("sales", default))!;
        var b = (await Departments.GetAsync("sales", default))!;

        a.Name = "Отдел продаж";
        b.Name = "Коммерция";
        var results = new[] { await Departments.TryUpdateAsync(a, default), await Departments.TryUpdateAsync(b, default) };

        Assert.Equal([true, false], results);
        Assert.Equal("Отдел продаж", (await Departments.GetAsync("sales", default))!.Name);
        Assert.Equal(["design", "sales"], (await Departments.ListAsync(default)).Select(d => d.Id));
    }
}
