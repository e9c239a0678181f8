"""Telegram-shaped JSON: files, messages and their parts, as the Bot API returns them."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]

# Kinds whose payload field is the kind name and that may carry a caption.
MEDIA_KINDS = frozenset({"photo", "document", "voice", "audio", "video", "animation"})
# Separator between a photo's file_id and the width of a smaller size alias.
SIZE_ALIAS = "~w"


@dataclass(frozen=True, slots=True)
class StoredFile:
    """Bytes known to the emulator under a file_id, uploaded by the bot or a user."""

    file_id: str
    file_unique_id: str
    kind: str
    content: bytes
    filename: str | None
    mime_type: str | None
    file_path: str

    @property
    def size(self) -> int:
        """File size in bytes."""
        return len(self.content)


def guess_mime(filename: str | None, given: str | None) -> str:
    """Telegram infers a document's MIME type from its name when the upload was generic."""
    if given and given != "application/octet-stream":
        return given
    guessed = mimetypes.guess_type(filename or "")[0]
    return guessed or "application/octet-stream"


def media_payload(kind: str, file: StoredFile, *, duration: int | None = None) -> Any:
    """The value of a message's media field (``photo``, ``document``, ``voice`` ...)."""
    base: JSON = {
        "file_id": file.file_id,
        "file_unique_id": file.file_unique_id,
        "file_size": file.size,
    }
    if kind == "photo":
        # Telegram offers several sizes; the smaller ones are aliases of the same bytes.
        sizes: list[JSON] = [
            {
                **base,
                "file_id": f"{file.file_id}{SIZE_ALIAS}{width}",
                "file_unique_id": f"{file.file_unique_id}{width}",
                "width": width,
                "height": width * 3 // 4,
            }
            for width in (90, 320)
        ]
        return [*sizes, {**base, "width": 800, "height": 600}]
    if kind == "document":
        return {**base, "file_name": file.filename or "document", "mime_type": file.mime_type}
    if kind == "voice":
        return {**base, "duration": duration or 1, "mime_type": file.mime_type or "audio/ogg"}
    if kind == "sticker":
        return {
            **base,
            "width": 512,
            "height": 512,
            "emoji": "😂",
            "is_animated": False,
            "is_video": False,
            "type": "regular",
        }
    return {**base, "mime_type": file.mime_type}


@dataclass(slots=True)
class StoredMessage:
    """One message in one chat, by the bot or a user, in its current state."""

    chat: JSON
    message_id: int
    date: int
    sender: JSON
    from_bot: bool
    seq: int
    changed: int = 0
    kind: str = "text"
    text: str = ""
    source: str | None = None
    parse_mode: str | None = None
    entities: list[JSON] = field(default_factory=list)
    content: JSON = field(default_factory=dict)
    file: StoredFile | None = None
    reply_markup: JSON | None = None
    thread_id: int | None = None
    is_topic_message: bool = False
    reply_to: StoredMessage | None = None
    edit_date: int | None = None
    deleted: bool = False
    service: bool = False
    extra: JSON = field(default_factory=dict)
    bot_reaction: str | None = None  # the bot's emoji on a person's message (setMessageReaction)

    @property
    def chat_id(self) -> int:
        """Id of the chat the message lives in."""
        return int(self.chat["id"])

    @property
    def has_caption_slot(self) -> bool:
        """Whether the message is media that can carry a caption."""
        return self.kind in MEDIA_KINDS

    def to_dict(self, *, nested: bool = True) -> JSON:
        """The Message object as Telegram returns it."""
        data: JSON = {
            "message_id": self.message_id,
            "from": self.sender,
            "chat": self.chat,
            "date": self.date,
        }
        if self.thread_id is not None:
            data["message_thread_id"] = self.thread_id
        if self.is_topic_message:
            data["is_topic_message"] = True
        if nested and self.reply_to is not None:
            # Telegram nests the replied-to message one level deep only.
            data["reply_to_message"] = self.reply_to.to_dict(nested=False)
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        data.update(self.extra)
        if self.kind == "text":
            data["text"] = self.text
            if self.entities:
                data["entities"] = self.entities
        else:
            data.update(self.content)
            if self.text:
                data["caption"] = self.text
                if self.entities:
                    data["caption_entities"] = self.entities
        if self.reply_markup is not None and "inline_keyboard" in self.reply_markup:
            # Only inline keyboards are part of a Message; reply keyboards are client state.
            data["reply_markup"] = self.reply_markup
        return data


def user_dict(
    user_id: int,
    first_name: str,
    *,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
    is_bot: bool = False,
) -> JSON:
    """A User object."""
    data: JSON = {"id": user_id, "is_bot": is_bot, "first_name": first_name}
    if last_name:
        data["last_name"] = last_name
    if username:
        data["username"] = username
    if language_code and not is_bot:
        data["language_code"] = language_code
    return data


def private_chat_dict(user: JSON) -> JSON:
    """The Chat object of a private chat with ``user``."""
    chat: JSON = {"id": user["id"], "first_name": user["first_name"]}
    for key in ("last_name", "username"):
        if key in user:
            chat[key] = user[key]
    chat["type"] = "private"
    return chat


def group_chat_dict(chat_id: int, title: str, *, supergroup: bool, forum: bool) -> JSON:
    """The Chat object of a group or supergroup."""
    chat: JSON = {"id": chat_id, "title": title, "type": "supergroup" if supergroup else "group"}
    if forum:
        chat["is_forum"] = True
    return chat


def chat_full_info(chat: JSON) -> JSON:
    """A ChatFullInfo object for getChat, with the fields Telegram always sends."""
    return {
        **chat,
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }


def chat_member(user: JSON, status: str) -> JSON:
    """A ChatMember object for ``status`` with the fields its type requires."""
    member: JSON = {"user": user, "status": status}
    if status == "kicked":
        member["until_date"] = 0
    elif status == "creator":
        member["is_anonymous"] = False
    elif status == "restricted":  # a member who may not post anything
        member.update(
            dict.fromkeys(
                (
                    "can_send_messages",
                    "can_send_audios",
                    "can_send_documents",
                    "can_send_photos",
                    "can_send_videos",
                    "can_send_video_notes",
                    "can_send_voice_notes",
                    "can_send_polls",
                    "can_send_other_messages",
                    "can_add_web_page_previews",
                    "can_change_info",
                    "can_invite_users",
                    "can_pin_messages",
                    "can_manage_topics",
                    "can_edit_tag",
                    "can_react_to_messages",
                ),
                False,
            ),
            is_member=True,
            until_date=0,
        )
    elif status == "administrator":
        member.update(
            dict.fromkeys(
                (
                    "can_be_edited",
                    "is_anonymous",
                    "can_restrict_members",
                    "can_promote_members",
                    "can_post_stories",
                    "can_edit_stories",
                    "can_delete_stories",
                ),
                False,
            )
        )
        member.update(
            dict.fromkeys(
                (
                    "can_manage_chat",
                    "can_delete_messages",
                    "can_manage_video_chats",
                    "can_change_info",
                    "can_invite_users",
                    "can_pin_messages",
                    "can_manage_topics",
                ),
                True,
            )
        )
    return member
