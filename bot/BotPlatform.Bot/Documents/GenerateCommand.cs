using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Documents;

/// <summary>/generate DEAL: the deal's documents as drafts, each PDF sent, with a button that sends them all on.</summary>
public sealed class GenerateCommand(GenerateDocuments generator, IPeopleStore people) : ICommandHandler
{
    public string Command => "generate";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, deal) = UpdateRouter.ParseCommand(context.Text);
        if (deal.Length == 0)
        {
            context.Reply(DocumentTexts.GenerateUsage);
            return;
        }
        var result = await generator.GenerateAsync(deal, me, ct);
        if (!result.IsOk)
        {
            context.ReplyProblem(result.Problem!);
            if (result.Problem!.Code == DocumentProblems.TemplateFailed) await TellAdminsAsync(context, result.Problem, me, ct);
            return;
        }
        var set = result.Value!;
        var lang = context.Lang;
        foreach (var doc in set.Documents)
            context.Out.SendDocument(context.ChatId, doc.PdfKey!, DocumentRendering.FileName(doc), $"{doc.Title} {doc.Number}");
        var lines = set.Documents.Select(d => DocumentTexts.GeneratedLine.In(lang, d.Title, d.Number, DocumentCards.Route(d).In(lang))
            + (set.Replaced.TryGetValue(d.Id, out var old) ? DocumentTexts.ReplacesLine.In(lang, old) : ""));
        var text = DocumentTexts.Generated.In(lang, set.Deal.Number, set.Client.LegalName) + "\n" + string.Join("\n", lines);
        var appendices = set.Documents.Any(d => d.AppendixNo is not null);
        text += !appendices ? "" : set.Source switch
        {
            ContractSource.Framework or ContractSource.Paper => "\n\n" + DocumentTexts.UnderFramework.In(lang, set.ContractNumber),
            ContractSource.Deal => "\n\n" + DocumentTexts.UnderDealContract.In(lang, set.ContractNumber),
            _ => "",
        };
        text += "\n\n" + DocumentTexts.GeneratedFooter.In(lang);
        context.Reply(text, [[new InlineButton(DocumentTexts.SubmitAllButton.In(lang), DocumentButtons.SubmitDeal(set.Deal.Id))]]);
    }

    /// <summary>A broken template is the admins' to fix: they get the same line and message.</summary>
    private async Task TellAdminsAsync(UpdateContext context, Core.Common.Problem problem, Person me, CancellationToken ct)
    {
        foreach (var admin in await people.WithRoleAsync(Role.Admin, ct))
        {
            if (admin.Id == me.Id || admin.ChatId is not { } chat || !admin.IsActive) continue;
            context.Out.Send(chat, "⚠️ " + ProblemTexts.Render(problem, admin.Language));
        }
    }
}
