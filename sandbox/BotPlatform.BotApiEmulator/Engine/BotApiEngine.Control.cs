using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace BotPlatform.Testing;

// The control API tests use in process: people and chats, acting as users, reading chats, waiting.
public sealed partial class BotApiEngine
{
    // Patience, not a speed target: a loaded two-core CI machine paces a busy private chat to one message a second.
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly Dictionary<long, UserState> _users = [];
    private readonly Dictionary<long, ChatState> _chats = [];
    private readonly Dictionary<string, FileState> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallbackQueryState> _callbackQueries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FakeBotCommand>> _commands = new(StringComparer.Ordinal);
    private long _userCount;
    private long _groupCount;
    private long _callbackCount;
    private long _fileCount;

    /// <summary>
    /// When true the bot sees in groups only commands, replies to its messages and mentions of it,
    /// as with BotFather's privacy mode on. Off by default: the bot sees every group message.
    /// </summary>
    public bool GroupPrivacyMode { get; set; }

    // ---- people and chats ---------------------------------------------------------------------

    public FakeUser CreateUser(string firstName, string? username = null, string languageCode = "ru")
    {
        lock (_gate)
        {
            var user = new FakeUser(7_000_000_000 + ++_userCount, firstName, username, languageCode);
            var state = new UserState(user);
            _users[user.Id] = state;
            _chats[user.Id] = new ChatState(user.Id, FakeChatType.Private, firstName, username) { PrivateUser = state };
            return user;
        }
    }

    /// <summary>A basic group (negative id) with these members, the bot already among them; no updates.</summary>
    public FakeChat CreateGroup(string title, params FakeUser[] members) => NewGroup(title, members, botIsMember: true);

    /// <summary>A basic group the bot is not in yet; follow with <see cref="AddBotToGroup"/>.</summary>
    public FakeChat CreateGroupWithoutBot(string title, params FakeUser[] members) => NewGroup(title, members, botIsMember: false);

    private FakeChat NewGroup(string title, FakeUser[] members, bool botIsMember)
    {
        lock (_gate)
        {
            var group = new ChatState(-(4_000_000_000 + ++_groupCount), FakeChatType.Group, title) { BotIsMember = botIsMember };
            group.Members.UnionWith(members.Select(m => m.Id));
            _chats[group.Id] = group;
            return group.ToFake();
        }
    }

    /// <summary>A member adds the bot: a my_chat_member update (left -> member).</summary>
    public void AddBotToGroup(FakeChat group, FakeUser byUser)
    {
        lock (_gate)
        {
            var chat = GroupState(group);
            if (chat.BotIsMember)
            {
                throw new InvalidOperationException($"The bot is already in {group.Title}");
            }

            chat.BotIsMember = true;
            chat.BotWasRemoved = false;
            chat.Members.Add(byUser.Id);
            Enqueue("my_chat_member", JsonShapes.ChatMemberUpdated(chat, byUser, UnixNow(), "left", "member", Bot));
        }
    }

    /// <summary>A member removes the bot: a my_chat_member update (member -> left); sends then fail with 403.</summary>
    public void RemoveBotFromGroup(FakeChat group, FakeUser byUser)
    {
        lock (_gate)
        {
            var chat = GroupState(group);
            if (!chat.BotIsMember)
            {
                throw new InvalidOperationException($"The bot is not in {group.Title}");
            }

            chat.BotIsMember = false;
            chat.BotWasRemoved = true;
            Enqueue("my_chat_member", JsonShapes.ChatMemberUpdated(chat, byUser, UnixNow(), "member", "left", Bot));
        }
    }

