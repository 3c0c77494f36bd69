using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;

namespace BotPlatform.Bot.Approvals;

public static class PrivateChatOnly
{
    /// <summary>
    /// Requests are shown only in the person's private chat: in a group, everyone would read what only
    /// the sender may see. False (with a hint) in a group.
    /// </summary>
    public static bool InPrivateChat(this UpdateContext context)
    {
        if (context.IsPrivateChat) return true;
        context.Reply(ApprovalListTexts.PrivateChatOnly);
        return false;
    }
}
