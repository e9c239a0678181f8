"""Thousands of varied and malformed updates: the bot skips or answers each, and carries on."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.harness import Harness

USER_IDS = st.sampled_from([2001, 2002, 2003, 9001]) | st.integers(-(2**40), 2**40)
NAMES = st.text(max_size=40)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.builds(lambda n, c: c * n, st.integers(4000, 5000), st.sampled_from("aé😀/")),
    st.sampled_from(
        ["/start", "/start x", "/daftar", "/batal", "/menu", "/export", "/x@kocca_talent_bot", "/"]
    ),
)
CALLBACK_DATA = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["menu", "programs", "section:film", "program:mucon", "faq:x", "lang:fr"]),
    st.builds(
        lambda a, b, c: f"i:{a}:{b}:{c}",
        st.integers(-5, 99),
        st.integers(0, 9),
        st.text(max_size=20),
    ),
    st.builds(lambda a: f"st:o:{a}", st.integers(0, 99) | st.sampled_from(["²", "9" * 25, "-1"])),
    st.sampled_from(["i:²:0:x", "st:l:²", "bc:drop:99999999999999999999", "pv:t:processing:2"]),
    st.builds(lambda a: f"pv:{a}", st.text(max_size=20)),
)


def _user(user_id: int, name: str) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": name or "X", "language_code": "id"}


def _chat(user_id: int, kind: str) -> dict[str, Any]:
    if kind == "private":
        return {"id": user_id, "type": "private", "first_name": "X"}
    return {"id": -abs(user_id) - 1, "type": kind, "title": "Grup"}


@st.composite
def messages(draw: st.DrawFn) -> dict[str, Any]:
    user_id = draw(USER_IDS)
    kind = draw(st.sampled_from(["private", "private", "group", "supergroup", "channel"]))
    message: dict[str, Any] = {
        "message_id": draw(st.integers(1, 10_000)),
        "date": 1_767_225_600,
        "chat": _chat(user_id, kind),
    }
    if kind != "channel" and draw(st.booleans()):
        message["from"] = _user(user_id, draw(NAMES))
    content = draw(
        st.sampled_from(["text", "sticker", "contact", "location", "photo", "poll", "dice"])
    )
    if content == "text":
        message["text"] = draw(TEXTS)
        if message["text"].startswith("/"):
            length = len(message["text"].split(" ")[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    elif content == "sticker":
        message["sticker"] = {
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        }
    elif content == "contact":
        message["contact"] = {"phone_number": "+62812", "first_name": "C"}
    elif content == "location":
        message["location"] = {"latitude": -6.2, "longitude": 106.8}
    elif content == "photo":
        message["photo"] = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
    elif content == "poll":
        message["poll"] = {
            "id": "1",
            "question": "?",
            "options": [],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": False,
        }
    else:
        message["dice"] = {"emoji": "🎲", "value": 3}
    return message


@st.composite
def updates(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(
            [
                "message",
                "edited_message",
                "channel_post",
                "callback_query",
                "inline_query",
                "my_chat_member",
                "poll",
                "unknown",
            ]
        )
    )
    user_id = draw(USER_IDS)
    payload: dict[str, Any]
    if kind in ("message", "edited_message", "channel_post"):
        payload = {kind: draw(messages())}
    elif kind == "callback_query":
        payload = {
            "callback_query": {
                "id": str(draw(st.integers(1, 10**9))),
                "from": _user(user_id, draw(NAMES)),
                "chat_instance": "ci",
                "data": draw(CALLBACK_DATA),
                "message": draw(messages()),
            }
        }
    elif kind == "inline_query":
        payload = {
            "inline_query": {
                "id": "q",
                "from": _user(user_id, "X"),
                "query": draw(NAMES),
                "offset": "",
            }
        }
    elif kind == "my_chat_member":
        status = draw(st.sampled_from(["member", "kicked", "left", "administrator"]))
        payload = {
            "my_chat_member": {
                "chat": _chat(user_id, draw(st.sampled_from(["private", "group"]))),
                "from": _user(user_id, "X"),
                "date": 0,
                "old_chat_member": {"status": "member", "user": _user(1, "Bot") | {"is_bot": True}},
                "new_chat_member": {"status": status, "user": _user(1, "Bot") | {"is_bot": True}}
                | ({"until_date": 0} if status == "kicked" else {}),
            }
        }
    elif kind == "poll":
        payload = {
            "poll": {
                "id": "1",
                "question": "?",
                "options": [],
                "total_voter_count": 0,
                "is_closed": True,
                "is_anonymous": True,
                "type": "regular",
                "allows_multiple_answers": False,
            }
        }
    else:
        payload = {"some_future_update": {"x": draw(NAMES)}}
    return draw(corrupted(payload))


@st.composite
def corrupted(draw: st.DrawFn, payload: dict[str, Any]) -> dict[str, Any]:
    """Sometimes break the update the way a newer or older Bot API server might."""
    mutation = draw(st.sampled_from(["none", "none", "none", "drop", "retype", "extra"]))
    body = next(iter(payload.values()))
    if mutation == "none" or not isinstance(body, dict) or not body:
        return payload
    key = draw(st.sampled_from(sorted(body)))
    if mutation == "drop":
        del body[key]
    elif mutation == "retype":
        body[key] = draw(st.sampled_from(["text", 12, None, [], {"id": "x"}, -1.5]))
    else:
        body["field_from_the_future"] = {"nested": [1, "two"]}
    return payload


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # one running bot takes every batch, on purpose
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(batch=st.lists(updates(), min_size=10, max_size=40))
async def test_any_update_is_answered_or_skipped_and_the_bot_carries_on(
    bot: Harness, caplog: pytest.LogCaptureFixture, batch: list[dict[str, Any]]
) -> None:
    injected = [bot.emulator.inject_raw_update(payload)["update_id"] for payload in batch]
    probe = bot.user(first_name="Probe")
    [greeting] = await bot.send(probe, "/start")
    assert greeting.text.startswith("Halo, Probe!")
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors == [], [record.getMessage() for record in errors]
    assert bot.emulator.internal_errors == []
    # Every update was stored and ended handled, or skipped with a warning naming it.
    skipped = [
        record.getMessage()
        for record in caplog.records
        if "could not be used" in record.getMessage()
    ]
    for update_id in injected:
        status = await bot.store.inbox.status(update_id)
        assert status in ("done", "unparseable"), (update_id, status)
        if status == "unparseable":
            assert any(message.startswith(f"Update {update_id} ") for message in skipped)
