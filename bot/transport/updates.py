"""What an update is about: who sent it, which queue it joins, how the log summarises it."""

from __future__ import annotations

from typing import Any

from telegram import Message, Update

from bot.store import LogEntry, Profile
from bot.terminal_text import without_hidden

# Every part of a raw update that can carry a sender, in Telegram's field names.
_SENDER_FIELDS = (
    "message",
    "edited_message",
    "callback_query",
    "my_chat_member",
    "chat_member",
    "inline_query",
    "chosen_inline_result",
    "shipping_query",
    "pre_checkout_query",
    "poll_answer",
    "chat_join_request",
    "business_message",
    "edited_business_message",
    "message_reaction",
)
_MEDIA_KINDS = (
    "photo",
    "document",
    "video",
    "voice",
    "audio",
    "video_note",
    "animation",
    "sticker",
    "contact",
    "location",
    "venue",
    "poll",
    "dice",
)
LOG_TEXT_LIMIT = 4096
# What the log keeps of a message an admin typed in their private chat with the bot: notes
# about leads, broadcast drafts, answers to talents. Those are kept where they belong (lead
# notes, broadcasts), which an erasure reaches; a copy in the admin's own log would not be.
STAFF_TEXT = "[staff message: not logged]"
STAFF_ARGUMENTS = "[arguments not logged]"


def sequence_key(raw: Any) -> str:
    """The queue an update joins: one per user, so each user's updates run in order.

    Works on the raw JSON so that updates the library cannot parse still get a key.
    """
    if isinstance(raw, dict):
        for field in _SENDER_FIELDS:
            part = raw.get(field)
            if not isinstance(part, dict):
                continue
            sender = part.get("from") or part.get("user")
            if isinstance(sender, dict) and isinstance(sender.get("id"), int):
                return f"user:{sender['id']}"
            chat = part.get("chat")
            if isinstance(chat, dict) and isinstance(chat.get("id"), int):
                return f"chat:{chat['id']}"
        for field in ("channel_post", "edited_channel_post"):
            part = raw.get(field)
            if isinstance(part, dict) and isinstance(part.get("chat"), dict):
                return f"chat:{part['chat'].get('id')}"
        update_id = raw.get("update_id")
        return f"update:{update_id}"
    return "update:unknown"


def sender_profile(update: Update) -> Profile | None:
    """The human who sent this update, as the profile stored for them."""
    user = update.effective_user
    if user is None or user.is_bot:
        return None
    # Names are shown to staff and on the command line: no control characters in them, and
    # no marks that hide in them or turn around the line they are shown in.
    return Profile(
        user_id=user.id,
        first_name=without_hidden(user.first_name),
        last_name=None if user.last_name is None else without_hidden(user.last_name),
        username=user.username,
        telegram_language=user.language_code,
    )


def message_kind(message: Message) -> str:
    """text, command, or the media kind of a message."""
    if message.text is not None:
        return "command" if message.text.startswith("/") else "text"
    for kind in _MEDIA_KINDS:
        if getattr(message, kind, None):
            return kind
    return "other"


def message_summary(message: Message) -> str | None:
    """The text of a message, or its caption, or a short description of what it holds."""
    if message.text is not None:  # as staff read it in the workspace (see without_hidden)
        return without_hidden(message.text[:LOG_TEXT_LIMIT], keep_newlines=True)
    kind = message_kind(message)
    caption = without_hidden(message.caption or "", keep_newlines=True)
    if kind == "document" and message.document is not None:
        # "cv\u202efdp.exe" would show as "cvexe.pdf": a file name is one line, marks dropped.
        name = without_hidden(message.document.file_name or "") or "file"
        return f"[document {name}] {caption}".strip()
    return f"[{kind}] {caption}".strip()


