"""Duplicates: leads sharing a Telegram account, an email or a phone number, leads closed as
a duplicate of another (linked both ways, audited; nothing merged or deleted), and pairs staff
said are not duplicates (two people sharing a phone: no longer marked, audited).

The contact questions are found through the partial index answers_contact (migration 0019),
which holds the email and phone answers: the queries repeat its WHERE so SQLite uses it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from bot.store.audit import Actor, Audit
from bot.store.db import Database, Row, Transaction, utc_now
from bot.store.records import record_change

DuplicateOutcome = Literal[
    "saved",
    "same",
    "gone",
    "other_gone",
    "other_closed",
    "self",
    "conflict",
    "other_later",
    "unmarked",
    "closed",
    "dismissed",
]
# Saying two marked leads are not duplicates (or taking that back): "closed" when one of the
# two is closed as a duplicate of the other (a pair dealt with; Reopen first).
DismissOutcome = Literal["saved", "same", "gone", "other_gone", "self", "unmarked", "closed"]


@dataclass(frozen=True, slots=True)
class DuplicateMark:
    """Another submitted lead sharing a Telegram account, an email or a phone number."""

    other_id: int
    other_reference: str
    reasons: tuple[str, ...]  # "telegram", "email", "phone"
    # The other lead was submitted first (by submission time, then id): this one may be its
    # duplicate and may be closed as one. False: the other came later and may duplicate this.
    earlier: bool


@dataclass(frozen=True, slots=True)
class DuplicateLinks:
    """How a lead is linked by "closed as duplicate": of which lead, and which of it."""

    closed_of: int | None  # the lead this one was closed as a duplicate of (None: erased)
    closed_of_reference: str | None
    closed: bool  # closed as a duplicate (even if that other lead was erased since)
    closed_here: list[tuple[int, str]]  # leads closed as duplicates of this one


@dataclass(frozen=True, slots=True)
class Dismissal:
    """Another lead staff said this one is not a duplicate of: by whom, when."""

    other_id: int
    other_reference: str
    actor: Actor
    created_at: str


@dataclass(frozen=True, slots=True)
class ClosedOf:
    """The lead a closed duplicate duplicates, as lists name it."""

    reference: str
    name: str  # its talent's name as lists show it ("" if it has none)
    id: int  # its application id, to open it


@dataclass(frozen=True, slots=True)
class ClosedDuplicate:
    """A lead closed as a duplicate, and the lead it duplicates (None: erased since)."""

    reference: str
    other_id: int | None
    other_reference: str | None


class Duplicates:
    """Duplicate marks and "closed as duplicate" links on lead_pipeline."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def duplicate_marks(self, application_ids: list[int]) -> dict[int, list[DuplicateMark]]:
        """Other submitted leads sharing each lead's Telegram account, email or phone."""
        if not application_ids:
            return {}
        ids = json.dumps(application_ids)
        rows = await self._db.fetch_all(_MARKS, (ids, ids))
        found: dict[int, dict[int, tuple[str, bool, set[str]]]] = {}
        for row in rows:
            others = found.setdefault(int(row["lead"]), {})
            entry = others.setdefault(
                int(row["other"]), (str(row["reference"]), bool(row["earlier"]), set())
            )
            entry[2].add(str(row["reason"]))
        return {
            lead: [
                DuplicateMark(
                    other, reference, tuple(sorted(reasons, key=_REASON_ORDER.index)), earlier
                )
                for other, (reference, earlier, reasons) in sorted(others.items())
            ]
            for lead, others in found.items()
        }

    async def duplicate_groups(self) -> dict[int, list[DuplicateMark]]:
        """Every submitted lead that shares a Telegram account, email or phone with another
        (for exports): one pass over the contact index and the leads per user."""
        pairs: dict[int, dict[int, set[str]]] = {}
        references: dict[int, str] = {}
        submitted: dict[int, tuple[str, int]] = {}  # submission order: time, then id
        async with self._db.snapshot() as view:
            dismissed = {
                (int(row["lead_id"]), int(row["other_id"]))
                for row in await view.fetch_all(
                    "SELECT lead_id, other_id FROM duplicate_dismissals"
                )
            }
            # A lead begun from the answers of one its talent cancelled is not its duplicate.
            dismissed |= {
                (min(row["id"], row["reuses"]), max(row["id"], row["reuses"]))
                for row in await view.fetch_all(
                    "SELECT id, reuses FROM applications WHERE reuses IS NOT NULL"
                )
            }
            for sql in (_SAME_USER, _SAME_CONTACT):
                async with view.stream(sql) as rows:
                    async for row in rows:
                        members = json.loads(row["members"])
                        for lead_id, reference, at in members:
                            references[int(lead_id)] = str(reference)
                            submitted[int(lead_id)] = (str(at or ""), int(lead_id))
                        for lead_id, _, _ in members:
                            for other, _, _ in members:
                                pair = (min(lead_id, other), max(lead_id, other))
                                if other != lead_id and pair not in dismissed:
                                    reasons = pairs.setdefault(int(lead_id), {})
                                    reasons.setdefault(int(other), set()).add(str(row["reason"]))
        return {
            lead: [
                DuplicateMark(
                    other,
                    references[other],
                    tuple(sorted(r, key=_REASON_ORDER.index)),
                    submitted[other] < submitted[lead],
                )
                for other, r in sorted(others.items())
            ]
            for lead, others in pairs.items()
        }

    async def closed_duplicates(self) -> dict[int, ClosedDuplicate]:
        """Every submitted lead closed as a duplicate, with the lead it duplicates."""
        rows = await self._db.fetch_all(
            "SELECT p.application_id, a.reference, o.id AS other_id, o.reference AS other"
            " FROM lead_pipeline p JOIN applications a ON a.id = p.application_id"
            " LEFT JOIN applications o ON o.id = p.duplicate_of"
            " WHERE p.duplicate_closed_at IS NOT NULL AND a.status = 'submitted'"
        )
        return {
            int(row["application_id"]): ClosedDuplicate(
                str(row["reference"]), row["other_id"], row["other"]
            )
            for row in rows
        }

    async def closed_among(self, application_ids: list[int]) -> dict[int, ClosedOf | None]:
        """Which of these leads are closed as a duplicate, each with the lead it duplicates
        (its reference and name; None: that one was erased since), for one page of a list."""
        if not application_ids:
            return {}
        rows = await self._db.fetch_all(
            "SELECT p.application_id, o.id, o.reference, x.name FROM json_each(?) j"
            " CROSS JOIN lead_pipeline p LEFT JOIN applications o ON o.id = p.duplicate_of"
            " LEFT JOIN lead_search x ON x.application_id = o.id"
            " WHERE p.application_id = j.value AND p.duplicate_closed_at IS NOT NULL",
            (json.dumps(application_ids),),
        )
        return {
            int(row["application_id"]): None
            if row["reference"] is None
            else ClosedOf(row["reference"], row["name"] or "", int(row["id"]))
            for row in rows
        }

    async def duplicate_links(self, application_id: int) -> DuplicateLinks:
        """Of which lead this one is a closed duplicate, and which are closed as its."""
        row = await self._db.fetch_one(
            "SELECT p.duplicate_of, p.duplicate_closed_at, o.reference FROM lead_pipeline p"
            " LEFT JOIN applications o ON o.id = p.duplicate_of WHERE p.application_id = ?",
            (application_id,),
        )
        here = await self._db.fetch_all(
            "SELECT a.id, a.reference FROM lead_pipeline p JOIN applications a"
            " ON a.id = p.application_id WHERE p.duplicate_of = ? ORDER BY a.id",
            (application_id,),
        )
        return DuplicateLinks(
            closed_of=None if row is None else row["duplicate_of"],
            closed_of_reference=None if row is None else row["reference"],
            closed=row is not None and row["duplicate_closed_at"] is not None,
            closed_here=[(int(item["id"]), str(item["reference"])) for item in here],
        )

    async def close_duplicate(
        self, application_id: int, of_id: int, actor: Actor, version: int | None = None
    ) -> DuplicateOutcome:
        """Close a lead as a duplicate of another: linked both ways, audited, the talent not
        told; nothing of either lead is merged or deleted."""
        async with self._db.transaction() as tx:
            lead = await _pipeline_row(tx, application_id)
            if lead is None:
                await Audit.add_in(tx, actor, "duplicate_refused", None, reason="gone")
                return "gone"
            if application_id == of_id:  # only a forged call asks it (no page offers it)
                await Audit.add_in(tx, actor, "duplicate_refused", lead["reference"], reason="self")
                return "self"
            # Closed meanwhile (a page from before, another admin): said as such, not as
            # "changed elsewhere… open it again" (a desk review: the reopen button's words).
            if lead["duplicate_closed_at"] is not None and lead["duplicate_of"] == of_id:
                return "same"
            if lead["duplicate_closed_at"] is not None:  # of another lead: Reopen first
                await Audit.add_in(
                    tx, actor, "duplicate_refused", lead["reference"], reason="closed"
                )
                return "closed"
            if version is not None and lead["version"] != version:
                await Audit.add_in(
                    tx, actor, "duplicate_refused", lead["reference"], reason="changed_meanwhile"
                )
                return "conflict"
            other = await _pipeline_row(tx, of_id)
            if other is None:
                await Audit.add_in(
                    tx, actor, "duplicate_refused", lead["reference"], reason="other_gone"
                )
                return "other_gone"
            if other["duplicate_closed_at"] is not None:
                return "other_closed"
            # The lead submitted first is the one kept: never close it as a duplicate of a
            # later one (the page offers no such button; an old one or a crafted call might).
            if (other["submitted_at"], of_id) > (lead["submitted_at"], application_id):
                await Audit.add_in(
                    tx, actor, "duplicate_refused", lead["reference"], reason="other_later"
                )
                return "other_later"
            if lead["duplicate_of"] == of_id:
                return "same"
            # Said to be two people (an older page's button, another admin meanwhile): that
            # is taken back first, on purpose, not undone in passing by a close.
            if await _dismissal(tx, application_id, of_id) is not None:
                await Audit.add_in(
                    tx, actor, "duplicate_refused", lead["reference"], reason="dismissed"
                )
                return "dismissed"
            # Only a pair the desk marks as possible duplicates (the same Telegram account,
            # email or phone, as the pages show): a crafted call may name any earlier lead.
            if await tx.fetch_one(_SHARED, (of_id, application_id, application_id, of_id)) is None:
                await Audit.add_in(
                    tx, actor, "duplicate_refused", lead["reference"], reason="unmarked"
                )
                return "unmarked"
            await tx.execute(
                "UPDATE lead_pipeline SET duplicate_of = ?, duplicate_closed_at = ?,"
                " version = version + 1 WHERE application_id = ?",
                (of_id, utc_now(), application_id),
            )
            await record_change(tx, application_id, "duplicate", actor, actor.via, other=of_id)
            await Audit.add_in(
                tx, actor, "closed_as_duplicate", lead["reference"], of=other["reference"]
            )
            await Audit.add_in(
                tx, actor, "duplicate_linked", other["reference"], duplicate=lead["reference"]
            )
        return "saved"

    async def reopen_duplicate(self, application_id: int, actor: Actor) -> DuplicateOutcome:
        """Undo "closed as duplicate": the lead is back at its stage."""
        async with self._db.transaction() as tx:
            lead = await _pipeline_row(tx, application_id)
            if lead is None:
                return "gone"
            if lead["duplicate_closed_at"] is None:
                return "same"
            await tx.execute(
                "UPDATE lead_pipeline SET duplicate_of = NULL, duplicate_closed_at = NULL,"
                " version = version + 1 WHERE application_id = ?",
                (application_id,),
            )
            await record_change(
                tx, application_id, "reopened", actor, actor.via, other=lead["duplicate_of"]
            )
            await Audit.add_in(tx, actor, "duplicate_reopened", lead["reference"])
        return "saved"

    async def dismissals(self, application_id: int) -> list[Dismissal]:
        """The submitted leads staff said this one is not a duplicate of, oldest first."""
        rows = await self._db.fetch_all(
            "SELECT o.id, o.reference, d.actor_id, d.via, d.created_at"
            " FROM duplicate_dismissals d JOIN applications o ON o.id = d.other_id"
            " WHERE d.lead_id = ? AND o.status = 'submitted'"
            " UNION ALL SELECT o.id, o.reference, d.actor_id, d.via, d.created_at"
            " FROM duplicate_dismissals d JOIN applications o ON o.id = d.lead_id"
            " WHERE d.other_id = ? AND o.status = 'submitted' ORDER BY 5, 1",
            (application_id, application_id),
        )
        return [
            Dismissal(
                int(row["id"]),
                str(row["reference"]),
                Actor(str(row["via"]), row["actor_id"]),
                str(row["created_at"]),
            )
            for row in rows
        ]

    async def dismiss(self, application_id: int, other_id: int, actor: Actor) -> DismissOutcome:
        """Two leads marked as possible duplicates are two people ("Bukan duplikat"): the
        pair is no longer marked on either (lists, pages, exports); audited on both leads;
        nothing else changes, and `restore` takes it back."""
        async with self._db.transaction() as tx:
            checked = await _pair_checked(tx, application_id, other_id, actor)
            if isinstance(checked, str):
                return checked
            lead, other = checked
            if await _dismissal(tx, application_id, other_id) is not None:
                return "same"
            low, high = sorted((application_id, other_id))
            await tx.execute(
                "INSERT INTO duplicate_dismissals (lead_id, other_id, actor_id, via, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (low, high, actor.user_id, actor.via, utc_now()),
            )
            await Audit.add_in(tx, actor, "not_duplicate", lead, other=other)
            await Audit.add_in(tx, actor, "not_duplicate", other, other=lead)
        return "saved"

    async def restore(self, application_id: int, other_id: int, actor: Actor) -> DismissOutcome:
        """Take back "not a duplicate": the pair is marked again (if it still shares a
        Telegram account, an email or a phone); audited on both leads."""
        async with self._db.transaction() as tx:
            lead = await _pipeline_row(tx, application_id)
            if lead is None:
                return "gone"
            other = await _pipeline_row(tx, other_id)
            if other is None:
                return "other_gone"
            if await _dismissal(tx, application_id, other_id) is None:
                return "same"
            low, high = sorted((application_id, other_id))
            await tx.execute(
                "DELETE FROM duplicate_dismissals WHERE lead_id = ? AND other_id = ?", (low, high)
            )
            await Audit.add_in(
                tx, actor, "not_duplicate_undone", lead["reference"], other=other["reference"]
            )
            await Audit.add_in(
                tx, actor, "not_duplicate_undone", other["reference"], other=lead["reference"]
            )
        return "saved"


