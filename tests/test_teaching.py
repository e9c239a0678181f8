"""Staff teach the bot on the workspace's Stats tab which entry answers a question talents
asked: the next talent asking it so is answered, after a restart and a /reload too; a taught
wording can be removed; every change is in the audit log; a refusal says why."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

from bot.emulator import EmulatedChat, EmulatedUser
from bot.store import Store
from bot.store.audit import Actor
from bot.store.taught import MOST
from bot.texts import Text
from bot.web.teach import MAX_CHARACTERS, QUESTION_CHARACTERS, wording
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, edit_content, remove_entry, rendered, shown
from tests.processes import clean_env, run_cli
from tests.test_answers import stats_report
from tests.test_erasure import traces_in_files, traces_in_tables
from tests.test_holding_replies import RINA
from tests.test_pipeline import rows
from tests.workspace import Client, init_data, workspace

STRANGER = 4242  # signed in by Telegram, not in ADMIN_IDS
ASKED = "kapan giliran saya"  # nothing in content/ says it so; after_registering answers it
AGAIN = "giliranku kapan kak"  # another talent, in chat words
AFTER = CONTENT.faq["after_registering"]
AFTER_REF, WHO_REF, MUCON = "faq:after_registering", "faq:who_can_apply", "program:mucon"
FALLBACK = shown(Text.ASK_NOTHING).split("\n")[0]


def said(key: Text, **values: Any) -> str:
    """A workspace text as the page shows it."""
    return shown(key, **values)


async def listed(client: Client) -> dict[str, Any]:
    """The Stats tab's questions and teaching, as the page reads them."""
    stats = await client.ok("stats")
    return {"questions": stats["questions"], "teaching": stats["teaching"]}


async def audit_entries(bot: Harness, action: str) -> list[dict[str, Any]]:
    found = rows(bot.database, "SELECT actor_id, detail FROM audit_log WHERE action = ?", (action,))
    return [{"actor": actor, **json.loads(detail)} for actor, detail in found]


async def test_a_question_taught_on_the_stats_tab_is_answered_for_the_next_talent(
    bot: Harness,
) -> None:
    sari, budi = bot.user(first_name="Sari"), bot.user(first_name="Budi")
    [before] = await bot.send(sari, ASKED)
    assert before.text.startswith(FALLBACK)  # "nothing close": the bot has no answer
    async with workspace(bot, ADMIN_ID) as client:
        stats = await listed(client)
        assert [item["question"] for item in stats["questions"]["top"]] == [ASKED]
        entries = [item["entry"] for item in stats["teaching"]["faq"]]
        assert "faq:after_registering" in entries and stats["teaching"]["taught"] == []
        [mucon] = [item for item in stats["teaching"]["programs"] if item["entry"] == MUCON]
        assert mucon["title"] == CONTENT.programs["mucon"].title.id
        # The start of what talents would read, as plain text, to choose by.
        assert mucon["preview"].startswith(rendered(CONTENT.programs["mucon"].what.id)[:60])
        done = await client.ok(
            "teach", {"entry": "faq:after_registering", "text": ASKED, "question": ASKED}
        )
        assert done == {
            "outcome": "taught",
            "text": said(Text.WS_TEACH_SAVED, wording=ASKED, entry=AFTER.question.id),
        }
        after = await listed(client)
    # The list says the question is answered now, and what was taught, by whom.
    [question] = after["questions"]["top"]
    assert question["now"] == AFTER.question.id
    [taught] = after["teaching"]["taught"]
    assert (taught["text"], taught["entry"]) == (ASKED, AFTER.question.id)
    assert taught["by"].startswith(said(Text.WS_TAUGHT_BY, name="Admin", when="").split(",")[0])
    # Budi, in his own words, gets the answer itself.
    [answer] = await bot.send(budi, AGAIN)
    assert answer.text.split("\n")[0] == AFTER.question.id
    # The audit log says who taught what, not its words (they may be a talent's).
    [entry] = await audit_entries(bot, "phrasing_taught")
    assert entry == {
        "actor": ADMIN_ID,
        "id": taught["id"],
        "entry": "faq:after_registering",
        "length": len(ASKED),
        "from": "workspace",
    }


