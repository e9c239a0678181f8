"""Bot API methods that put something in front of a person: messages, media, copies, toasts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.emulator.chats import ChatBase, EmulatedChat
from bot.emulator.entities import format_text, utf16_len
from bot.emulator.errors import bad_request
from bot.emulator.keyboards import check_reply_markup
from bot.emulator.params import Files, get_bool, get_int, get_opt_int, get_str
from bot.emulator.shapes import StoredMessage, media_payload
from bot.emulator.views import CallbackAnswer, EmulatorEvent

if TYPE_CHECKING:
    from bot.emulator.core import BotAPIEmulator

JSON = dict[str, Any]
MAX_TEXT = 4096
MAX_CAPTION = 1024
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)


def message_text(params: JSON) -> tuple[str, str, list[JSON]]:
    """Raw text, visible text and entities of a text message; 400 when empty or too long."""
    raw = get_str(params, "text") or ""
    visible, entities = format_text(raw, get_str(params, "parse_mode"), params.get("entities"))
    if not visible:
        raise bad_request("message text is empty")
    if utf16_len(visible) > MAX_TEXT:  # Telegram counts UTF-16 units: an emoji is two
        raise bad_request("message is too long")
    return raw, visible, entities


def caption_text(params: JSON) -> tuple[str | None, str, list[JSON]]:
    """Raw caption, visible caption and entities; 400 when too long."""
    raw = get_str(params, "caption")
    if not raw:
        return raw, "", []
    mode = get_str(params, "parse_mode")
    visible, entities = format_text(raw, mode, params.get("caption_entities"))
    if utf16_len(visible) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    return raw, visible, entities


def placement(chat: ChatBase, params: JSON) -> JSON:
    """The thread and replied-to message of a new bot message, validated like Telegram."""
    thread_id = get_opt_int(params, "message_thread_id")
    if isinstance(chat, EmulatedChat) and chat.forum and thread_id is not None:
        if thread_id not in chat.topics:
            raise bad_request("message thread not found")
    elif not isinstance(chat, EmulatedChat) or not chat.supergroup:
        thread_id = None
    reply = params.get("reply_parameters")
    if reply is None and params.get("reply_to_message_id") is not None:
        reply = {
            "message_id": params["reply_to_message_id"],
            "allow_sending_without_reply": get_bool(params, "allow_sending_without_reply"),
        }
    replied: StoredMessage | None = None
    if isinstance(reply, dict):
        replied = chat.message(get_int(reply, "message_id"))
        if replied is None and not get_bool(reply, "allow_sending_without_reply"):
            raise bad_request("message to be replied not found")
    return {"thread_id": thread_id, "reply_to": replied}


async def send_message(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """sendMessage."""
    chat = emu.chat(params.get("chat_id"))
    raw, visible, entities = message_text(params)
    markup = check_reply_markup(params.get("reply_markup"))
    chat.ensure_bot_can_send()
    message = emu.store(
        chat,
        from_bot=True,
        sender=emu.bot_user,
        text=visible,
        source=raw,
        parse_mode=get_str(params, "parse_mode"),
        entities=entities,
        reply_markup=markup,
        **placement(chat, params),
    )
    return message.to_dict()


async def _send_media(emu: BotAPIEmulator, params: JSON, files: Files, kind: str) -> JSON:
    chat = emu.chat(params.get("chat_id"))
    file = emu.files.resolve(params, files, kind, kind)
    raw, visible, entities = caption_text(params)
    markup = check_reply_markup(params.get("reply_markup"))
    chat.ensure_bot_can_send()
    message = emu.store(
        chat,
        from_bot=True,
        sender=emu.bot_user,
        kind=kind,
        text=visible,
        source=raw,
        parse_mode=get_str(params, "parse_mode"),
        entities=entities,
        content={kind: media_payload(kind, file, duration=get_opt_int(params, "duration"))},
        file=file,
        reply_markup=markup,
        **placement(chat, params),
    )
    return message.to_dict()


async def send_document(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """sendDocument."""
    return await _send_media(emu, params, files, "document")


async def send_photo(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """sendPhoto."""
    return await _send_media(emu, params, files, "photo")


async def send_voice(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """sendVoice."""
    return await _send_media(emu, params, files, "voice")


def _source(emu: BotAPIEmulator, params: JSON, verb: str) -> StoredMessage:
    chat = emu.chat(params.get("from_chat_id"))
    source = chat.message(get_int(params, "message_id"))
    if source is None:
        raise bad_request(f"message to {verb} not found")
    if source.service:
        raise bad_request(f"message can't be {'forwarded' if verb == 'forward' else 'copied'}")
    return source


async def copy_message(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """copyMessage: the content without a link to the original; returns a MessageId."""
    target = emu.chat(params.get("chat_id"))
    source = _source(emu, params, "copy")
    text, raw, entities, mode = source.text, source.source, source.entities, source.parse_mode
    if source.has_caption_slot and "caption" in params:
        raw, text, entities = caption_text(params)
        mode = get_str(params, "parse_mode")
    markup = check_reply_markup(params.get("reply_markup"))
    target.ensure_bot_can_send()
    copy = emu.store(
        target,
        from_bot=True,
        sender=emu.bot_user,
        kind=source.kind,
        text=text,
        source=raw,
        parse_mode=mode,
        entities=list(entities),
        content=dict(source.content),
        file=source.file,
        reply_markup=markup,
        **placement(target, params),
    )
    return {"message_id": copy.message_id}


async def forward_message(emu: BotAPIEmulator, params: JSON, files: Files) -> JSON:
    """forwardMessage: the same content, marked with its origin."""
    target = emu.chat(params.get("chat_id"))
    source = _source(emu, params, "forward")
    target.ensure_bot_can_send()
    origin = {"type": "user", "sender_user": source.sender, "date": source.date}
    forwarded = emu.store(
        target,
        from_bot=True,
        sender=emu.bot_user,
        kind=source.kind,
        text=source.text,
        source=source.source,
        parse_mode=source.parse_mode,
        entities=list(source.entities),
        content=dict(source.content),
        file=source.file,
        extra={"forward_origin": origin},
        **placement(target, {"message_thread_id": params.get("message_thread_id")}),
    )
    return forwarded.to_dict()


async def send_chat_action(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """sendChatAction."""
    chat = emu.chat(params.get("chat_id"))
    if get_str(params, "action") not in _CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    chat.ensure_bot_can_send()
    return True


async def answer_callback_query(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """answerCallbackQuery: a toast or alert for the user who pressed."""
    query_id = get_str(params, "callback_query_id") or ""
    state = emu.callback_queries.get(query_id)
    if state is None or state[2]:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = get_str(params, "text")
    if text is not None and len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    user, chat_id, _ = state
    emu.callback_queries[query_id] = (user, chat_id, True)
    answer = CallbackAnswer(query_id, text, get_bool(params, "show_alert"), get_str(params, "url"))
    user.callback_answers.append(answer)
    emu.emit(EmulatorEvent("callback_answer", chat_id, answer=answer))
    return True


async def answer_inline_query(emu: BotAPIEmulator, params: JSON, files: Files) -> bool:
    """answerInlineQuery: results are stored for tests to read."""
    query_id = get_str(params, "inline_query_id") or ""
    results = params.get("results")
    if not isinstance(results, list):
        raise bad_request("can't parse inline query results JSON object")
    emu.inline_answers[query_id] = results
    return True
