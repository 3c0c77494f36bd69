using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// The demo client ООО «Ромашка» as a record with full requisites and one deal of two services, made
/// by the project manager through the same use cases as /client new and /deal new. Runs once the
/// organisation's people are seeded (after every hosted service has started) and only on a database
/// that lacks the client, so a restart on kept sandbox data adds nothing twice.
/// </summary>
public sealed class DemoRecords(
    ClientRegistry clients,
    DealDesk deals,
    IPeopleStore people,
    Organisation organisation,
    ILogger<DemoRecords> logger) : IHostedLifecycleService
{
    public static Client Client() => new()
    {
        Country = "RU", LegalName = DemoSeeder.Client.Name, Inn = "7709123453", Kpp = "770901001",
        LegalAddress = "105064, г. Москва, ул. Земляной Вал, д. 9, офис 12", Postcode = "105064",
        PostalAddress = "г. Москва, ул. Земляной Вал, д. 9, офис 12",
        Bank = new BankDetails
        {
            BankName = "АО «Тинькофф Банк»", Bik = "044525974", Account = "40702810490000012345",
            CorrespondentAccount = "30101810145250000974",
        },
        Signatory = "Соколова Алина Сергеевна", SignatoryPosition = "Генеральный директор", Basis = "Устава",
        Email = "alina@romashka.example",
    };

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var client = Client();
        if (await clients.FindByTaxIdAsync(client.Inn!, cancellationToken) is not null) return;
        var manager = organisation.Definition.People.FirstOrDefault(p => p.Roles.Contains(Role.ProjectManager) && p.Username is not null);
        if (manager is null || await people.FindByUsernameAsync(manager.Username!, cancellationToken) is not { } person)
        {
            logger.LogWarning("The demo organisation has no project manager with a username; the demo client and deal are left out");
            return;
        }

        var created = await clients.CreateAsync(client, person, cancellationToken);
        if (created.Value is not { } stored)
        {
            logger.LogWarning("The demo client was refused: {Problem}", created.Problem);
            return;
        }
        var services = organisation.Documents.Services;
        var lines = services.Take(2).Select(s => new DealLineDraft(s.Code, s.Unit == "час" ? 20m : 1m)).ToList();
        var deal = await deals.CreateAsync(new DealDraft(stored.Id, lines, VatMode.OnTop), person, cancellationToken);
        if (!deal.IsOk) logger.LogWarning("The demo deal was refused: {Problem}", deal.Problem);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
