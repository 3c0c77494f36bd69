namespace BotPlatform.Core.Printing;

/// <summary>
/// An envelope's address label as the Russian Post expects it: the recipient (organisation, contact), street
/// and house, city, region and the postcode on its own line; the documents inside by their codes; the
/// sender's return address.
/// </summary>
public sealed class AddressLabel
{
    public string Recipient { get; set; } = "";
    public string? Contact { get; set; }
    /// <summary>Street and house, city, region: one line each, as printed.</summary>
    public List<string> AddressLines { get; set; } = [];
    public string Postcode { get; set; } = "";
    public List<string> DocumentCodes { get; set; } = [];
    public string Sender { get; set; } = "";
    public List<string> SenderAddressLines { get; set; } = [];
    public string? SenderPostcode { get; set; }
    public long? ClientId { get; set; }
}
