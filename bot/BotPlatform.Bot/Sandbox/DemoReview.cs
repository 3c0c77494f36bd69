using BotPlatform.Bot.Documents.Review;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents.Review;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// The client's review to try: a second deal of the demo client (one service) whose documents are drafts, and the
/// contract's review link in the demo client's group (as «🔗 На согласование клиенту» sends it), so a visitor opens
/// the page from the group's «📝 Открыть документ», comments as the client, and answers and accepts as the project
/// manager. The first demo deal is left for the visitor's own /generate. Runs last, once (a second deal means done).
/// </summary>
public sealed class DemoReview(
    ClientRegistry clients,
    IDealStore deals,
    DealDesk desk,
    GenerateDocuments generator,
    DocumentReviews reviews,
    ReviewAddress address,
    IPeopleStore people,
    IOutboxStore outbox,
    Organisation organisation,
    TimeProvider time,
    ILogger<DemoReview> logger) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken ct)
    {
        if (await clients.FindByTaxIdAsync(DemoRecords.Client().Inn!, ct) is not { } client) return;
        var existing = await deals.ByClientAsync(client.Id, ct);
        if (existing.Count != 1 || await people.GetAsync(existing[0].ManagerId, ct) is not { } manager) return;
        var service = organisation.Documents.Services.First();
        var deal = await desk.CreateAsync(new DealDraft(client.Id, [new DealLineDraft(service.Code, 1m)], VatMode.OnTop), manager, ct);
        if (deal.Value is not { } made)
        {
            logger.LogWarning("The review demo's deal was refused: {Problem}", deal.Problem);
            return;
        }
        var set = await generator.GenerateAsync(made.Number, manager, ct);
        if (!set.IsOk || set.Value!.Documents.FirstOrDefault(d => d.AppendixNo is null && d.ParentId is null) is not { } contract)
        {
            logger.LogWarning("The review demo's documents were refused: {Problem}", set.Problem);
            return;
        }
        var issued = await reviews.IssueAsync(contract.Number, manager, ct);
        if (!issued.IsOk)
        {
            logger.LogWarning("The review demo's link was refused: {Problem}", issued.Problem);
            return;
        }
        var link = issued.Value!;
        var url = address.Link(link.Token);
        var lang = organisation.DefaultLanguage;
        var outgoing = new Outgoing("demo:review:" + contract.Number, time);
        foreach (var group in link.GroupChatIds)
            outgoing.Send(group, ReviewTexts.ToGroup.In(lang, contract.Title, contract.Number, url), [[new InlineButton(ReviewTexts.OpenButton.In(lang), Url: url)]]);
        if (manager.ChatId is { } chat)
            outgoing.Send(chat, link.GroupChatIds.Count > 0
                ? ReviewTexts.SentToGroup.In(manager.Language, contract.Number, "")
                : ReviewTexts.ForwardIt.In(manager.Language, contract.Number, url));
        await outbox.EnqueueAsync(outgoing.Messages, ct);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