async def _dismissal(tx: Transaction, application_id: int, other_id: int) -> Row | None:
    low, high = sorted((application_id, other_id))
    return await tx.fetch_one(
        "SELECT 1 FROM duplicate_dismissals WHERE lead_id = ? AND other_id = ?", (low, high)
    )


async def _pair_checked(
    tx: Transaction, application_id: int, other_id: int, actor: Actor
) -> tuple[str, str] | DismissOutcome:
    """Both leads' references, if the two may be said not to be duplicates: both submitted,
    two leads, marked as possible duplicates and not closed as one of the other (a refusal is
    recorded, as closing's are)."""
    lead = await _pipeline_row(tx, application_id)
    if lead is None:
        await Audit.add_in(tx, actor, "not_duplicate_refused", None, reason="gone")
        return "gone"
    other = None if application_id == other_id else await _pipeline_row(tx, other_id)
    refusal: DismissOutcome
    if application_id == other_id:  # only a forged call asks it (no page offers it)
        refusal = "self"
    elif other is None:
        refusal = "other_gone"
    elif lead["duplicate_of"] == other_id or other["duplicate_of"] == application_id:
        refusal = "closed"
    elif await tx.fetch_one(_SHARED, (other_id, application_id, application_id, other_id)) is None:
        refusal = "unmarked"
    else:
        return lead["reference"], other["reference"]
    await Audit.add_in(tx, actor, "not_duplicate_refused", lead["reference"], reason=refusal)
    return refusal


