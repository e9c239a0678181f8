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

_TURKISH_I = str.maketrans({"\u0130": "i", "\u0131": "i"})  # İ and the dotless i


def fold(text: str) -> str:
    """`text` as the search compares it: lowercase, composed (NFC), the Turkish I forms as i."""
    return unicodedata.normalize("NFC", text).translate(_TURKISH_I).lower()


def sql_lower(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """`fold` as SQLite's lower(): NULL stays NULL, a number or blob as lower() leaves it."""
    return fold(value) if isinstance(value, str) else value


# The leads whose searched text is not as `fold` leaves it (about 0.5 s at 50,000 leads).
_UNFOLDED = (
    "SELECT a.reference FROM lead_search x JOIN applications a ON a.id = x.application_id"
    " WHERE x.search IS NOT fold(x.search)"
)


def unfolded(connection: sqlite3.Connection) -> list[str]:
    """The leads whose searched text (lead_search) a connection without the bot's fold wrote
    (an attacker's review: a name written from the sqlite3 shell was found by nobody), by
    reference."""
    connection.create_function("fold", 1, sql_lower, deterministic=True)
    return sorted(str(row[0]) for row in connection.execute(_UNFOLDED))
