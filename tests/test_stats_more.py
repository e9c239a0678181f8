"""Staff see the questions a list of ten leaves out: on the workspace's Stats tab "Tampilkan N
lainnya" lists the next of them (from the server, staff only, masked, as text), each taught as
the ten are; /stats in Telegram says under each list how many more there are, and where."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from bot.answers import stats as question_stats
from bot.emulator import EmulatedChat, EmulatedUser
from bot.texts import Text
from tests.browser import PHONE, Chromium, page_url, served, watched
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import shown
from tests.test_answers import NOT_THIS, stats_report
from tests.test_pipeline import rows
from tests.test_teaching import AFTER, AFTER_REF, ASKED, STRANGER
from tests.test_workspace_browser import t
from tests.workspace import init_data, workspace

# Words no entry has, each asked by one talent: unanswered questions of their own, which the
# list orders by their words (all asked by one talent), so these come before ASKED ("kapan…").
TOPICS = ("zorblat", "quimbex", "frandol", "vestrik", "plonkar", "murdaxe", "nodwey",
          "grisbane", "hopwick", "jundrel", "kestrova")  # fmt: skip
# A talent's markup and e-mail address: after "kapan…" and "gimana…", masked, and text.
MARKUP = "resep <b>lumbrix</b> <img src=x onerror=alert(1)> dari sari.dewi@gmail.com"
MASKED = "resep <b>lumbrix</b> <img src=x onerror=alert(1)> dari <email>"


async def many_unanswered(bot: Harness) -> tuple[int, EmulatedUser]:
    """Eleven questions, then ASKED and MARKUP, each by a talent of their own, none answered:
    the list shows ten, then the eleventh, ASKED and MARKUP. How many in all, and who wrote
    MARKUP."""
    for number, topic in enumerate(TOPICS):
        await bot.send(bot.user(first_name=f"Talenta{number}"), f"gimana resep {topic}")
    await bot.send(bot.user(first_name="Sari"), ASKED)
    dewi = bot.user(first_name="Dewi")
    await bot.send(dewi, MARKUP)
    [(unanswered,)] = rows(
        bot.database, "SELECT COUNT(*) FROM free_questions WHERE outcome = 'unanswered'"
    )
    assert unanswered == len(TOPICS) + 2  # each unanswered, each a question of its own
    return unanswered, dewi


async def test_the_questions_a_list_leaves_out_are_read_from_the_server_masked(
    bot: Harness,
) -> None:
    total, dewi = await many_unanswered(bot)
    async with workspace(bot, ADMIN_ID) as client:
        asked = (await client.ok("stats"))["questions"]
        assert len(asked["top"]) == 10 and asked["left_out"]["top"] == total - 10
        assert "further" not in await client.ok("stats")  # the rest only on asking
        longer = await client.ok("stats-more", {"list": "top", "count": asked["step"] + 10})
        items = longer["items"]
        assert longer["left_out"] == 0 and len(items) == total
        assert items[:10] == asked["top"]  # the same ten first, from the same figures
        # Ordered as the ten (by how many asked, then by their words): ASKED and MARKUP last.
        questions = [item["question"] for item in items]
        assert questions[10:] == [f"gimana resep {max(TOPICS)}", ASKED, MASKED]
        # Each line as the ten's: how many asked it, nothing answering it yet.
        assert all(item.keys() == asked["top"][0].keys() for item in items)
        past = items[-2:]
        assert [(item["question"], item["count"], item["now"]) for item in past] == [
            (ASKED, 1, None),
            (MASKED, 1, None),
        ]
        # One more than the ten: the eleventh, and how many are still left out.
        one = await client.ok("stats-more", {"list": "top", "count": 11})
        assert (len(one["items"]), one["left_out"]) == (11, total - 11)
        assert (await client.ok("stats-more", {"list": "suggested", "count": 40})) == {
            "items": [],
            "left_out": 0,
        }

        # Taught from past the ten, it is marked answered there.
        done = await client.ok("teach", {"entry": AFTER_REF, "text": ASKED, "question": ASKED})
        assert done["outcome"] == "taught"
        again = await client.ok("stats-more", {"list": "top", "count": 40})
        [taught] = [item for item in again["items"] if item["question"] == ASKED]
        assert (taught["now"], taught["now_entry"]) == (AFTER.question.id, AFTER_REF)

        # Her question leaves the list at once when she erases her data.
        await bot.send(dewi, "/hapusdata")  # as talents do
        await bot.press(dewi, "🗑 Ya, hapus semuanya")
        erased = await client.ok("stats-more", {"list": "top", "count": 40})
        assert [item["question"] for item in erased["items"]] == questions[:-1]

        # Nothing but a list the page names, and a count from one to the most shown.
        for body in (
            {"list": "answered", "count": 20},
            {"list": ["top"], "count": 20},
            {"list": "top"},
            {"list": "top", "count": 0},
            {"list": "top", "count": question_stats.MOST_LISTED + 1},
            {"list": "top", "count": "20"},
            {"list": "top", "count": True},
        ):
            status, answer = await client.call("stats-more", body)
            assert (status, answer["error"]) == (400, "bad_request"), body

        # Staff only, signed in now: a stranger, an old sign-in, a forged one are refused.
        token = bot.settings.token()
        stranger = await client.as_user(init_data(token, STRANGER)).call(
            "stats-more", {"list": "top", "count": 20}
        )
        assert stranger == (403, {"error": "forbidden"})
        old = init_data(token, ADMIN_ID, auth_date=int(time.time()) - 3601)
        expired = await client.as_user(old).call("stats-more", {"list": "top", "count": 20})
        assert expired == (401, {"error": "unauthorized"})
        forged = init_data("999:another-bot-token", ADMIN_ID)  # signed with another key
        refused = await client.as_user(forged).call("stats-more", {"list": "top", "count": 20})
        assert refused == (401, {"error": "unauthorized"})
        bot.settings.admin_ids = frozenset()  # taken out of ADMIN_IDS meanwhile
        removed = await client.call("stats-more", {"list": "top", "count": 20})
        assert removed == (403, {"error": "forbidden"})


async def test_a_list_is_shown_no_longer_than_the_most_and_says_so(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(question_stats, "MOST_LISTED", 11)  # 200 questions, made small
    total, _ = await many_unanswered(bot)
    async with workspace(bot, ADMIN_ID) as client:
        asked = (await client.ok("stats"))["questions"]
        assert asked["most"] == 11
        longer = await client.ok("stats-more", {"list": "top", "count": 11})
        assert (len(longer["items"]), longer["left_out"]) == (11, total - 11)
        status, _ = await client.call("stats-more", {"list": "top", "count": 12})
        assert status == 400


async def test_a_rejected_answer_past_the_list_names_the_entry_it_was_answered_with(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(question_stats, "TOP_UNANSWERED", 1)  # a list of one, then the rest
    for name, question in (("Sari", "kapan open call film"), ("Budi", "kapan open call musik")):
        talent = bot.user(first_name=name)
        [answer] = await bot.send(talent, question)
        await bot.press(talent, NOT_THIS, message=answer)  # "Bukan ini"
    async with workspace(bot, ADMIN_ID) as client:
        asked = (await client.ok("stats"))["questions"]
        assert len(asked["rejected"]) == 1 and asked["left_out"]["rejected"] == 1
        longer = await client.ok("stats-more", {"list": "rejected", "count": 2})
    first, second = longer["items"]
    assert first == asked["rejected"][0]
    assert second["answered"] == first["answered"] != None  # noqa: E711 - named, not a ref
    assert "entry" not in second  # the reference stays on the server, as the ten's


async def test_stats_in_telegram_say_how_many_questions_each_list_leaves_out(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    bot: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    total, _ = await many_unanswered(bot)
    _, top = await stats_report(bot, staff_chat)
    assert len(top) == 11  # ten, then how many more: there is no workspace to see them in
    assert top[-1] == shown(Text.STATS_QUESTIONS_LEFT_OUT, count=total - 10)


async def test_stats_in_telegram_point_to_the_stats_tab_for_the_questions_left_out(
    make_bot: Any, staff_chat: EmulatedChat
) -> None:
    bot: Harness = await make_bot(
        admin_ids=frozenset({ADMIN_ID}),
        staff_chat_id=STAFF_CHAT_ID,
        web_url="https://desk.example.org",
    )
    total, _ = await many_unanswered(bot)
    _, top = await stats_report(bot, staff_chat)
    assert len(top) == 11
    assert top[-1] == shown(Text.STATS_QUESTIONS_LEFT_OUT_WORKSPACE, count=total - 10)


async def test_staff_show_the_questions_left_out_and_teach_one_in_the_stats_tab(
    bot: Harness, chromium: Chromium, screens: Path | None
) -> None:
    total, _ = await many_unanswered(bot)
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.set_viewport_size(PHONE)  # type: ignore[arg-type]
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.get_by_role("button", name=t(Text.WS_TAB_STATS)).click()
        top = page.locator(".questions-list[data-list=top]")
        await top.locator(".asked li").nth(9).wait_for()
        assert await top.locator(".asked li").count() == 10
        assert await top.locator(".asked li", has_text=ASKED).count() == 0
        more = top.get_by_role("button", name=t(Text.WS_STATS_QUESTIONS_SHOW_MORE, count=3))
        await more.scroll_into_view_if_needed()
        await seen.shot(screens, "stats-show-more-phone-light")
        await more.click()
        # The rest, each as the ten: how many asked it, and its "Ajari bot".
        line = top.locator(".asked li", has_text=ASKED)
        await line.wait_for()
        assert await top.locator(".asked li").count() == total
        assert await top.locator(".questions-more, .questions-show-more").count() == 0
        assert await line.locator(".meta").first.inner_text() == t(
            Text.WS_STATS_QUESTION_TIMES, count=1
        )
        # A talent's markup is text, her address masked.
        marked = top.locator(".asked li", has_text="lumbrix")
        assert await marked.locator(".question").inner_text() == MASKED
        assert await page.locator("main img, main script").count() == 0
        await line.scroll_into_view_if_needed()
        await seen.shot(screens, "stats-more-phone-light")

        await line.get_by_role("button", name=t(Text.WS_TEACH_OPEN)).click()
        dialog = page.locator("dialog")
        assert await dialog.locator(".question").inner_text() == f"“{ASKED}”"
        await dialog.locator("select.teach-entry").select_option(AFTER_REF)
        await dialog.get_by_role("button", name=t(Text.WS_TEACH_SAVE)).click()
        taught = shown(Text.WS_TEACH_SAVED, wording=ASKED, entry=AFTER.question.id)
        await page.locator("#toast", has_text=taught).wait_for()
        # Redrawn after teaching, the list is as long as before, the question marked.
        now = t(Text.WS_STATS_QUESTION_NOW, entry=AFTER.question.id)
        await top.locator(".asked li", has_text=ASKED).locator(".now", has_text=now).wait_for()
        assert await top.locator(".asked li").count() == total
        [answer] = await bot.send(bot.user(first_name="Budi"), ASKED)
        assert answer.text.split("\n")[0] == AFTER.question.id
    assert seen.alerts == [] and seen.errors == []


async def test_the_stats_tab_says_when_a_list_is_as_long_as_it_shows(
    bot: Harness, chromium: Chromium, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(question_stats, "MOST_LISTED", 12)  # 200 questions, made small
    total, _ = await many_unanswered(bot)
    async with served(bot) as base, chromium.context() as context:
        seen = await watched(context)
        page = seen.page
        await page.goto(page_url(base, bot, ADMIN_ID))
        await page.get_by_role("button", name=t(Text.WS_TAB_STATS)).click()
        top = page.locator(".questions-list[data-list=top]")
        more = top.get_by_role("button", name=t(Text.WS_STATS_QUESTIONS_SHOW_MORE, count=2))
        await more.click()  # two more, not the three left out: the page shows twelve
        await top.locator(".asked li", has_text=ASKED).wait_for()
        assert await top.locator(".asked li").count() == 12
        left = t(Text.WS_STATS_QUESTIONS_MORE, count=total - 12)
        assert await top.locator(".questions-more").inner_text() == left
        most = t(Text.WS_STATS_QUESTIONS_MOST, count=12)
        assert await top.locator(".questions-most").inner_text() == most
        assert await top.locator(".questions-show-more").count() == 0
    assert seen.alerts == [] and seen.errors == []


async def test_a_question_of_masks_alone_is_counted_but_listed_nowhere(bot: Harness) -> None:
    """A talent's contact typed into the chat, masked to "<name> <name><email>", teaches
    nothing: counted among the week's unanswered, but no line with "Ajari bot" (a staff
    review found "<name><email>" on top of the list)."""
    await bot.send(bot.user(first_name="Ratna"), "Ratna ratna.sari@gmail.com")
    await bot.send(bot.user(first_name="Joko"), "apakah hanbok disewain panitia?")
    [(stored,)] = rows(
        bot.database,
        "SELECT json_group_array(summary) FROM free_questions WHERE outcome = 'unanswered'",
    )
    assert "<name> <name><email>" in stored  # masks alone, as the review saw
    async with workspace(bot, ADMIN_ID) as client:
        asked = (await client.ok("stats"))["questions"]
    assert [item["question"] for item in asked["top"]] == ["apakah hanbok disewain panitia?"]
    assert {"key": "unanswered", "count": 2} in asked["figures"]
    assert asked["left_out"]["top"] == 0
