using BotPlatform.Core.Finance.Registers;
using LiteDB;

namespace BotPlatform.Infrastructure.Storage;

internal sealed class PaymentRegisterStore(LiteDbContext db) : IPaymentRegisterStore
{
    private readonly ILiteCollection<PaymentRegister> _registers = db.Collection<PaymentRegister>(LiteDbCollections.PaymentRegisters);

    public Task<PaymentRegister?> GetAsync(DateOnly day, CancellationToken ct) =>
        Task.FromResult<PaymentRegister?>(_registers.FindById(PaymentRegister.IdOf(day)));

    public Task<bool> TryInsertAsync(PaymentRegister register, CancellationToken ct) => Task.FromResult(db.Exclusive(() =>
    {
        if (_registers.FindById(register.Id) is not null) return false;
        _registers.Insert(register);
        return true;
    }));
}