async def test_a_taught_wording_said_exactly_gets_its_entry_where_the_content_fits_as_well(
    bot: Harness,
) -> None:
    # A new staff member's review: taught for the parents' entry, a mother's question typed
    # word for word stayed a choice, tied with "Who can register?", whose phrasings say it too.
    parents, who = CONTENT.faq["parents"].question.id, CONTENT.faq["who_can_apply"].question.id
    taught = "anak saya umur 16 tahun boleh daftar"
    sri, wati = bot.user(first_name="Sri"), bot.user(first_name="Wati")
    [before] = await bot.send(sri, f"{taught}?")
    assert before.text.split("\n")[0] == who  # the content's answer, before teaching
    async with workspace(bot, ADMIN_ID) as client:
        done = await client.ok("teach", {"entry": "faq:parents", "text": taught})
    assert done["outcome"] == "taught"
    # Said exactly (a "gak?" at its end asks, as "?" does): the entry staff chose, the other
    # one offered under it.
    for typed in (f"{taught}?", "Anak saya umur 16 tahun, boleh daftar gak?"):
        # Each by a talent of their own: a page just sent is pointed to, not sent again.
        [answer] = await bot.send(bot.user(first_name="Wati"), typed)
        assert answer.text.split("\n")[0] == parents, typed
        assert who in answer.button_texts
    # Other words are matched as before: the taught wording is not all it takes; nor is
    # another age (an attacker's review: "umur 45" got the parents' entry when any number
    # counted), nor a wording turned around ("tidak" was read past).
    [other] = await bot.send(wati, "umur 16 tahun boleh daftar")
    assert other.text.split("\n")[0] == who
    for typed in (
        "anak saya umur 45 tahun boleh daftar?",
        "anak saya umur 16 tahun tidak boleh daftar?",
    ):
        [reply] = await bot.send(wati, typed)
        assert reply.text.split("\n")[0] != parents, typed
    async with workspace(bot, ADMIN_ID) as client:
        # Another age is another wording, which may be taught for another entry.
        adult = "anak saya umur 20 tahun boleh daftar"
        done = await client.ok("teach", {"entry": "faq:who_can_apply", "text": adult})
        assert done["outcome"] == "taught"
        # A number alone says nothing: refused.
        alone = await client.ok("teach", {"entry": "faq:my_data", "text": "7"})
        assert alone == {"outcome": "refused", "text": said(Text.WS_TEACH_NO_WORDS)}
    [twenty] = await bot.send(bot.user(first_name="Wati"), f"{adult}?")  # none just sent
    assert twenty.text.split("\n")[0] == who
    [sixteen] = await bot.send(wati, f"{taught}?")
    assert sixteen.text.split("\n")[0] == parents


async def test_a_taught_wording_wins_over_reading_it_as_a_wish_to_register(bot: Harness) -> None:
    """A staff review: "anak saya mau daftar" taught for the parents' entry still opened the
    form for a talent who typed it, though the dialog said it is now answered so."""
    parents = CONTENT.faq["parents"].question.id
    wording_taught = "anak saya mau daftar"
    sri, wati = bot.user(first_name="Sri"), bot.user(first_name="Wati")
    await bot.send(sri, wording_taught)
    assert await bot.store.applications.draft_for(sri.id) is not None  # the form, before
    async with workspace(bot, ADMIN_ID) as client:
        done = await client.ok("teach", {"entry": "faq:parents", "text": wording_taught})
    assert done["outcome"] == "taught"
    [answer] = await bot.send(wati, "kak anak saya mau daftar")
    assert answer.text.split("\n")[0] == parents
    assert await bot.store.applications.draft_for(wati.id) is None  # no form opened
    # Other wishes to register still open the form.
    [form] = await bot.send(wati, "saya mau daftar")
    assert await bot.store.applications.draft_for(wati.id) is not None, form.text


