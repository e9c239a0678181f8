"""A stage message that could not be delivered gets its own audit entry once that is known,
and /stats' time to first contact counts only a contact that happened (a staff review s64,
M3: Rudi had blocked the bot; the audit said only notified=True and /stats counted him as
contacted, while his lead page and the export said the message never arrived)."""

from __future__ import annotations

from bot.emulator import EmulatedChat
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import FILMMAKER, MUSICIAN, Seed, seeded
from tests.subscribers import wait_until
from tests.test_pipeline import admin_of, rows
from tests.test_question_closed_s64 import audited
from tests.workspace import workspace


async def settled(bot: Harness) -> None:
    """Until every queued stage message has its outcome."""

    async def done() -> bool:
        left = rows(
            bot.database,
            "SELECT COUNT(*) FROM talent_updates WHERE status IN ('pending', 'sending')",
        )
        return left == [(0,)]

    await wait_until(done)


async def contact_line(bot: Harness, staff_chat: EmulatedChat) -> str:
    """/stats' "Waktu sampai dihubungi" line."""
    admin = admin_of(staff_chat)
    mark = staff_chat.mark()
    await bot.act(admin, admin.send, "/stats", chat=staff_chat)
    text = "\n".join(str(m.text) for m in staff_chat.messages_since(mark))
    lines = text.splitlines()
    return lines[lines.index("Waktu sampai dihubungi") + 1]


async def test_a_message_that_never_arrived_is_audited_and_is_no_contact(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    rudi, maya, eko = (bot.user(first_name=name) for name in ("Rudi", "Maya", "Eko"))
    for talent in (rudi, maya, eko):
        talent.started = True  # they talked to the bot (the rows below are their forms)
    await seeded(
        bot.database,
        [
            Seed(rudi.id, MUSICIAN, first_name="Rudi"),
            Seed(maya.id, FILMMAKER, first_name="Maya"),
            Seed(eko.id, MUSICIAN, first_name="Eko"),
        ],
    )
    rudi.blocked = True  # he blocked the bot; it learns so when it writes to him
    async with workspace(bot, ADMIN_ID) as client:
        shortlist = {"stage": "shortlist", "version": 0, "notify": True}
        await client.ok("move", {"id": 1, **shortlist})  # Rudi: never arrives
        await client.ok("move", {"id": 2, **shortlist})  # Maya: told
        await client.ok("contacted", {"id": 3, "version": 0, "note": "Telepon 8 Des"})  # Eko
        await settled(bot)
    assert "🌟 Kabar baik, Maya!" in maya.last_message.text

    # The move's entry says what was queued; the outcome has an entry of its own.
    moves = {ref: detail for _, ref, detail in audited(bot, "stage_changed")}
    assert moves["KOC-000001"]["notified"] is True
    [(actor, reference, detail)] = audited(bot, "talent_update_failed")
    assert (actor, reference) == (ADMIN_ID, "KOC-000001")
    assert detail == {
        "batch": moves["KOC-000001"]["batch"],
        "stage": "shortlist",
        "reason": "blocked",
    }

    # Time to first contact: Maya (told) and Eko (📞 Catat kontak); not Rudi.
    # (The seeded forms were sent long ago: the median's days are not the point here.)
    assert (await contact_line(bot, staff_chat)).endswith("(2 pendaftar)")
