"""What a lead says at once about a talent waiting for the team (a new staff member's review
s57): a question in the form's note to the team is marked ❓ on /lead until staff answer
them (M2: only the one-off alert said it), and program news offered after the form and not
answered reads "belum dijawab", not "belum ditanya" (L1: she was asked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.emulator import EmulatedChat
from bot.store.note_words import note_asks
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, shown
from tests.workspace import workspace

ASKS = {**MUSICIAN, "message": "Kami band dari Bali. Siapa yang bisa kami hubungi soal MU:CON?"}


async def test_a_question_in_the_note_to_the_team_is_marked_on_the_lead_until_answered(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sarah = bot.user(first_name="Sarah")
    await apply(bot, sarah, ASKS)  # the program-news offer after it is left unanswered
    admin = bot.emulator.user(ADMIN_ID)
    (page,) = await bot.send(admin, "/lead KOC-000001")
    marked = shown(Text.LEAD_NOTE_ASKS)
    # Right under the answers, the note being the last of them.
    assert f"Siapa yang bisa kami hubungi soal MU:CON?\n{marked}" in page.text
    assert "▫️ Setuju info program: belum dijawab" in page.text
    assert "belum ditanya" not in page.text
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"id": 1})
        assert (lead["note_asks"], lead["question_waiting"]) == (True, False)
        await client.ok("reply", {"id": 1, "text": "Hubungi kami di sini saja, kak."})
        lead = await client.ok("lead", {"id": 1})
    assert lead["note_asks"] is False
    (page,) = await bot.send(admin, "/lead KOC-000001")
    assert marked not in page.text  # answered: nothing left to mark

    # A note that asks nothing is never marked.
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    (page,) = await bot.send(admin, "/lead KOC-000002")
    assert marked not in page.text


async def test_the_answer_to_a_question_in_the_note_names_it_as_the_forms_question(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Sarah asks only in her form's note to the team; the first reply from her lead page
    comes headed as the team's answer to that question in her registration form, not as a
    bare message from the team (a staff re-check s57, N1) nor as a question she asked with
    /ask (s58); a follow-up after it is a message from the team again."""
    sarah = bot.user(first_name="Sarah", language_code="en")
    note = "We are developing a feature with a Busan writer. Who should we talk to?"
    await apply(bot, sarah, {**MUSICIAN, "message": note}, language="en")
    quoted = shown(Text.SUPPORT_NOTE_ANSWER_HEADING, "en", question="…Who should we talk to?")
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"id": 1})
        assert quoted in lead["reply_heading"]
        await client.ok("reply", {"id": 1, "text": "Write to us here; Sari will help you."})
        assert sarah.last_message.text == f"{quoted}\n\nWrite to us here; Sari will help you."
        await client.ok("reply", {"id": 1, "text": "Sari is back on Monday."})
    assert sarah.last_message.text.startswith(shown(Text.SUPPORT_ANSWER_HEADING_NONE, "en"))


def test_the_reply_box_has_one_name_in_the_chat_the_workspace_and_the_guide() -> None:
    """/lead sends staff to "Reply to talent" on the lead's page: the page's box and its jump
    button bear that name, in each language, as the staff guide names it (a staff re-check
    s57, N8: the English page said "Reply to registrant")."""
    guide = (Path(__file__).parents[1] / "docs" / "staff-guide.md").read_text()
    names = {}
    for language in ("id", "en"):
        name = CONTENT.text(Text.WS_REPLY_LABEL, language)
        assert f"“{name}”" in CONTENT.text(Text.LEAD_NOTE_ASKS, language)
        assert CONTENT.text(Text.WS_LEAD_JUMP_REPLY, language) == f"↓ {name}"
        names[language] = name
    assert f"*{names['id']} / {names['en']}*" in guide