    /// <summary>
    /// Upgrades a basic group: the old group gets a migrate_to_chat_id service message, the new
    /// supergroup (id -100...) a migrate_from_chat_id one, both as updates; later sends to the old
    /// id fail with "group chat was upgraded to a supergroup chat".
    /// </summary>
    public FakeChat MigrateToSupergroup(FakeChat group, FakeUser? byUser = null)
    {
        lock (_gate)
        {
            var old = GroupState(group);
            if (old.Type != FakeChatType.Group || old.MigratedTo is not null)
            {
                throw new InvalidOperationException($"{group.Title} is not a basic group that can be upgraded");
            }

            var actor = byUser ?? old.Members.Select(id => _users.GetValueOrDefault(id)?.User).FirstOrDefault(u => u is not null)
                ?? throw new InvalidOperationException("Name the user who upgrades the group");
            var supergroup = new ChatState(-1_002_000_000_000 - ++_groupCount, FakeChatType.Supergroup, old.Title, old.Username)
            {
                BotIsMember = old.BotIsMember,
            };
            supergroup.Members.UnionWith(old.Members);
            _chats[supergroup.Id] = supergroup;
            old.MigratedTo = supergroup.Id;

            AppendUserMessage(old, new MessageState(old.Id, old.NextMessageId, actor, UnixNow()) { MigrateToChatId = supergroup.Id });
            AppendUserMessage(supergroup, new MessageState(supergroup.Id, supergroup.NextMessageId, actor, UnixNow()) { MigrateFromChatId = old.Id });
            return supergroup.ToFake();
        }
    }

    /// <summary>The user blocks the bot: a my_chat_member update (member -> kicked); every send to them then fails with 403.</summary>
    public void BlockBot(FakeUser user) => SetBlocked(user, blocked: true);

    /// <summary>The user unblocks the bot: a my_chat_member update (kicked -> member).</summary>
    public void UnblockBot(FakeUser user) => SetBlocked(user, blocked: false);

    private void SetBlocked(FakeUser user, bool blocked)
    {
        lock (_gate)
        {
            var state = UserStateOf(user);
            if (state.BlockedBot == blocked)
            {
                return;
            }

            state.BlockedBot = blocked;
            var (from, to) = blocked ? ("member", "kicked") : ("kicked", "member");
            Enqueue("my_chat_member", JsonShapes.ChatMemberUpdated(_chats[user.Id], user, UnixNow(), from, to, Bot));
        }
    }

    /// <summary>The chat with this id (a user's private chat, a group or a supergroup).</summary>
    public FakeChat Chat(long chatId)
    {
        lock (_gate)
        {
            return ChatById(chatId).ToFake();
        }
    }

    // ---- acting as users ----------------------------------------------------------------------

    /// <summary>The user writes in their private chat with the bot.</summary>
    public FakeMessage SendText(FakeUser user, string text) => SendText(user, user.PrivateChat, text);

    /// <summary>The user writes; a leading /command gets a bot_command entity ("/start CODE" works).</summary>
    public FakeMessage SendText(FakeUser user, FakeChat chat, string text) =>
        UserMessage(user, chat, (state, id) => new MessageState(state.Id, id, user, UnixNow())
        {
            Text = text,
            Entities = CommandEntity(text),
        });

    /// <summary>The user answers a message (e.g. a ForceReply prompt): reply_to_message is set.</summary>
    public FakeMessage Reply(FakeUser user, FakeChat chat, FakeMessage toMessage, string text) =>
        UserMessage(user, chat, (state, id) => new MessageState(state.Id, id, user, UnixNow())
        {
            Text = text,
            Entities = CommandEntity(text),
            ReplyTo = state.Find(toMessage.MessageId) is { Deleted: false } target
                ? target
                : throw new InvalidOperationException($"Message #{toMessage.MessageId} is not in {chat.Title}"),
        });

    public FakeMessage SendDocument(FakeUser user, FakeChat chat, string fileName, byte[] content, string mimeType = "application/octet-stream", string? caption = null) =>
        UserMessage(user, chat, (state, id) => new MessageState(state.Id, id, user, UnixNow())
        {
            Document = StoreUserFile(FileKind.Document, fileName, mimeType, content),
            Caption = caption,
        });

    public FakeMessage SendPhoto(FakeUser user, FakeChat chat, byte[] content, string? caption = null) =>
        UserMessage(user, chat, (state, id) => new MessageState(state.Id, id, user, UnixNow())
        {
            Photo = StoreUserFile(FileKind.Photo, null, "image/jpeg", content),
            Caption = caption,
        });

    public FakeMessage SendSticker(FakeUser user, FakeChat chat) =>
        UserMessage(user, chat, (state, id) => new MessageState(state.Id, id, user, UnixNow())
        {
            Sticker = StoreUserFile(FileKind.Sticker, null, "image/webp", [0x52, 0x49, 0x46, 0x46]),
        });

