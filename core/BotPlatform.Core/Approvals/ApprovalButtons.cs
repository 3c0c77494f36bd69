using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;

namespace BotPlatform.Core.Approvals;

/// <summary>
/// Callback data of approval buttons, "ap:{request id}:{step seq}:{action}[:{argument}]" (under 64
/// bytes). The step's sequence number makes a button from an earlier step visit stale.
/// </summary>
public static class ApprovalButtons
{
    public const string Prefix = "ap";
    public const string Approve = "a";
    public const string Reject = "r";
    public const string Freeze = "f";
    public const string RequestDocuments = "d";
    public const string TaskDone = "t";
    public const string QuickReason = "q";
    public const string Unfreeze = "u";
    public const string Withdraw = "w";
    public const string Show = "s";

    public static string Data(long requestId, int seq, string action, int? argument = null) =>
        argument is { } a ? $"{Prefix}:{requestId}:{seq}:{action}:{a}" : $"{Prefix}:{requestId}:{seq}:{action}";

    public readonly record struct Parsed(long RequestId, int Seq, string Action, int? Argument);

    /// <summary>Parses the parts after splitting on ':'; false for anything forged or malformed.</summary>
    public static bool TryParse(string[] parts, out Parsed parsed)
    {
        parsed = default;
        if (parts.Length is < 4 or > 5 || parts[0] != Prefix) return false;
        if (!long.TryParse(parts[1], out var id) || !int.TryParse(parts[2], out var seq) || id <= 0 || seq < 0) return false;
        if (parts[3] is not (Approve or Reject or Freeze or RequestDocuments or TaskDone or QuickReason or Unfreeze or Withdraw or Show))
            return false;
        int? argument = null;
        if (parts.Length == 5)
        {
            if (!int.TryParse(parts[4], out var a) || a < 0) return false;
            argument = a;
        }
        if (parts[3] is TaskDone or QuickReason && argument is null) return false;
        parsed = new Parsed(id, seq, parts[3], argument);
        return true;
    }

    public static InlineButton[][] ForApproval(ApprovalRequest request, Lang lang, bool full = true)
    {
        var seq = request.Current!.Seq;
        var decide = new[]
        {
            new InlineButton(ApprovalTexts.ApproveButton.In(lang), Data(request.Id, seq, Approve)),
            new InlineButton(ApprovalTexts.RejectButton.In(lang), Data(request.Id, seq, Reject)),
        };
        if (!full) return [decide];
        return
        [
            decide,
            [
                new InlineButton(ApprovalTexts.FreezeButton.In(lang), Data(request.Id, seq, Freeze)),
                new InlineButton(ApprovalTexts.RequestDocumentsButton.In(lang), Data(request.Id, seq, RequestDocuments)),
            ],
        ];
    }

    public static InlineButton[][] ForTask(ApprovalRequest request, Assignment task, Lang lang) =>
    [[
        new InlineButton(
            task.CompletedBy == TaskCompletion.File ? ApprovalTexts.AttachFileButton.In(lang) : ApprovalTexts.TaskDoneButton.In(lang),
            Data(request.Id, request.Current!.Seq, TaskDone, task.No)),
    ]];

    public static InlineButton[][] ForInitiator(ApprovalRequest request, Lang lang) =>
        request.IsClosed || request.Current is { Kind: StepKind.Tasks }
            ? []
            : [[new InlineButton(ApprovalTexts.WithdrawButton.In(lang), Data(request.Id, 0, Withdraw))]];

    public static InlineButton[][] ForFrozen(ApprovalRequest request, Lang lang) =>
        [[new InlineButton(ApprovalTexts.UnfreezeButton.In(lang), Data(request.Id, request.Current?.Seq ?? 0, Unfreeze))]];

    public static InlineButton[][] QuickReasons(ApprovalRequest request, IReadOnlyList<string> reasons) =>
        reasons.Select((reason, i) => new[] { new InlineButton(reason, Data(request.Id, request.Current!.Seq, QuickReason, i)) }).ToArray();

    /// <summary>The buttons a card shows to this viewer: what they may do with the request now.</summary>
    public static InlineButton[][] ForViewer(ApprovalRequest request, People.Person viewer, PeopleDirectory people, Lang lang)
    {
        if (request.Status == RequestStatus.Frozen && (viewer.Has(People.Role.OpsManager) || viewer.Has(People.Role.FinanceManager)))
            return ForFrozen(request, lang);
        if (request.Status == RequestStatus.InProgress && request.Current is { } step)
        {
            var mine = step.Assignments.Where(a => !a.Done && people.MayAct(a, viewer, out _)).ToList();
            if (step.Kind == StepKind.Approval && mine.Count > 0) return ForApproval(request, lang);
            if (mine.Count > 0) return mine.SelectMany(a => ForTask(request, a, lang)).ToArray();
        }
        return request.InitiatorId == viewer.Id ? ForInitiator(request, lang) : [];
    }

    public static InlineButton[] ShowButton(ApprovalRequest request) =>
        [new InlineButton(request.Number, Data(request.Id, 0, Show))];
}
