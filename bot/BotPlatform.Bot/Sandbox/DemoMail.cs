using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Printing.Agents;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// Paper for the office manager to try: a second demo client (ООО «Василёк») whose contract and invoice are approved
/// and printed by the demo office's printing agent "office-demo" (registered as /agent new does, with a document and
/// a label printer in its heartbeat). The office manager can scan them out (/scan out and the document numbers),
/// back in, read /mail and /unreturned, and see the agent in /agent. Runs after <see cref="DemoRecords"/>, once.
/// </summary>
public sealed class DemoMail(
    ClientRegistry clients,
    DealDesk deals,
    GenerateDocuments generator,
    DocumentWorkflow workflow,
    PrintQueue queue,
    PrintAgents agents,
    IPeopleStore people,
    Organisation organisation,
    TimeProvider time,
    ILogger<DemoMail> logger) : IHostedLifecycleService
{
    public const string AgentName = "office-demo";

    public static Client Client() => new()
    {
        Country = "RU", LegalName = "ООО «Василёк»", Inn = "7707083893", Kpp = "773601001",
        LegalAddress = "197046, г. Санкт-Петербург, ул. Куйбышева, д. 4, офис 7", Postcode = "197046",
        PostalAddress = "г. Санкт-Петербург, ул. Куйбышева, д. 4, офис 7",
        Bank = new BankDetails
        {
            BankName = "АО «Тинькофф Банк»", Bik = "044525974", Account = "40702810490000012345", CorrespondentAccount = "30101810145250000974",
        },
        Signatory = "Лебедев Олег Петрович", SignatoryPosition = "Директор", Basis = "Устава",
    };

    public async Task StartedAsync(CancellationToken ct)
    {
        if (await clients.FindByTaxIdAsync(Client().Inn!, ct) is not null) return;
        var definitions = organisation.Definition.People;
        var admin = definitions.FirstOrDefault(p => p.Roles.Contains(Role.Admin) && p.Username is not null);
        if (admin is null || await people.FindByUsernameAsync(admin.Username!, ct) is not { } boss)
        {
            logger.LogWarning("The demo organisation lacks an admin with a username; the mail demo is left out");
            return;
        }
        var registered = await agents.RegisterAsync(AgentName, boss, ct);
        if (registered.IsOk)
            await agents.HeartbeatAsync(registered.Value.Agent.Id,
                [new PrinterReport("HP LaserJet (CUPS)", PrinterKinds.Document, "ready", null), new PrinterReport("Zebra ZD421", PrinterKinds.Label, "ready", null)],
                "demo", ct);

        // The admin (the demo's ops manager) is the deal's manager: the project manager's chat keeps only the demo deal's papers.
        var client = await clients.CreateAsync(Client(), boss, ct);
        if (client.Value is not { } stored)
        {
            logger.LogWarning("The mail demo's client was refused: {Problem}", client.Problem);
            return;
        }
        var service = organisation.Documents.Services.Last();
        var deal = await deals.CreateAsync(new DealDraft(stored.Id, [new DealLineDraft(service.Code, 10m)], VatMode.OnTop), boss, ct);
        if (deal.Value is not { } made)
        {
            logger.LogWarning("The mail demo's deal was refused: {Problem}", deal.Problem);
            return;
        }
        var set = await generator.GenerateAsync(made.Number, boss, ct);
        if (!set.IsOk)
        {
            logger.LogWarning("The mail demo's documents were refused: {Problem}", set.Problem);
            return;
        }
        foreach (var doc in set.Value!.Documents.Where(d => DocumentRelease.ApprovalKind(d) is null))
            await workflow.SubmitAsync(doc.Number, boss, new Outgoing("sandbox:demo-mail:" + doc.Number, time), ct);
        while (await queue.ClaimAsync([PrintJob.DocumentsPrinter], AgentName, TimeSpan.FromMinutes(2), ct) is { } job)
            await queue.AckPrintedAsync(job.Id, AgentName, ct);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
