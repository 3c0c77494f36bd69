using System.Globalization;
using System.Text.Json;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// /deal new, persisted after every step: the client (searched by name or tax id, picked by a button),
/// then lines (a service from the catalogue's buttons or its typed code, the quantity, the price with
/// the catalogue's as a button), another line or on, the VAT mode, and a card with Create / Another
/// service / VAT / Cancel. Buttons carry "dln:{dialog}:{step}:{value}".
/// </summary>
public sealed class DealDialog(IConversationStore conversations, DealDesk desk, ClientRegistry registry, IUnitOfWork unitOfWork,
    TimeProvider time, Finance.UpsellOffer upsells)
{
    public const string Flow = "deal-new";
    public const string Prefix = "dln";
    public const string ClientStep = "client";
    public const string PickStep = "pick";
    public const string ServiceStep = "service";
    public const string QuantityStep = "qty";
    public const string PriceStep = "price";
    public const string MoreStep = "more";
    public const string VatStep = "vat";
    public const string ConfirmStep = "confirm";
    public const string Catalogue = "catalogue";
    public const string Add = "add";
    public const string Next = "next";
    public const string Create = "create";
    public const string Cancel = "cancel";
    public const string DialogKey = "dialog";
    private const string ClientKey = "client";
    private const string ServiceKey = "service";
    private const string QuantityKey = "quantity";
    private const string LinesKey = "lines";
    private const string VatKey = "vat";

    public async Task StartAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.From is not { } from || context.Update.Message is not { } command) return;
        var conversation = new Conversation
        {
            ChatId = context.ChatId, UserId = from.UserId, Flow = Flow, Step = ClientStep,
            Data = new Dictionary<string, string> { [DialogKey] = command.Id.ToString(CultureInfo.InvariantCulture) },
        };
        await SaveAsync(conversation, ct);
        context.Out.Ask(context.ChatId, DealDialogTexts.Intro.In(context.Lang) + "\n\n" + DealDialogTexts.AskClient.In(context.Lang));
    }

    /// <summary>A typed answer: a client search, a service code, a quantity or a price.</summary>
    public async Task AnswerAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        var text = context.Update.Message?.Text;
        switch (conversation.Step)
        {
            case ClientStep or PickStep:
                await SearchAsync(context, conversation, text, ct);
                return;
            case ServiceStep:
                await ChooseServiceAsync(context, conversation, text, pressed: null, ct);
                return;
            case QuantityStep when DealDesk.Quantity(text) is { IsOk: true } quantity:
                conversation.Data[QuantityKey] = quantity.Value.ToString(CultureInfo.InvariantCulture);
                conversation.Step = PriceStep;
                await SaveAsync(conversation, ct);
                DealDialogViews.AskPrice(context, conversation, CurrentService(conversation), desk.Currency);
                return;
            case QuantityStep:
                context.ReplyProblem(DealDesk.Quantity(text).Problem!);
                DealDialogViews.AskQuantity(context, CurrentService(conversation));
                return;
            case PriceStep when desk.Price(text) is { IsOk: true } price:
                await AddLineAsync(context, conversation, price.Value, ct);
                return;
            case PriceStep:
                context.ReplyProblem(desk.Price(text).Problem!);
                DealDialogViews.AskPrice(context, conversation, CurrentService(conversation), desk.Currency);
                return;
            default:
                context.ReplyProblem(new Problem(FilingProblems.PressAButton));
                return;
        }
    }

    public async Task PressAsync(UpdateContext context, string[] data, CancellationToken ct)
    {
        if (await DialogButtons.CurrentAsync(context, data, conversations, Flow, DialogKey, ct) is not { } press) return;
        var (conversation, pressed, value) = press;
        var done = conversation.Step switch
        {
            PickStep => await PickClientAsync(context, conversation, pressed, value, ct),
            ServiceStep => await ChooseServiceAsync(context, conversation, value, pressed, ct),
            PriceStep when value == Catalogue && CurrentService(conversation)?.Price is { } price =>
                await AddLineAsync(context, conversation, price, ct, pressed),
            MoreStep or ConfirmStep when value == Add => await AskServiceAsync(context, conversation, pressed, ct),
            MoreStep when value == Next => await AskVatAsync(context, conversation, pressed, ct),
            ConfirmStep when value == VatStep => await AskVatAsync(context, conversation, pressed, ct),
            VatStep when Enum.TryParse<VatMode>(value, out var vat) => await ChooseVatAsync(context, conversation, pressed, vat, ct),
            ConfirmStep when value == Create => await CreateAsync(context, conversation, pressed, ct),
            ConfirmStep when value == Cancel => await CancelAsync(context, conversation, pressed, ct),
            _ => false,
        };
        if (!done) await context.AnswerCallbackAsync(RoutingTexts.StaleButton.In(context.Lang), ct: ct);
    }

    private async Task SearchAsync(UpdateContext context, Conversation conversation, string? text, CancellationToken ct)
    {
        var found = await registry.FindAsync(text ?? "", ClientCommand.MaxMatches, ct);
        if (found.Count == 0)
        {
            context.ReplyProblem(new Problem(DealProblems.ClientNotFound));
            context.Out.Ask(context.ChatId, DealDialogTexts.AskClient.In(context.Lang));
            return;
        }
        conversation.Step = PickStep;
        await SaveAsync(conversation, ct);
        context.Reply(DealDialogTexts.PickClient.In(context.Lang),
            found.Select(c => new[]
            {
                new InlineButton(ClientViews.Caption(c), DealDialogViews.Data(conversation, PickStep, c.Id.ToString(CultureInfo.InvariantCulture))),
            }));
    }

    private async Task<bool> PickClientAsync(UpdateContext context, Conversation conversation, int pressed, string value, CancellationToken ct)
    {
        if (!long.TryParse(value, CultureInfo.InvariantCulture, out var id) || await registry.GetAsync(id, ct) is not { } client) return false;
        conversation.Data[ClientKey] = value;
        await context.AnswerCallbackAsync(ct: ct);
        context.Out.Edit(context.ChatId, pressed, DealDialogTexts.ClientChosen.In(context.Lang, ClientViews.Caption(client)));
        return await AskServiceAsync(context, conversation, pressed: null, ct);
    }

    private async Task<bool> AskServiceAsync(UpdateContext context, Conversation conversation, int? pressed, CancellationToken ct)
    {
        conversation.Step = ServiceStep;
        await SaveAsync(conversation, ct);
        if (pressed is { } card)
        {
            await context.AnswerCallbackAsync(ct: ct);
            context.Out.RemoveButtons(context.ChatId, card);
        }
        context.Reply(DealDialogTexts.AskService.In(context.Lang), DealDialogViews.ServiceButtons(desk, conversation, context.Lang));
        return true;
    }

    /// <summary>A service by a pressed button or a typed code; an unknown code is explained and the services offered again.</summary>
    private async Task<bool> ChooseServiceAsync(UpdateContext context, Conversation conversation, string? code, int? pressed, CancellationToken ct)
    {
        var service = desk.Service(code);
        if (!service.IsOk)
        {
            if (pressed is not null) return false;
            context.ReplyProblem(service.Problem!);
            return await AskServiceAsync(context, conversation, pressed: null, ct);
        }
        conversation.Data[ServiceKey] = service.Value!.Code;
        conversation.Step = QuantityStep;
        await SaveAsync(conversation, ct);
        if (pressed is { } message)
        {
            await context.AnswerCallbackAsync(ct: ct);
            context.Out.Edit(context.ChatId, message, DealDialogTexts.ServiceChosen.In(context.Lang, service.Value.Name));
        }
        DealDialogViews.AskQuantity(context, CurrentService(conversation));
        return true;
    }

    private async Task<bool> AddLineAsync(UpdateContext context, Conversation conversation, decimal price, CancellationToken ct, int? pressed = null)
    {
        var quantity = decimal.Parse(conversation.Data[QuantityKey], CultureInfo.InvariantCulture);
        var line = desk.Line(new DealLineDraft(conversation.Data[ServiceKey], quantity, price));
        if (!line.IsOk)
        {
            context.ReplyProblem(line.Problem!);
            return await AskServiceAsync(context, conversation, pressed, ct);
        }
        var lines = Lines(conversation);
        lines.Add(line.Value!);
        conversation.Data[LinesKey] = JsonSerializer.Serialize(lines);
        conversation.Data.Remove(ServiceKey);
        conversation.Data.Remove(QuantityKey);
        conversation.Step = MoreStep;
        await SaveAsync(conversation, ct);
        if (pressed is { } message)
        {
            await context.AnswerCallbackAsync(ct: ct);
            context.Out.RemoveButtons(context.ChatId, message);
        }
        DealDialogViews.LineAdded(context, conversation, line.Value!, lines, desk.Currency);
        return true;
    }

    private async Task<bool> AskVatAsync(UpdateContext context, Conversation conversation, int pressed, CancellationToken ct)
    {
        conversation.Step = VatStep;
        await SaveAsync(conversation, ct);
        await context.AnswerCallbackAsync(ct: ct);
        context.Out.RemoveButtons(context.ChatId, pressed);
        context.Reply(DealDialogTexts.AskVat.In(context.Lang), DealDialogViews.VatButtons(conversation, desk.Catalogue.DefaultVatRate, context.Lang));
        return true;
    }

    private async Task<bool> ChooseVatAsync(UpdateContext context, Conversation conversation, int pressed, VatMode vat, CancellationToken ct)
    {
        conversation.Data[VatKey] = vat.ToString();
        conversation.Step = ConfirmStep;
        await SaveAsync(conversation, ct);
        await context.AnswerCallbackAsync(ct: ct);
        context.Out.Edit(context.ChatId, pressed, DealDialogViews.VatChosen(vat, desk.Catalogue.DefaultVatRate, context.Lang));
        context.Reply(await CardTextAsync(conversation, context.Lang, ct), DealDialogViews.ConfirmButtons(conversation, context.Lang));
        return true;
    }

    private async Task<bool> CreateAsync(UpdateContext context, Conversation conversation, int pressed, CancellationToken ct)
    {
        if (context.Person is not { } manager) return false;
        var lang = context.Lang;
        var draft = new DealDraft(long.Parse(conversation.Data[ClientKey], CultureInfo.InvariantCulture),
            [.. Lines(conversation).Select(l => new DealLineDraft(l.ServiceCode, l.Quantity, l.Price, l.Unit, l.Description))],
            Enum.Parse<VatMode>(conversation.Data[VatKey]));
        // Creating the deal and closing the dialog are one step: a replayed press finds the dialog gone.
        var created = await unitOfWork.RunAsync(async () =>
        {
            var result = await desk.CreateAsync(draft, manager, ct);
            if (result.IsOk) await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
            return result;
        }, ct);
        if (created is not { IsOk: true, Value: { } deal })
        {
            await context.AnswerCallbackAsync(ProblemTexts.Render(created.Problem!, lang), ct: ct);
            context.ReplyProblem(created.Problem!);
            return true;
        }
        await context.AnswerCallbackAsync(DealDialogTexts.CreatedAnswer.In(lang, deal.Number), ct: ct);
        var client = await registry.GetAsync(deal.ClientId, ct);
        context.Out.Edit(context.ChatId, pressed,
            DealDialogTexts.Created.In(lang, deal.Number) + "\n\n" + DealCard.Render(deal, client, manager.Name, [], lang));
        await upsells.OfferAsync(context, deal, manager, ct);
        return true;
    }

    private async Task<bool> CancelAsync(UpdateContext context, Conversation conversation, int pressed, CancellationToken ct)
    {
        await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
        await context.AnswerCallbackAsync(ClientDialogTexts.Cancelled.In(context.Lang), ct: ct);
        context.Out.Edit(context.ChatId, pressed, await CardTextAsync(conversation, context.Lang, ct) + "\n\n" + ClientDialogTexts.Cancelled.In(context.Lang));
        return true;
    }

    private async Task<string> CardTextAsync(Conversation conversation, Lang lang, CancellationToken ct)
    {
        var client = await registry.GetAsync(long.Parse(conversation.Data[ClientKey], CultureInfo.InvariantCulture), ct);
        var vat = Enum.Parse<VatMode>(conversation.Data[VatKey]);
        return DealDialogViews.CardText(client, Lines(conversation), vat, desk.Catalogue.DefaultVatRate, desk.Currency, lang);
    }

    private ServiceDefinition? CurrentService(Conversation conversation) =>
        conversation.Data.TryGetValue(ServiceKey, out var code) ? desk.Catalogue.Service(code) : null;

    private static List<DealLine> Lines(Conversation conversation) =>
        conversation.Data.TryGetValue(LinesKey, out var json) ? JsonSerializer.Deserialize<List<DealLine>>(json) ?? [] : [];

    private async Task SaveAsync(Conversation conversation, CancellationToken ct)
    {
        conversation.UpdatedAt = time.GetUtcNow();
        await conversations.SaveAsync(conversation, ct);
    }
}
