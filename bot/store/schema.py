"""The schema the migrations make, to compare a database file with.

A backup is a file anyone who can write to it may change. A trigger, view or table added
to it runs (or hides) inside the restored database: a trigger can mark carried erasures as
applied so erased talents come back, a table can keep talents out of the erasure's reach,
and dropping the audit log's triggers makes the record of processing rewritable. So restore
refuses a file whose schema is not exactly the one this bot's migrations make at that
file's version (`problems`), and every start refuses a database whose audit log has lost
its append-only triggers, or gained others (`audit_problems`).

Compared: every table, index, trigger and view in sqlite_master (SQLite's own `sqlite_*`
objects aside), by type, name, table and SQL text with its spacing normalised.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from bot.store.migrations import MIGRATIONS

# Created before the first migration, by every version.
MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)
MASTER = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
_AUDIT = "audit_log"
_AROUND_PUNCTUATION = re.compile(r"\s*([(),;=<>])\s*")

Entry = tuple[str, str, str, str]  # type, name, table, SQL (normalised)


class SchemaMismatch(Exception):
    """A database's schema is not the one the migrations make; the message says how."""


def statements(script: str) -> list[str]:
    """Split a migration script into statements (a trigger's body keeps its own ';')."""
    found: list[str] = []
    pending = ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                found.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        found.append(pending.strip())
    return found


def entries(rows: Iterable[Sequence[Any]]) -> frozenset[Entry]:
    """sqlite_master rows (type, name, tbl_name, sql) as compared."""
    return frozenset(
        (str(kind), str(name), str(table), _normal(sql or "")) for kind, name, table, sql in rows
    )


def read(connection: sqlite3.Connection) -> frozenset[Entry]:
    """The schema of an open database."""
    return entries(connection.execute(MASTER).fetchall())


@functools.cache
def expected(version: int) -> frozenset[Entry]:
    """The schema the first `version` migrations make (built once, in memory)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(MIGRATIONS_TABLE)
        for _, script in MIGRATIONS[:version]:
            for statement in statements(script):
                connection.execute(statement)
        return read(connection)
    finally:
        connection.close()


def problems(connection: sqlite3.Connection) -> list[str]:
    """How a database's schema differs from the one its migrations make; empty if it does not.

    Open it with `PRAGMA trusted_schema=OFF`: nothing in its schema is trusted yet.
    """
    try:
        applied = connection.execute(
            "SELECT version, name FROM schema_migrations ORDER BY version"
        ).fetchall()
        found = read(connection)
    except sqlite3.Error as error:
        return [f"its schema cannot be read ({error})"]
    ours = [(number, name) for number, (name, _) in enumerate(MIGRATIONS, start=1)]
    if len(applied) > len(ours):
        return [f"it was made by a newer version of the bot ({len(applied)} migrations)"]
    if applied != ours[: len(applied)]:
        return ["its migrations are not this bot's (made by another program, or changed)"]
    return differences(found, expected(len(applied)))


def audit_problems(found: frozenset[Entry], version: int) -> list[str]:
    """How the triggers guarding the audit log differ from those the first `version`
    migrations make: any trigger on it, or naming it, must be one of theirs."""
    mine = _audit_triggers(expected(version))
    return differences(_audit_triggers(found), mine)


def differences(found: frozenset[Entry], wanted: frozenset[Entry]) -> list[str]:
    """What is there and should not be, what is missing, what was changed: one line each."""
    by_name = {(entry[0], entry[1]): entry for entry in wanted}
    lines = []
    for entry in sorted(found - wanted):
        kind, name, table = entry[:3]
        if (kind, name) in by_name:
            lines.append(f"the {kind} {name} (on {table}) was changed")
        else:
            lines.append(f"a {kind} {name} (on {table}) that this bot does not make")
    present = {(entry[0], entry[1]) for entry in found}
    lines += [
        f"the {kind} {name} (on {table}) is missing"
        for kind, name, table, _ in sorted(wanted)
        if (kind, name) not in present
    ]
    return lines


def _audit_triggers(schema: frozenset[Entry]) -> frozenset[Entry]:
    return frozenset(
        entry
        for entry in schema
        if entry[0] == "trigger" and (entry[2] == _AUDIT or _AUDIT in entry[3].lower())
    )


def _normal(sql: str) -> str:
    """SQL with its spacing normalised (texts written by older versions may be spaced
    differently) and CREATE … IF NOT EXISTS as CREATE …."""
    text = _AROUND_PUNCTUATION.sub(r"\1", " ".join(sql.split()))
    return text.replace(" IF NOT EXISTS ", " ")
