"""Letters folded for a lead search, the same on what is stored and on what is typed.

SQLite's lower() and LIKE fold only ASCII letters, so "ÉLISE" never found "élise" nor "Đức"
"đức". `fold` lowercases every letter (Python's Unicode rules, NFC first), and reads the Turkish
capital I with a dot and the small i without one as i, so "ÇAĞRI" finds the name spelt with
them. The writer connection uses it as SQLite's lower() (bot/store/db.py), which the
lead_search view applies to the text it keeps; the search patterns are folded with it in Python
(bot/store/leads.search_pattern). A connection without it (the sqlite3 shell, a test's
seeding) folds only ASCII, so a lead it writes is not found by its other letters ("Éva"
kept as "Éva", and "éva" finds nobody): `unfolded` finds such rows (`kocca-bot doctor`), and
Leads.refold_search makes them again as the bot folds (`kocca-bot doctor --repair-search`).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

from bot.store import schema
from bot.store.migrations import MIGRATIONS

_TURKISH_I = str.maketrans({"\u0130": "i", "\u0131": "i"})  # İ and the dotless i


def fold(text: str) -> str:
    """`text` as the search compares it: lowercase, composed (NFC), the Turkish I forms as i.

    Composed again after lowercasing: a capital with no composed form of its own and a mark
    ("J\u030c", "T\u0308") lowercase to a letter that has one ("ǰ", "ẗ"), so folding once
    left text that folded again differently, and doctor flagged leads the bot itself wrote
    (an attacker's review). Folding twice now gives what folding once does.
    """
    lowered = unicodedata.normalize("NFC", text).translate(_TURKISH_I).lower()
    return unicodedata.normalize("NFC", lowered)


def sql_lower(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """`fold` as SQLite's lower(): NULL stays NULL, a number or blob as lower() leaves it."""
    return fold(value) if isinstance(value, str) else value


# The leads (id, reference) whose lead_search row is not as the bot's writer stores it: its
# lower() is `fold` (bot/store/db.py), so what it stores is folded already, and folding it
# again changes nothing (`fold` is idempotent). The doctor's check and Leads.refold_search
# both run this, with `fold` as lower() on their connection (about 0.5 s at 50,000 leads).
UNFOLDED_LEADS = (
    "SELECT x.application_id, a.reference FROM lead_search x"
    " JOIN applications a ON a.id = x.application_id"
    " WHERE x.search IS NOT lower(x.search)"
)


def unfolded(connection: sqlite3.Connection) -> list[str]:
    """The leads whose searched text (lead_search) a connection without the bot's fold wrote
    (an attacker's review: a name written from the sqlite3 shell was found by nobody), by
    reference. `connection`'s lower() becomes the bot's fold, as on the writer."""
    connection.create_function("lower", 1, sql_lower, deterministic=True)
    return sorted(str(row[1]) for row in connection.execute(UNFOLDED_LEADS))


def not_repairable(path: Path) -> str | None:
    """Why the lead search of the file at `path` must not be made again by
    `kocca-bot doctor --repair-search`, or None: it must be the bot's database with exactly
    this code's migrations applied, as the bot running on it would have it. Read only: a
    foreign file (a wrong DATABASE_PATH) got the bot's schema written into it, and a database
    from an older release was migrated by the command while its own bot ran (an attacker's
    review). Raises sqlite3.Error when the file cannot be read (locked, not a database)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        connection.execute("PRAGMA trusted_schema=OFF")  # nothing in it is trusted yet
        try:
            applied = connection.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0]
        except sqlite3.OperationalError as error:
            if "no such table" not in str(error):
                raise
            return "it is not the bot's database (it has no schema_migrations table)"
        wrong = schema.problems(connection)
        if wrong:
            return f"it is not the bot's database as its migrations make it: {wrong[0]}"
        if applied != len(MIGRATIONS):
            return (
                f"it has {applied} of this version's {len(MIGRATIONS)} migrations (a bot of"
                " another version uses it)"
            )
        return None
    finally:
        connection.close()