    /// <summary>
    /// The user edits the text (or the caption) of their own message: an edited_message update when the bot
    /// saw the message (in privacy mode only messages it was shown).
    /// </summary>
    public FakeMessage EditText(FakeUser user, FakeMessage message, string text)
    {
        lock (_gate)
        {
            var chat = ChatById(message.ChatId);
            var state = VisibleMessage(message);
            if (state.From?.Id != user.Id)
            {
                throw new InvalidOperationException($"{user} can edit only their own messages, not #{message.MessageId}");
            }

            if (state.Text is not null)
            {
                state.Text = text;
                state.Entities = CommandEntity(text);
            }
            else
            {
                state.Caption = text;
            }

            state.EditCount++;
            state.EditDate = UnixNow();
            if (BotSees(chat, state))
            {
                Enqueue("edited_message", JsonShapes.Message(state, chat, Bot));
            }

            Changed();
            return ToFake(state);
        }
    }

    /// <summary>
    /// The user deletes their message (an admin any message): it disappears from the chat. Telegram tells
    /// bots nothing about deletions, so no update is sent.
    /// </summary>
    public void DeleteMessage(FakeUser user, FakeMessage message)
    {
        lock (_gate)
        {
            var state = VisibleMessage(message);
            UserStateOf(user);
            state.Deleted = true;
            Changed();
        }
    }

    /// <summary>
    /// The user presses the inline button with this text on the message as it is now; throws if it
    /// has no such callback button. Returns the callback query id.
    /// </summary>
    public string PressButton(FakeUser user, FakeMessage message, string buttonText)
    {
        lock (_gate)
        {
            var current = ToFake(VisibleMessage(message));
            var button = current.Button(buttonText)
                ?? throw new InvalidOperationException(
                    $"Message #{message.MessageId} has no button \"{buttonText}\"; it shows:\n{current.Describe()}");
            return Press(user, message, button.CallbackData
                ?? throw new InvalidOperationException($"Button \"{buttonText}\" opens {button.Url}; it sends no callback"));
        }
    }

    /// <summary>A press with callback data of the test's choosing (a forged or stale button).</summary>
    public string PressCallbackData(FakeUser user, FakeMessage message, string data)
    {
        lock (_gate)
        {
            return Press(user, message, data);
        }
    }

    private string Press(FakeUser user, FakeMessage message, string data)
    {
        var chat = ChatById(message.ChatId);
        var state = VisibleMessage(message);
        var id = (1_000_000_000_000 + ++_callbackCount).ToString(CultureInfo.InvariantCulture);
        var query = new CallbackQueryState(id, chat.Id, _clock.Elapsed);
        _callbackQueries[id] = query;
        chat.LastUserActionAt = chat.Messages.Count;
        Enqueue("callback_query", JsonShapes.CallbackQuery(query, user, JsonShapes.Message(state, chat, Bot), data));
        return id;
    }

    private FakeMessage UserMessage(FakeUser user, FakeChat chat, Func<ChatState, int, MessageState> create)
    {
        lock (_gate)
        {
            UserStateOf(user); // only users of this engine can act
            var state = ChatById(chat.Id);
            if (state.MigratedTo is { } newId)
            {
                throw new InvalidOperationException($"{chat.Title} was upgraded to supergroup {newId}; write there");
            }

            if (state.PrivateUser is { } owner && owner.User.Id != user.Id)
            {
                throw new InvalidOperationException($"{user} cannot write in the private chat of {owner.User}");
            }

            if (state.PrivateUser is { BlockedBot: true })
            {
                throw new InvalidOperationException($"{user} blocked the bot; call UnblockBot first");
            }

            var message = create(state, state.NextMessageId);
            if (state.PrivateUser is { } started)
            {
                started.StartedBot = true;
            }
            else
            {
                state.Members.Add(user.Id);
            }

            AppendUserMessage(state, message);
            return ToFake(message);
        }
    }

    private void AppendUserMessage(ChatState chat, MessageState message)
    {
        chat.Messages.Add(message);
        chat.LastUserActionAt = message.MessageId;
        if (BotSees(chat, message))
        {
            Enqueue("message", JsonShapes.Message(message, chat, Bot));
        }

        Changed();
    }

    private bool BotSees(ChatState chat, MessageState message)
    {
        if (chat.Type == FakeChatType.Private)
        {
            return true;
        }

        if (!chat.BotIsMember)
        {
            return false;
        }

        var text = message.Text ?? message.Caption ?? "";
        return !GroupPrivacyMode
            || message.MigrateToChatId is not null
            || message.MigrateFromChatId is not null
            || text.StartsWith('/')
            || text.Contains('@' + Bot.Username, StringComparison.OrdinalIgnoreCase)
            || message.ReplyTo is { From: null };
    }

