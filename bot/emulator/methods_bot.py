"""Bot API methods about the bot itself, updates, webhooks, commands, chats and files."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from bot.emulator.chats import EmulatedChat
from bot.emulator.errors import ApiError, bad_request
from bot.emulator.params import Files, get_bool, get_int, get_str
from bot.emulator.shapes import chat_full_info, chat_member

if TYPE_CHECKING:
    from bot.emulator.core import BotAPIEmulator

JSON = dict[str, Any]
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)


async def get_me(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """getMe."""
    return {
        **emu.bot_user,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


async def always_true(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """logOut, close and other calls that only acknowledge."""
    return True


async def get_updates(emu: BotAPIEmulator, params: JSON, files: Files) -> list[JSON]:
    """getUpdates with offsets, limit, long polling and stored allowed_updates."""
    if emu.webhook.url:
        raise ApiError(409, _WEBHOOK_CONFLICT)
    allowed = params.get("allowed_updates")
    if allowed is not None and not isinstance(allowed, list):
        raise bad_request("can't parse allowed updates JSON object")
    emu.updates.set_allowed(allowed)
    return await emu.updates.get_updates(
        offset=get_int(params, "offset", 0),
        limit=get_int(params, "limit", 100),
        poll_seconds=get_int(params, "timeout", 0),
    )


async def set_webhook(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """setWebhook: plain http is allowed so loopback servers work."""
    url = get_str(params, "url") or ""
    if not url:
        await emu.webhook.stop()
        return True
    if not url.startswith(("https://", "http://")):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    emu.updates.set_allowed(params.get("allowed_updates"))
    if get_bool(params, "drop_pending_updates"):
        emu.updates.drop_pending()
    await emu.webhook.start(
        url, get_str(params, "secret_token"), get_int(params, "max_connections", 40)
    )
    return True


async def delete_webhook(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """deleteWebhook, optionally dropping pending updates."""
    await emu.webhook.stop()
    if get_bool(params, "drop_pending_updates"):
        emu.updates.drop_pending()
    return True


async def get_webhook_info(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """getWebhookInfo."""
    info = emu.webhook.info(len(emu.updates.pending))
    if emu.updates.allowed_updates is not None and emu.webhook.url:
        info["allowed_updates"] = sorted(emu.updates.allowed_updates)
    return info


def commands_key(scope: Any, language_code: str | None) -> tuple[str, str]:
    """Storage key of a command list: canonical scope JSON and language."""
    if not isinstance(scope, dict):
        scope = {"type": "default"}
    return json.dumps(scope, sort_keys=True), language_code or ""


def _key(params: JSON) -> tuple[str, str]:
    return commands_key(params.get("scope"), get_str(params, "language_code"))


async def set_my_commands(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """setMyCommands with Telegram's command and description checks."""
    commands = params.get("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("can't parse commands JSON object")
    for command in commands:
        if not isinstance(command, dict) or not _COMMAND.fullmatch(str(command.get("command"))):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description", ""))) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    scope = params.get("scope")
    if isinstance(scope, dict) and "chat_id" in scope:
        emu.chat(scope["chat_id"])  # 400 "chat not found" for a chat Telegram does not know
    stored = [{"command": c["command"], "description": c["description"]} for c in commands]
    if stored:
        emu.my_commands[_key(params)] = stored
    else:
        emu.my_commands.pop(_key(params), None)
    return True


async def get_my_commands(emu: BotAPIEmulator, params: JSON, files: Files) -> list[JSON]:
    """getMyCommands for exactly the given scope and language."""
    return list(emu.my_commands.get(_key(params), []))


async def delete_my_commands(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """deleteMyCommands."""
    emu.my_commands.pop(_key(params), None)
    return True


def _text_setter(field: str) -> Any:
    async def setter(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
        emu.bot_texts[(field, get_str(params, "language_code") or "")] = (
            get_str(params, field) or ""
        )
        return True

    async def getter(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
        return {field: emu.bot_texts.get((field, get_str(params, "language_code") or ""), "")}

    return setter, getter


set_my_description, get_my_description = _text_setter("description")
set_my_short_description, get_my_short_description = _text_setter("short_description")
set_my_name, get_my_name = _text_setter("name")


async def get_chat(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """getChat: a ChatFullInfo."""
    return chat_full_info(emu.chat(params.get("chat_id")).chat_dict())


async def get_chat_member(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """getChatMember for users known to the emulator and the bot itself."""
    chat = emu.chat(params.get("chat_id"))
    user_id = get_int(params, "user_id")
    if user_id == emu.bot_id:
        if not isinstance(chat, EmulatedChat):
            return chat_member(emu.bot_user, "member")
        member = chat_member(emu.bot_user, chat.bot_status)
        if chat.bot_status == "administrator":
            member["can_manage_topics"] = chat.bot_can_manage_topics
        return member
    user = emu.users.get(user_id)
    if user is None:
        raise bad_request("user not found")
    if not isinstance(chat, EmulatedChat):
        return chat_member(user.as_dict(), "member" if chat.id == user_id else "left")
    return chat_member(user.as_dict(), chat.member_status(user_id))


async def create_forum_topic(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """createForumTopic: a topic-created service message whose id is the thread id."""
    chat = emu.chat(params.get("chat_id"))
    if not isinstance(chat, EmulatedChat) or not chat.forum:
        raise bad_request("the chat is not a forum")
    chat.ensure_bot_can_send()
    name = get_str(params, "name") or ""
    if not 1 <= len(name) <= 128:
        raise bad_request("TOPIC_TITLE_EMPTY" if not name else "TOPIC_TITLE_INVALID")
    color = get_int(params, "icon_color", 7322096)
    topic: JSON = {"name": name, "icon_color": color}
    if params.get("icon_custom_emoji_id"):
        topic["icon_custom_emoji_id"] = str(params["icon_custom_emoji_id"])
    message = emu.store(
        chat,
        from_bot=True,
        sender=emu.bot_user,
        kind="forum_topic_created",
        service=True,
        extra={"forum_topic_created": topic},
        opens_topic=name,
    )
    return {"message_thread_id": message.message_id, **topic}


async def set_chat_menu_button(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """setChatMenuButton (default for all chats without chat_id)."""
    chat_id = params.get("chat_id")
    key = None if chat_id is None else emu.chat(chat_id).id
    button = params.get("menu_button") or {"type": "default"}
    if not isinstance(button, dict) or button.get("type") not in ("default", "commands", "web_app"):
        raise bad_request("can't parse menu button JSON object")
    emu.menu_buttons[key] = button
    return True


async def get_chat_menu_button(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """getChatMenuButton."""
    chat_id = params.get("chat_id")
    key = None if chat_id is None else emu.chat(chat_id).id
    return emu.menu_buttons.get(key) or emu.menu_buttons.get(None) or {"type": "commands"}


async def get_file(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """getFile: a File whose file_path the transports can download."""
    stored = emu.files.get(get_str(params, "file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.size,
        "file_path": stored.file_path,
    }
