namespace BotPlatform.Core.Finance.Registers;

/// <summary>One payment of a register, as it stood when the register was built.</summary>
public sealed class RegisterLine
{
    public long RequestId { get; set; }
    public string Number { get; set; } = "";
    public string CostItem { get; set; } = "";
    public string CostItemName { get; set; } = "";
    public string Counterparty { get; set; } = "";
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "RUB";
    public DateOnly Due { get; set; }
    public long InitiatorId { get; set; }
    public string Initiator { get; set; } = "";
    public bool Overdue { get; set; }
    /// <summary>The step visit and the payment task: the register's "paid" button is the task's own button.</summary>
    public int Seq { get; set; }
    public int TaskNo { get; set; }
}

/// <summary>
/// The register of one payment day as it was sent (kept for good, so a past day's register reads as
/// it was). Its id is the day ("2026-11-24"): storing it is what makes the morning send happen once.
/// </summary>
public sealed class PaymentRegister
{
    public string Id { get; set; } = "";
    public DateOnly Day { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public List<RegisterLine> Lines { get; set; } = [];
    public string? FileKey { get; set; }
    public string FileName { get; set; } = "";

    public static string IdOf(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public interface IPaymentRegisterStore
{
    Task<PaymentRegister?> GetAsync(DateOnly day, CancellationToken ct);
    /// <summary>Stores the register of a day; false when that day's register is already stored.</summary>
    Task<bool> TryInsertAsync(PaymentRegister register, CancellationToken ct);
}
