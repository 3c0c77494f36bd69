using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using static BotPlatform.Bot.Documents.DealDialog;

namespace BotPlatform.Bot.Documents;

/// <summary>How /deal new reads in the chat: its questions, buttons and the confirmation card.</summary>
public static class DealDialogViews
{
    public static string Data(Conversation conversation, string step, string value) => $"{Prefix}:{conversation.Data[DialogKey]}:{step}:{value}";

    /// <summary>One button per catalogue service: "SMM-сопровождение · 120 000,00 ₽/мес.".</summary>
    public static IEnumerable<InlineButton[]> ServiceButtons(DealDesk desk, Conversation conversation, Lang lang) =>
        desk.Catalogue.Services.Select(s => new[]
        {
            new InlineButton(s.Price is { } price ? $"{s.Name} · {DealCard.Money(price, desk.Currency, lang)}/{s.Unit}" : s.Name,
                Data(conversation, ServiceStep, s.Code)),
        });

    public static void AskQuantity(UpdateContext context, ServiceDefinition? service) =>
        context.Out.Ask(context.ChatId, DealDialogTexts.AskQuantity.In(context.Lang, service?.Unit ?? ""),
            DealDialogTexts.PlaceholderQuantity.In(context.Lang));

    /// <summary>With the catalogue's price as a button when the service has one, else a typed price.</summary>
    public static void AskPrice(UpdateContext context, Conversation conversation, ServiceDefinition? service, string currency)
    {
        var lang = context.Lang;
        if (service?.Price is not { } price)
        {
            context.Out.Ask(context.ChatId, DealDialogTexts.AskPriceNoDefault.In(lang, service?.Unit ?? ""), DealDialogTexts.PlaceholderPrice.In(lang));
            return;
        }
        var shown = DealCard.Money(price, currency, lang);
        context.Reply(DealDialogTexts.AskPrice.In(lang, service.Unit, shown),
            [[new InlineButton(DealDialogTexts.CataloguePrice.In(lang, shown), Data(conversation, PriceStep, Catalogue))]]);
    }

    public static void LineAdded(UpdateContext context, Conversation conversation, DealLine line, IReadOnlyList<DealLine> lines, string currency)
    {
        var lang = context.Lang;
        var added = $"{line.Description} — {DealCard.Quantity(line.Quantity, lang)} {line.Unit} × {DealCard.Money(line.Price, currency, lang)}";
        context.Reply(DealDialogTexts.LineAdded.In(lang, added, DealCard.Body(lines, VatMode.None, 0m, currency, lang)),
            [[
                new InlineButton(DealDialogTexts.AddLine.In(lang), Data(conversation, MoreStep, Add)),
                new InlineButton(DealDialogTexts.Finish.In(lang), Data(conversation, MoreStep, Next)),
            ]]);
    }

    public static InlineButton[][] VatButtons(Conversation conversation, decimal rate, Lang lang) =>
    [
        [new InlineButton(DealDialogTexts.NoVat.In(lang), Data(conversation, VatStep, nameof(VatMode.None)))],
        [new InlineButton(DealDialogTexts.VatOnTop.In(lang, DealCard.Rate(rate, lang)), Data(conversation, VatStep, nameof(VatMode.OnTop)))],
        [new InlineButton(DealDialogTexts.VatIncluded.In(lang, DealCard.Rate(rate, lang)), Data(conversation, VatStep, nameof(VatMode.Included)))],
    ];

    public static string VatChosen(VatMode vat, decimal rate, Lang lang) => vat switch
    {
        VatMode.OnTop => DealDialogTexts.VatOnTop.In(lang, DealCard.Rate(rate, lang)),
        VatMode.Included => DealDialogTexts.VatIncluded.In(lang, DealCard.Rate(rate, lang)),
        _ => DealDialogTexts.NoVat.In(lang),
    };

    public static InlineButton[][] ConfirmButtons(Conversation conversation, Lang lang) =>
    [
        [new InlineButton(DealDialogTexts.CreateButton.In(lang), Data(conversation, ConfirmStep, Create))],
        [
            new InlineButton(DealDialogTexts.AddLine.In(lang), Data(conversation, ConfirmStep, Add)),
            new InlineButton(DealDialogTexts.ChangeVat.In(lang), Data(conversation, ConfirmStep, VatStep)),
            new InlineButton(FilingTexts.CancelButton.In(lang), Data(conversation, ConfirmStep, Cancel)),
        ],
    ];

    public static string CardText(Client? client, IReadOnlyList<DealLine> lines, VatMode vat, decimal rate, string currency, Lang lang) =>
        DealDialogTexts.Check.In(lang) + "\n\n"
        + DealCard.ClientLine.In(lang, client is null ? "—" : ClientViews.Caption(client)) + "\n\n"
        + DealCard.Body(lines, vat, rate, currency, lang);
}
