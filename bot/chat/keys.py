"""What the person types: a message, a button's number ('2 sends the number itself), a staff
member's words in the simulated staff group, who types (the person, or a talent made up with
/as-talent), or /quit; then the wait for the bot, however long it takes."""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from bot.chat.screen import GROUP_PREFIX, Screen
from bot.content import LANGUAGES
from bot.emulator import EmulatedChat, EmulatedUser
from bot.emulator.chats import ChatBase

QUIT = {"/quit", "/exit"}
# '2 sends "2" as a message: a number alone presses that button (an answer that is a number,
# where the question also shows buttons).
LITERAL = "'"
AS_STAFF = "/as-staff-group"
STAFF_USAGE = (
    f"In the staff group: {AS_STAFF} reply N TEXT answers message #N (a relayed question);"
    f" {AS_STAFF} TEXT writes TEXT there; g1, g2, … press its buttons."
)
NO_GROUP = (
    "There is no staff group in this chat: it is simulated for an admin. Start the chat with"
    " your user id in ADMIN_IDS: ADMIN_IDS={user_id} kocca-bot chat"
)
AS_TALENT = "/as-talent"
AS_ME = "/as-me"
AS_TALENT_NOW = (
    "You type as {name} now (Telegram id {user_id}, language {language}): messages and"
    f" buttons are {{name}}'s. {AS_TALENT} alone goes back to you."
)
AS_ME_AGAIN = "You type as yourself, {name}, again."
# The talent typed as blocks the bot, or unblocks it (a staff review s61, L4: "what happens
# with a talent who blocked the bot?" could not be tried here).
BLOCK = "/block"
UNBLOCK = "/unblock"
BLOCKED = (
    "{name} blocked the bot: what it sends {name} now fails as Telegram's 403 (bot was blocked"
    f" by the user) does, as staff see. {UNBLOCK} undoes it; {AS_TALENT} alone goes back to you."
)
UNBLOCKED = "{name} unblocked the bot: its messages reach {name} again."
BLOCK_WHOM = f"{BLOCK} and {UNBLOCK} act as a talent: type as one first ({AS_TALENT} NAME)."
ALREADY = "{name} has {state} the bot already."
STILL_BLOCKED = (
    f"{{name}} has blocked the bot, so cannot write to it (Telegram shows Unblock): {UNBLOCK}"
    f" first, or {AS_TALENT} alone to type as yourself."
)
# An earlier message's buttons (in Telegram one scrolls up and taps them): shown again,
# numbered, and pressed by number until the bot sends newer ones.
EARLIER = "/earlier"
NO_EARLIER = "No earlier message with buttons here ({count} with buttons in this chat)."
EARLIER_USAGE = (
    f"{EARLIER} shows the message with buttons before the newest again; {EARLIER} N the Nth"
    f" before it (N a number from 1); {EARLIER} g, {EARLIER} g N the same in the staff group."
)
# "g7" typed with no such button in the staff group: said, not sent to the bot as text.
NO_GROUP_BUTTON = (
    "No button {typed} in the staff group now (its newest buttons are numbered g1, g2, …;"
    f" {EARLIER} g shows an older message's). To send the text itself, type '{{typed}}."
)
KEEPS_LANGUAGE = "{name} keeps the Telegram language {language}, given when first made up."
WEB_APP = (
    "That button opens a web app inside Telegram. Offline, open the staff workspace's link"
    " printed at the start instead."
)
# ... the staff workspace at a lead ("🗂 Buka di ruang kerja" under /lead): its link, at it (a
# new staff member's review s57, L9: the link printed at the start opens the list).
WEB_APP_LEAD = (
    "That button opens this lead in the staff workspace inside Telegram. Offline, open: {link}"
)
WEB_APP_NONE = (
    "That button opens the staff workspace inside Telegram. Offline it is not started, because"
    " WEB_URL is set (unset it to try it here)."
)
# A message number not in this chat's staff group, on a kept database: each chat has a staff
# group of its own (a new staff member's review s57, M6).
NO_GROUP_MESSAGE = "The staff group has no message #{number}."
EARLIER_CHAT = (
    " Each chat has a staff group of its own: a question relayed in an earlier chat on this"
    " database cannot be replied to here. Answer it on the staff workspace's Questions tab"
    " (Pertanyaan){where}."
)
WORKSPACE_LINKED = ": its link is printed at the start"
WORKSPACE_OFF = ", with WEB_URL unset (it is not started offline while WEB_URL is set)"
_LEAD_IN_FRAGMENT = re.compile(r"(?:^|[#&])lead/(KOC-\d{1,12}|\d{1,12})(?:$|&)")
# /help (or /bantuan) goes to the bot, whose command list is then followed by the chat's own
# (a new staff coordinator's review s58, L8: they were in the start banner only, scrolled away).
HELP = {"/help", "/bantuan"}
CHAT_COMMANDS = "\n".join(
    (
        "This chat's own commands (not sent to the bot):",
        f"  {AS_TALENT} NAME [en]  type as the talent NAME, made up on first use (en: English)",
        f"  {AS_ME}  type as yourself again ({AS_TALENT} alone too)",
        f"  {BLOCK}, {UNBLOCK}  the talent typed as blocks (unblocks) the bot: sends to them fail",
        "  1, 2, …  press a button of the newest message ('2 sends the number 2 as a message)",
        f"  {EARLIER} [N]  show an earlier message with buttons again, to press its buttons",
        "  /quit  end the chat (Ctrl-D too)",
    )
)
GROUP_COMMANDS = "\n".join(
    (
        "In the simulated staff group:",
        f"  {AS_STAFF} reply N TEXT  answer message #N (a relayed question) as staff",
        f"  {AS_STAFF} TEXT  write TEXT there",
        f"  g1, g2, …  press its buttons; {EARLIER} g [N] an earlier message's",
    )
)
NO_GROUP_COMMANDS = (
    "An admin's chat also has a simulated staff group: ADMIN_IDS={user_id} kocca-bot chat"
)
STILL_WORKING_AFTER = 2.0  # seconds without the bot being done before saying so
REMIND_EVERY = 15.0

