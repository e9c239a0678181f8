"""What orjson refuses still goes through; half an emoji arrives as U+FFFD, never as a crash."""

from __future__ import annotations

import json
import logging

import pytest

from bot.transport import json_codec
from tests.harness import Harness

HALF_EMOJI = "\ud83c"  # the first half of a surrogate pair, alone: valid JSON, not UTF-8


def test_what_orjson_cannot_encode_is_encoded_as_the_standard_library_does() -> None:
    assert json_codec.dumps({"text": f"a{HALF_EMOJI}"}) == b'{"text":"a\\ud83c"}'
    assert json_codec.dumps({"id": 2**70}) == b'{"id":1180591620717411303424}'
    assert json_codec.dumps({"text": "Halo 🎶", "id": 7}) == '{"text":"Halo 🎶","id":7}'.encode()


def test_a_lone_surrogate_arrives_replaced_and_a_pair_arrives_whole() -> None:
    sent = {"text": f"a{HALF_EMOJI} 🎶", f"k{HALF_EMOJI}": [1, {"x": HALF_EMOJI}]}
    expected = {"text": "a\ufffd 🎶", "k\ufffd": [1, {"x": "\ufffd"}]}
    assert json_codec.loads(json.dumps(sent)) == expected
    assert json_codec.parse_json_payload(json.dumps(sent).encode()) == expected
    assert json_codec.parse_json_payload(b'{"text":"a\xff"}') == {"text": "a\ufffd"}
    with pytest.raises(json.JSONDecodeError):
        json_codec.loads(b'{"ok": true, ')


async def test_a_talent_named_with_half_an_emoji_is_greeted_and_answered(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    sari = bot.user(first_name=f"Sari {HALF_EMOJI}")
    [greeting] = await bot.send(sari, "/start")
    assert greeting.text.startswith("Halo, Sari!")  # greeted by the first word of the name
    stored = await bot.store.users.get(sari.id)
    assert stored is not None and stored.first_name == "Sari \ufffd"
    update = sari.send(f"halo {HALF_EMOJI}")
    await bot.settle(update)
    assert await bot.store.inbox.status(update["update_id"]) == "done"
    assert sari.last_message.text != greeting.text  # the free text drew its own answer
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