async def test_a_taught_wording_outlives_a_restart_and_a_reload_and_can_be_removed(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, content_dir=content_folder
    )
    sari = bot.user(first_name="Sari")
    admin: EmulatedUser = staff_chat.members[ADMIN_ID]
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("teach", {"entry": "faq:after_registering", "text": ASKED})
    await bot.restart()
    [answer] = await bot.send(sari, AGAIN)
    assert answer.text.split("\n")[0] == AFTER.question.id  # read again at start-up
    await bot.send(admin, "/reload")
    [answer] = await bot.send(bot.user(first_name="Sari"), AGAIN)  # the page not just sent
    assert answer.text.split("\n")[0] == AFTER.question.id  # and kept by a reload
    async with workspace(bot, ADMIN_ID) as client:
        [taught] = (await listed(client))["teaching"]["taught"]
        done = await client.ok("untaught", {"id": taught["id"]})
        assert done == {
            "outcome": "removed",
            "text": said(Text.WS_TAUGHT_REMOVED, question=ASKED, entry=AFTER.question.id),
        }
        assert (await listed(client))["teaching"]["taught"] == []
        again = await client.ok("untaught", {"id": taught["id"]})  # a colleague, a moment later
        assert again == {"outcome": "refused", "text": said(Text.WS_TAUGHT_GONE)}
    [answer] = await bot.send(sari, AGAIN)
    assert answer.text.startswith(FALLBACK)  # from the next message on
    [removed] = await audit_entries(bot, "phrasing_removed")
    assert (removed["id"], removed["entry"]) == (taught["id"], "faq:after_registering")
    assert traces_in_files(bot.database, [ASKED]) == []  # nor in the database files (scrubbed)

    # A reload that removes the entry leaves a wording taught for it out of the matching.
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("teach", {"entry": "faq:after_registering", "text": ASKED})

    remove_entry(content_folder, "faq:after_registering")
    await bot.send(admin, "/reload")
    [answer] = await bot.send(sari, AGAIN)
    assert answer.text.startswith(FALLBACK)
    async with workspace(bot, ADMIN_ID) as client:
        [taught] = (await listed(client))["teaching"]["taught"]
        assert taught["entry"] == said(Text.STATS_ENTRY_GONE)
        # Not matched any more, it does not keep the words from another entry either.
        moved = await client.ok("teach", {"entry": WHO_REF, "text": ASKED})
        assert moved["outcome"] == "taught"


async def test_a_reload_says_which_taught_wordings_the_new_content_unsettles(
    make_bot: Any, staff_chat: EmulatedChat, content_folder: Path, caplog: Any
) -> None:
    """Teaching refuses a wording another entry says; an edit of content/ can make one, and
    /reload then names it with both entries and what to do, and counts the wordings whose
    entry it removed. The log counts them without their words (a talent's, perhaps)."""
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID, content_dir=content_folder
    )
    admin: EmulatedUser = staff_chat.members[ADMIN_ID]
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("teach", {"entry": AFTER_REF, "text": ASKED})
        [taught] = (await listed(client))["teaching"]["taught"]
        assert taught["note"] is None  # no other entry says it
    [quiet] = await bot.send(admin, "/reload")
    assert quiet.text == shown(
        Text.RELOAD_DONE,
        programs=len(CONTENT.programs),
        faq=len(CONTENT.faq),
        questions=len(CONTENT.questions),
    )  # nothing unsettled: nothing more said

    def say_it_too(data: Any) -> None:
        [who] = [item for item in data["items"] if item["key"] == "who_can_apply"]
        who["ask"]["id"].append("giliran saya kapan")  # the same words, another order

    edit_content(content_folder, "faq.yaml", say_it_too)
    [told] = await bot.send(admin, "/reload")
    who = CONTENT.faq["who_can_apply"].question.id
    line = shown(Text.RELOAD_TAUGHT_CLASH_LINE, text=ASKED, entry=AFTER.question.id, other=who)
    assert f"\n{line}\n" in told.text
    assert told.text.split("\n\n")[-1].startswith(shown(Text.RELOAD_TAUGHT_CLASHES)[:40])
    async with workspace(bot, ADMIN_ID) as client:  # and the taught list says so too
        newer_text = "hasil seleksi kapan keluar"
        newer = await client.ok("teach", {"entry": AFTER_REF, "text": newer_text})
        assert newer["outcome"] == "taught"
        taught, other = (await listed(client))["teaching"]["taught"]
        assert taught["note"] == said(Text.WS_TAUGHT_CLASH, entry=who)
        # First, though older: it wants a decision; the newer one works and carries no note.
        assert (taught["text"], other["text"], other["note"]) == (ASKED, newer_text, None)
        await client.ok("untaught", {"id": other["id"]})

    remove_entry(content_folder, "faq:after_registering")
    caplog.clear()
    [told] = await bot.send(admin, "/reload")
    assert line not in told.text
    assert told.text.split("\n\n")[-1] == shown(Text.RELOAD_TAUGHT_GONE, count=1)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "1 taught wording(s)" in logged and ASKED not in logged


