using BotPlatform.Core.Documents;
using BotPlatform.Core.Printing;

namespace BotPlatform.Core.Mail;

/// <summary>The envelope's label from the client's card: the recipient in the order the Russian Post reads it.</summary>
public static class AddressLabels
{
    private static readonly string[] StreetMarks =
        ["ул.", "улица", "пр-т", "проспект", "пр.", "пер.", "переулок", "наб.", "набережная", "ш.", "шоссе", "б-р", "бульвар", "пл.", "площадь",
         "д.", "дом", "корп.", "к.", "стр.", "оф.", "офис", "кв.", "пом.", "помещение", "мкр", "проезд", "тупик"];

    private static readonly string[] CityMarks = ["г.", "город", "пос.", "п.", "с.", "село", "дер.", "д-ня", "пгт", "ст-ца"];

    private static readonly string[] RegionMarks = ["обл.", "область", "край", "респ.", "республика", "АО", "р-н", "район"];

    public static AddressLabel For(Client client, IEnumerable<string> codes, Client? sender) => new()
    {
        Recipient = client.LegalName,
        // A record read back from storage may hold nulls where the class has empty strings.
        Contact = string.Join(" ", new[] { client.SignatoryPosition, client.Signatory }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } c ? c : null,
        AddressLines = Lines(Address(client)),
        Postcode = client.Postcode ?? "",
        DocumentCodes = codes.ToList(),
        Sender = sender?.LegalName ?? "",
        SenderAddressLines = sender is null ? [] : Lines(Address(sender)),
        SenderPostcode = sender?.Postcode,
        ClientId = client.Id,
    };

    /// <summary>"г. Москва, ул. Вавилова, д. 19" -> "ул. Вавилова, д. 19", "г. Москва": street and house, city, region.</summary>
    public static List<string> Lines(string address)
    {
        var parts = address.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var street = new List<string>();
        var city = new List<string>();
        var region = new List<string>();
        foreach (var part in parts)
        {
            if (part.All(char.IsDigit)) continue;
            if (Has(part, RegionMarks)) region.Add(part);
            else if (Has(part, CityMarks) && !Has(part, StreetMarks)) city.Add(part);
            else street.Add(part);
        }
        return new[] { string.Join(", ", street), string.Join(", ", city), string.Join(", ", region) }.Where(l => l.Length > 0).ToList();
    }

    private static bool Has(string part, string[] marks) =>
        part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => marks.Contains(word, StringComparer.OrdinalIgnoreCase));

    private static string Address(Client client) =>
        !string.IsNullOrWhiteSpace(client.PostalAddress) ? client.PostalAddress : WithoutPostcode(client.LegalAddress ?? "");

    private static string WithoutPostcode(string address) =>
        string.Join(", ", address.Split(',', StringSplitOptions.TrimEntries).Where(p => !(p.Length == 6 && p.All(char.IsDigit))));
}
