"""Staff notes lose control characters (NUL, escape, C1) as names and answers do when the bot
takes them in; their line breaks stay."""

from __future__ import annotations

import pytest

from bot.leads.stage_changes import NoteError, check_note
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, Seed, seeded
from tests.test_pipeline import rows
from tests.workspace import workspace


def test_a_note_keeps_its_words_and_line_breaks_only() -> None:
    assert check_note(" Vokal\x00 kuat\x1b[2J\r\ncek\tjadwal\x85 ") == "Vokal kuat[2J\ncek jadwal"
    with pytest.raises(NoteError):
        check_note("\x00\x07\x1b")  # nothing left: empty


async def test_a_note_from_the_workspace_is_stored_without_control_characters(
    bot: Harness,
) -> None:
    await seeded(bot.database, [Seed(7001, MUSICIAN)])
    async with workspace(bot, ADMIN_ID) as client:
        answer = await client.ok("note", {"id": 1, "text": "Cek\x00 jadwal\x1b]0;x\x07\nbesok"})
    assert answer["outcome"] == "saved"
    assert rows(bot.database, "SELECT text FROM lead_notes") == [("Cek jadwal]0;x\nbesok",)]
