"""The workspace's Questions tab through its API: talents' questions to the team waiting for an
answer (with or without a lead), the reply from there (the talent gets it from the bot, the
staff group is told who answered, the audit log records it, the question stops waiting), and
what it refuses: a talent who never asked the team, someone not staff, an erased talent."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from bot.emulator import EmulatedChat, EmulatedUser
from bot.leads.export import plain_text
from bot.store.db import ago
from bot.store.support import CLAIM_HOLDS
from bot.texts import Text
from bot.web import questions as questions_tab
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, Seed, group_note, seeded, shown
from tests.test_pipeline import rows
from tests.test_support import answer as answer_in_group
from tests.test_support import answer_words, ask, relayed_question, staff_member
from tests.workspace import init_data, workspace

STRANGER = 4242


def audited(bot: Harness, action: str) -> list[tuple[str | None, dict[str, object]]]:
    found = rows(
        bot.database,
        "SELECT lead_ref, detail FROM audit_log WHERE action = ? ORDER BY id",
        (action,),
    )
    return [(lead_ref, json.loads(detail)) for lead_ref, detail in found]


async def erase(bot: Harness, talent: EmulatedUser) -> None:
    """The talent erases their data in the chat (/hapusdata, then yes)."""
    await bot.send(talent, "/hapusdata")
    await bot.press(talent, shown(Text.BTN_CONFIRM_DELETE))


async def test_a_lead_in_another_name_is_named_beside_its_reference(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A staff review: "Sari · KOC-000001" did not say it was her son Raka's registration."""
    sari = bot.user(first_name="Sari")
    await seeded(
        bot.database,
        [Seed(sari.id, {**MUSICIAN, "full_name": "Raka Pratama"}, first_name="Sari")],
    )
    await relayed_question(bot, staff_chat, sari, "Anak saya boleh didampingi?")
    async with workspace(bot, ADMIN_ID) as client:
        [talent] = (await client.ok("questions"))["talents"]
        page = await client.ok("lead", {"id": 1})
        other = bot.user(first_name="Rina")
        # A first name of two words is hers by its first, as stage messages greet her.
        await seeded(bot.database, [Seed(other.id, MUSICIAN, first_name="Sari Dewi")])
        own = await client.ok("lead", {"id": 2})
    assert talent["name"] == "Sari"
    assert talent["lead"] == {"id": 1, "reference": "KOC-000001", "name": "Raka Pratama"}
    # The lead page says so at its top; Raka is an adult, so no parent is implied.
    other_name = plain_text(CONTENT.text(Text.WS_LEAD_OTHER_NAME, "id", name="Sari"))
    assert page["filled_by"] == other_name
    assert own["filled_by"] is None  # "Sari Dewi Lestari" from Sari's own account


async def test_the_lead_page_says_parent_or_guardian_only_for_a_lead_under_18(
    bot: Harness,
) -> None:
    """A staff review: adult "Rina A. Pratiwi" from Telegram "Rina2" was marked as filled in
    by a parent. Under 18 in another name: maybe a parent's contact; an adult in another name:
    a neutral line; a nickname of the same name ("Rina2", "Bang Ucok", "Kak Rina 🎶"): none."""
    maya, rina, ucok, kak, budi = (
        bot.user(first_name=name) for name in ("Maya", "Rina2", "Bang Ucok", "Kak Rina", "Ucok")
    )
    minor = {**MUSICIAN, "age_range": "under_18", "full_name": "Bagus Saputra"}
    await seeded(
        bot.database,
        [
            Seed(maya.id, minor, first_name="Maya"),
            Seed(rina.id, {**MUSICIAN, "full_name": "Rina A. Pratiwi"}, first_name="Rina2"),
            Seed(ucok.id, {**MUSICIAN, "full_name": "Ucok Siregar"}, first_name="Bang Ucok"),
            Seed(kak.id, {**MUSICIAN, "full_name": "Rina Pratiwi"}, first_name="Kak Rina 🎶"),
            Seed(budi.id, {**MUSICIAN, "full_name": "Budi Santoso"}, first_name="Bang Ucok"),
        ],
    )
    async with workspace(bot, ADMIN_ID) as client:
        said = [(await client.ok("lead", {"id": n}))["filled_by"] for n in range(1, 6)]
    guardian = plain_text(CONTENT.text(Text.WS_LEAD_FILLED_BY, "id", name="Maya"))
    neutral = plain_text(CONTENT.text(Text.WS_LEAD_OTHER_NAME, "id", name="Bang Ucok"))
    assert said == [guardian, None, None, None, neutral]
    assert neutral == "👤 Nama di Telegram (Bang Ucok) berbeda dengan nama pendaftaran."