    private static JsonArray? CommandEntity(string text)
    {
        if (!text.StartsWith('/') || text.Length < 2)
        {
            return null;
        }

        var end = text.IndexOfAny([' ', '\n', '\t']);
        var length = end < 0 ? text.Length : end;
        return [new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length }];
    }

    private FileState StoreUserFile(FileKind kind, string? fileName, string mimeType, byte[] content)
    {
        var file = NewFile(kind, fileName, mimeType, content);
        RememberFile(file);
        return file;
    }

    // ---- reading ------------------------------------------------------------------------------

    /// <summary>The chat as its members see it: messages not deleted, in order, each with its latest content.</summary>
    public IReadOnlyList<FakeMessage> Messages(FakeChat chat)
    {
        lock (_gate)
        {
            return ChatById(chat.Id).Messages.Where(m => !m.Deleted).Select(ToFake).ToArray();
        }
    }

    public IReadOnlyList<FakeMessage> BotMessages(FakeChat chat) => Messages(chat).Where(m => m.IsFromBot).ToArray();

    /// <summary>One message's latest state, deleted or not.</summary>
    public FakeMessage Message(FakeChat chat, int messageId)
    {
        lock (_gate)
        {
            return ToFake(ChatById(chat.Id).Find(messageId)
                ?? throw new InvalidOperationException($"{chat.Title} has no message #{messageId}"));
        }
    }

    /// <summary>A readable dump of the chat, one message per line, for assertion messages.</summary>
    public string Transcript(FakeChat chat)
    {
        var messages = Messages(chat);
        var text = new StringBuilder($"--- {chat.Title} ({chat.Id}), {messages.Count} message(s) ---");
        foreach (var message in messages)
        {
            text.Append('\n').Append(message.Describe());
        }

        return text.ToString();
    }

    /// <summary>
    /// Waits for a message the bot sent after the user's latest action in the chat (a message or a
    /// button press, as of this call) that matches the predicate (on its latest content), and
    /// returns the oldest such. On timeout throws with the chat's transcript.
    /// </summary>
    public async Task<FakeMessage> WaitForBotMessageAsync(
        FakeChat chat,
        Func<FakeMessage, bool>? predicate = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        int after;
        lock (_gate)
        {
            after = ChatById(chat.Id).LastUserActionAt;
        }

        FakeMessage? found = null;
        var matched = await WaitAsync(
            () =>
            {
                found = BotMessages(chat).FirstOrDefault(m => m.MessageId > after && (predicate?.Invoke(m) ?? true));
                return found is not null;
            },
            timeout ?? DefaultWait,
            cancellationToken);
        return matched && found is not null
            ? found
            : throw new TimeoutException(
                $"No matching bot message after #{after} within {(timeout ?? DefaultWait).TotalSeconds:0.#} s.\n{Transcript(chat)}");
    }

    /// <summary>Waits for any condition, re-checked on every engine change and every 50 ms.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (!await WaitAsync(condition, timeout ?? DefaultWait, cancellationToken))
        {
            throw new TimeoutException($"Condition not met within {(timeout ?? DefaultWait).TotalSeconds:0.#} s.");
        }
    }

    public CallbackAnswerInfo? CallbackAnswer(string callbackQueryId)
    {
        lock (_gate)
        {
            return _callbackQueries.TryGetValue(callbackQueryId, out var query)
                ? query.Answer
                : throw new InvalidOperationException($"No callback query {callbackQueryId}");
        }
    }

    public async Task<CallbackAnswerInfo> WaitForCallbackAnswerAsync(string callbackQueryId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        CallbackAnswerInfo? answer = null;
        return await WaitAsync(() => (answer = CallbackAnswer(callbackQueryId)) is not null, timeout ?? DefaultWait, cancellationToken)
            && answer is not null
            ? answer
            : throw new TimeoutException($"Callback query {callbackQueryId} was not answered within {(timeout ?? DefaultWait).TotalSeconds:0.#} s.");
    }

    /// <summary>The commands set with setMyCommands for this scope type ("default", "all_private_chats", "chat", ...) and language.</summary>
    public IReadOnlyList<FakeBotCommand> MyCommands(string scopeType = "default", string languageCode = "", long? chatId = null)
    {
        lock (_gate)
        {
            return _commands.GetValueOrDefault(CommandsKey(scopeType, languageCode, chatId, null), []).ToArray();
        }
    }

    /// <summary>
    /// The menu a Telegram client shows this user in this chat: the first list set along Telegram's
    /// order ("Determining list of commands" in the Bot API manual), each scope with the user's
    /// language first. Private chats: chat, all_private_chats, default. Groups: chat_member, chat,
    /// all_group_chats, default (the emulator has no chat administrators, so their scopes never apply).
    /// </summary>
    public IReadOnlyList<FakeBotCommand> CommandsSeenBy(FakeUser user, FakeChat chat)
    {
        lock (_gate)
        {
            var scopes = chat.Type == FakeChatType.Private
                ? new (string Type, long? Chat, long? User)[] { ("chat", chat.Id, null), ("all_private_chats", null, null), ("default", null, null) }
                : [("chat_member", chat.Id, user.Id), ("chat", chat.Id, null), ("all_group_chats", null, null), ("default", null, null)];
            var language = user.LanguageCode is { Length: >= 2 } code ? code[..2].ToLowerInvariant() : "";
            foreach (var (type, chatId, userId) in scopes)
            {
                foreach (var lang in language.Length == 0 ? [""] : new[] { language, "" })
                {
                    if (_commands.TryGetValue(CommandsKey(type, lang, chatId, userId), out var commands)) return commands.ToArray();
                }
            }

            return [];
        }
    }

    public FakeFile? File(string fileId)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(fileId)?.ToFake();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private ChatState ChatById(long chatId) =>
        _chats.GetValueOrDefault(chatId) ?? throw new InvalidOperationException($"No chat {chatId}");

    private ChatState GroupState(FakeChat group)
    {
        var chat = ChatById(group.Id);
        return chat.Type == FakeChatType.Private ? throw new InvalidOperationException($"{group.Title} is a private chat") : chat;
    }

    private UserState UserStateOf(FakeUser user) =>
        _users.GetValueOrDefault(user.Id) ?? throw new InvalidOperationException($"{user} was not created by this engine");

    private MessageState VisibleMessage(FakeMessage message) =>
        ChatById(message.ChatId).Find(message.MessageId) is { Deleted: false } state
            ? state
            : throw new InvalidOperationException($"Message #{message.MessageId} in chat {message.ChatId} is deleted or missing");

    private static FakeMessage ToFake(MessageState message)
    {
        var markup = message.ReplyMarkup;
        var inline = markup?["inline_keyboard"]?.AsArray()
            .Select(row => (IReadOnlyList<FakeButton>)(row?.AsArray() ?? [])
                .Select(b => new FakeButton(
                    b?["text"]?.GetValue<string>() ?? "",
                    b?["callback_data"]?.GetValue<string>(),
                    b?["url"]?.GetValue<string>()))
                .ToArray())
            .ToArray() ?? [];
        var reply = markup?["keyboard"]?.AsArray()
            .Select(row => (IReadOnlyList<string>)(row?.AsArray() ?? []).Select(b => b?["text"]?.GetValue<string>() ?? "").ToArray())
            .ToArray() ?? [];
        return new FakeMessage(
            message.ChatId,
            message.MessageId,
            message.From,
            DateTimeOffset.FromUnixTimeSeconds(message.Date),
            message.Text,
            message.Caption,
            inline,
            markup?["force_reply"] is JsonValue forceReply && forceReply.GetValue<bool>(),
            reply,
            message.Document?.ToFake(),
            message.Photo?.ToFake(),
            message.Sticker is not null,
            message.ReplyTo?.MessageId,
            message.EditCount,
            message.Deleted,
            message.MigrateToChatId,
            message.MigrateFromChatId)
        {
            Entities = (message.Entities ?? message.CaptionEntities ?? [])
                .OfType<JsonObject>()
                .Select(e => new FakeEntity(
                    e["type"]?.GetValue<string>() ?? "",
                    Number(e["offset"]),
                    Number(e["length"]),
                    e["url"]?.GetValue<string>(),
                    e["language"]?.GetValue<string>()))
                .ToArray(),
        };
    }

    // Entities the engine parsed from HTML hold ints; those a client sent hold JSON numbers: read both as text.
    private static int Number(JsonNode? node) =>
        int.TryParse(node?.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;
}
