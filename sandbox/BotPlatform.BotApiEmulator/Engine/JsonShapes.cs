using System.Text.Json.Nodes;

namespace BotPlatform.Testing;

/// <summary>The Bot API objects the fake returns and puts into updates, in Telegram's snake_case shape.</summary>
internal static class JsonShapes
{
    public static JsonObject User(FakeUser user)
    {
        var json = new JsonObject { ["id"] = user.Id, ["is_bot"] = false, ["first_name"] = user.FirstName };
        if (user.Username is not null)
        {
            json["username"] = user.Username;
        }

        json["language_code"] = user.LanguageCode;
        return json;
    }

    public static JsonObject BotUser(FakeUser bot) => new()
    {
        ["id"] = bot.Id,
        ["is_bot"] = true,
        ["first_name"] = bot.FirstName,
        ["username"] = bot.Username,
    };

    public static JsonObject Me(FakeUser bot, bool canReadAllGroupMessages = false)
    {
        var json = BotUser(bot);
        json["can_join_groups"] = true;
        json["can_read_all_group_messages"] = canReadAllGroupMessages;
        json["supports_inline_queries"] = false;
        json["can_connect_to_business"] = false;
        json["has_main_web_app"] = false;
        return json;
    }

    public static JsonObject Sender(FakeUser? from, FakeUser bot) => from is null ? BotUser(bot) : User(from);

    public static JsonObject Chat(ChatState chat)
    {
        var json = new JsonObject { ["id"] = chat.Id, ["type"] = ChatType(chat.Type) };
        if (chat.Type == FakeChatType.Private)
        {
            json["first_name"] = chat.Title;
        }
        else
        {
            json["title"] = chat.Title;
        }

        if (chat.Username is not null)
        {
            json["username"] = chat.Username;
        }

        return json;
    }

    public static JsonObject ChatFullInfo(ChatState chat)
    {
        var json = Chat(chat);
        json["accent_color_id"] = 0;
        json["max_reaction_count"] = 11;
        json["accepted_gift_types"] = new JsonObject
        {
            ["unlimited_gifts"] = false,
            ["limited_gifts"] = false,
            ["unique_gifts"] = false,
            ["premium_subscription"] = false,
            ["gifts_from_channels"] = false,
        };
        return json;
    }

    public static string ChatType(FakeChatType type) => type switch
    {
        FakeChatType.Private => "private",
        FakeChatType.Group => "group",
        _ => "supergroup",
    };

    public static JsonObject Message(MessageState message, ChatState chat, FakeUser bot, bool withReply = true)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = Sender(message.From, bot),
            ["chat"] = Chat(chat),
            ["date"] = message.Date,
        };
        if (withReply && message.ReplyTo is { } replyTo)
        {
            json["reply_to_message"] = Message(replyTo, chat, bot, withReply: false);
        }

        if (message.EditDate is { } editDate)
        {
            json["edit_date"] = editDate;
        }

        AddText(json, "text", "entities", message.Text, message.Entities);
        if (message.Document is { } document)
        {
            json["document"] = Document(document);
        }

        if (message.Photo is { } photo)
        {
            json["photo"] = new JsonArray(PhotoSize(photo));
        }

        if (message.Sticker is { } sticker)
        {
            json["sticker"] = Sticker(sticker);
        }

        AddText(json, "caption", "caption_entities", message.Caption, message.CaptionEntities);
        if (message.MigrateToChatId is { } to)
        {
            json["migrate_to_chat_id"] = to;
        }

        if (message.MigrateFromChatId is { } from)
        {
            json["migrate_from_chat_id"] = from;
        }

        // Telegram echoes only inline keyboards; reply keyboards and force_reply stay with the client.
        if (message.InlineKeyboard is { } keyboard)
        {
            json["reply_markup"] = keyboard.DeepClone();
        }

        return json;
    }

    private static void AddText(JsonObject json, string textField, string entitiesField, string? text, JsonArray? entities)
    {
        if (text is null)
        {
            return;
        }

        json[textField] = text;
        if (entities is { Count: > 0 })
        {
            json[entitiesField] = entities.DeepClone();
        }
    }

    public static JsonObject Document(FileState file)
    {
        var json = new JsonObject { ["file_id"] = file.FileId, ["file_unique_id"] = file.FileUniqueId };
        if (file.FileName is not null)
        {
            json["file_name"] = file.FileName;
        }

        if (file.MimeType is not null)
        {
            json["mime_type"] = file.MimeType;
        }

        json["file_size"] = file.Content.LongLength;
        return json;
    }

    public static JsonObject PhotoSize(FileState file) => new()
    {
        ["file_id"] = file.FileId,
        ["file_unique_id"] = file.FileUniqueId,
        ["file_size"] = file.Content.LongLength,
        ["width"] = file.Width ?? 0,
        ["height"] = file.Height ?? 0,
    };

    public static JsonObject Sticker(FileState file) => new()
    {
        ["file_id"] = file.FileId,
        ["file_unique_id"] = file.FileUniqueId,
        ["type"] = "regular",
        ["width"] = file.Width ?? 512,
        ["height"] = file.Height ?? 512,
        ["is_animated"] = false,
        ["is_video"] = false,
        ["emoji"] = "👍",
        ["file_size"] = file.Content.LongLength,
    };

    public static JsonObject File(FileState file) => new()
    {
        ["file_id"] = file.FileId,
        ["file_unique_id"] = file.FileUniqueId,
        ["file_size"] = file.Content.LongLength,
        ["file_path"] = file.FilePath,
    };

    public static JsonObject ChatMember(string status, JsonObject user)
    {
        var json = new JsonObject { ["status"] = status, ["user"] = user };
        if (status == "kicked")
        {
            json["until_date"] = 0;
        }

        return json;
    }

    public static JsonObject ChatMemberUpdated(ChatState chat, FakeUser from, long date, string oldStatus, string newStatus, FakeUser bot) => new()
    {
        ["chat"] = Chat(chat),
        ["from"] = User(from),
        ["date"] = date,
        ["old_chat_member"] = ChatMember(oldStatus, BotUser(bot)),
        ["new_chat_member"] = ChatMember(newStatus, BotUser(bot)),
    };

    public static JsonObject CallbackQuery(CallbackQueryState query, FakeUser from, JsonObject message, string data) => new()
    {
        ["id"] = query.Id,
        ["from"] = User(from),
        ["message"] = message,
        ["chat_instance"] = $"{query.ChatId}0",
        ["data"] = data,
    };
}