async def test_a_reload_indexes_every_wording_stored_even_one_the_index_missed(
    bot: Harness, staff_chat: EmulatedChat
) -> None:
    """A wording saved whose index build then failed (the request said so) counts from the
    next /reload: the index is built from the database, not from what the process kept."""
    sari = bot.user(first_name="Sari")
    with sqlite3.connect(bot.database) as db:
        db.execute(
            "INSERT INTO taught_phrasings (entry, text, taught_by_id, taught_by, taught_at)"
            " VALUES (?, ?, ?, 'Admin', '2026-12-05T00:00:00.000000+00:00')",
            (AFTER_REF, ASKED, ADMIN_ID),
        )
    db.close()
    [answer] = await bot.send(sari, AGAIN)
    assert answer.text.startswith(FALLBACK)  # this process indexed it without
    await bot.send(staff_chat.members[ADMIN_ID], "/reload")
    [answer] = await bot.send(sari, AGAIN)
    assert answer.text.split("\n")[0] == AFTER.question.id


async def test_a_talents_erasure_masks_her_names_in_what_staff_taught(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)  # registered as "Sari Dewi Lestari"
    await bot.send(sari, "saya Lestari, kalau tidak lolos gimana")  # her surname, typed
    live = bot.runner.application.bot_data["services"].live_content
    async with workspace(bot, ADMIN_ID) as client:  # staff left her surname in the wording
        await client.ok("teach", {"entry": AFTER_REF, "text": "kalau Lestari tidak lolos"})
    index = live.matcher
    await bot.send(sari, "/hapusdata")
    await bot.press(sari, shown(Text.BTN_CONFIRM_DELETE))
    assert rows(bot.database, "SELECT text FROM taught_phrasings") == [
        ("kalau <name> tidak lolos",)
    ]
    assert traces_in_tables(bot.database, ["Lestari"]) == []
    assert traces_in_files(bot.database, ["Lestari"]) == []
    assert live.matcher is not index  # built again from the masked wording


async def test_a_name_that_is_anothers_question_word_masks_nothing_at_erasure(
    bot: Harness,
) -> None:
    """Only a name she typed can have come from her: one made of common words ("Kapan
    Giliran"), or a word the content says ("Daftar"), is another talent's question first."""
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("teach", {"entry": AFTER_REF, "text": ASKED})
        await client.ok("teach", {"entry": WHO_REF, "text": "daftar kalau masih sekolah"})
    mallory = bot.user(first_name="Kapan Giliran Sekolah", last_name="Daftar")
    await bot.send(mallory, "daftar dong kak")  # typed, but a word the content says
    live = bot.runner.application.bot_data["services"].live_content
    index = live.matcher
    await bot.send(mallory, "/hapusdata")
    await bot.press(mallory, shown(Text.BTN_CONFIRM_DELETE))
    assert rows(bot.database, "SELECT text FROM taught_phrasings ORDER BY id") == [
        (ASKED,),  # "kapan", "giliran": never typed by her
        ("daftar kalau masih sekolah",),
    ]
    assert live.matcher is index  # nothing masked: the index is not built again for her
    [answer] = await bot.send(bot.user(first_name="Budi"), AGAIN)
    assert answer.text.split("\n")[0] == AFTER.question.id


async def test_a_staff_member_who_erases_while_her_teaching_waits_is_not_named_on_it(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID, RINA}), staff_chat_id=STAFF_CHAT_ID
    )
    rina = bot.emulator.user(RINA, first_name="Rina", language_code="id")
    async with workspace(bot, RINA) as client:
        client = client.as_user(init_data(bot.settings.token(), RINA, first_name="Rina"))
        assert client.served is not None and client.served.desk is not None
        async with client.served.desk.teaching:  # a colleague's teaching under way
            waiting = asyncio.create_task(client.call("teach", {"entry": AFTER_REF, "text": ASKED}))
            await asyncio.sleep(0.2)  # her request waits for it
            await bot.send(rina, "/hapusdata")
            await bot.press(rina, shown(Text.BTN_CONFIRM_DELETE))
        status, answer = await waiting
    assert (status, answer["outcome"]) == (200, "taught")
    assert rows(bot.database, "SELECT taught_by_id, taught_by FROM taught_phrasings") == [
        (None, None)
    ]


