#!/usr/bin/env python3
"""Regenerates bot-api.trimmed.json from the full Bot API description.

Usage: python3 trim.py path/to/bot-api.json

The full description is a machine-readable copy of https://core.telegram.org/bots/api (a bot-api.json
with "version", "methods" and "types", and its LICENSE.bot-api-spec beside it); it is not kept in this
repository. Without an argument the script looks for shared/telegram/bot-api.json in a folder above this
one, an optional convenience for a machine that keeps it there.

Kept, copied verbatim:
- the methods the fake server implements (METHODS);
- every type a method parameter can carry, transitively (fields and subtypes), because the
  validator checks request bodies against them;
- the result types the fake returns (RESULT_TYPES) with their subtypes, but not the types their
  fields mention: Message alone would pull in most of the API, and results are built by the fake,
  not validated.
"""
import json
import pathlib
import re
import shutil
import sys

METHODS = [
    "getMe", "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo",
    "sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage",
    "answerCallbackQuery", "sendDocument", "sendPhoto", "getFile",
    "setMyCommands", "getMyCommands", "deleteMyCommands", "sendChatAction", "getChat",
]

RESULT_TYPES = [
    "Update", "Message", "MaybeInaccessibleMessage", "User", "Chat", "ChatFullInfo",
    "AcceptedGiftTypes", "CallbackQuery", "Document", "PhotoSize", "Sticker", "File",
    "WebhookInfo", "ChatMemberUpdated", "ChatMember", "ResponseParameters", "MessageEntity",
    "BotCommand",
]

here = pathlib.Path(__file__).resolve().parent


def default_source() -> pathlib.Path:
    for folder in here.parents:
        candidate = folder / "shared" / "telegram" / "bot-api.json"
        if candidate.exists():
            return candidate
    sys.exit("bot-api.json not found; pass its path: python3 trim.py path/to/bot-api.json")


def type_names(types):
    for t in types:
        yield re.sub(r"^(Array of )+", "", t)


def main() -> None:
    source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default_source()
    spec = json.loads(source.read_text(encoding="utf-8"))
    all_types = spec["types"]

    keep = set()
    pending = [n for m in METHODS for f in spec["methods"][m].get("fields", []) for n in type_names(f["types"])]
    while pending:
        name = pending.pop()
        if name in keep or name not in all_types:
            continue
        keep.add(name)
        pending.extend(all_types[name].get("subtypes", []))
        for field in all_types[name].get("fields", []):
            pending.extend(type_names(field["types"]))

    for name in RESULT_TYPES:
        keep.add(name)
        keep.update(all_types[name].get("subtypes", []))

    trimmed = {k: v for k, v in spec.items() if k not in ("methods", "types")}
    trimmed["methods"] = {m: spec["methods"][m] for m in METHODS}
    trimmed["types"] = {t: all_types[t] for t in sorted(keep)}

    out = here / "bot-api.trimmed.json"
    out.write_text(json.dumps(trimmed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    shutil.copyfile(source.parent / "LICENSE.bot-api-spec", here / "LICENSE.bot-api-spec")
    print(f"{out.name}: {len(trimmed['methods'])} methods, {len(trimmed['types'])} types from {trimmed['version']}")


if __name__ == "__main__":
    main()