Update = dict[str, Any]


class Keys:
    """Turns typed lines into what a Telegram user would do, and waits for the bot after each."""

    def __init__(
        self,
        screen: Screen,
        person: EmulatedUser,
        group: EmulatedChat | None,
        settle: Callable[[int], Awaitable[None]],
        patience: float = STILL_WORKING_AFTER,
        *,
        talent: Callable[[str, str], EmulatedUser],
        workspace: str | None = None,
        earlier_chats: bool = False,
    ) -> None:
        self.screen = screen
        self.me = person  # the chat's own user: the staff group's member
        self.person = person  # who types now: the chat's own user, or a made-up talent
        self.group = group
        self.settle = settle
        self.patience = patience
        self.talent = talent  # the talent with this first name (and, if new, language)
        self.workspace = workspace  # the staff workspace's signed link, when it runs here
        self.earlier_chats = earlier_chats  # a kept database: earlier chats' groups are gone

    async def converse(self, read_line: Callable[[], str] | None = None) -> None:
        """Read lines until /quit or the end of input."""
        while True:
            try:
                line = await asyncio.to_thread(read_line or _read_stdin)
            except EOFError:
                return
            line = line.strip()
            if line in QUIT:
                return
            update = self._act(line) if line else None
            if update is not None:
                await self._wait(update["update_id"])
            if line in HELP:
                self._help()

    def _act(self, line: str) -> Update | None:
        """Queue the update the line stands for; None (and a word why) when nothing is sent."""
        if line == AS_STAFF or line.startswith(AS_STAFF + " "):
            return self._as_staff(line.removeprefix(AS_STAFF).strip())
        if line in (AS_TALENT, AS_ME) or line.startswith(AS_TALENT + " "):
            self._as_talent(line.removeprefix(AS_TALENT).removeprefix(AS_ME).split())
            return None
        if line in (BLOCK, UNBLOCK):
            return self._block(line == BLOCK)
        blocked = self.person is not self.me and self.person.blocked
        if blocked and not self.screen.in_group(line):  # the group's buttons are staff's
            self.screen.say(STILL_BLOCKED.format(name=self.person.first_name))
            return None
        if line == EARLIER or line.startswith(EARLIER + " "):
            self._earlier(line.removeprefix(EARLIER).strip())
            return None
        if line.startswith(LITERAL) and self.screen.looks_like_a_button(line[1:]):
            return self.person.send(line[1:])
        pressable = self.screen.pressable(line)
        if pressable is None and self.group is not None and self.screen.in_group(line):
            self.screen.say(NO_GROUP_BUTTON.format(typed=line))
            return None
        if pressable is None:
            return self.person.send(line)
        button = pressable.button
        if button.url is not None:
            self.screen.say(f"That button opens {button.url} in a browser.")
            return None
        if button.callback_data is None:
            self.screen.say(self._web_app(button.web_app))
            return None
        # The staff group's buttons are pressed by its member, whoever types in private.
        presser = self.me if self.group and pressable.message.chat_id == self.group.id else None
        try:
            return (presser or self.person).press(
                callback_data=button.callback_data, message=pressable.message
            )
        except AssertionError:  # the emulator's word for a message deleted meanwhile
            self.screen.say("That button's message is gone.")
            return None

    def _help(self) -> None:
        """The chat's own commands, after the bot's answer to /help."""
        group = GROUP_COMMANDS if self.group else NO_GROUP_COMMANDS.format(user_id=self.me.id)
        self.screen.say(f"{CHAT_COMMANDS}\n{group}")

    def _earlier(self, back: str) -> None:
        """Show again the message with buttons `back` before the newest (1 if not said) in the
        chat typed in, or in the staff group ("g", "g N"), its buttons the ones a number (or
        g and a number) presses."""
        chat: ChatBase = self.person
        if self.group is not None and (back == GROUP_PREFIX or back.startswith("g ")):
            chat, back = self.group, back.removeprefix(GROUP_PREFIX).strip()
        if back and not (back.isascii() and back.isdigit() and int(back) > 0):
            self.screen.say(EARLIER_USAGE)
            return
        steps = int(back) if back else 1
        with_buttons = [message for message in chat.messages if message.buttons]
        if steps >= len(with_buttons):
            self.screen.say(NO_EARLIER.format(count=len(with_buttons)))
            return
        self.screen.show(with_buttons[-1 - steps], edited=False, again=True)

    def _as_talent(self, words: list[str]) -> None:
        """Type as the talent named by `words` (its language last, if given), or as oneself."""
        language = words.pop() if len(words) > 1 and words[-1] in LANGUAGES else None
        if not words:
            self.person = self.me
            self.screen.show_chat_of(self.me.id)
            self.screen.say(AS_ME_AGAIN.format(name=self.me.first_name))
            return
        talent = self.talent(" ".join(words), language or LANGUAGES[0])
        self.person = talent
        self.screen.show_chat_of(talent.id)
        known = talent.language_code or LANGUAGES[0]
        self.screen.say(
            AS_TALENT_NOW.format(name=talent.first_name, user_id=talent.id, language=known)
        )
        if language is not None and language != known:
            self.screen.say(KEEPS_LANGUAGE.format(name=talent.first_name, language=known))

    def _block(self, block: bool) -> Update | None:
        """The talent typed as blocks the bot (or unblocks it): Telegram's my_chat_member
        update, and from then on the emulator's 403 to what the bot sends them."""
        talent = self.person
        if talent is self.me:
            self.screen.say(BLOCK_WHOM)
            return None
        name = talent.first_name
        if talent.blocked == block:
            self.screen.say(ALREADY.format(name=name, state="blocked" if block else "unblocked"))
            return None
        update = talent.block() if block else talent.unblock()
        self.screen.say((BLOCKED if block else UNBLOCKED).format(name=name))
        return update

    def _as_staff(self, words: str) -> Update | None:
        """The person, as a staff member in the simulated group: a reply, or a message."""
        group = self.group
        if group is None:
            self.screen.say(NO_GROUP.format(user_id=self.me.id))
            return None
        command, _, rest = words.partition(" ")
        if command != "reply":
            if not words:
                self.screen.say(STAFF_USAGE)
                return None
            return self._in_group(group, words, None)
        number, _, text = rest.strip().partition(" ")
        number = number.removeprefix("#")
        if not number.isdigit() or not text.strip():
            self.screen.say(STAFF_USAGE)
            return None
        if group.message(int(number)) is None:
            said = NO_GROUP_MESSAGE.format(number=number)
            if self.earlier_chats:
                where = WORKSPACE_LINKED if self.workspace else WORKSPACE_OFF
                said += EARLIER_CHAT.format(where=where)
            self.screen.say(said)
            return None
        return self._in_group(group, text.strip(), int(number))

    def _web_app(self, address: str | None) -> str:
        """What pressing a button that opens a web app (the staff workspace) says offline: the
        workspace's link, at the lead the button opens, when the workspace runs here."""
        if self.workspace is None:
            return WEB_APP_NONE
        lead = _LEAD_IN_FRAGMENT.search((address or "").partition("#")[2])
        if lead is None:
            return WEB_APP
        base, _, fragment = self.workspace.partition("#")
        return WEB_APP_LEAD.format(link=f"{base}#lead/{lead.group(1)}&{fragment}")

    def _in_group(self, group: EmulatedChat, text: str, reply_to: int | None) -> Update:
        """The person writes in the staff group (a reply to message #`reply_to`)."""
        update = self.me.send(text, chat=group, reply_to=reply_to)
        self.screen.own_group_message(update["message"]["message_id"], reply_to, text)
        return update

    async def _wait(self, update_id: int) -> None:
        """Wait for the bot to finish with the update: no time limit (an export of 50,000
        leads takes a while), "still working…" when it is slow."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        done = asyncio.ensure_future(self.settle(update_id))
        try:
            said = False
            while not done.done():
                await asyncio.wait({done}, timeout=REMIND_EVERY if said else self.patience)
                if not done.done():
                    waited = loop.time() - started
                    self.screen.say(f"still working… {waited:.0f} s" if said else "still working…")
                    said = True
            done.result()
        finally:
            done.cancel()


def _read_stdin() -> str:
    """One line from the terminal; EOFError at the end of input."""
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line
