"""The bot's Telegram commands: Indonesian name first, English alias beside it."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import OSA

from bot.texts import Text


@dataclass(frozen=True, slots=True)
class Command:
    """One command as shown in Telegram's command menu."""

    indonesian: str
    english: str
    description: Text
    aliases: tuple[str, ...] = ()  # more English names that work but are not listed

    @property
    def names(self) -> list[str]:
        """Every name, for the handler."""
        return sorted({self.indonesian, self.english, *self.aliases})

    def name_for(self, language: str) -> str:
        """The name shown to a user of that language."""
        return self.english if language == "en" else self.indonesian


START = Command("start", "start", Text.COMMAND_START)
MENU = Command("menu", "menu", Text.COMMAND_MENU)
PROGRAMS = Command("program", "programs", Text.COMMAND_PROGRAMS)
FAQ = Command("faq", "faq", Text.COMMAND_FAQ)
LANGUAGE = Command("bahasa", "language", Text.COMMAND_LANGUAGE)
PRIVACY = Command("privasi", "privacy", Text.COMMAND_PRIVACY)
HELP = Command("bantuan", "help", Text.COMMAND_HELP)
# Talents register interest, they do not apply: /apply still works for old habits and links.
APPLY = Command("daftar", "register", Text.COMMAND_APPLY, aliases=("apply",))
CANCEL = Command("batal", "cancel", Text.COMMAND_CANCEL)
MY_DATA = Command("dataku", "mydata", Text.COMMAND_MYDATA)
DELETE_DATA = Command("hapusdata", "deletemydata", Text.COMMAND_DELETE)
ASK = Command("tanya", "ask", Text.COMMAND_ASK)
SUBSCRIBE = Command("langganan", "subscribe", Text.COMMAND_SUBSCRIBE)
UNSUBSCRIBE = Command("berhenti", "unsubscribe", Text.COMMAND_UNSUBSCRIBE, aliases=("stop",))
BROADCAST = Command("broadcast", "broadcast", Text.COMMAND_BROADCAST)  # staff only
STATUS = Command("status", "status", Text.COMMAND_STATUS)

# The order Telegram shows them in; a command is listed only once it works.
PUBLIC_COMMANDS = [
    START,
    MENU,
    APPLY,
    STATUS,
    PROGRAMS,
    FAQ,
    ASK,
    CANCEL,
    SUBSCRIBE,
    UNSUBSCRIBE,
    LANGUAGE,
    PRIVACY,
    MY_DATA,
    DELETE_DATA,
    HELP,
]

# The command that keeps a conversation with the team under way: a talent who checks /status
# between two messages to the team (as a stage message tells them to) is still talking to
# the team (a staff review: the follow-up after /status got the bot's "no answer", and staff
# never saw it); the bot says so under /status. Every other command ends it: back at /menu,
# /start, reading /program or /faq, a talent asks the bot again (a talents' review s58, M2:
# "BCWW itu kapan?" after /menu went silently to staff).
KEEPS_TALKING = frozenset(STATUS.names)

# The staff desk: not published to talents (staff_only refuses everyone else anyway).
EXPORT = Command("export", "export", Text.COMMAND_EXPORT)
STATS = Command("stats", "stats", Text.COMMAND_STATS)
LEADS = Command("leads", "leads", Text.COMMAND_LEADS)
LEAD = Command("lead", "lead", Text.COMMAND_LEAD)
RELOAD = Command("reload", "reload", Text.COMMAND_RELOAD)
NOTE = Command("catatan", "note", Text.COMMAND_NOTE)

# What an admin's own command menu adds to the talents' one.
STAFF_COMMANDS = [EXPORT, STATS, LEADS, LEAD, NOTE, BROADCAST, RELOAD]
# The staff commands that work in the staff group too (/broadcast is composed in private).
GROUP_STAFF_COMMANDS = [command for command in STAFF_COMMANDS if command is not BROADCAST]
# Every name the bot answers somewhere (a typo hint never names the command typed itself).
ALL_NAMES = frozenset(
    name for command in (*PUBLIC_COMMANDS, *STAFF_COMMANDS) for name in command.names
)


def closest(typed: str, among: list[Command] | None = None) -> Command | None:
    """The talents' command (or one of `among`) a mistyped one likely meant: one it starts
    ("/hapus" for /hapusdata, "/delete" for /deletemydata) or a typo or two away ("/dafar";
    two letters swapped count as one: "/strat"); None when none is, or more than one. Never
    run for them: only named (it may erase everything)."""
    word = typed.lower()
    if len(word) < 3:
        return None
    near = 1 if len(word) < 6 else 2
    found = {
        command
        for command in (PUBLIC_COMMANDS if among is None else among)
        for name in command.names
        if name.startswith(word) or OSA.distance(word, name, score_cutoff=near) <= near
    }
    return found.pop() if len(found) == 1 else None


def keeps_talking(text: str | None) -> bool:
    """Whether a message is a command that keeps a conversation with the team (KEEPS_TALKING),
    with or without "@bot" and arguments."""
    if not text or not text.startswith("/"):
        return False
    words = text[1:].split(maxsplit=1)
    return bool(words) and words[0].split("@", 1)[0].lower() in KEEPS_TALKING
