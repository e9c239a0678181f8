"""Nothing waits unseen (issue 25): leads past LEAD_WAIT_DAYS in /leads waiting, longest
first; the daily digest once a working day, across restarts, and on demand under /stats;
new-lead alerts in admins' private chats without a staff chat, each admin able to mute them."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import BotMessage, EmulatedUser
from bot.leads import digest as digest_module
from bot.leads.export import WIB
from bot.store import Store
from bot.store.audit import Actor
from bot.texts import Text
from handlers.staff_views import DIGEST
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, MUSICIAN, Seed, apply, seed, seeded, shown
from tests.subscribers import wait_until
from tests.test_pipeline import SECOND_ADMIN, admin_of, label, rows, t
from tests.test_pipeline import label as stage_button
from tests.test_support import ask
from tests.workspace import workspace


class FixedClock:
    """A moment the digest worker goes by; counts its looks, to know it went round."""

    __test__ = False

    def __init__(self, moment: datetime) -> None:
        self.moment = moment
        self.reads = 0

    def __call__(self) -> datetime:
        self.reads += 1
        return self.moment

    async def went_round(self) -> None:
        """Wait until the workers have looked at the clock a few times more."""
        target = self.reads + 4
        async with asyncio.timeout(30):
            while self.reads < target:  # noqa: ASYNC110 - the workers' reads are the signal
                await asyncio.sleep(0.01)


@pytest.fixture(autouse=True)
def _prompt_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    """The digest worker looks at its clock every 30 s; tests need not wait that long."""
    monkeypatch.setattr(digest_module, "POLL_SECONDS", 0.05)


def last_monday(hour: int = 10) -> datetime:
    """The last Monday before today at this hour, WIB (a working day, past DIGEST_TIME):
    what the tests do in real time comes after it, so it is neither new nor waiting then."""
    today = datetime.now(WIB).date()
    monday = today - timedelta(days=today.weekday() or 7)
    return datetime(monday.year, monday.month, monday.day, hour, tzinfo=WIB)


async def prepare(database: Path, moment: datetime) -> None:
    """A database holding leads(moment) before the bot (and its digest worker) starts."""
    store = await Store.open(database)
    await store.close()
    await asyncio.to_thread(seed, database, leads(moment))


def at(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def leads(moment: datetime) -> list[Seed]:
    """Three leads left in Baru 10, 8 and 6 days before `moment`, two new over the weekend."""
    talents = []
    for index, days in enumerate([10, 8, 6, 2, 1]):
        phone = f"+6281200000{index if index != 2 else 0:03d}"  # the third shares the first's
        answers = {**(MUSICIAN if index % 2 else FILMMAKER), "email": f"t{index}@example.com"}
        talents.append(Seed(500 + index, {**answers, "phone": phone}, at(moment - timedelta(days))))
    return talents


def digests(chat: Any) -> list[BotMessage]:
    heading = shown(Text.DIGEST_HEADER, date="X").split(" · ")[0]
    return [message for message in chat.messages if message.text.startswith(heading)]


async def first_digest(
    make_bot: Any, staff_chat: Any, clock: FixedClock
) -> tuple[Harness, BotMessage]:
    """A bot with a staff chat and DIGEST_TIME 09:00 at `clock`, and the digest it sends."""
    settings = {"admin_ids": frozenset({ADMIN_ID}), "staff_chat_id": STAFF_CHAT_ID}
    bot: Harness = await make_bot(clock=clock, digest_time="09:00", **settings)

    async def arrived() -> bool:
        return bool(digests(staff_chat))

    await wait_until(arrived)
    (sent,) = digests(staff_chat)
    return bot, sent


async def test_waiting_leads_longest_first(bot: Harness, staff_chat: Any) -> None:
    admin = admin_of(staff_chat)
    now = datetime.now(UTC)
    await seeded(bot.database, leads(now))  # KOC-000001 … 000005
    await bot.send(admin, "/lead KOC-000002")
    await bot.press(admin, stage_button("ditinjau"))  # moved today: no longer waiting
    (listed,) = await bot.send(admin, "/leads waiting")
    text = listed.text
    assert text.index("KOC-000001") < text.index("KOC-000003")  # longest first
    assert "KOC-000002" not in text and "KOC-000004" not in text  # moved; new enough
    assert shown(Text.RECORDS_WAITING_DAYS, days=10, stage="Baru") in text
    assert t(Text.BTN_BULK_MOVE, count=2) not in listed.button_texts
    (same,) = await bot.send(admin, "/leads menunggu Baru")
    assert "KOC-000001" in same.text and "KOC-000003" in same.text
    # A lead closed as a duplicate does not wait.
    await bot.send(admin, "/lead KOC-000003")
    await bot.press(admin, t(Text.BTN_CLOSE_DUPLICATE, reference="KOC-000001"))
    await bot.press(admin, t(Text.WS_DUPLICATE_CONFIRM_YES))  # asked first
    (after,) = await bot.send(admin, "/leads waiting")
    assert "KOC-000003" not in after.text and "KOC-000001" in after.text
    # So no lead is both (the waiting list took no notice of "duplikat").
    (neither,) = await bot.send(admin, "/leads menunggu duplikat")
    words = "menunggu terlalu lama · ditutup sebagai duplikat"
    assert neither.text == shown(Text.LEADS_FILTERED_EMPTY, filter=words)


async def test_the_digest_goes_once_a_working_day_with_the_week_on_monday(
    make_bot: Any, staff_chat: Any, database: Path
) -> None:
    monday = last_monday()
    clock = FixedClock(monday)
    await prepare(database, monday)
    bot, sent = await first_digest(make_bot, staff_chat, clock)
    day = CONTENT.date_text(monday.date(), "id")
    assert sent.text.startswith(f"☀️ Ringkasan pagi · {day}")
    # Staff who read English are told how to have it in their language (the group is shared).
    assert (
        sent.text.split("\n")[1]
        == "Morning digest. In your language: /stats, then 📰 Daily digest."
    )
    assert shown(Text.DIGEST_NEW, count=2) in sent.text  # since Friday's digest
    assert "Baru (lebih dari 3 hari): 3 · paling lama KOC-000001 (10 hari)" in sent.text
    assert "KOC-000002 (8 hari), KOC-000003 (6 hari)" in sent.text
    assert "Seminggu terakhir" in sent.text  # Monday adds the week
    assert t(Text.BTN_DIGEST_WAITING, count=3) in sent.button_texts
    mark = staff_chat.mark()
    await bot.act(
        admin_of(staff_chat),
        admin_of(staff_chat).press,
        t(Text.BTN_DIGEST_WAITING, count=3),
        message=sent,
    )
    (listed,) = staff_chat.messages_since(mark)  # below the digest, which stays
    assert "KOC-000001" in listed.text and "KOC-000002" in listed.text
    assert digests(staff_chat)[0].text == sent.text

    # Once a day, even across a restart.
    await bot.restart()
    await clock.went_round()
    assert len(digests(staff_chat)) == 1


async def test_without_a_staff_chat_admins_get_alerts_they_can_mute_and_their_digest(
    make_bot: Any,
) -> None:
    admins = frozenset({ADMIN_ID, SECOND_ADMIN})
    bot: Harness = await make_bot(admin_ids=admins)
    rina = bot.emulator.user(ADMIN_ID, first_name="Rina")
    dewi = bot.emulator.user(SECOND_ADMIN, first_name="Dewi")
    for admin in (rina, dewi):
        await bot.send(admin, "/start")
    # A new lead goes to each admin's private chat, with a button to mute such alerts.
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    alert = _alert(rina, "KOC-000001")
    assert alert is not None and _alert(dewi, "KOC-000001") is not None
    (muted,) = await bot.press(rina, t(Text.BTN_MUTE_ALERTS), message=alert)
    assert muted.text == shown(Text.RECORDS_ALERTS_MUTED)
    await bot.restart()  # the choice is kept
    await apply(bot, bot.user(first_name="Budi"), FILMMAKER)
    assert _alert(rina, "KOC-000002") is None and _alert(dewi, "KOC-000002") is not None

    # The digest: to each admin, with their own waiting leads (KOC-000003 … 000005).
    monday = last_monday()
    await seeded(bot.database, leads(monday))
    await bot.send(dewi, "/lead KOC-000005")
    await bot.press(dewi, t(Text.BTN_ASSIGN_ME))
    await bot.stop()
    clock = FixedClock(monday)
    await make_bot(clock=clock, digest_time="09:00", admin_ids=admins)

    async def both() -> bool:
        return bool(digests(rina)) and bool(digests(dewi))

    await wait_until(both)
    assert shown(Text.DIGEST_YOURS, count=1) in digests(dewi)[0].text
    # What it counts, not "waiting" under the line of talents waiting for an answer (s62, L1).
    assert "👤 Pendaftar yang kamu tangani dan terlalu lama di tahapnya: 1" in digests(dewi)[0].text
    assert shown(Text.DIGEST_YOURS, count=0) in digests(rina)[0].text
    assert t(Text.BTN_DIGEST_MINE, count=1) in digests(dewi)[0].button_texts


async def test_no_digest_when_there_is_nothing_to_say(make_bot: Any, staff_chat: Any) -> None:
    clock = FixedClock(last_monday())
    bot: Harness = await make_bot(
        clock=clock,
        digest_time="09:00",
        admin_ids=frozenset({ADMIN_ID}),
        staff_chat_id=STAFF_CHAT_ID,
    )

    async def claimed() -> bool:
        return bool(await bot.store.db.fetch_all("SELECT sent FROM digest_runs"))

    await wait_until(claimed)
    assert [tuple(row) for row in await bot.store.db.fetch_all("SELECT sent FROM digest_runs")] == [
        (0,)
    ]
    assert digests(staff_chat) == []


async def test_a_digest_that_could_not_be_sent_is_no_last_digest(
    make_bot: Any, emulator: Any, staff_chat: Any, database: Path
) -> None:
    # An attacker's review: Monday's digest failed to go out (the bot was kicked for a moment),
    # yet Tuesday's and one asked for counted "new" from it: the weekend's leads were never said.
    monday = last_monday()
    clock = FixedClock(monday)
    await prepare(database, monday)
    kicked = "Forbidden: bot was kicked from the supergroup chat"
    emulator.fail_next("sendMessage", status=403, description=kicked, chat_id=STAFF_CHAT_ID)
    settings = {"admin_ids": frozenset({ADMIN_ID}), "staff_chat_id": STAFF_CHAT_ID}
    bot: Harness = await make_bot(clock=clock, digest_time="09:00", **settings)

    async def claimed() -> bool:
        return bool(rows(bot.database, "SELECT sent FROM digest_runs"))

    await wait_until(claimed)
    await clock.went_round()
    assert rows(bot.database, "SELECT day, sent FROM digest_runs") == [
        (monday.date().isoformat(), 0)
    ]
    assert digests(staff_chat) == []
    admin = admin_of(staff_chat)
    (hello,) = await bot.send(admin, "/start")
    (asked,) = await bot.act(admin, admin.press_raw, hello.message_id, DIGEST)
    friday = CONTENT.date_text(monday.date() - timedelta(days=3), "id")
    assert asked.text.splitlines()[1] == shown(
        Text.DIGEST_ASKED_SINCE_NONE, moment=f"{friday}, 09.00"
    )
    assert shown(Text.DIGEST_ASKED_NEW, count=2) in asked.text.splitlines()
    # Tuesday's goes, with the weekend's two leads Monday's could not say.
    clock.moment = monday + timedelta(days=1)

    async def arrived() -> bool:
        return bool(digests(staff_chat))

    await wait_until(arrived)
    (tuesday,) = digests(staff_chat)
    assert shown(Text.DIGEST_NEW, count=2) in tuesday.text.splitlines()


def _alert(admin: EmulatedUser, reference: str) -> BotMessage | None:
    heading = f"🆕 Pendaftar baru {reference}"
    return next((m for m in admin.messages if m.text.startswith(heading)), None)


async def test_the_digest_counts_closed_duplicates_apart_as_stats_does(
    make_bot: Any, staff_chat: Any, database: Path
) -> None:
    monday = last_monday()
    clock = FixedClock(monday)
    store = await Store.open(database)
    await store.close()
    sari = {**MUSICIAN, "email": "sari@example.com", "phone": "+6281200000601"}
    budi = {**FILMMAKER, "email": "budi@example.com", "phone": "+6281200000602"}
    saturday, sunday = monday - timedelta(days=2), monday - timedelta(days=1)
    # Sari's, Budi's, and Sari's again (closed as a duplicate of her first below), all new
    # since Friday's digest and in the week; Sari's first contacted two days after she
    # registered, her second at once.
    talents = [Seed(601, sari, at(saturday)), Seed(602, budi, at(saturday))]
    talents.append(Seed(603, sari, at(sunday)))
    await asyncio.to_thread(seed, database, talents)
    store = await Store.open(database)
    async with store.db.transaction() as tx:
        contacts = (
            (1, monday),
            (2, saturday + timedelta(hours=1)),
            (3, sunday + timedelta(hours=1)),
        )
        for application_id, moment in contacts:
            await tx.execute(
                "INSERT INTO lead_history (application_id, kind, from_value, to_value, via,"
                " created_at) VALUES (?, 'stage', 'baru', 'dihubungi', 'cli', ?)",
                (application_id, at(moment - timedelta(minutes=1))),
            )
    assert await store.duplicates.close_duplicate(3, 1, Actor.cli()) == "saved"
    await store.close()
    bot, sent = await first_digest(make_bot, staff_chat, clock)
    stats, _chart = await bot.send(admin_of(staff_chat), "/stats")
    # A review: the digest counted Sari's closed duplicate as a new lead, /stats did not.
    apart = shown(Text.STATS_SUBMITTED_DUPLICATES, count=1)
    assert f"{shown(Text.DIGEST_NEW, count=2)} {apart}" in sent.text.splitlines()
    assert f"Pendaftaran terkirim: 2 {apart}" in stats.text.splitlines()
    # The week: two new, and first contact two days after registering, as /stats' median
    # (the duplicate, contacted at once, made it one).
    # Budi's film lead, contacted an hour after it came: "less than a day", not "0,0 hari" (a
    # staff review s55).
    lines = sent.text.splitlines()
    week = next(line for line in lines if line.startswith("• Semua"))
    assert week.startswith("• Semua: 2 baru · ")
    assert week.endswith(shown(Text.DIGEST_WEEK_CONTACT, days="1,0"))
    music = next(line for line in lines if line.startswith("• Musik"))
    assert music.endswith(shown(Text.DIGEST_WEEK_CONTACT, days="2,0"))
    film = next(line for line in lines if line.startswith("• Film"))
    assert film.endswith(shown(Text.DIGEST_WEEK_CONTACT_SAME_DAY))
    assert shown(Text.STATS_CONTACT_MEDIAN, days="1,0", count=2) in stats.text


async def test_the_digest_counts_a_talents_cancelling_as_closed_as_stats_does(
    make_bot: Any, staff_chat: Any, database: Path
) -> None:
    # A staff review s61 (M1): Andi cancelled his registration (/status), /stats counted it
    # closed, Monday's digest said "0 ditutup" for that week.
    monday = last_monday()
    clock = FixedClock(monday)
    saturday, sunday = monday - timedelta(days=2), monday - timedelta(days=1)
    store = await Store.open(database)
    await store.close()
    talents = [
        Seed(701, {**FILMMAKER, "email": "andi@example.com", "phone": "+6281200000701"}),
        Seed(702, {**FILMMAKER, "email": "budi@example.com", "phone": "+6281200000702"}),
        Seed(703, {**MUSICIAN, "email": "sari@example.com", "phone": "+6281200000703"}),
    ]
    talents = [Seed(item.user_id, item.answers, at(saturday)) for item in talents]
    await asyncio.to_thread(seed, database, talents)
    store = await Store.open(database)
    # Budi's closed by staff on Saturday; Sari's too, then she cancelled it herself (one close).
    async with store.db.transaction() as tx:
        for application_id in (2, 3):
            await tx.execute(
                "INSERT INTO lead_history (application_id, kind, from_value, to_value, via,"
                " created_at) VALUES (?, 'stage', 'baru', 'selesai', 'cli', ?)",
                (application_id, at(saturday + timedelta(hours=1))),
            )
            await tx.execute(
                "UPDATE lead_pipeline SET stage = 'selesai', stage_changed_at = ?"
                " WHERE application_id = ?",
                (at(saturday + timedelta(hours=1)), application_id),
            )
    # Andi and Sari cancel theirs (/status), on Sunday.
    for user_id, application_id in ((701, 1), (703, 3)):
        done = await store.cancellations.cancel(user_id, application_id, "selesai")
        assert done.outcome == "cancelled"
    async with store.db.transaction() as tx:
        await tx.execute(
            "UPDATE lead_pipeline SET talent_withdrawn_at = ?, stage_changed_at = ?",
            (at(sunday), at(sunday)),
        )
    await store.close()
    bot, sent = await first_digest(make_bot, staff_chat, clock)
    stats, _chart = await bot.send(admin_of(staff_chat), "/stats")
    assert f"{label('selesai')}: 3" in stats.text
    lines = sent.text.splitlines()
    week = next(line for line in lines if line.startswith("• Semua"))
    assert week.startswith("• Semua: 3 baru · 2 perpindahan tahap · 3 ditutup · ")
    film = next(line for line in lines if line.startswith("• Film"))
    assert film.startswith("• Film: 2 baru · 1 perpindahan tahap · 2 ditutup · ")
    music = next(line for line in lines if line.startswith("• Musik"))
    assert music.startswith("• Musik: 1 baru · 1 perpindahan tahap · 1 ditutup · ")


def asked_digest(text: str) -> bool:
    return text.startswith(shown(Text.DIGEST_ASKED_HEADER, moment="X").split(" · ")[0])


def viewed(database: Path) -> list[tuple[Any, ...]]:
    sql = "SELECT actor_id, detail FROM audit_log WHERE action = 'digest_viewed' ORDER BY id"
    return [(actor, json.loads(detail)) for actor, detail in rows(database, sql)]


async def test_staff_ask_for_the_digest_under_stats_and_the_daily_one_still_goes_once(
    make_bot: Any, staff_chat: Any, database: Path
) -> None:
    # A new staff member's review: the digest came only at DIGEST_TIME on working days.
    monday = last_monday(8)  # before DIGEST_TIME
    clock = FixedClock(monday)
    await prepare(database, monday)
    settings = {"admin_ids": frozenset({ADMIN_ID}), "staff_chat_id": STAFF_CHAT_ID}
    bot: Harness = await make_bot(clock=clock, digest_time="09:00", **settings)
    admin = admin_of(staff_chat)
    (page, *_) = await bot.send(admin, "/lead KOC-000002")
    await bot.press(admin, t(Text.BTN_ASSIGN_ME), message=page)
    # The button's press in the admin's private chat (the test below presses it under /stats,
    # which would draw a chart here).
    (asked,) = await bot.act(admin, admin.press_raw, page.message_id, DIGEST)
    lines = asked.text.splitlines()
    assert lines[0] == shown(
        Text.DIGEST_ASKED_HEADER, moment=f"{CONTENT.date_text(monday.date(), 'id')}, 08.00"
    )
    friday = CONTENT.date_text(monday.date() - timedelta(days=3), "id")
    assert lines[1] == shown(Text.DIGEST_ASKED_SINCE_NONE, moment=f"{friday}, 09.00")
    assert lines[2] == shown(Text.DIGEST_ASKED_DAILY, time="09.00")
    assert shown(Text.DIGEST_ASKED_NEW, count=2) in lines  # Saturday's and Sunday's
    assert "Baru (lebih dari 3 hari): 3 · paling lama KOC-000001 (10 hari)" in asked.text
    assert shown(Text.DIGEST_YOURS, count=1) in lines  # KOC-000002, theirs
    assert t(Text.BTN_DIGEST_MINE, count=1) in asked.button_texts
    assert "Seminggu terakhir" in asked.text  # a Monday, as the daily one
    assert viewed(bot.database) == [
        (
            ADMIN_ID,
            {
                "new": 2,
                "since": at(monday - timedelta(days=3, hours=-1)),
                "overdue": 3,  # the leads under "Menunggu terlalu lama"
                "asking": 0,
            },
        )
    ]
    # Asking claimed no day: the daily digest goes at 09:00, once, to the staff chat.
    await clock.went_round()
    assert digests(staff_chat) == []
    clock.moment = monday + timedelta(hours=2)

    async def arrived() -> bool:
        return bool(digests(staff_chat))

    await wait_until(arrived)
    await clock.went_round()
    (daily,) = digests(staff_chat)
    assert shown(Text.DIGEST_NEW, count=2) in daily.text
    assert not any(asked_digest(message.text) for message in staff_chat.messages)
    # Asked again, "new" counts from the digest that went.
    (made,) = rows(bot.database, "SELECT started_at FROM digest_runs")
    went = CONTENT.moment_text(datetime.fromisoformat(made[0]).astimezone(WIB), "id")
    (again,) = await bot.act(admin, admin.press_raw, page.message_id, DIGEST)
    assert again.text.splitlines()[1] == shown(Text.DIGEST_ASKED_SINCE, moment=went)
    assert shown(Text.DIGEST_ASKED_NEW, count=0) in again.text.splitlines()
    assert len(digests(staff_chat)) == 1


# Every prefix of a button the staff group may hold, forged (and bc:, made in private chats
# only), and the toast its press gets there. An attacker's review: st:dg…, hold:… and bc:…
# posted the talents' menu to the group, and bc:new a new announcement's prompt.
FORGED_IN_GROUP = [
    ("st:dgX", Text.BUTTON_EXPIRED),
    ("st:dg:1", Text.BUTTON_EXPIRED),
    ("st:zz", Text.BUTTON_EXPIRED),
    ("pl:zz", Text.BUTTON_EXPIRED),
    ("pl:o:x", Text.BUTTON_EXPIRED),
    ("rc:zz", Text.BUTTON_EXPIRED),
    ("rc:mute:5", Text.BUTTON_EXPIRED),
    ("hold:x", Text.BUTTON_EXPIRED),
    ("hold:1:2", Text.SUPPORT_HOLDING_GONE),  # well formed: no such answer
    ("bc:new", Text.BUTTON_EXPIRED),
    ("bc:send:1", Text.BUTTON_EXPIRED),
    ("bc:zz", Text.BUTTON_EXPIRED),
    ("m", Text.BUTTON_EXPIRED),  # a talents' button
    ("zz", Text.BUTTON_EXPIRED),
]


async def forged_presses_in_group(bot: Harness, staff_chat: Any, message: BotMessage) -> None:
    """Each of FORGED_IN_GROUP, by an admin and by a member who is not one: a toast, and
    nothing sent or edited anywhere, no draft started."""
    mina = bot.user(first_name="Mina")
    staff_chat.add_member(mina)
    sent = ("sendMessage", "editMessageText", "editMessageReplyMarkup", "sendPhoto")
    before = [len(bot.emulator.calls_to(method)) for method in sent]
    for presser in (admin_of(staff_chat), mina):
        for data, toast in FORGED_IN_GROUP:
            expected = toast if presser.id == ADMIN_ID else Text.BUTTON_EXPIRED
            pressed = presser.press_raw
            await bot.act(presser, pressed, message.message_id, data, chat=staff_chat)
            assert (data, presser.callback_answers[-1].text) == (data, shown(expected))
    assert [len(bot.emulator.calls_to(method)) for method in sent] == before
    assert await bot.store.broadcasts.get(1) is None


async def test_an_asked_digest_with_nothing_to_say_says_so_and_only_staff_get_one(
    bot: Harness, staff_chat: Any
) -> None:
    admin = admin_of(staff_chat)  # the tests' bot: DIGEST_TIME empty, the daily digest off
    mark = staff_chat.mark()
    await bot.act(admin, admin.send, "/stats", chat=staff_chat)
    report = next(m for m in staff_chat.messages_since(mark) if m.button_texts)
    mark = staff_chat.mark()
    await bot.act(admin, admin.press, t(Text.BTN_DIGEST_ASK), message=report)
    (asked,) = staff_chat.messages_since(mark)
    lines = asked.text.splitlines()
    assert asked_digest(asked.text)
    assert lines[2] == shown(Text.DIGEST_ASKED_OFF)
    assert lines[-1] == shown(Text.DIGEST_ASKED_NOTHING)
    assert asked.button_texts == []
    [(who, detail)] = viewed(bot.database)
    assert (who, detail["from"], detail["new"], detail["overdue"]) == (ADMIN_ID, "staff_chat", 0, 0)
    # A non-admin's forged press: what non-admins get for any staff button, and no digest.
    mallory = bot.user(first_name="Mallory")
    (hello,) = await bot.send(mallory, "/start")
    answer = await bot.act(mallory, mallory.press_raw, hello.message_id, DIGEST)
    assert mallory.callback_answers[-1].text == shown(Text.STALE_BUTTON)
    assert not any(asked_digest(message.text) for message in answer)
    assert len(viewed(bot.database)) == 1
    await forged_presses_in_group(bot, staff_chat, report)


async def test_the_digest_says_who_waits_for_a_team_answer_and_since_when(
    make_bot: Any, staff_chat: Any
) -> None:
    """A new staff member's review s57, M4: questions to the team were in neither the digest nor
    /stats, and could wait days unseen. A day with nothing else to say still sends it."""
    monday = last_monday(8)  # before DIGEST_TIME
    clock = FixedClock(monday)
    settings = {"admin_ids": frozenset({ADMIN_ID}), "staff_chat_id": STAFF_CHAT_ID}
    bot: Harness = await make_bot(clock=clock, digest_time="09:00", **settings)
    await ask(bot, bot.user(first_name="Rina"), "Audisinya online atau datang langsung?")
    await ask(bot, bot.user(first_name="Budi"), "Kalau pindah ke Jakarta, perlu daftar ulang?")
    talents, oldest = await bot.store.support.waiting_since()
    assert talents == 2 and oldest is not None
    clock.moment = monday + timedelta(hours=2)

    async def arrived() -> bool:
        return bool(digests(staff_chat))

    await wait_until(arrived)
    (daily,) = digests(staff_chat)
    since = CONTENT.moment_text(datetime.fromisoformat(oldest).astimezone(WIB), "id")
    assert shown(Text.DIGEST_QUESTIONS, count=2, since=since) in daily.text.splitlines()
    assert "Balas di grup staf" in daily.text and "tab Pertanyaan" in daily.text


async def test_the_digest_counts_a_question_in_the_forms_note_until_staff_answer_it(
    make_bot: Any, staff_chat: Any
) -> None:
    """A staff re-check s58: a question written only in the form's note to the team was marked
    as waiting on the lead page, but the digest's count of talents waiting for an answer left
    it out. It waits from the form's submission; a note that asks nothing is no question."""
    monday = last_monday(8)  # before DIGEST_TIME
    clock = FixedClock(monday)
    settings = {"admin_ids": frozenset({ADMIN_ID}), "staff_chat_id": STAFF_CHAT_ID}
    bot: Harness = await make_bot(clock=clock, digest_time="09:00", **settings)
    sarah = bot.user(first_name="Sarah")
    note = "Kami band dari Bali. Siapa yang bisa kami hubungi?"
    await apply(bot, sarah, {**MUSICIAN, "message": note})
    await apply(
        bot, bot.user(first_name="Budi"), {**FILMMAKER, "message": "Siap ke Seoul tahun depan 🎬"}
    )
    await ask(bot, bot.user(first_name="Rina"), "Audisinya online atau datang langsung?")
    ((submitted,),) = rows(bot.database, "SELECT submitted_at FROM applications WHERE id = 1")
    ((relayed,),) = rows(
        bot.database, "SELECT created_at FROM relayed_messages WHERE kind = 'question'"
    )

    def since(stored: str) -> str:
        return CONTENT.moment_text(datetime.fromisoformat(stored).astimezone(WIB), "id")

    clock.moment = monday + timedelta(hours=2)

    async def arrived() -> bool:
        return bool(digests(staff_chat))

    await wait_until(arrived)
    (daily,) = digests(staff_chat)
    assert shown(Text.DIGEST_QUESTIONS, count=2, since=since(submitted)) in daily.text.splitlines()
    # Answered from the Questions tab: the digest asked for under a lead counts Rina alone.
    async with workspace(bot, ADMIN_ID) as client:
        await client.ok("questions-reply", {"talent": sarah.id, "text": "Hubungi kami di sini."})
    admin = admin_of(staff_chat)
    (page, *_) = await bot.send(admin, "/lead KOC-000002")
    (asked,) = await bot.act(admin, admin.press_raw, page.message_id, DIGEST)
    assert shown(Text.DIGEST_QUESTIONS, count=1, since=since(relayed)) in asked.text.splitlines()
    # The audit log records the figures the digest showed: one talent waiting for an answer
    # (a staff review s64, L5: `waiting=0` there was the leads waiting too long at a stage).
    ((_, detail),) = viewed(bot.database)
    assert (detail["asking"], detail["overdue"]) == (1, 0)
