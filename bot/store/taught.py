"""Phrasings staff taught the bot: a way talents ask, and the entry that answers it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from bot.answers.text import MIN_NAME, is_content, name_words, summary
from bot.store.audit import Actor, Audit
from bot.store.db import Database, Row, Transaction, utc_now

MOST = 1000  # taught phrasings kept at most: each one is indexed at start-up and every reload


class Refused(StrEnum):
    """Why a phrasing was not kept."""

    ALREADY = "already"  # the same words for the same entry
    FULL = "full"  # MOST are kept: remove some first
    GONE = "gone"  # the wording it was to replace was removed meanwhile


@dataclass(frozen=True, slots=True)
class Taught:
    """One taught phrasing, as the Stats tab lists it."""

    id: int
    entry: str  # faq:<key> or program:<key>
    text: str
    taught_by: str | None  # the staff member's name then; None once they were erased
    taught_at: str  # UTC ISO


class TaughtPhrasings:
    """What staff taught the bot on the workspace's Stats tab (bot/web/teach.py).

    The audit log records each wording's id, entry and length, not its words: it keeps what
    staff did for good, and a wording may hold a word a talent typed (her name, masked here
    when she erases: `mask_names_in`).
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    async def all(self) -> list[Taught]:
        """Every taught phrasing, the newest first."""
        rows = await self._db.fetch_all(
            "SELECT id, entry, text, taught_by, taught_at FROM taught_phrasings ORDER BY id DESC"
        )
        return [_taught(row) for row in rows]

    async def pairs(self) -> list[tuple[str, str]]:
        """Every taught phrasing as the matcher indexes it: (entry, text)."""
        rows = await self._db.fetch_all("SELECT entry, text FROM taught_phrasings ORDER BY id")
        return [(row["entry"], row["text"]) for row in rows]

    async def add(
        self,
        actor: Actor,
        entry: str,
        text: str,
        by: str,
        *,
        replacing: int | None = None,
        unsigned: bool = False,
    ) -> Taught | Refused:
        """Keep a phrasing for an entry (in place of the taught one `replacing`, if given),
        unless it was taught already or MOST are kept; recorded in the audit log
        (`phrasing_taught`, and `phrasing_removed` for the one replaced). `unsigned`: the
        staff member erased their data while this was on its way, so it is not signed."""
        async with self._db.transaction() as tx:
            taught = await tx.fetch_one(
                "SELECT 1 FROM taught_phrasings WHERE entry = ? AND text = ?", (entry, text)
            )
            if taught is not None:
                return Refused.ALREADY
            if replacing is not None and not await _removed(tx, actor, replacing):
                return Refused.GONE
            count = await tx.fetch_one("SELECT COUNT(*) AS n FROM taught_phrasings")
            if count is not None and count["n"] >= MOST:
                return Refused.FULL
            at = utc_now()
            signer = (None, None) if unsigned else (actor.user_id, by)
            new = await tx.execute(
                "INSERT INTO taught_phrasings (entry, text, taught_by_id, taught_by, taught_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (entry, text, *signer, at),
            )
            await Audit.add_in(tx, actor, "phrasing_taught", id=new, entry=entry, length=len(text))
        return Taught(new, entry, text, signer[1], at)

    async def remove(self, actor: Actor, taught_id: int) -> Taught | None:
        """Forget one taught phrasing (`phrasing_removed` in the audit log); the one removed,
        or None if it was not there. The caller scrubs the files (`Database.scrub`)."""
        async with self._db.transaction() as tx:
            row = await tx.fetch_one(
                "SELECT id, entry, text, taught_by, taught_at FROM taught_phrasings WHERE id = ?",
                (taught_id,),
            )
            if row is None or not await _removed(tx, actor, taught_id):
                return None
        return _taught(row)

    @staticmethod
    async def mask_names_in(
        tx: Transaction, names: list[str], common: Collection[str] = frozenset()
    ) -> None:
        """A talent erased (or withdrew): the words of her names in taught wordings become
        <name>, as in the summaries staff read (a wording is often a talent's question as
        listed; staff may have left a name in it), but not a word the content says or a
        common word (`common`; stopwords): a talent named "Kapan Giliran" must not wipe
        "kapan giliran saya" out of what staff taught. A wording that is then one taught
        already goes."""
        names = [
            word
            for word in name_words(names)
            if len(word) >= MIN_NAME and is_content(word) and word not in common
        ]
        if not names:
            return
        rows = await tx.fetch_all("SELECT id, entry, text FROM taught_phrasings")
        for row in rows:
            masked = summary(row["text"], names)
            if masked == row["text"]:
                continue
            changed = await tx.execute_rowcount(
                "UPDATE OR IGNORE taught_phrasings SET text = ? WHERE id = ?", (masked, row["id"])
            )
            if not changed:
                await tx.execute("DELETE FROM taught_phrasings WHERE id = ?", (row["id"],))


async def _removed(tx: Transaction, actor: Actor, taught_id: int) -> bool:
    row = await tx.fetch_one("SELECT entry, text FROM taught_phrasings WHERE id = ?", (taught_id,))
    if row is None:
        return False
    await tx.execute("DELETE FROM taught_phrasings WHERE id = ?", (taught_id,))
    await Audit.add_in(
        tx, actor, "phrasing_removed", id=taught_id, entry=row["entry"], length=len(row["text"])
    )
    return True


def _taught(row: Row) -> Taught:
    return Taught(row["id"], row["entry"], row["text"], row["taught_by"], row["taught_at"])
