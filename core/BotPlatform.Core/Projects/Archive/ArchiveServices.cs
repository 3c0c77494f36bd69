using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Core.Projects.Archive;

public static class ArchiveServices
{
    /// <summary>The client groups' archive: recording, export, tasks from messages.</summary>
    public static IServiceCollection AddGroupArchive(this IServiceCollection services) => services
        .AddSingleton<GroupArchive>()
        .AddSingleton<ArchiveDesk>()
        .AddSingleton<TaskFromMessage>()
        .AddSingleton<Messaging.IChatMigrationObserver>(s => s.GetRequiredService<GroupArchive>());
}