async def test_teaching_refuses_what_cannot_work_and_says_why(bot: Harness) -> None:
    music = CONTENT.programs["music_to_korea"].title.id
    async with workspace(bot, ADMIN_ID) as client:

        async def teach(entry: str, text: str, **more: Any) -> dict[str, Any]:
            answer: dict[str, Any] = await client.ok(
                "teach", {"entry": entry, "text": text, **more}
            )
            return answer

        def refused(key: Text, **values: Any) -> dict[str, str]:
            return {"outcome": "refused", "text": said(key, **values)}

        # Only chat words: it could never match.
        assert await teach(AFTER_REF, "gimana ya kak?") == refused(Text.WS_TEACH_NO_WORDS)
        # What another entry's title says: the question would have two answers.
        assert await teach(AFTER_REF, music) == refused(Text.WS_TEACH_CLASH_CONTENT, entry=music)
        # What the entry itself says already.
        assert await teach(AFTER_REF, AFTER.question.id) == refused(Text.WS_TEACH_ALREADY)
        # A cut listed question sent as it was: its point is missing.
        cut = "Selamat sore kak, saya Rina dari Makassar no wa <number>, mau tanya kalau sudah…"
        assert await teach(AFTER_REF, cut, question=cut) == refused(Text.WS_TEACH_CUT)
        # An entry the content does not have (a reload removed it, or a forged request).
        assert await teach("faq:no_such_entry", ASKED) == refused(Text.WS_TEACH_ENTRY_GONE)
        # Longer than a listed question.
        assert await teach(AFTER_REF, "lolos " * 20) == refused(
            Text.WS_TEACH_TOO_LONG, limit=MAX_CHARACTERS
        )
        assert (await teach(AFTER_REF, ASKED))["outcome"] == "taught"
        # The same words again, in another case, order or with chat words: known already.
        for again in (f"  {ASKED} ", ASKED.upper() + "??", "giliran saya kapan ya kak"):
            assert await teach(AFTER_REF, again) == refused(Text.WS_TEACH_ALREADY), again
        # The same words for another entry: refused, with the taught one offered to move.
        clash = await teach(WHO_REF, ASKED)
        assert clash == {
            "outcome": "clash",
            "text": said(
                Text.WS_TEACH_CLASH_TAUGHT,
                text=ASKED,
                entry=AFTER.question.id,
                target=CONTENT.faq["who_can_apply"].question.id,
            ),
            "replace": clash["replace"],
        }
        # Wrong types and sizes: a 400 with the reason, nothing kept.
        for body in (
            {"entry": AFTER_REF},
            {"entry": 7, "text": ASKED},
            {"entry": AFTER_REF, "text": "x" * (QUESTION_CHARACTERS + 1)},
            {"entry": AFTER_REF, "text": ASKED, "replace": "1"},
        ):
            status, answer = await client.call("teach", body)
            assert status == 400 and answer["error"] == "bad_request", body
        status, _ = await client.call("untaught", {"id": "1"})
        assert status == 400
    assert rows(bot.database, "SELECT entry, text FROM taught_phrasings") == [(AFTER_REF, ASKED)]


