"""Test helpers for announcements: many subscribers at once, finished applications, waiting."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

from bot.content import Content, Question
from bot.emulator import BotAPIEmulator, EmulatedUser
from bot.leads import form_order
from bot.store import Broadcasts, Profile, Store, Tally, Users, Version

WAIT_TIMEOUT = 60.0


def sample_answer(question: Question, content: Content, answers: dict[str, Any]) -> Any:
    """A valid answer to any question of the questionnaire."""
    kind = question.type
    if kind in ("single_choice", "multi_choice"):
        values = [
            value
            for value, _ in form_order.choices(question, content, answers)
            if not form_order.needs_guardian(question, value)
        ]
        return values[0] if kind == "single_choice" else values[:1]
    samples = {
        "province": "jawa_barat",
        "number": 3,
        "email": "talent@example.com",
        "phone": "+6281234567801",
        "url": "https://example.com/portfolio",
    }
    if kind in samples:
        return samples[kind]
    return "Contoh jawaban" if question.required else None


def complete_answers(content: Content, **given: Any) -> dict[str, Any]:
    """Every answer an application needs, with `given` ones (sector, province) first."""
    answers = dict(given)
    while (question := form_order.next_question(content, answers)) is not None:
        answers[question.key] = sample_answer(question, content, answers)
    return answers


async def submit_application(store: Store, content: Content, user_id: int, **given: Any) -> None:
    """A submitted application (a lead) for the user, made directly in the store."""
    draft = await store.applications.create(
        user_id, "id", "review", answers=complete_answers(content, **given)
    )
    assert await store.applications.submit(draft) is not None


async def add_subscribers(
    store: Store,
    emulator: BotAPIEmulator,
    count: int,
    *,
    language: str = "id",
    subscribed: bool = True,
    notice_version: str = "test",
) -> list[EmulatedUser]:
    """Talents who started the bot and chose announcements, stored in one commit."""
    talents = []
    async with store.db.transaction() as tx:
        for index in range(count):
            talent = emulator.user(first_name=f"Talent {index}", language_code=language)
            talent.started = True  # they talked to the bot before, so it may write to them
            profile = Profile(talent.id, talent.first_name, None, None, language)
            await Users.upsert(tx, profile, language)
            if subscribed:
                await Broadcasts.set_subscription_in(tx, talent.id, True, notice_version, language)
            talents.append(talent)
    return talents


async def queue_text(
    store: Store,
    text: str,
    *,
    english: str | None = None,
    audience: tuple[str, str | None] = ("all", None),
    send_at: str | None = None,
    report_chat_id: int | None = None,
) -> tuple[int, int]:
    """Queue a text announcement as the CLI does; return (broadcast id, recipients)."""
    from bot.store import utc_now

    kind, value = audience
    return await store.broadcasts.create_queued(
        Version("text", text),
        Version("text", english) if english else None,
        kind,
        value,
        kind if value is None else f"{kind}={value}",
        send_at or utc_now(),
        report_chat_id,
    )


async def wait_until(condition: Callable[[], Awaitable[bool]]) -> None:
    """Poll until the condition holds (a generous timeout, not a timing assertion)."""
    async with asyncio.timeout(WAIT_TIMEOUT):
        while True:
            if await condition():
                return
            await asyncio.sleep(0.02)


async def wait_delivered(store: Store, broadcast_id: int) -> Tally:
    """Wait until the worker has dealt with every recipient (or stopped) and reported."""

    async def finished() -> bool:
        broadcast = await store.broadcasts.get(broadcast_id)
        return broadcast is not None and broadcast.finished_at is not None

    await wait_until(finished)
    return await store.broadcasts.tally(broadcast_id)


def deliveries(emulator: BotAPIEmulator, method: str = "sendMessage") -> Counter[int]:
    """How many messages each chat accepted, by chat id."""
    return Counter(int(call.params["chat_id"]) for call in emulator.calls_to(method) if call.ok)
