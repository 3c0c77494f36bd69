using BotPlatform.Core.People;

namespace BotPlatform.Bot.Menus;

public static class MenuServices
{
    /// <summary>The command menus: shared ones at start, each person's own when they change.</summary>
    public static IServiceCollection AddCommandMenus(this IServiceCollection services) => services
        .AddSingleton<MenuPublisher>()
        .AddSingleton<IPersonChangeObserver>(sp => sp.GetRequiredService<MenuPublisher>())
        .AddHostedService(sp => sp.GetRequiredService<MenuPublisher>());
}