async def test_a_wording_taught_for_the_wrong_entry_is_moved_in_one_step(bot: Harness) -> None:
    budi = bot.user(first_name="Budi")
    async with workspace(bot, ADMIN_ID) as client:
        first = await client.ok("teach", {"entry": WHO_REF, "text": ASKED})  # a mistake
        assert first["outcome"] == "taught"
        clash = await client.ok("teach", {"entry": AFTER_REF, "text": ASKED})
        assert clash["outcome"] == "clash"
        moved = await client.ok(
            "teach", {"entry": AFTER_REF, "text": ASKED, "replace": clash["replace"]}
        )
        assert moved["outcome"] == "taught"
        # Moved meanwhile by a colleague: the old one is gone, nothing is taught twice.
        again = await client.ok(
            "teach", {"entry": WHO_REF, "text": "kalau gagal seleksi", "replace": clash["replace"]}
        )
        assert again == {"outcome": "refused", "text": said(Text.WS_TAUGHT_GONE)}
        # Nor does a wording move that this one does not clash with (edited since, forged).
        [(kept,)] = rows(bot.database, "SELECT id FROM taught_phrasings")
        other = await client.ok(
            "teach", {"entry": WHO_REF, "text": "kalau gagal seleksi", "replace": kept}
        )
        assert other == {"outcome": "refused", "text": said(Text.WS_TAUGHT_GONE)}
    assert rows(bot.database, "SELECT entry, text FROM taught_phrasings") == [(AFTER_REF, ASKED)]
    [answer] = await bot.send(budi, AGAIN)
    assert answer.text.split("\n")[0] == AFTER.question.id
    removed = await audit_entries(bot, "phrasing_removed")
    assert [(entry["id"], entry["entry"]) for entry in removed] == [(clash["replace"], WHO_REF)]


async def test_a_wording_that_leaves_the_bot_unsure_says_so_and_can_be_undone(
    bot: Harness,
) -> None:
    unsure = "film sama korea bisa daftar dimana"  # the bot offers entries for it
    titles = [CONTENT.programs["coproduction"].title.id]  # among what it offers now
    async with workspace(bot, ADMIN_ID) as client:
        # A wording that does not say what the question asks: the bot is as unsure as before.
        body = {"entry": AFTER_REF, "text": ASKED, "question": unsure}
        done = await client.ok("teach", body)
        # It says what the bot offers now: the words to teach are what sets them apart.
        unsure_text = said(
            Text.WS_TEACH_SAVED_UNSURE, wording=ASKED, entry=AFTER.question.id, question=unsure
        )
        offers = done["text"].removeprefix(f"{unsure_text} ")
        assert offers.startswith(said(Text.WS_TEACH_OFFERS, entries="").removesuffix(" ."))
        assert all(title in offers for title in titles)
        assert done == {
            "outcome": "unsure",
            "text": f"{unsure_text} {offers}",
            "id": done["id"],
        }
        undone = await client.ok("untaught", {"id": done["id"]})
        assert undone["outcome"] == "removed"
    assert rows(bot.database, "SELECT COUNT(*) FROM taught_phrasings") == [(0,)]


def test_a_wording_keeps_no_mask_and_no_word_a_cut_left_half() -> None:
    assert wording("halo kak, aku <name> dari Medan, no wa <number>, tiket pesawat ditang…") == (
        "halo kak, aku dari Medan, no wa , tiket pesawat"
    )
    assert wording("  tiket\npesawat   ditanggung? ") == "tiket pesawat ditanggung?"
    assert wording("email sari@example.com kak") == "email kak"


async def test_what_staff_type_to_teach_is_masked_and_a_stranger_cannot_teach(
    bot: Harness,
) -> None:
    typed = "kalau tidak lolos hubungi sari@example.com atau 0812-9876-5432"
    async with workspace(bot, ADMIN_ID) as client:
        done = await client.ok("teach", {"entry": "faq:after_registering", "text": typed})
        assert done["outcome"] == "taught"
        stranger = client.as_user(init_data(bot.settings.token(), STRANGER))
        body = {"entry": "faq:after_registering", "text": "kalau gagal bagaimana"}
        assert (await stranger.call("teach", body))[0] == 403
        assert (await stranger.call("untaught", {"id": 1}))[0] == 403
    [(text,)] = rows(bot.database, "SELECT text FROM taught_phrasings")
    assert text == "kalau tidak lolos hubungi atau"  # the masks too: nothing to match


async def test_no_more_than_the_most_kept_and_a_staff_erasure_unsigns_them(
    tmp_path: Path,
) -> None:
    store = await Store.open(tmp_path / "bot.db", erasure_key=b"k" * 32)
    try:
        rina, other = Actor.workspace(501), Actor.workspace(502)
        for number in range(MOST):
            who, name = (other, "Dewi") if number % 2 else (rina, "Rina")
            await store.taught.add(who, "faq:x", f"kata{number}", name)
        refused = await store.taught.add(rina, "faq:x", "satu lagi", "Rina")
        assert refused == "full"
        await store.privacy.forget_log(501)  # Rina's own erasure (staff sign with their id)
        signed = {item.taught_by for item in await store.taught.all()}
        assert len(await store.taught.all()) == MOST  # the wordings stay: they are not hers
        assert signed == {None, "Dewi"}
        assert rows(
            tmp_path / "bot.db",
            "SELECT COUNT(*) FROM taught_phrasings WHERE taught_by_id = 501",
        ) == [(0,)]
    finally:
        await store.close()


