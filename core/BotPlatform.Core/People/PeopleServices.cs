using BotPlatform.Core.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Core.People;

public static class PeopleServices
{
    public static IServiceCollection AddPeople(this IServiceCollection services) => services
        .AddSingleton<Registration>()
        .AddSingleton<Invites>()
        .AddSingleton<Languages>()
        .AddSingleton<Delegation>()
        .AddSingleton<OrganisationBootstrap>()
        .AddSingleton<DepartmentsSync>()
        .AddSingleton<Administration.PeopleAdministration>()
        .AddSingleton<Administration.Deactivation>()
        .AddSingleton<ITimerSource, AbsenceEndTimer>();
}
