using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BotPlatform.Testing;

// The Bot API methods (all but getUpdates, which waits: see BotApiEngine.Updates.cs).
// Each runs under the lock and checks everything before it changes anything, so a rejected call
// leaves no trace but its entry in the request log.
public sealed partial class BotApiEngine
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private const int MaxCallbackAnswerLength = 200;
    private const long MaxUploadBytes = 50L * 1024 * 1024;
    private const long MaxDownloadBytes = 20L * 1024 * 1024;

    private static readonly string[] ChatActions =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    private Dictionary<string, Func<BotApiArgs, JsonNode>> MethodTable() => new(StringComparer.Ordinal)
    {
        ["getMe"] = _ => JsonShapes.Me(Bot, canReadAllGroupMessages: !GroupPrivacyMode),
        ["setWebhook"] = SetWebhook,
        ["deleteWebhook"] = DeleteWebhook,
        ["getWebhookInfo"] = _ => WebhookInfo(),
        ["sendMessage"] = SendMessage,
        ["editMessageText"] = EditMessageText,
        ["editMessageReplyMarkup"] = EditMessageReplyMarkup,
        ["deleteMessage"] = DeleteMessage,
        ["answerCallbackQuery"] = AnswerCallbackQuery,
        ["sendDocument"] = args => SendFile(args, "sendDocument", FileKind.Document),
        ["sendPhoto"] = args => SendFile(args, "sendPhoto", FileKind.Photo),
        ["getFile"] = GetFile,
        ["setMyCommands"] = SetMyCommands,
        ["getMyCommands"] = GetMyCommands,
        ["deleteMyCommands"] = DeleteMyCommands,
        ["sendChatAction"] = SendChatAction,
        ["getChat"] = GetChat,
    };

    private JsonNode SendMessage(BotApiArgs args)
    {
        var chat = ChatForBot(args);
        var (text, entities) = FormattedText(args, "text", "entities", MaxTextLength);
        var markup = ReplyMarkup(args);
        var message = new MessageState(chat.Id, chat.NextMessageId, null, UnixNow())
        {
            Text = text,
            Entities = entities,
            ReplyMarkup = markup,
            ReplyTo = ReplyTarget(chat, args),
        };
        AppendBotMessage(chat, message, "sendMessage");
        return JsonShapes.Message(message, chat, Bot);
    }

    private JsonNode SendFile(BotApiArgs args, string method, FileKind kind)
    {
        var chat = ChatForBot(args);
        var file = InputFile(args, kind == FileKind.Document ? "document" : "photo", kind);
        var (caption, captionEntities) = FormattedCaption(args);
        var markup = ReplyMarkup(args);
        var message = new MessageState(chat.Id, chat.NextMessageId, null, UnixNow())
        {
            Document = kind == FileKind.Document ? file : null,
            Photo = kind == FileKind.Photo ? file : null,
            Caption = caption,
            CaptionEntities = captionEntities,
            ReplyMarkup = markup,
            ReplyTo = ReplyTarget(chat, args),
        };
        RememberFile(file);
        AppendBotMessage(chat, message, method);
        return JsonShapes.Message(message, chat, Bot);
    }

    private JsonNode EditMessageText(BotApiArgs args)
    {
        var (chat, message) = MessageToEdit(args);
        if (message.Text is null)
        {
            throw BotApiException.BadRequest("there is no text in the message to edit");
        }

        var (text, entities) = FormattedText(args, "text", "entities", MaxTextLength);
        var markup = InlineMarkupOnly(args);
        if (text == message.Text && SameJson(entities, message.Entities) && SameJson(markup, message.InlineKeyboard))
        {
            throw NotModified();
        }

        message.Text = text;
        message.Entities = entities;
        message.ReplyMarkup = markup;
        MarkEdited(message);
        return JsonShapes.Message(message, chat, Bot);
    }

    private JsonNode EditMessageReplyMarkup(BotApiArgs args)
    {
        var (chat, message) = MessageToEdit(args);
        var markup = InlineMarkupOnly(args);
        if (SameJson(markup, message.InlineKeyboard))
        {
            throw NotModified();
        }

        message.ReplyMarkup = markup;
        MarkEdited(message);
        return JsonShapes.Message(message, chat, Bot);
    }

    private JsonNode DeleteMessage(BotApiArgs args)
    {
        var chat = ChatForBot(args);
        var message = chat.Find(args.Long("message_id") ?? 0);
        if (message is null || message.Deleted)
        {
            throw BotApiException.BadRequest("message to delete not found");
        }

        message.Deleted = true;
        Changed();
        return true;
    }

    private JsonNode AnswerCallbackQuery(BotApiArgs args)
    {
        var id = args.String("callback_query_id") ?? "";
        if (!_callbackQueries.TryGetValue(id, out var query) || query.Answer is not null)
        {
            throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
        }

        var text = args.String("text");
        if (text is { Length: > MaxCallbackAnswerLength })
        {
            throw BotApiException.BadRequest("MESSAGE_TOO_LONG");
        }

        query.Answer = new CallbackAnswerInfo(id, text, args.Bool("show_alert"), args.String("url"), _clock.Elapsed - query.PressedAt);
        Changed();
        return true;
    }

    private JsonNode GetFile(BotApiArgs args)
    {
        if (!_files.TryGetValue(args.String("file_id") ?? "", out var file))
        {
            throw BotApiException.BadRequest("wrong file_id or the file is temporarily unavailable");
        }

        if (file.Content.LongLength > MaxDownloadBytes)
        {
            throw BotApiException.BadRequest("file is too big");
        }

        return JsonShapes.File(file);
    }

    private JsonNode SetMyCommands(BotApiArgs args)
    {
        var commands = new List<FakeBotCommand>();
        foreach (var node in args.Array("commands") ?? [])
        {
            var command = node?["command"]?.GetValue<string>() ?? "";
            var description = node?["description"]?.GetValue<string>() ?? "";
            if (!BotCommandPattern().IsMatch(command))
            {
                throw BotApiException.BadRequest("BOT_COMMAND_INVALID");
            }

            if (description.Trim().Length is 0 or > 256)
            {
                throw BotApiException.BadRequest("command description must be 1-256 characters long");
            }

            commands.Add(new FakeBotCommand(command, description));
        }

        if (commands.Count > 100)
        {
            throw BotApiException.BadRequest("too many commands");
        }

        var key = CommandsKey(args);
        // An empty list removes the scope's list, as deleteMyCommands does: the wider scope shows again.
        if (commands.Count == 0) _commands.Remove(key);
        else _commands[key] = commands;
        Changed();
        return true;
    }

    private JsonNode GetMyCommands(BotApiArgs args) =>
        new JsonArray(_commands.GetValueOrDefault(CommandsKey(args), [])
            .Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description })
            .ToArray());

    private JsonNode DeleteMyCommands(BotApiArgs args)
    {
        _commands.Remove(CommandsKey(args));
        Changed();
        return true;
    }

    /// <summary>
    /// The key of a scope and language; a scope naming a chat must name one the bot knows (a private
    /// chat of a user who started the bot, or a group), as Telegram answers "chat not found" otherwise.
    /// </summary>
    private string CommandsKey(BotApiArgs args)
    {
        var language = args.String("language_code") ?? "";
        if (language.Length != 0 && !LanguageCodePattern().IsMatch(language))
        {
            throw BotApiException.BadRequest("LANG_CODE_INVALID");
        }

        var scope = args.Object("scope");
        var type = scope?["type"]?.GetValue<string>() ?? "default";
        long? chatId = null;
        if (type is "chat" or "chat_administrators" or "chat_member")
        {
            var chat = ScopeChat(scope!["chat_id"]);
            if (type != "chat" && chat.Type == FakeChatType.Private)
            {
                throw BotApiException.BadRequest("chat not found");
            }

            chatId = chat.Id;
        }

        long? userId = type == "chat_member" && scope!["user_id"] is JsonValue user && user.TryGetValue<long>(out var id) ? id : null;
        if (type == "chat_member" && (userId is null || !_users.ContainsKey(userId.Value)))
        {
            throw BotApiException.BadRequest("USER_ID_INVALID");
        }

        return CommandsKey(type, language, chatId, userId);
    }

    private ChatState ScopeChat(JsonNode? chatId)
    {
        ChatState? chat = null;
        if (chatId is JsonValue value && value.TryGetValue<long>(out var id)) chat = _chats.GetValueOrDefault(id);
        else if (chatId is JsonValue name && name.TryGetValue<string>(out var username))
        {
            chat = _chats.Values.FirstOrDefault(c => c.Type != FakeChatType.Private
                && string.Equals(c.Username, username.TrimStart('@'), StringComparison.OrdinalIgnoreCase));
        }

        return chat is null || chat.PrivateUser is { StartedBot: false }
            ? throw BotApiException.BadRequest("chat not found")
            : chat;
    }

    private static string CommandsKey(string scopeType, string languageCode, long? chatId, long? userId) =>
        FormattableString.Invariant($"{scopeType}|{chatId}|{userId}|{languageCode}");

    private JsonNode SendChatAction(BotApiArgs args)
    {
        ChatForBot(args);
        if (!ChatActions.Contains(args.String("action")))
        {
            throw BotApiException.BadRequest("wrong parameter action in request");
        }

        return true;
    }

    private JsonNode GetChat(BotApiArgs args)
    {
        var chat = FindChat(args);
        if (chat is null || chat.PrivateUser is { StartedBot: false })
        {
            throw BotApiException.BadRequest("chat not found");
        }

        return JsonShapes.ChatFullInfo(chat);
    }

    // ---- chats and messages -------------------------------------------------------------------

    private ChatState? FindChat(BotApiArgs args)
    {
        if (args.Long("chat_id") is { } id)
        {
            return _chats.GetValueOrDefault(id);
        }

        var username = args.String("chat_id")?.TrimStart('@');
        return _chats.Values.FirstOrDefault(c => c.Type != FakeChatType.Private
            && string.Equals(c.Username, username, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The chat the call targets, if the bot may write there; otherwise Telegram's refusal.</summary>
    private ChatState ChatForBot(BotApiArgs args)
    {
        var chat = FindChat(args) ?? throw BotApiException.BadRequest("chat not found");
        if (chat.PrivateUser is { } user)
        {
            if (!user.StartedBot)
            {
                throw BotApiException.Forbidden("bot can't initiate conversation with a user");
            }

            if (user.BlockedBot)
            {
                throw new BotApiException(403, "Forbidden: bot was blocked by the user", injected: true);
            }

            return chat;
        }

        if (chat.MigratedTo is { } newId)
        {
            throw new BotApiException(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                new JsonObject { ["migrate_to_chat_id"] = newId });
        }

        if (!chat.BotIsMember)
        {
            var kind = chat.Type == FakeChatType.Group ? "group chat" : "supergroup chat";
            throw BotApiException.Forbidden(chat.BotWasRemoved ? $"bot was kicked from the {kind}" : $"bot is not a member of the {kind}");
        }

        return chat;
    }

    private (ChatState Chat, MessageState Message) MessageToEdit(BotApiArgs args)
    {
        if (args.Has("inline_message_id"))
        {
            throw BotApiException.BadRequest("MESSAGE_ID_INVALID"); // the fake has no inline-mode messages
        }

        if (!args.Has("chat_id"))
        {
            throw BotApiException.BadRequest("chat_id is required");
        }

        if (args.Long("message_id") is not { } messageId)
        {
            throw BotApiException.BadRequest("message_id is required");
        }

        var chat = ChatForBot(args);
        var message = chat.Find(messageId);
        if (message is null || message.Deleted)
        {
            throw BotApiException.BadRequest("message to edit not found");
        }

        if (message.From is not null)
        {
            throw BotApiException.BadRequest("message can't be edited");
        }

        return (chat, message);
    }

    private MessageState? ReplyTarget(ChatState chat, BotApiArgs args)
    {
        if (args.Object("reply_parameters") is not { } reply)
        {
            return null;
        }

        var target = chat.Find(reply["message_id"]?.GetValue<long>() ?? 0);
        if (target is { Deleted: false })
        {
            return target;
        }

        return reply["allow_sending_without_reply"]?.GetValue<bool>() == true
            ? null
            : throw BotApiException.BadRequest("message to be replied not found");
    }

    private void AppendBotMessage(ChatState chat, MessageState message, string method)
    {
        chat.Messages.Add(message);
        _sends.Add(new SendRecord(chat.Id, method, message.MessageId, _clock.Elapsed));
        Changed();
    }

    private void MarkEdited(MessageState message)
    {
        message.EditCount++;
        message.EditDate = UnixNow();
        Changed();
    }

    private static BotApiException NotModified() => BotApiException.BadRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");

    private static bool SameJson(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    // ---- text, captions, markup ---------------------------------------------------------------

    private static (string Text, JsonArray? Entities) FormattedText(BotApiArgs args, string field, string entitiesField, int maxLength)
    {
        var (text, entities) = Format(args.String(field) ?? "", args.String("parse_mode"), args.Array(entitiesField));
        if (text.Trim().Length == 0)
        {
            throw BotApiException.BadRequest("message text is empty");
        }

        if (text.Length > maxLength)
        {
            throw BotApiException.BadRequest("message is too long");
        }

        return (text, entities);
    }

    private static (string? Caption, JsonArray? Entities) FormattedCaption(BotApiArgs args)
    {
        if (args.String("caption") is not { } raw)
        {
            return (null, null);
        }

        var (caption, entities) = Format(raw, args.String("parse_mode"), args.Array("caption_entities"));
        if (caption.Length > MaxCaptionLength)
        {
            throw BotApiException.BadRequest("message caption is too long");
        }

        return (caption.Length == 0 ? null : caption, entities);
    }

    private static (string Text, JsonArray? Entities) Format(string raw, string? parseMode, JsonArray? entities)
    {
        var (text, parsed) = parseMode?.ToLowerInvariant() switch
        {
            null or "" => (raw, entities),
            "html" => TelegramHtml.Parse(raw),
            // MarkdownV2 and Markdown are accepted but not parsed: the text counts as sent.
            "markdownv2" or "markdown" => (raw, null),
            _ => throw BotApiException.BadRequest($"unsupported parse_mode \"{parseMode}\""),
        };
        return (text, parsed is { Count: > 0 } ? parsed : null);
    }

    private JsonObject? InlineMarkupOnly(BotApiArgs args) =>
        args.Object("reply_markup") is { } markup ? InlineKeyboard(markup) : null;

    private JsonObject? ReplyMarkup(BotApiArgs args)
    {
        if (args.Object("reply_markup") is not { } markup)
        {
            return null;
        }

        if (markup["inline_keyboard"] is not null)
        {
            return InlineKeyboard(markup);
        }

        // The validator has already turned these into JSON booleans.
        if (markup["force_reply"] is JsonValue forceReply && !forceReply.GetValue<bool>())
        {
            throw BotApiException.BadRequest("reply_markup.force_reply must be True");
        }

        if (markup["remove_keyboard"] is JsonValue removeKeyboard && !removeKeyboard.GetValue<bool>())
        {
            throw BotApiException.BadRequest("reply_markup.remove_keyboard must be True");
        }

        return markup;
    }

    private static readonly string[] ButtonActions =
    [
        "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
    ];

    /// <summary>Checks an inline keyboard's buttons and keeps only the fields the API describes, so that equal keyboards compare equal.</summary>
    private JsonObject? InlineKeyboard(JsonObject markup)
    {
        var buttonFields = Spec.Types["InlineKeyboardButton"].Fields.Select(f => f.Name).ToHashSet();
        var rows = new JsonArray();
        var count = 0;
        foreach (var row in markup["inline_keyboard"]?.AsArray() ?? [])
        {
            var cleanRow = new JsonArray();
            foreach (var button in row?.AsArray() ?? [])
            {
                if (button is not JsonObject fields)
                {
                    continue;
                }

                CheckButton(fields);
                var clean = new JsonObject();
                foreach (var (key, value) in fields)
                {
                    if (value is not null && buttonFields.Contains(key))
                    {
                        clean[key] = value.DeepClone();
                    }
                }

                cleanRow.Add(clean);
                count++;
            }

            if (cleanRow.Count > 0)
            {
                rows.Add(cleanRow);
            }
        }

        if (count > 100)
        {
            throw BotApiException.BadRequest("reply markup is too long");
        }

        return count == 0 ? null : new JsonObject { ["inline_keyboard"] = rows };
    }

    private static void CheckButton(JsonObject button)
    {
        if (button["text"]?.GetValue<string>() is not { Length: > 0 })
        {
            throw BotApiException.BadRequest("BUTTON_TEXT_INVALID");
        }

        var actions = ButtonActions.Count(a => button[a] is not null);
        if (actions == 0)
        {
            throw BotApiException.BadRequest("text buttons are unallowed in the inline keyboard");
        }

        if (actions > 1)
        {
            throw BotApiException.BadRequest("can't parse inline keyboard button: exactly one of the optional fields must be used");
        }

        if (button["callback_data"] is { } data && System.Text.Encoding.UTF8.GetByteCount(data.GetValue<string>()) is 0 or > 64)
        {
            throw BotApiException.BadRequest("BUTTON_DATA_INVALID");
        }

        if (button["url"] is { } url
            && !(Uri.TryCreate(url.GetValue<string>(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg"))
        {
            throw BotApiException.BadRequest($"inline keyboard button URL '{url.GetValue<string>()}' is invalid: Wrong HTTP URL");
        }
    }

    // ---- files --------------------------------------------------------------------------------

    private FileState InputFile(BotApiArgs args, string field, FileKind kind)
    {
        if (args.Upload(field) is { } upload)
        {
            if (upload.Content.LongLength > MaxUploadBytes)
            {
                throw new BotApiException(413, "Request Entity Too Large");
            }

            if (upload.Content.Length == 0)
            {
                throw BotApiException.BadRequest("file must be non-empty");
            }

            return NewFile(kind, upload.FileName, upload.ContentType, upload.Content);
        }

        var reference = args.String(field) ?? "";
        if (!_files.TryGetValue(reference, out var known))
        {
            // URLs are not fetched by the fake: only uploads and file_ids of stored files work.
            throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified");
        }

        return known.Kind == kind ? known : throw BotApiException.BadRequest($"can't use file of type {known.Kind} as {kind}");
    }

    private FileState NewFile(FileKind kind, string? fileName, string? mimeType, byte[] content)
    {
        var number = ++_fileCount;
        var (width, height) = kind == FileKind.Photo ? ImageSize.Read(content) : (null, null);
        var extension = kind == FileKind.Photo ? ".jpg" : Path.GetExtension(fileName ?? "");
        var folder = kind switch
        {
            FileKind.Photo => "photos",
            FileKind.Sticker => "stickers",
            _ => "documents",
        };
        return new FileState(
            FileId: $"{kind.ToString().ToLowerInvariant()}-{number}",
            FileUniqueId: $"AgAD{number}",
            kind,
            kind == FileKind.Document ? fileName : null,
            kind == FileKind.Photo ? null : mimeType,
            FilePath: $"{folder}/file_{number}{extension}",
            content,
            width,
            height);
    }

    private void RememberFile(FileState file) => _files[file.FileId] = file;

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex BotCommandPattern();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCodePattern();
}
