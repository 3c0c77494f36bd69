using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Documents;

/// <summary>The registry's buttons: send all drafts of a deal on, send one on, edit one.</summary>
public sealed class DocCallback(DocumentWorkflow workflow, IDocumentStore documents, DocumentEditing editing, Review.ReviewLinks reviewLinks) : ICallbackHandler
{
    public string Prefix => DocumentButtons.Prefix;

    public async Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (context.Person is not { IsActive: true } me || !DocumentButtons.TryParse(data, out var action, out var id))
        {
            await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), alert: true, ct: ct);
            return;
        }
        await context.AnswerCallbackAsync(ct: ct);
        if (action == DocumentButtons.SubmitAll)
        {
            var results = await workflow.SubmitDealAsync(id, me, context.Out, ct);
            if (results.Count == 0) context.Reply(DocumentTexts.NothingToSubmit);
            foreach (var r in results)
            {
                if (r.IsOk) context.Reply(DocCommand.Submitted(r.Value!, context.Lang));
                else context.ReplyProblem(r.Problem!);
            }
            RemoveButtons(context);
            return;
        }
        if (await documents.GetAsync(id, ct) is not { } doc)
        {
            context.ReplyProblem(new Problem(DocumentProblems.NotFound, id));
            return;
        }
        if (action == DocumentButtons.Submit)
        {
            await DocCommand.SubmitAsync(context, workflow, doc.Number, me, ct);
            RemoveButtons(context);
        }
        else if (action == DocumentButtons.Review)
        {
            await reviewLinks.SendAsync(context, doc.Number, me, ct);
        }
        else
        {
            await editing.StartAsync(context, doc.Number, me, ct);
        }
    }

    private static void RemoveButtons(UpdateContext context)
    {
        if (context.Update.CallbackQuery?.Message is { } message) context.Out.RemoveButtons(context.ChatId, message.Id);
    }
}
