using System.Globalization;
using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Finance.Registers;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Finance;

/// <summary>/register [DATE]: the payment register of today, a coming day (as it stands) or a past day (as it was sent).</summary>
public sealed class RegisterCommand(PaymentRegisters registers, Organisation organisation, TimeProvider time) : ICommandHandler
{
    public string Command => "register";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.InPrivateChat() || context.Person is not { } me) return;
        var (_, argument) = UpdateRouter.ParseCommand(context.Text);
        DateOnly? day = null;
        if (argument.Length > 0)
        {
            if (!TryParseDay(argument, out var parsed))
            {
                context.Reply(RegisterTexts.BadDate, argument);
                return;
            }
            day = parsed;
        }
        var result = await registers.ShowAsync(me, day, ct);
        if (result.Value is not { } view)
        {
            context.ReplyProblem(result.Problem!);
            return;
        }
        context.Reply(view.Text, view.Buttons);
        if (view.FileKey.Length > 0) context.Out.SendDocument(context.ChatId, view.FileKey, view.FileName, view.Caption);
    }

    /// <summary>"24.11" is this year's 24 November (a register is often asked for a day just past).</summary>
    private bool TryParseDay(string text, out DateOnly day)
    {
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        if (DateOnly.TryParseExact(text.Trim() + "." + today.Year.ToString(CultureInfo.InvariantCulture), "d.M.yyyy",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return true;
        return DateInput.TryParse(text, today, out day);
    }
}
