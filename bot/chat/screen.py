"""What the person sees: the bot's messages in the private chat shown (their own, or a made-up
talent's), in the other private chats of the session and in the simulated staff group, buttons
numbered, files saved to a folder, toasts; every text escaped for the terminal."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot.emulator import BotMessage, Button, EmulatorEvent
from bot.private_files import create_private
from bot.terminal_text import printable, without_controls

RULE = "─" * 60
GROUP_RULE = "═" * 60
GROUP_PREFIX = "g"  # staff group buttons are typed g1, g2, … (the private chat's 1, 2, …)
_PICTURES = {b"\x89PNG": ".png", b"\xff\xd8\xff": ".jpg", b"GIF8": ".gif", b"RIFF": ".webp"}


@dataclass(frozen=True, slots=True)
class Pressable:
    """A numbered button and the message it belongs to."""

    message: BotMessage
    button: Button


class Screen:
    """Prints what the bot shows in the private chat shown, in the session's other private
    chats (under the name of whose they are) and in the staff group."""

    def __init__(self, out: TextIO, user_id: int, group_id: int | None, files: Path) -> None:
        self.out = out
        self.user_id = user_id  # whose private chat is shown: who types
        self.group_id = group_id
        self.files = files
        # The session's private chats (the person's, made-up talents'): user id -> first name.
        self.people: dict[int, str] = {}
        # The newest keyboard of each chat is the one typed: 1, 2, … and g1, g2, …
        self.buttons: dict[int, dict[int, Pressable]] = {}  # chat id -> its buttons
        self._saved: dict[str, Path] = {}  # Telegram file id -> where it was saved

    def looks_like_a_button(self, typed: str) -> bool:
        """Whether a typed line reads as a button's number ("3", "g3"), pressable or not."""
        number = typed.removeprefix(GROUP_PREFIX)
        return number.isascii() and number.isdigit()

    def in_group(self, typed: str) -> bool:
        """Whether a typed line reads as a staff group button's number ("g3")."""
        number = typed.removeprefix(GROUP_PREFIX)
        return typed.startswith(GROUP_PREFIX) and number.isascii() and number.isdigit()

    def pressable(self, typed: str) -> Pressable | None:
        """The button a typed "3" (private chat) or "g3" (staff group) stands for."""
        in_group = self.group_id is not None and typed.startswith(GROUP_PREFIX)
        number = typed.removeprefix(GROUP_PREFIX) if in_group else typed
        if not number.isdigit():
            return None
        chat_id = self.group_id if in_group and self.group_id is not None else self.user_id
        return self.buttons.get(chat_id, {}).get(int(number))

    def show_chat_of(self, user_id: int) -> None:
        """From now on, `user_id`'s private chat (one of `people`) is the one shown and typed
        in; what comes to the one left is shown under its name."""
        self.user_id = user_id
        self.say(_rule(f"{self.people[user_id]}'s chat", True))

    def say(self, text: str) -> None:
        """A line of the chat itself (not the bot's), escaped like everything else."""
        print(printable(text, keep_newlines=True), file=self.out, flush=True)

    def __call__(self, event: EmulatorEvent) -> None:
        if event.kind == "callback_answer":
            answer = event.answer
            if answer is not None and answer.text and event.chat_id in self._chats:
                self.say(f"[{'alert' if answer.show_alert else 'toast'}: {answer.text}]")
            return
        if event.kind == "reaction":
            if event.reaction and event.chat_id == self.user_id:
                self.say(f"[bot reacted {event.reaction} to your message]")
            return
        message = event.message
        if message is None or event.kind == "delete" or message.chat_id not in self._chats:
            return
        self.show(message, edited=event.kind == "edit")

    @property
    def _chats(self) -> tuple[int, ...]:
        group = () if self.group_id is None else (self.group_id,)
        return (self.user_id, *group, *self.people)

    def show(self, message: BotMessage, *, edited: bool, again: bool = False) -> None:
        """Print one message, its attachment and its buttons (`again`: an earlier one, shown
        again for its buttons: /earlier)."""
        in_group = message.chat_id == self.group_id
        # Another private chat than the one shown: whose it is, on the header and its buttons.
        elsewhere = message.chat_id != self.user_id and message.chat_id in self.people
        if in_group:
            header = _in_group("staff group", message.message_id, message.reply_to_message_id)
        elif elsewhere:
            header = f"bot → {self.people[message.chat_id]}"
        else:
            header = "bot"
        note = " (edited)" if edited else " (earlier message, shown again)" if again else ""
        lines = [_rule(header + note, in_group or elsewhere)]
        if message.text:
            lines.append(message.text)
        attachment = self._attachment(message)
        if attachment:
            lines.append(attachment)
        if message.buttons:
            prefix = GROUP_PREFIX if in_group else ""
            lines.extend(self._number(message, prefix, elsewhere))
        self.say("\n".join(lines))

    def own_group_message(self, message_id: int, reply_to: int | None, text: str) -> None:
        """What the person just wrote in the staff group, shown there with its number."""
        self.say(_rule(_in_group("you in the staff group", message_id, reply_to), True))
        self.say(text)

    def _number(self, message: BotMessage, prefix: str, elsewhere: bool) -> list[str]:
        """The buttons' rows, numbered afresh for this chat (typed once it is shown: the
        numbers of another talent's chat carry its name)."""
        numbered = self.buttons[message.chat_id] = {}
        if elsewhere:
            prefix = f"{self.people[message.chat_id]}: "
        rows = []
        for row in message.buttons:
            cells = []
            for button in row:
                number = len(numbered) + 1
                numbered[number] = Pressable(message, button)
                cells.append(f"[{prefix}{number}] {button.text}{_where_it_goes(button)}")
            rows.append("   ".join(cells))
        return rows

    def _attachment(self, message: BotMessage) -> str | None:
        """Save a file, photo or voice note the bot sent; the line that says where."""
        if message.document is not None:
            kind, (name, content, _) = "file", message.document
        elif message.photo is not None:
            kind, content = "photo", message.photo
            name = f"photo-{message.message_id}{_picture_suffix(content)}"
        elif message.voice is not None:
            kind, content, name = "voice", message.voice, f"voice-{message.message_id}.ogg"
        else:
            return None
        try:
            path = self._save(message.file_id, name, content)
        except OSError as error:
            return f"[{kind}: {name}, {len(content)} bytes, not saved: {error.strerror}]"
        return f"[{kind}: {path}]"

    def _save(self, file_id: str | None, name: str, content: bytes) -> Path:
        """Write the file once (an edited caption is the same file), 0600, never over another."""
        if file_id is not None and file_id in self._saved:
            return self._saved[file_id]
        # Only a name of its own (never a path elsewhere), with nothing a file system refuses.
        stem, suffix = os.path.splitext(without_controls(Path(name).name) or "file")
        candidate, copy = f"{stem}{suffix}", 1
        while True:
            path = self.files / candidate
            try:
                descriptor = create_private(path)
                break
            except FileExistsError:
                copy += 1
                candidate = f"{stem} ({copy}){suffix}"
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        if file_id is not None:
            self._saved[file_id] = path
        return path


def _in_group(who: str, message_id: int, reply_to: int | None) -> str:
    return who + f" #{message_id}" + ("" if reply_to is None else f", reply to #{reply_to}")


def _rule(header: str, in_group: bool) -> str:
    """A message's first line: who, between rules (double ones outside the chat shown: in the
    staff group, another talent's chat)."""
    rule = GROUP_RULE if in_group else RULE
    return f"{rule[:3]} {header} {rule[: max(3, 56 - len(header))]}"


def _where_it_goes(button: Button) -> str:
    """Where a button that is no press leads: a link, or a web app (the staff workspace)."""
    if button.url:
        return f" → {button.url}"
    if button.callback_data is None:
        return " → web app"
    return ""


def _picture_suffix(content: bytes) -> str:
    return next((s for magic, s in _PICTURES.items() if content.startswith(magic)), ".jpg")
