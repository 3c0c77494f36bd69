using BotPlatform.Core.Mail;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

internal sealed class MailScheduleStore(LiteDbContext db) : IMailScheduleStore
{
    private readonly ILiteCollection<MailSchedule> _schedule = db.Collection<MailSchedule>(LiteDbCollections.MailSchedule);

    public Task<MailSchedule?> GetAsync(CancellationToken ct) => Task.FromResult<MailSchedule?>(_schedule.FindById("unreturned"));

    public Task SaveAsync(MailSchedule schedule, CancellationToken ct)
    {
        _schedule.Upsert(schedule);
        return Task.CompletedTask;
    }
}