async def test_stats_in_telegram_point_to_the_stats_tab_where_there_is_one(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}),
        staff_chat_id=STAFF_CHAT_ID,
        web_url="https://desk.example.org",
    )
    await bot.send(bot.user(first_name="Sari"), ASKED)
    report, top = await stats_report(bot, staff_chat)
    assert top == [shown(Text.STATS_QUESTIONS_LINE, count=1, question=ASKED)]
    assert f"\n\n{shown(Text.STATS_QUESTIONS_TEACH)}\n" in report  # the chart follows


async def test_the_entry_talents_opened_is_named_under_the_question_to_teach(bot: Harness) -> None:
    asked = "film sama korea bisa daftar dimana"  # the bot is unsure: it offers entries
    coproduction = CONTENT.programs["coproduction"].title.id
    for name in ("Sari", "Budi"):
        talent = bot.user(first_name=name)
        [unsure] = await bot.send(talent, asked)
        assert coproduction in unsure.button_texts
        await bot.press(talent, coproduction, message=unsure)
    await bot.send(bot.user(first_name="Dewi"), asked)  # she opens nothing
    async with workspace(bot, ADMIN_ID) as client:
        [item] = (await listed(client))["questions"]["suggested"]
    assert (item["question"], item["count"]) == (asked, 3)
    assert (item["chosen"], item["chosen_entry"], item["chosen_by"]) == (
        coproduction,
        "program:coproduction",
        2,
    )


async def test_kocca_bot_stats_on_the_server_counts_what_was_taught(
    bot: Harness, tmp_path: Path
) -> None:
    await bot.send(bot.user(first_name="Sari"), ASKED)
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("teach", {"entry": "faq:after_registering", "text": ASKED})
    env = clean_env(tmp_path, DATABASE_PATH=str(bot.database))
    code, out, err = await run_cli(tmp_path, env, "stats")
    assert code == 0, err
    line = shown(Text.STATS_QUESTIONS_LINE, count=1, question=ASKED)
    now = shown(Text.STATS_QUESTIONS_NOW, entry=AFTER.question.id)
    assert f"{line} {now}" in out  # the taught wording read from the database


async def test_a_withdrawal_of_consent_masks_her_registered_names_too(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)  # "Sari Dewi Lestari", stage name "Sari & The Monsoons"
    await bot.send(sari, "band the monsoons kapan bisa tampil")  # typed by her
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("teach", {"entry": AFTER_REF, "text": "kalau Monsoons tidak lolos"})
    await bot.store.privacy.withdraw_processing(sari.id)  # her applications go, she stays
    assert rows(bot.database, "SELECT text FROM taught_phrasings") == [
        ("kalau <name> tidak lolos",)
    ]


async def test_a_list_of_the_stats_tab_says_how_many_questions_it_leaves_out(
    bot: Harness,
) -> None:
    """Ten are listed: the others are counted, not left out unsaid."""
    # Words no entry has, each asked by one talent: twelve unanswered questions.
    topics = ["zorblat", "quimbex", "frandol", "vestrik", "plonkar", "murdaxe",
              "telvorn", "grisbane", "hopwick", "jundrel", "kestrova", "lumbrix"]  # fmt: skip
    for number, topic in enumerate(topics):
        await bot.send(bot.user(first_name=f"Talenta{number}"), f"resep {topic} gimana")
    async with workspace(bot, ADMIN_ID) as client:
        asked = (await listed(client))["questions"]
    [(unanswered,)] = rows(
        bot.database, "SELECT COUNT(*) FROM free_questions WHERE outcome = 'unanswered'"
    )
    assert unanswered > 10 and len(asked["top"]) == 10  # each a question of its own
    assert asked["left_out"]["top"] == unanswered - 10