async def test_waiting_questions_longest_waiting_first_with_and_without_a_lead(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari", last_name="Dewi")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    question = await relayed_question(bot, staff_chat, sari, "Kapan ada kabar, kak?")
    mia = bot.user(first_name="Mia", language_code="en")
    await ask(bot, mia, "Is the flight paid for?", "<b>And the visa?</b>")
    async with workspace(bot, ADMIN_ID) as client:
        assert await client.ok("questions-count") == {"total": 2}
        listed = await client.ok("questions")
        assert listed["total"] == 2 and listed["more"] == 0
        first, second = listed["talents"]
        # Sari has waited longest: first, with her lead.
        assert first["name"] == "Sari Dewi"
        assert first["lead"] == {"id": 1, "reference": "KOC-000001", "name": MUSICIAN["full_name"]}
        assert [line["text"] for line in first["questions"]] == ["Kapan ada kabar, kak?"]
        # Mia has no lead; her words come back as she wrote them.
        assert (second["name"], second["lead"], second["user_id"]) == ("Mia", None, mia.id)
        assert (first["language"], second["language"]) == ("id", "en")  # to answer in
        # Named as the staff group's header and the lead page name it (review s50 L3).
        assert (first["language_name"], second["language_name"]) == ("Indonesia", "Inggris")
        lead = await client.ok("lead", {"id": 1})
        assert lead["talent"]["language"] == "Indonesia"  # not "bahasa Indonesia"
        assert [line["text"] for line in second["questions"]] == [
            "Is the flight paid for?",
            "<b>And the visa?</b>",
        ]
        # Answered in the staff group: no longer waiting.
        await answer_in_group(
            bot, staff_member(bot, staff_chat), staff_chat, "Minggu depan.", question
        )
        assert answer_words(sari.last_message) == "Minggu depan."
        listed = await client.ok("questions")
        assert [talent["name"] for talent in listed["talents"]] == ["Mia"]
        assert await client.ok("questions-count") == {"total": 1}
        # A new question after the answer waits again (and only that one shows), behind Mia.
        await ask(bot, sari, "Satu lagi: perlu paspor?")
        listed = await client.ok("questions")
        assert [talent["name"] for talent in listed["talents"]] == ["Mia", "Sari Dewi"]
        assert [line["text"] for line in listed["talents"][1]["questions"]] == [
            "Satu lagi: perlu paspor?"
        ]
        # Above it, what she asked before and the answer she got: the follow-up's context.
        earlier = listed["talents"][1]["earlier"]
        assert [(line["kind"], line["text"]) for line in earlier] == [
            ("text", "Kapan ada kabar, kak?"),
            ("staff_answer", "Minggu depan."),
        ]
        assert listed["talents"][0]["earlier"] == []  # Mia's first questions
    # Each list shown is on record: one entry per talent, their lead or, without one, them.
    entries = audited(bot, "questions_listed")
    assert [lead_ref for lead_ref, _ in entries[:2]] == ["KOC-000001", f"talent:{mia.id}"]
    assert all(detail["from"] == "workspace" for _, detail in entries)


async def test_a_reply_reaches_a_talent_without_a_lead_and_the_group_is_told(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(first_name="Mia", language_code="en")
    relayed = staff_chat.mark()
    [asked] = await ask(bot, mia, "Can I get a visa letter?")
    question = staff_chat.messages_since(relayed)[-1]  # her question, in the staff group
    mark = staff_chat.mark()
    async with workspace(bot, ADMIN_ID) as client:
        (talent,) = (await client.ok("questions"))["talents"]
        assert talent["lead"] is None
        empty = await client.ok("questions-reply", {"talent": mia.id, "text": " \u200b "})
        assert empty["outcome"] == "refused"
        replied = await client.ok(
            "questions-reply", {"talent": mia.id, "text": "Hi Mia, we can't issue <visa> letters."}
        )
        assert replied == {"outcome": "sent", "text": shown(Text.WS_REPLY_SENT, name="Mia")}
        assert answer_words(mia.last_message) == "Hi Mia, we can't issue <visa> letters."
        assert mia.last_message.button_texts == [shown(Text.BTN_ASK_REPLY, "en")]
        assert mia.last_message.reply_to_message_id == asked  # she sees what is answered
        # Colleagues see who answered, under her question.
        (note,) = staff_chat.messages_since(mark)
        assert note.reply_to_message_id == question.message_id
        said = "Hi Mia, we can't issue <visa> letters."
        # With its gist in English: the group is shared by staff who read either (session 59).
        assert note.text == (
            "✅ Admin sudah menjawab Mia lewat ruang kerja:\n"
            f"Admin answered Mia from the workspace.\n\n{said}"
        )
        # No longer waiting.
        assert (await client.ok("questions"))["talents"] == []
        assert await client.ok("questions-count") == {"total": 0}
    # She has no lead: the entry names her by her Telegram id (erasure redacts it).
    assert audited(bot, "talent_answered") == [
        (f"talent:{mia.id}", {"from": "workspace", "length": 38, "outcome": "sent"})
    ]
    # Done asking before the answer: what she types next stays with the bot, as she was told
    # (a talents' review s59, H2); "Reply to our team" under the answer sends it to staff.
    await ask(bot, mia, "And an invitation letter?")
    await bot.press(mia, shown(Text.BTN_ASK_DONE, "en"))
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("questions-reply", {"talent": mia.id, "text": "Anything else?"})
    answered = mia.last_message
    mark = staff_chat.mark()
    await bot.send(mia, "Yes, which documents do you need?")
    assert staff_chat.messages_since(mark) == []
    await bot.press(mia, shown(Text.BTN_ASK_REPLY, "en"), message=answered)
    await bot.send(mia, "Yes, which documents do you need?")
    assert staff_chat.messages_since(mark)[-1].text == "Yes, which documents do you need?"


async def test_a_reply_goes_only_to_a_talent_who_asked_and_only_from_an_admin(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(first_name="Mia")
    await relayed_question(bot, staff_chat, mia, "Halo?")
    quiet = bot.user(first_name="Budi")
    await bot.send(quiet, "/start")  # known to the bot, never asked the team
    mark_quiet, mark_mia = quiet.mark(), mia.mark()
    async with workspace(bot, ADMIN_ID) as client:
        never = await client.call("questions-reply", {"talent": quiet.id, "text": "Hai Budi"})
        assert never == (404, {"error": "not_found"})
        unknown = await client.call("questions-reply", {"talent": 987654, "text": "Hai"})
        assert unknown == (404, {"error": "not_found"})
        status, _ = await client.call("questions-reply", {"talent": str(mia.id), "text": "Hai"})
        assert status == 400
        stranger = client.as_user(init_data(bot.settings.token(), STRANGER))
        for action in ("questions", "questions-count", "questions-reply"):
            refused = await stranger.call(action, {"talent": mia.id, "text": "Hai Mia"})
            assert refused == (403, {"error": "forbidden"}), action
        bot.settings.admin_ids = frozenset()  # taken out of ADMIN_IDS meanwhile
        removed = await client.call("questions-reply", {"talent": mia.id, "text": "Hai Mia"})
        assert removed == (403, {"error": "forbidden"})
    assert quiet.messages_since(mark_quiet) == [] and mia.messages_since(mark_mia) == []
    # Staff's refused tries are on record (about no one for an id the bot never knew); a
    # stranger's and a removed admin's requests reach no action.
    tried: dict[str, object] = {"from": "workspace", "outcome": "not_waiting"}
    assert audited(bot, "talent_answered") == [(f"talent:{quiet.id}", tried), (None, tried)]


async def test_an_erased_talent_leaves_the_list_and_a_reply_says_so(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(first_name="Mia")
    await relayed_question(bot, staff_chat, mia, "Halo, ada info audisi?")
    async with workspace(bot, ADMIN_ID) as client:
        assert (await client.ok("questions-count"))["total"] == 1
        await erase(bot, mia)
        mark = mia.mark()
        assert (await client.ok("questions"))["talents"] == []
        assert (await client.ok("questions-count"))["total"] == 0
        gone = await client.call("questions-reply", {"talent": mia.id, "text": "Ada, kak."})
        assert gone == (404, {"error": "not_found"})
    assert mia.messages_since(mark) == []
    # The refused try is on record, about no one: she is erased.
    assert audited(bot, "talent_answered") == [
        (None, {"from": "workspace", "outcome": "not_waiting"})
    ]


async def test_a_question_a_colleague_answered_meanwhile_gets_no_second_reply(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    mia = bot.user(first_name="Mia", language_code="en")
    question = await relayed_question(bot, staff_chat, mia, "Is the flight paid for?")
    async with workspace(bot, ADMIN_ID) as client:
        assert [t["name"] for t in (await client.ok("questions"))["talents"]] == ["Mia"]
        # A colleague answers in the staff group while this page still shows her question.
        await answer_in_group(bot, staff_member(bot, staff_chat), staff_chat, "No.", question)
        mark = mia.mark()
        late = await client.call("questions-reply", {"talent": mia.id, "text": "Yes, it is."})
        assert late == (404, {"error": "not_found"})  # the page says so and reloads the list
        assert mia.messages_since(mark) == []  # no second, contradicting answer
        # Once she asks again, a reply from here goes.
        await ask(bot, mia, "And the hotel?")
        sent = await client.ok("questions-reply", {"talent": mia.id, "text": "Not that either."})
        assert sent["outcome"] == "sent" and answer_words(mia.last_message) == "Not that either."
    # The refused reply is on record, as refused actions are; then the one sent.
    outcomes = [(ref, detail["outcome"]) for ref, detail in audited(bot, "talent_answered")]
    talent = f"talent:{mia.id}"
    assert outcomes == [(talent, "sent"), (talent, "not_waiting"), (talent, "sent")]


async def test_one_talent_asking_again_and_again_leaves_room_for_the_others(
    bot: Harness, staff_chat: EmulatedChat, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(questions_tab, "SHOWN_EACH", 3)  # of a talent's questions (10)
    mia = bot.user(first_name="Mia")
    await ask(bot, mia, "Halo, ada yang bisa bantu?")
    budi = bot.user(first_name="Budi")
    await ask(bot, budi, *(f"pertanyaan {n}" for n in range(1, 6)))  # asked after Mia
    async with workspace(bot, ADMIN_ID) as client:
        listed = await client.ok("questions")
    first, second = listed["talents"]
    assert first["name"] == "Mia" and second["name"] == "Budi"  # she has waited longer
    # His newest questions, oldest of them first; the staff group has every one.
    assert [line["text"] for line in second["questions"]] == [
        f"pertanyaan {n}" for n in range(3, 6)
    ]


async def test_a_question_past_the_days_text_budget_is_said_in_words(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    # LOG_TEXT_PER_DAY=0 keeps lengths only: the tab says so, not the log's own marker.
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=staff_chat.id, log_text_per_day=0
    )
    mia = bot.user(first_name="Mia")
    await ask(bot, mia, "Is the flight paid for?")
    async with workspace(bot, ADMIN_ID) as client:
        (talent,) = (await client.ok("questions"))["talents"]
    (line,) = talent["questions"]
    assert line["text"] == shown(Text.WS_LOG_OVER_BUDGET, count=len("Is the flight paid for?"))


async def test_lead_in_telegram_says_a_question_waits_until_it_is_answered(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    admin = staff_member(bot, staff_chat)
    waiting = shown(Text.PIPELINE_QUESTION_WAITING)
    [page] = await bot.send(admin, "/lead KOC-000001")
    assert waiting not in page.text
    question = await relayed_question(bot, staff_chat, sari, "Kapan ada kabar, kak?")
    [page] = await bot.send(admin, "/lead KOC-000001")
    assert waiting in page.text
    await answer_in_group(bot, admin, staff_chat, "Minggu depan.", question)
    [page] = await bot.send(admin, "/lead KOC-000001")
    assert waiting not in page.text


async def test_a_follow_up_shows_the_question_answered_before_it_not_only_answers(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    question = await relayed_question(bot, staff_chat, sari, "Kapan ada kabar, kak?")
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("reply", {"id": 1, "text": "Kami cek dulu ya.", "holding": True})
        await answer_in_group(
            bot, staff_member(bot, staff_chat), staff_chat, "Minggu depan.", question
        )
        await client.ok("reply", {"id": 1, "text": "Satu lagi: siapkan showreel."})  # follow-up
        await ask(bot, sari, "Boleh bawa kucing ke Seoul?")
        [waiting] = (await client.ok("questions"))["talents"]
    # Three staff lines came after her first question: it is shown above them, the holding
    # reply too, marked as one, as the lead page's thread shows it (a review: a follow-up
    # pushed it out).
    assert [(line["kind"], line["text"], line["holding"]) for line in waiting["earlier"]] == [
        ("text", "Kapan ada kabar, kak?", False),
        ("staff_answer", "Kami cek dulu ya.", True),
        ("staff_answer", "Minggu depan.", False),
        ("staff_answer", "Satu lagi: siapkan showreel.", False),
    ]


async def test_a_follow_up_shows_every_message_the_answer_before_it_answered(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    andi = bot.user(first_name="Andi")
    # A greeting is small talk (one with a name in it says something, and would wait on).
    asked = ["Halo kak 👋", "Koproduksi untuk dokumenter bisa?", "Deadline-nya kapan?"]
    mark = staff_chat.mark()
    await ask(bot, andi, *asked)
    _, _, coproduction, _ = staff_chat.messages_since(mark)
    await answer_in_group(
        bot, staff_member(bot, staff_chat), staff_chat, "Bisa, lewat /daftar.", coproduction
    )
    await ask(bot, andi, "Satu lagi: perlu subtitle?")
    async with workspace(bot, ADMIN_ID) as client:
        [waiting] = (await client.ok("questions"))["talents"]
    # The answer answered the greeting and the question replied to: they are shown before
    # the question it left waiting, and it among the waiting ones, where it came (a new staff
    # member's review s57, L3: "Deadline-nya kapan?" had been counted as answered).
    assert [line["text"] for line in waiting["earlier"]] == asked[:2]
    assert [line["text"] for line in waiting["questions"]] == [
        "Deadline-nya kapan?",
        "Bisa, lewat /daftar.",
        "Satu lagi: perlu subtitle?",
    ]
    replied = waiting["questions"][1]
    assert (replied["kind"], replied["holding"]) == ("staff_answer", False)
    assert replied["heading"] == plain_text(
        CONTENT.text(Text.SUPPORT_ANSWER_HEADING, "id", question=asked[1])
    )


async def test_a_message_after_an_answer_first_comes_with_the_question_it_follows(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """Each waiting message says what the bot answered just before it, if anything: not one
    line for the talent, which sat above the wrong message (a new staff member's review)."""
    faq = CONTENT.messages[Text.SUPPORT_ENTRY_FAQ].get("id")  # the entry, and where to read it
    showreel = faq.format(title=CONTENT.faq["showreel_links"].question.id)
    open_call = faq.format(title=CONTENT.faq["open_call_now"].question.id)
    gita = bot.user(first_name="Gita")
    [answered] = await bot.send(gita, "/tanya gmn cara kirim showreel")  # answered first
    assert answered.text.endswith(shown(Text.ASK_ANSWER_FIRST))
    await bot.send(gita, "kalau filenya 3GB gimana?")
    await bot.send(gita, "/tanya kak ada open call gak?")  # answered first
    await bot.send(gita, "terus kalau saya tinggal di luar jakarta gimana kak?")
    rina = bot.user(first_name="Rina")
    await ask(bot, rina, "Bisa minta surat untuk visa?")
    dewi = bot.user(first_name="Dewi")
    await bot.send(dewi, "/tanya kak ada open call gak?")
    await bot.press(dewi, CONTENT.text(Text.BTN_SEND_ANYWAY, "id"))
    async with workspace(bot, ADMIN_ID) as client:
        listed = {talent["name"]: talent for talent in (await client.ok("questions"))["talents"]}
    template = CONTENT.messages[Text.WS_QUESTION_FOLLOWS].get("id")
    assert [(line["text"], line.get("follows")) for line in listed["Gita"]["questions"]] == [
        (
            "kalau filenya 3GB gimana?",
            template.format(question="gmn cara kirim showreel", entry=showreel),
        ),
        (
            "terus kalau saya tinggal di luar jakarta gimana kak?",
            template.format(question="kak ada open call gak?", entry=open_call),
        ),
    ]
    assert [line.get("follows") for line in listed["Rina"]["questions"]] == [None]
    assert listed["Rina"]["language"] == "id"  # the card says which language to answer in
    # The answered question sent anyway: staff read that the bot's answer was not enough.
    anyway = CONTENT.messages[Text.WS_QUESTION_SENT_ANYWAY].get("id").format(entry=open_call)
    assert [line.get("follows") for line in listed["Dewi"]["questions"]] == [anyway]


async def test_the_lead_page_shows_each_staff_answer_under_the_heading_the_talent_got(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A staff review s55: the talent's message starts "💬 Jawaban tim kami untuk pertanyaanmu
    …", the lead page showed the words alone. A holding reply and an answer from the staff
    group (for her question), a follow-up (none waiting), and a long answer whose heading went
    from the staff group, its heading sent as a message of its own (shown once, its own line)."""
    sari = bot.user(first_name="Sari")
    await seeded(bot.database, [Seed(sari.id, MUSICIAN, first_name="Sari")])
    question = await relayed_question(bot, staff_chat, sari, "Kapan ada kabar, kak?")
    long = ("Rinciannya: " + "jadwal dan syarat lengkap. " * 160)[:4050].strip()
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("reply", {"id": 1, "text": "Kami cek dulu ya.", "holding": True})
        await answer_in_group(
            bot, staff_member(bot, staff_chat), staff_chat, "Minggu depan.", question
        )
        await client.ok("reply", {"id": 1, "text": "Satu lagi: siapkan showreel."})
        # A reply to her (answered) question in the group names it, though none waits.
        await answer_in_group(bot, staff_member(bot, staff_chat), staff_chat, long, question)
        lead = await client.ok("lead", {"id": 1})
    got = [message.text for message in sari.messages]
    # Each answer as the talent got it: its heading, a blank line, the words.
    for words in ("Kami cek dulu ya.", "Minggu depan.", "Satu lagi: siapkan showreel."):
        [received] = [text for text in got if text.endswith(words)]
        heading = received.removesuffix(words).removesuffix("\n\n")
        for lines in (lead["log"]["lines"], lead["questions"]):
            [line] = [line for line in lines if line["text"] == words]
            assert line["heading"] == heading, words
    quoted = plain_text(
        CONTENT.text(Text.SUPPORT_ANSWER_HEADING, "id", question="Kapan ada kabar, kak?")
    )
    answered = [line for line in lead["questions"] if line["kind"] == "staff_answer"]
    assert [line["heading"] for line in answered] == [
        quoted,
        quoted,  # after a holding reply, the question still waited
        plain_text(CONTENT.text(Text.SUPPORT_ANSWER_HEADING_NONE, "id")),
        None,  # its heading went alone: a line of its own in the conversation
    ]
    # Too long for one message with it: the heading came alone, logged as its own line.
    assert quoted in got
    log = lead["log"]["lines"]
    [last] = [index for index, line in enumerate(log) if line["text"] == long]
    assert log[last - 1]["text"] == quoted and log[last]["heading"] is None


async def test_above_the_reply_box_is_the_heading_the_talent_gets_it_under(bot: Harness) -> None:
    """A staff review s55: Ibu Ratna's waiting messages were "Juara 1 lomba gamelan pelajar
    2025" and "3"; the answer came under "… pertanyaanmu “3”", which staff could not see
    before sending. The Questions tab and the lead page say it above the reply box, as made
    for the reply; with nothing waiting, the follow-up's own heading. A stray "3" names
    nothing: the heading quotes the message before it (a new staff member's review s57)."""
    ratna = bot.user(first_name="Ratna")
    await seeded(bot.database, [Seed(ratna.id, MUSICIAN, first_name="Ratna")])
    await ask(bot, ratna, "Juara 1 lomba gamelan pelajar 2025", "3")

    def foreseen(key: Text, **values: str) -> str:
        heading = plain_text(CONTENT.text(key, "id", **values))
        return plain_text(CONTENT.text(Text.WS_REPLY_HEADING_SHOWN, "id", heading=heading))

    async with workspace(bot, ADMIN_ID) as client:
        [talent] = (await client.ok("questions"))["talents"]
        lead = await client.ok("lead", {"id": 1})
        award = "Juara 1 lomba gamelan pelajar 2025"
        # An award she told of, not a question: the team's reply to her message (s58).
        quoted = foreseen(Text.SUPPORT_REPLY_HEADING, message=award)
        assert talent["reply_heading"] == lead["reply_heading"] == quoted
        await client.ok("reply", {"id": 1, "text": "Selamat, kak!"})
        got = ratna.last_message.text
        assert got.startswith(
            plain_text(CONTENT.text(Text.SUPPORT_REPLY_HEADING, "id", message=award))
        )
        lead = await client.ok("lead", {"id": 1})
        assert lead["reply_heading"] == foreseen(Text.SUPPORT_ANSWER_HEADING_NONE)


async def test_two_replies_at_once_reach_the_talent_once(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """An attacker's review (s58): two staff members (or a double tap) replying to the same
    waiting question at the same moment both passed the check that it waits, and the talent
    got two answers. The second now finds it answered, as the page is told (404)."""
    second = ADMIN_ID + 1
    bot.settings.admin_ids = frozenset({ADMIN_ID, second})
    mia = bot.user(first_name="Mia")
    await relayed_question(bot, staff_chat, mia, "Kapan pendaftaran MU:CON dibuka?")
    mark = mia.mark()
    async with workspace(bot, ADMIN_ID) as client:
        colleague = client.as_user(init_data(bot.settings.token(), second))
        replies = await asyncio.gather(
            client.call("questions-reply", {"talent": mia.id, "text": "Bulan depan, kak."}),
            colleague.call("questions-reply", {"talent": mia.id, "text": "Juli ya, kak."}),
        )
    assert sorted(status for status, _ in replies) == [200, 404]
    assert len(mia.messages_since(mark)) == 1
    outcomes = [str(detail["outcome"]) for _, detail in audited(bot, "talent_answered")]
    assert sorted(outcomes) == ["not_waiting", "sent"]


def _second_admin(bot: Harness, staff_chat: EmulatedChat) -> EmulatedUser:
    """A colleague of ADMIN_ID's: an admin too, in the staff group and in the workspace."""
    second = 9003  # no talent's id (the emulator gives them ids from 1001)
    bot.settings.admin_ids = frozenset({ADMIN_ID, second})
    colleague = bot.emulator.user(second, first_name="Dewi")
    if colleague.id not in staff_chat.members:
        staff_chat.add_member(colleague)
    return colleague


async def test_a_workspace_reply_while_a_group_answer_goes_out_is_not_sent_too(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """The s58 close: a staff-group answer and a workspace reply to one question at the same
    moment both went (the workspace's turn covered only its own replies). The group's answer
    claims the question before it goes: the workspace's reply finds it answered (as the page
    says: 404), and the talent gets one answer."""
    colleague = _second_admin(bot, staff_chat)
    mia = bot.user(first_name="Mia")
    question = await relayed_question(bot, staff_chat, mia, "Kapan pendaftaran MU:CON dibuka?")
    mark, noted = mia.mark(), staff_chat.mark()
    held = bot.emulator.hold("sendMessage", chat_id=mia.id, containing="Juli ya")
    admin = staff_member(bot, staff_chat)
    group = asyncio.create_task(answer_in_group(bot, admin, staff_chat, "Juli ya, kak.", question))
    await held.arrived.wait()  # the group's answer is on its way to her
    async with workspace(bot, colleague.id) as client:
        late = await client.call("questions-reply", {"talent": mia.id, "text": "Bulan depan."})
        held.release()
        await group
        assert late == (404, {"error": "not_found"})  # "already answered", the list reloaded
        assert (await client.ok("questions"))["talents"] == []
    assert [answer_words(message) for message in mia.messages_since(mark)] == ["Juli ya, kak."]
    assert [message.text for message in staff_chat.messages_since(noted)] == [
        "✅ Terkirim ke Mia\nSent to Mia."
    ]
    outcomes = [str(detail["outcome"]) for _, detail in audited(bot, "talent_answered")]
    assert outcomes == ["already_answered", "sent"]


async def test_a_group_answer_while_a_workspace_reply_goes_out_is_not_sent_too(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """The other order: the workspace's reply claims the question; a colleague's reply to it
    in the staff group, at that moment or after, is not sent, and the group is told why (a
    reply to the ✅ note under the answer still reaches her, to add to it)."""
    colleague = _second_admin(bot, staff_chat)
    mia = bot.user(first_name="Mia", language_code="en")
    question = await relayed_question(bot, staff_chat, mia, "When does MU:CON open?")
    mark = mia.mark()
    held = bot.emulator.hold("sendMessage", chat_id=mia.id, containing="Next month")
    async with workspace(bot, ADMIN_ID) as client:
        reply = asyncio.create_task(
            client.call("questions-reply", {"talent": mia.id, "text": "Next month."})
        )
        await held.arrived.wait()  # the workspace's reply is on its way to her
        noted = staff_chat.mark()
        await answer_in_group(bot, colleague, staff_chat, "In July.", question)
        refused = group_note(Text.SUPPORT_ALREADY_ANSWERED, name="Mia")
        assert [message.text for message in staff_chat.messages_since(noted)] == [refused]
        held.release()
        assert (await reply)[0] == 200
        # After it, too: the question is answered.
        await answer_in_group(bot, colleague, staff_chat, "In July!", question)
        assert staff_chat.last_message.text == refused
    assert [answer_words(message) for message in mia.messages_since(mark)] == ["Next month."]
    outcomes = [str(detail["outcome"]) for _, detail in audited(bot, "talent_answered")]
    assert outcomes == ["already_answered", "sent", "already_answered"]
    # The workspace's note under her question takes a reply that adds to its answer.
    note = next(m for m in staff_chat.messages if m.text and "lewat ruang kerja" in m.text)
    await answer_in_group(bot, colleague, staff_chat, "Registration opens on 1 July.", note)
    assert answer_words(mia.last_message) == "Registration opens on 1 July."


async def test_a_question_whose_answer_could_not_be_sent_may_be_answered_by_a_colleague(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A claim goes with an answer Telegram refused: the question waits, for anyone."""
    colleague = _second_admin(bot, staff_chat)
    mia = bot.user(first_name="Mia")
    question = await relayed_question(bot, staff_chat, mia, "Boleh kirim demo lewat email?")
    bot.emulator.fail_next("sendMessage", status=400, chat_id=mia.id, times=1)
    await answer_in_group(bot, staff_member(bot, staff_chat), staff_chat, "Boleh.", question)
    assert staff_chat.last_message.text.startswith("⚠️ Tidak terkirim ke Mia")
    async with workspace(bot, colleague.id) as client:
        sent = await client.ok("questions-reply", {"talent": mia.id, "text": "Boleh, kak."})
    assert sent["outcome"] == "sent" and answer_words(mia.last_message) == "Boleh, kak."


async def test_a_lead_page_reply_while_a_group_answer_goes_out_says_a_colleague_answered(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A lead page's reply answers what waits as the Questions tab's does: at the moment a
    colleague's answer takes the question in the staff group, it is not sent, and says why."""
    colleague = _second_admin(bot, staff_chat)
    mia = bot.user(first_name="Mia")
    await seeded(bot.database, [Seed(mia.id, MUSICIAN, first_name="Mia")])
    question = await relayed_question(
        bot, staff_chat, mia, "Video yang saya kirim kemarin sudah diterima?"
    )
    mark = mia.mark()
    held = bot.emulator.hold("sendMessage", chat_id=mia.id, containing="Sudah, kak")
    admin = staff_member(bot, staff_chat)
    group = asyncio.create_task(answer_in_group(bot, admin, staff_chat, "Sudah, kak.", question))
    await held.arrived.wait()
    async with workspace(bot, colleague.id) as client:
        late = await client.ok("reply", {"id": 1, "text": "Sudah kami terima."})
    held.release()
    await group
    name = str(MUSICIAN["full_name"])
    assert late == {
        "outcome": "already_answered",
        "text": shown(Text.WS_REPLY_ALREADY_ANSWERED, name=name),
    }
    assert [answer_words(message) for message in mia.messages_since(mark)] == ["Sudah, kak."]


async def test_a_claim_left_by_an_answer_that_never_went_holds_nothing_later(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """The bot stopped while an answer was on its way (its claim stayed, the question still
    waits): minutes later, a colleague's answer goes."""
    colleague = _second_admin(bot, staff_chat)
    mia = bot.user(first_name="Mia")
    question = await relayed_question(bot, staff_chat, mia, "Video saya sudah sampai, kak?")
    rows(
        bot.database,
        "UPDATE relayed_messages SET claimed_at = ?, claimed_by = ? WHERE kind = 'question'",
        (ago(CLAIM_HOLDS + 60), ADMIN_ID),
    )
    await answer_in_group(bot, colleague, staff_chat, "Sudah, kak.", question)
    assert answer_words(mia.last_message) == "Sudah, kak."
    assert staff_chat.last_message.text == "✅ Terkirim ke Mia\nSent to Mia."