_REASON_ORDER = ["telegram", "email", "phone"]
# For each of the given leads: submitted leads of the same Telegram account, and submitted
# leads with the same email or phone answer (through the partial index answers_contact);
# not a pair already dealt with (one closed as a duplicate of the other, or said to be two
# people: duplicate_dismissals, by its key), nor a lead and the cancelled one whose answers it
# was begun from (applications.reuses: the talent registering again, not twice); `earlier`:
# the other was submitted first (by time, then id). CROSS JOIN keeps SQLite to this order:
# from the few given leads outwards, never from every lead inwards.
_MARKS = """
SELECT l.id AS lead, o.id AS other, o.reference, 'telegram' AS reason,
    (o.submitted_at, o.id) < (l.submitted_at, l.id) AS earlier
FROM json_each(?) j CROSS JOIN applications l CROSS JOIN applications o
WHERE l.id = j.value AND o.user_id = l.user_id AND o.status = 'submitted' AND o.id != l.id
    AND l.reuses IS NOT o.id AND o.reuses IS NOT l.id
    AND NOT EXISTS (SELECT 1 FROM lead_pipeline x
        WHERE x.application_id = o.id AND x.duplicate_of = l.id)
    AND NOT EXISTS (SELECT 1 FROM lead_pipeline x
        WHERE x.application_id = l.id AND x.duplicate_of = o.id)
    AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals d
        WHERE d.lead_id = min(l.id, o.id) AND d.other_id = max(l.id, o.id))
UNION ALL
SELECT s.application_id, o.application_id, a.reference, s.question_key,
    (a.submitted_at, a.id) < (l.submitted_at, l.id)
FROM json_each(?) j CROSS JOIN answers s CROSS JOIN answers o CROSS JOIN applications a
    CROSS JOIN applications l
WHERE s.application_id = j.value AND s.question_key IN ('email', 'phone')
    AND s.value IS NOT NULL
    AND o.question_key IN ('email', 'phone') AND o.question_key = s.question_key
    AND o.value = s.value AND o.application_id != s.application_id
    AND a.id = o.application_id AND a.status = 'submitted' AND l.id = s.application_id
    AND l.reuses IS NOT a.id AND a.reuses IS NOT l.id
    AND NOT EXISTS (SELECT 1 FROM lead_pipeline x
        WHERE x.application_id = o.application_id AND x.duplicate_of = s.application_id)
    AND NOT EXISTS (SELECT 1 FROM lead_pipeline x
        WHERE x.application_id = s.application_id AND x.duplicate_of = o.application_id)
    AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals d
        WHERE d.lead_id = min(s.application_id, o.application_id)
        AND d.other_id = max(s.application_id, o.application_id))
"""
# Whether two leads share what a duplicate mark is made of: the Telegram account, or an email
# or phone answer (through answers_contact, as _MARKS does); never a lead and the cancelled one
# it was begun from (as _MARKS).
_SHARED = """
SELECT 1 FROM applications l CROSS JOIN applications o
WHERE o.id = ? AND l.id = ? AND o.user_id = l.user_id
    AND l.reuses IS NOT o.id AND o.reuses IS NOT l.id
UNION ALL
SELECT 1 FROM answers s CROSS JOIN answers o
    CROSS JOIN applications l CROSS JOIN applications a
WHERE s.application_id = ? AND s.question_key IN ('email', 'phone') AND s.value IS NOT NULL
    AND o.application_id = ? AND o.question_key IN ('email', 'phone')
    AND o.question_key = s.question_key AND o.value = s.value
    AND l.id = s.application_id AND a.id = o.application_id
    AND l.reuses IS NOT a.id AND a.reuses IS NOT l.id
LIMIT 1
"""
# Every group of two or more submitted leads sharing one thing, for exports: first the shared
# values from the indexes alone (applications_user, in user order: `+status` keeps SQLite off
# the status index; answers_contact), then their few leads.
_SAME_USER = """
SELECT 'telegram' AS reason,
    json_group_array(json_array(a.id, a.reference, a.submitted_at)) AS members
FROM (SELECT user_id FROM applications WHERE +status = 'submitted'
    GROUP BY user_id HAVING COUNT(*) > 1) d
CROSS JOIN applications a ON a.user_id = d.user_id AND a.status = 'submitted'
GROUP BY a.user_id
"""
_SAME_CONTACT = """
SELECT s.question_key AS reason,
    json_group_array(json_array(a.id, a.reference, a.submitted_at)) AS members
FROM (SELECT question_key, value FROM answers
    WHERE question_key IN ('email', 'phone') AND value IS NOT NULL
    GROUP BY question_key, value HAVING COUNT(*) > 1) d
CROSS JOIN answers s ON s.question_key IN ('email', 'phone')
    AND s.question_key = d.question_key AND s.value = d.value
CROSS JOIN applications a ON a.id = s.application_id AND a.status = 'submitted'
GROUP BY s.question_key, s.value HAVING COUNT(*) > 1
"""


async def _pipeline_row(tx: Transaction, application_id: int) -> Row | None:
    return await tx.fetch_one(
        "SELECT a.reference, a.submitted_at, p.version, p.duplicate_of, p.duplicate_closed_at"
        " FROM applications a JOIN lead_pipeline p ON p.application_id = a.id"
        " WHERE a.id = ? AND a.status = 'submitted'",
        (application_id,),
    )
