"""A database with other people on it: the chat is refused unless asked for on purpose."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

from bot.store import Store
from bot.terminal_text import count_of

# The ids of the talents the chat makes up (/as-talent): 2**52 and above, which no real
# Telegram user has (their ids have at most 52 significant bits), and below 2**53, which a
# browser's JavaScript (the staff workspace) still holds exactly.
TALENT_IDS = range(2**52, 2**53)


def talent_id(name: str) -> int:
    """The Telegram id of the chat's talent with this first name: the same in every session
    (whatever its capitals), so a kept database finds its talents again."""
    digest = hashlib.sha256(name.casefold().encode()).digest()
    return TALENT_IDS.start + int.from_bytes(digest[:5], "big")


class ChatRefused(Exception):
    """The database given to `kocca-bot chat` holds other people's data: not without a flag."""


async def check_database(database: Path, user_id: int, *, real_talents: bool) -> bool:
    """Whether the bot's background workers may run on this database (ChatRefused if not).

    What the chat's bot sends goes to the emulator, which knows nobody but the chat's own
    user and the talents it made up (TALENT_IDS). On a database with other users, its workers
    would take what is queued for them (announcements, stage messages, reminders) and send
    it there: each would be marked as having blocked the bot, and never get it. A copy holds
    the same users: refused the same. The chat's own made-up talents are no other users.
    """
    if not await asyncio.to_thread(database.exists):
        return True
    store = await Store.open(database)
    try:
        others = await store.users.others(user_id, besides=TALENT_IDS)
        waiting = (await store.ops.status_facts()).waiting
    finally:
        await store.close()
    if not others:
        return True
    if not real_talents:
        raise ChatRefused(
            f"{database} holds {count_of(others, 'other user')}, real talents perhaps. The"
            " chat's bot would send what is queued for them (announcements, stage messages,"
            " reminders) to the offline emulator, which does not know them: they would never"
            " get it, and each would be marked as having blocked the bot. A copy of this"
            " database holds the same users and is refused the same way. To look at it anyway,"
            " with sending off (nothing queued is sent), add --allow-real-talents. To try"
            " sending too, chat on a database of your own: leave out --database (a throw-away"
            " one) or name a new file."
        )
    if waiting:
        raise ChatRefused(
            f"{database} has {count_of(waiting, 'update')} from Telegram waiting for the real bot:"
            " start it (kocca-bot run) to answer them first."
        )
    return False
