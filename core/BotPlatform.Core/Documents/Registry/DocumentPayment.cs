namespace BotPlatform.Core.Documents.Registry;

/// <summary>One payment recorded against an invoice: how much, the day the money came, who recorded it.</summary>
public sealed class DocumentPayment
{
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "RUB";
    public DateOnly PaidOn { get; set; }
    public long RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The unit of work (update) that recorded it: a replayed update finds its payment and records nothing twice.</summary>
    public string Key { get; set; } = "";
}
