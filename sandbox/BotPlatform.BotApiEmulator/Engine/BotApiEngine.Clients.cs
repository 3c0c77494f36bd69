namespace BotPlatform.Testing;

// What a chat client over the engine needs (the sandbox page): who exists, which chats a person
// sees, and a signal to wait on instead of polling.
public sealed partial class BotApiEngine
{
    /// <summary>Every user created on this engine, in creation order.</summary>
    public IReadOnlyList<FakeUser> Users
    {
        get
        {
            lock (_gate)
            {
                return _users.Values.Select(u => u.User).OrderBy(u => u.Id).ToArray();
            }
        }
    }

    public FakeUser? FindUser(long userId)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(userId)?.User;
        }
    }

    /// <summary>
    /// The chats the user sees, as a Telegram client lists them: the private chat with the bot first,
    /// then the groups they are a member of (a group upgraded to a supergroup shows as the supergroup).
    /// </summary>
    public IReadOnlyList<FakeChat> ChatsOf(FakeUser user)
    {
        lock (_gate)
        {
            UserStateOf(user);
            var groups = _chats.Values
                .Where(c => c.Type != FakeChatType.Private && c.MigratedTo is null && c.Members.Contains(user.Id))
                .OrderBy(c => c.Type)
                .ThenByDescending(c => c.Id)
                .Select(c => c.ToFake());
            return [_chats[user.Id].ToFake(), .. groups];
        }
    }

    /// <summary>
    /// Completes at the next change of the engine's state (a message, an edit, a press, an update
    /// taken). Take it before reading the state, then await it: no change between the two is missed.
    /// </summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }
}
