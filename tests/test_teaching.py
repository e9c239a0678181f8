"""Staff teach the bot on the workspace's Stats tab which entry answers a question talents
asked: the next talent asking it so is answered, after a restart and a /reload too; a taught
wording can be removed; every change is in the audit log; a refusal says why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.emulator import EmulatedChat, EmulatedUser
from bot.store import Store
from bot.store.audit import Actor
from bot.store.taught import MOST
from bot.texts import Text
from bot.web.teach import MAX_CHARACTERS
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import CONTENT, edit_content, shown
from tests.processes import clean_env, run_cli
from tests.test_answers import stats_report
from tests.test_pipeline import rows
from tests.workspace import Client, init_data, workspace

STRANGER = 4242  # signed in by Telegram, not in ADMIN_IDS
ASKED = "kalau saya tidak lolos bagaimana"  # nothing in content/ says it so
AGAIN = "kalo aku ga lolos gmn kak"  # another talent, in chat words
AFTER = CONTENT.faq["after_registering"]
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
        assert {"entry": "program:mucon", "title": CONTENT.programs["mucon"].title.id} in stats[
            "teaching"
        ]["programs"]
        done = await client.ok(
            "teach", {"entry": "faq:after_registering", "text": ASKED, "question": ASKED}
        )
        assert done == {
            "outcome": "taught",
            "text": said(Text.WS_TEACH_SAVED, question=ASKED, entry=AFTER.question.id),
        }
        after = await listed(client)
    # The list says the question is answered now, and what was taught, by whom.
    [question] = after["questions"]["top"]
    assert question["now"] == AFTER.question.id
    [taught] = after["teaching"]["taught"]
    assert (taught["text"], taught["entry"]) == (ASKED, AFTER.question.id)
    assert taught["by"].startswith("Admin, ")
    # Budi, in his own words, gets the answer itself.
    [answer] = await bot.send(budi, AGAIN)
    assert answer.text.split("\n")[0] == AFTER.question.id
    [entry] = await audit_entries(bot, "phrasing_taught")
    assert entry == {
        "actor": ADMIN_ID,
        "entry": "faq:after_registering",
        "text": ASKED,
        "from": "workspace",
    }


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
    [answer] = await bot.send(sari, AGAIN)
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
    assert (removed["entry"], removed["text"]) == ("faq:after_registering", ASKED)

    # A reload that removes the entry leaves a wording taught for it out of the matching.
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("teach", {"entry": "faq:after_registering", "text": ASKED})

    def remove(data: Any) -> None:
        data["items"] = [item for item in data["items"] if item["key"] != "after_registering"]

    edit_content(content_folder, "faq.yaml", remove)
    await bot.send(admin, "/reload")
    [answer] = await bot.send(sari, AGAIN)
    assert answer.text.startswith(FALLBACK)
    async with workspace(bot, ADMIN_ID) as client:
        [taught] = (await listed(client))["teaching"]["taught"]
    assert taught["entry"] == said(Text.STATS_ENTRY_GONE)


async def test_teaching_refuses_what_cannot_work_and_says_why(bot: Harness) -> None:
    music = CONTENT.programs["music_to_korea"].title.id
    async with workspace(bot, ADMIN_ID) as client:

        async def teach(entry: str, text: str) -> dict[str, Any]:
            answer: dict[str, Any] = await client.ok("teach", {"entry": entry, "text": text})
            return answer

        def refused(key: Text, **values: Any) -> dict[str, str]:
            return {"outcome": "refused", "text": said(key, **values)}

        # Only chat words: it could never match.
        assert await teach("faq:after_registering", "gimana ya kak?") == refused(
            Text.WS_TEACH_NO_WORDS
        )
        # What another entry's title says: the question would have two answers.
        clash = CONTENT.programs["music_to_korea"].title.id
        assert await teach("faq:after_registering", clash) == refused(
            Text.WS_TEACH_CLASH, entry=music
        )
        # An entry the content does not have (a reload removed it, or a forged request).
        assert await teach("faq:no_such_entry", ASKED) == refused(Text.WS_TEACH_ENTRY_GONE)
        assert (await teach("faq:after_registering", ASKED))["outcome"] == "taught"
        assert await teach("faq:after_registering", f"  {ASKED} ") == refused(Text.WS_TEACH_ALREADY)
        # Another entry for the same words: refused, the taught one is the owner.
        assert await teach("faq:who_can_apply", ASKED) == refused(
            Text.WS_TEACH_CLASH, entry=AFTER.question.id
        )
        # Wrong types and sizes: a 400 with the reason, nothing kept.
        for body in (
            {"entry": "faq:after_registering"},
            {"entry": 7, "text": ASKED},
            {"entry": "faq:after_registering", "text": "x" * (MAX_CHARACTERS + 1)},
        ):
            status, answer = await client.call("teach", body)
            assert status == 400 and answer["error"] == "bad_request", body
        status, _ = await client.call("untaught", {"id": "1"})
        assert status == 400
    assert rows(bot.database, "SELECT entry, text FROM taught_phrasings") == [
        ("faq:after_registering", ASKED)
    ]


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
    assert "example.com" not in text and "9876" not in text
    assert text == "kalau tidak lolos hubungi <email> atau <number>"


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