def staff_summary(message: Message) -> str:
    """A staff message as the log keeps it: a command's name, a media kind, no content."""
    kind = message_kind(message)
    if kind == "command" and message.text is not None:
        command, _, arguments = message.text.partition(" ")
        return f"{command[:64]} {STAFF_ARGUMENTS}" if arguments.strip() else command[:64]
    return STAFF_TEXT if kind == "text" else f"[{kind}]"


def pressed_label(update: Update) -> str | None:
    """The label of the button a callback query came from, as the person read it (its data
    is a code only the bot understands); None when the message is no longer at hand."""
    query = update.callback_query
    message = query.message if query is not None else None
    markup = getattr(message, "reply_markup", None)
    if query is None or markup is None:
        return None
    for row in markup.inline_keyboard:
        for button in row:
            if button.callback_data == query.data:
                return str(button.text)[:LOG_TEXT_LIMIT]
    return None


def incoming_entry(update: Update, *, staff: bool = False) -> LogEntry | None:
    """The conversation-log line for an update from a private chat, or None.

    `staff`: the sender is an admin, whose typed content is not logged (`staff_summary`).
    """
    chat = update.effective_chat
    if chat is None or chat.type != "private":
        return None
    user_id = update.effective_user.id if update.effective_user else None
    summary = staff_summary if staff else message_summary
    if update.callback_query is not None:
        query = update.callback_query
        message_id = query.message.message_id if query.message else None
        # A talent's press is kept as the label they read; an admin's as its code (staff
        # buttons can name talents, whose erasure must not leave a copy in the admin's log).
        pressed = query.data if staff else pressed_label(update) or query.data
        return LogEntry(chat.id, user_id, "in", "button", pressed, update.update_id, message_id)
    if update.edited_message is not None:
        edited = update.edited_message
        return LogEntry(
            chat.id,
            user_id,
            "in",
            "edit",
            summary(edited),
            update.update_id,
            edited.message_id,
        )
    if update.message is not None:
        message = update.message
        return LogEntry(
            chat.id,
            user_id,
            "in",
            message_kind(message),
            summary(message),
            update.update_id,
            message.message_id,
        )
    if update.my_chat_member is not None:
        status = update.my_chat_member.new_chat_member.status
        return LogEntry(chat.id, user_id, "in", "membership", status, update.update_id)
    return None


def malformed(update: Update) -> str | None:
    """Why an update that parsed is still unusable (a field a handler relies on is missing).

    python-telegram-bot builds objects from JSON without checking types, so a server that is
    newer or older than the library can hand over a message without a chat, say.
    """
    for message in (update.message, update.edited_message, update.channel_post):
        if message is None:
            continue
        chat: object = getattr(message, "chat", None)
        if not _has(chat, "id", int) or not _has(chat, "type", str):
            return "message without a usable chat"
        if not _has(message, "message_id", int):
            return "message without a numeric message_id"
        sender: object = message.from_user
        if sender is not None and not _has(sender, "id", int):
            return "message with a sender without a numeric id"
        if not _has(message, "text", str, optional=True):
            return "message whose text is not a string"
    query: object = update.callback_query
    if query is not None:
        if not _has(getattr(query, "from_user", None), "id", int):
            return "button press without a sender"
        if not _has(query, "data", str, optional=True):
            return "button press whose data is not a string"
        pressed: object = getattr(query, "message", None)
        if pressed is not None and not _has(getattr(pressed, "chat", None), "id", int):
            return "button press on a message without a chat"
    change: object = update.my_chat_member
    if change is not None:
        if not _has(getattr(change, "chat", None), "id", int):
            return "membership change without a chat"
        if not _has(getattr(change, "new_chat_member", None), "status", str):
            return "membership change without a new status"
    return None


def _has(thing: object, attribute: str, kind: type, *, optional: bool = False) -> bool:
    """Whether `thing.attribute` exists with the given type (or is None, if optional)."""
    value = getattr(thing, attribute, None)
    if value is None:
        return optional and thing is not None
    return isinstance(value, kind)
