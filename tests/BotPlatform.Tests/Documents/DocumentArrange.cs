using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.People;
using BotPlatform.Core.Printing;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

/// <summary>Clients and deals put straight into their stores (the /client and /deal dialogs have their own tests).</summary>
public static class DocumentArrange
{
    /// <summary>A Russian company with every requisite a contract needs; INN checksums are valid.</summary>
    public static Client Romashka() => new()
    {
        Country = "RU", LegalName = "ООО «Ромашка»", Inn = "7707083893", Kpp = "773601001",
        LegalAddress = "117997, г. Москва, ул. Вавилова, д. 19", Postcode = "117997", PostalAddress = "г. Москва, ул. Вавилова, д. 19",
        Bank = new BankDetails
        {
            BankName = "АО «Альфа-Банк»", Bik = "044525593", Account = "40702810701300000001", CorrespondentAccount = "30101810200000000593",
        },
        Signatory = "Иванов Иван Иванович", SignatoryPosition = "Генеральный директор", Basis = "Устава",
    };

    public static async Task<Client> ClientAsync(this BotHost host, Client? client = null)
    {
        client ??= Romashka();
        client.CreatedAt = host.Time.GetUtcNow();
        await host.Get<IClientStore>().InsertAsync(client, default);
        return client;
    }

    public static DealLine Line(string service, decimal quantity, decimal price, string? description = null)
    {
        var definition = Core.Documents.DocumentsDefinition.Default.Service(service);
        return new DealLine
        {
            ServiceCode = service, Description = description ?? definition?.Name ?? service, Quantity = quantity, Unit = definition?.Unit ?? "усл.",
            Price = price,
        };
    }

    public static async Task<Deal> DealAsync(this BotHost host, string number, Client client, FakeUser manager, VatMode vat, decimal rate,
        params DealLine[] lines)
    {
        var person = (await host.Get<IPeopleStore>().FindByUsernameAsync(manager.Username!, default))!;
        var deal = new Deal
        {
            Number = number, ClientId = client.Id, ManagerId = person.Id, Currency = "RUB", Vat = vat, VatRate = rate, Lines = [.. lines],
            CreatedAt = host.Time.GetUtcNow(),
        };
        await host.Get<IDealStore>().InsertAsync(deal, default);
        return deal;
    }

    public static async Task<Document> DocAsync(this BotHost host, string number) =>
        (await host.Get<IDocumentStore>().FindByNumberAsync(number, default))
        ?? throw new InvalidOperationException($"No document {number}");

    public static async Task<IReadOnlyList<Document>> AllDocumentsAsync(this BotHost host) =>
        await host.Get<IDocumentStore>().SearchAsync(new DocumentFilter(), 1000, default);

    public static async Task<IReadOnlyList<PrintJob>> JobsAsync(this BotHost host, Document doc) =>
        await host.Get<IPrintJobStore>().ByDocumentAsync(doc.Id, default);

    /// <summary>The PDF the bot sent to the chat with this file name (a slash of an appendix number is a dash).</summary>
    public static FakeMessage PdfIn(this BotHost host, FakeUser user, string number) =>
        host.Tg.BotMessages(user.PrivateChat).LastOrDefault(m => m.Document?.FileName == number.Replace('/', '-') + ".pdf")
        ?? throw new InvalidOperationException($"{user.FirstName} has no {number}.pdf:\n{host.Tg.Transcript(user.PrivateChat)}");
}
