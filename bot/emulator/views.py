"""What tests and the terminal chat read: snapshots of messages, buttons, calls and events."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from bot.emulator.shapes import StoredMessage


@dataclass(frozen=True, slots=True)
class Button:
    """One inline keyboard button as the user sees it."""

    text: str
    callback_data: str | None = None
    url: str | None = None
    web_app: str | None = None  # the web app's address, for a button that opens one


@dataclass(frozen=True, slots=True)
class BotMessage:
    """A message as a person sees it now: visible text, buttons, attached file."""

    message_id: int
    chat_id: int
    text: str
    html: str | None
    parse_mode: str | None
    buttons: list[list[Button]]
    kind: str
    date: int
    edited: bool
    message_thread_id: int | None = None
    reply_to_message_id: int | None = None
    document: tuple[str, bytes, str] | None = None
    photo: bytes | None = None
    voice: bytes | None = None
    file_id: str | None = None
    keyboard: list[list[str]] | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def button_texts(self) -> list[str]:
        """All inline button labels, row by row."""
        return [button.text for row in self.buttons for button in row]

    @property
    def callback_data(self) -> list[str]:
        """All inline buttons' callback data, row by row."""
        return [b.callback_data for row in self.buttons for b in row if b.callback_data]

    @classmethod
    def from_stored(cls, message: StoredMessage) -> BotMessage:
        """Snapshot a stored message."""
        markup = message.reply_markup or {}
        buttons = [
            [
                Button(
                    text=str(b.get("text", "")),
                    callback_data=b.get("callback_data"),
                    url=b.get("url"),
                    web_app=_web_app_url(b.get("web_app")),
                )
                for b in row
            ]
            for row in markup.get("inline_keyboard", [])
        ]
        keyboard = None
        if "keyboard" in markup:
            keyboard = [
                [b if isinstance(b, str) else str(b.get("text", "")) for b in row]
                for row in markup["keyboard"]
            ]
        file = message.file
        return cls(
            message_id=message.message_id,
            chat_id=message.chat_id,
            text=message.text,
            html=message.source,
            parse_mode=message.parse_mode,
            buttons=buttons,
            kind=message.kind,
            date=message.date,
            edited=message.edit_date is not None,
            message_thread_id=message.thread_id,
            reply_to_message_id=None if message.reply_to is None else message.reply_to.message_id,
            document=(
                (file.filename or "document", file.content, file.mime_type or "")
                if file is not None and message.kind == "document"
                else None
            ),
            photo=file.content if file is not None and message.kind == "photo" else None,
            voice=file.content if file is not None and message.kind == "voice" else None,
            file_id=None if file is None else file.file_id,
            keyboard=keyboard,
            raw=message.to_dict(),
        )


@dataclass(frozen=True, slots=True)
class CallbackAnswer:
    """The bot's answerCallbackQuery reply to one button press (toast or alert)."""

    query_id: str
    text: str | None
    show_alert: bool
    url: str | None


@dataclass(frozen=True, slots=True)
class RecordedCall:
    """One Bot API request as the emulator answered it."""

    method: str
    params: dict[str, Any]
    files: list[str]
    status: int
    at: float
    description: str | None = None
    result: Any = None

    @property
    def ok(self) -> bool:
        """Whether Telegram would have answered ``"ok": true``."""
        return 200 <= self.status < 300


EventKind = Literal["message", "edit", "delete", "callback_answer", "reaction"]


@dataclass(frozen=True, slots=True)
class EmulatorEvent:
    """A change a person would see: a new bot message, an edit, a deletion or a toast."""

    kind: EventKind
    chat_id: int
    message_id: int | None = None
    message: BotMessage | None = None
    answer: CallbackAnswer | None = None
    reaction: str | None = None  # "reaction": the bot's emoji on a person's message ("" none)


def _web_app_url(web_app: Any) -> str | None:
    """A web app button's address (its WebAppInfo), if it has one."""
    url = web_app.get("url") if isinstance(web_app, dict) else None
    return url if isinstance(url, str) else None