async def test_a_note_that_asks_without_a_question_mark_is_a_question_on_both_sides(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A talents' review s61, L1: Bu Ratna's "Mohon kabar apakah biaya perjalanan
    ditanggung." and Yohana's Papuan "…tapi sa tra tau biaya dong tanggung ka tidak" ask
    without a "?": neither the talent (pointed to /tanya) nor staff (the alert, /lead, the
    workspace) were told, as they are for a note with one. A plain note, even with "kapan
    pun" or "atau tidak" in it, is still no question."""
    notes = (
        ("id", "Mohon kabar apakah biaya perjalanan ditanggung."),
        ("id", "kami grup dari jayapura, tapi sa tra tau biaya dong tanggung ka tidak"),
        ("en", "Please let us know whether travel costs are covered."),
    )
    admin = bot.emulator.user(ADMIN_ID)
    for number, (language, note) in enumerate(notes, start=1):
        talent = bot.user(first_name="Ratna", language_code=language)
        reference = await apply(bot, talent, {**MUSICIAN, "message": note}, language=language)
        thanks = next(m.text for m in talent.messages if reference in m.text)
        assert thanks.endswith(shown(Text.INTAKE_SUBMITTED_NOTE_ASKS, language)), note
        alert = staff_chat.last_message.text  # then a possible-duplicate mark (same details)
        assert shown(Text.STAFF_NEW_LEAD_NOTE_ASKS) in alert, note
        (page,) = await bot.send(admin, f"/lead {reference}")
        assert shown(Text.LEAD_NOTE_ASKS) in page.text, note
        async with workspace(bot, ADMIN_ID) as client:
            lead = await client.ok("lead", {"id": number})
        assert lead["note_asks"] is True, note
    plain = "Kapan pun dibutuhkan, kami siap tampil. Siap atau tidak, kami tetap berkarya."
    sari = bot.user(first_name="Sari")
    reference = await apply(bot, sari, {**MUSICIAN, "message": plain})
    assert all(shown(Text.INTAKE_SUBMITTED_NOTE_ASKS) not in m.text for m in sari.messages)
    assert shown(Text.STAFF_NEW_LEAD_NOTE_ASKS) not in staff_chat.last_message.text
    (page,) = await bot.send(admin, f"/lead {reference}")
    assert shown(Text.LEAD_NOTE_ASKS) not in page.text


async def test_a_note_that_only_states_is_no_question_on_either_side(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A recheck review s61, L2: the rule for notes that ask without "?" took statements for
    questions: "Kapan-kapan" (some day), "Berapa lama pun …" (however long), and an English
    sentence written in the Indonesian order, "Is our drummer, Budi, 17." The talent was
    pointed to /tanya, staff alerted, and the lead waited among the Questions. A request or a
    question that starts as one still asks."""
    notes = (
        ("id", "Kapan-kapan kami ingin tampil di Seoul."),
        ("id", "Berapa lama pun prosesnya kami tunggu. Siapa pun jurinya, kami siap."),
        ("en", "We are a rock band from Medan. Is our drummer, Budi, 17."),
    )
    admin = bot.emulator.user(ADMIN_ID)
    for number, (language, note) in enumerate(notes, start=1):
        talent = bot.user(first_name="Budi", language_code=language)
        reference = await apply(bot, talent, {**MUSICIAN, "message": note}, language=language)
        thanks = next(m.text for m in talent.messages if reference in m.text)
        assert shown(Text.INTAKE_SUBMITTED_NOTE_ASKS, language) not in thanks, note
        assert shown(Text.STAFF_NEW_LEAD_NOTE_ASKS) not in staff_chat.last_message.text, note
        (page,) = await bot.send(admin, f"/lead {reference}")
        assert shown(Text.LEAD_NOTE_ASKS) not in page.text, note
        async with workspace(bot, ADMIN_ID) as client:
            lead = await client.ok("lead", {"id": number})
        assert lead["note_asks"] is False, note
    # Still asking, without "?": a request to "you", and a question's own first words.
    for language, note in (
        ("en", "We are a rock band from Medan. Could you tell us the audition dates."),
        ("id", "Kami dari Medan. Kapan audisinya dibuka"),
    ):
        talent = bot.user(first_name="Budi", language_code=language)
        reference = await apply(bot, talent, {**MUSICIAN, "message": note}, language=language)
        thanks = next(m.text for m in talent.messages if reference in m.text)
        assert thanks.endswith(shown(Text.INTAKE_SUBMITTED_NOTE_ASKS, language)), note
        assert shown(Text.STAFF_NEW_LEAD_NOTE_ASKS) in staff_chat.last_message.text, note


async def test_a_note_that_asks_to_be_told_or_tells_what_is_unknown_is_no_question(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """The final review s61, M1: "Tolong kabari saya jika lolos." asks to be told the outcome
    (which the team's outcome message does anyway), "Saya belum tahu apakah saya bisa ikut." says
    what the talent does not know yet, "Siapa yang terpilih nanti, saya tetap mendukung." means
    whoever: none of them is a question for staff, yet the talent was pointed to /tanya and the
    lead waited among the Questions. A question after such a clause still asks, and so do the
    questions that narrowing missed (the last review s61, M1: no ❓ line for the talent nor for
    staff, the lead never among the Questions)."""
    notes = (
        ("id", "Tolong kabari saya jika lolos.", False),
        ("id", "Saya belum tahu apakah saya bisa ikut.", False),
        ("id", "Terima kasih. Siapa yang terpilih nanti, saya tetap mendukung.", False),
        ("en", "Please let me know if I pass.", False),
        ("id", "Tolong kabari saya jika lolos, apakah perlu datang ke Seoul.", True),
        ("id", "Saya tidak tahu apakah biaya perjalanan ditanggung.", True),
        ("id", "Mohon info kalau ada biaya pendaftaran atau tidak", True),
        ("en", "Does the program cover flights.", True),
        ("id", "Berapa biayanya, saya tetap ikut", True),
    )
    admin = bot.emulator.user(ADMIN_ID)
    for number, (language, note, asks) in enumerate(notes, start=1):
        talent = bot.user(first_name="Budi", language_code=language)
        reference = await apply(bot, talent, {**MUSICIAN, "message": note}, language=language)
        thanks = next(m.text for m in talent.messages if reference in m.text)
        assert thanks.endswith(shown(Text.INTAKE_SUBMITTED_NOTE_ASKS, language)) is asks, note
        alert = staff_chat.last_message.text
        assert (shown(Text.STAFF_NEW_LEAD_NOTE_ASKS) in alert) is asks, note
        (page,) = await bot.send(admin, f"/lead {reference}")
        assert (shown(Text.LEAD_NOTE_ASKS) in page.text) is asks, note
        async with workspace(bot, ADMIN_ID) as client:
            lead = await client.ok("lead", {"id": number})
        assert lead["note_asks"] is asks, note


# Every note the reviews of s61 read, both ways: the last review s61, M1 found that the two
# rounds of narrowing before it (what only tells) dropped real questions.
ASKING_NOTES = (
    "Mohon info kalau ada biaya pendaftaran atau tidak",
    "Mohon info kalau ada biaya pendaftaran",
    "Tolong kabari saya kalau biaya transport ditanggung atau tidak",
    "Mohon infonya jika ada syarat lain apa saja",
    "Tolong kabari saya jika lolos, apakah perlu datang ke Seoul.",
    "Mohon kabar apakah biaya perjalanan ditanggung.",
    "kami grup dari jayapura, tapi sa tra tau biaya dong tanggung ka tidak",
    "Berapa biayanya, saya tetap ikut",
    "Kapan audisinya, saya siap kapan saja",
    "Kami dari Medan. Kapan audisinya dibuka",
    "Saya belum tahu apakah saya perlu paspor atau tidak",
    "Saya belum tahu apakah saya perlu paspor.",
    "Saya tidak tahu apakah biaya perjalanan ditanggung.",
    "Does the program cover flights.",
    "Is it free for students.",
    "Are we eligible if one member is 17.",
    "Should I bring my own instrument.",
    "Is there a fee.",
    "What is the deadline.",
    "We are a rock band from Medan. Could you tell us the audition dates.",
    "Let me know if we pass the age limit or not",
    "Let me know if we pass the age limit",
    "Let me know if I need a visa",
    "Please let us know whether travel costs are covered.",
)
TELLING_NOTES = (
    "Kapan-kapan kami ingin tampil di Seoul.",
    "Berapa lama pun prosesnya kami tunggu. Siapa pun jurinya, kami siap.",
    "Kapan pun dibutuhkan, kami siap tampil. Siap atau tidak, kami tetap berkarya.",
    "We are a rock band from Medan. Is our drummer, Budi, 17.",
    "Tolong kabari saya jika lolos.",
    "Tolong kabari kami kalau sudah lolos seleksi.",
    "Mohon info kalau ada audisi baru",
    "Saya belum tahu apakah saya bisa ikut.",
    "Terima kasih. Siapa yang terpilih nanti, saya tetap mendukung.",
    "Please let me know if I pass.",
    "Let me know if we are selected.",
    "Will our album be out soon, we hope so",
)


@pytest.mark.parametrize(
    ("note", "asks"), [(n, True) for n in ASKING_NOTES] + [(n, False) for n in TELLING_NOTES]
)
def test_whether_a_note_asks_is_read_alike_for_every_note_the_reviews_read(
    note: str, asks: bool
) -> None:
    """The rule behind the talent's ❓ line, the staff alert's, /lead's and the Questions tab
    (the same function in SQL): a question without "?" asks, a statement does not."""
    assert note_asks(note) is asks
