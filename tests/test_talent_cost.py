"""One talent's cost is bounded (issue 26, item 5): /dataku is made at most once every few
minutes per talent, off the event loop, into private temporary files, zipped or split under
Telegram's upload limit. (The log text budget: tests/test_flood_storage.py. What it costs:
benchmarks/mydata_cost.py.)"""

from __future__ import annotations

import io
import json
import re
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot import my_data
from bot.data_copy import readable_copy
from bot.emulator import BotMessage
from bot.texts import Text
from bot.wib import WIB
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, data_copy, section, shown

CONTROLLER = "Controller · contact"


def documents(messages: list[BotMessage]) -> list[tuple[str, bytes]]:
    """The files among the bot's messages: (name, bytes)."""
    return [message.document[:2] for message in messages if message.document is not None]


async def test_a_repeated_dataku_is_told_the_copy_is_being_prepared(bot: Harness) -> None:
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    first = await bot.send(sari, "/dataku")
    assert len(documents(first)) == 1
    again = await bot.send(sari, "/dataku")  # a few seconds later: no second copy is made
    assert documents(again) == []
    # One state, with the time a new copy may be asked (a talents' review s56: "sedang
    # disiapkan atau baru saja dikirim" left her guessing).
    [said] = [message.text for message in again]
    template = re.escape(shown(Text.MYDATA_SENT_LATELY, hour="HH", minute="MM"))
    found = re.fullmatch(template.replace("HH", r"(\d\d)").replace("MM", r"(\d\d)"), said)
    assert found is not None, said
    soon = datetime.now(WIB) + my_data.COPY_INTERVAL
    assert abs(int(found[1]) * 60 + int(found[2]) - (soon.hour * 60 + soon.minute)) <= 1
    # Her data changed since (a second registration started): a new copy at once, whose
    # summary tells the sent one from the draft (L5: "Pendaftaran: 2, dengan 18 jawaban").
    await bot.send(sari, "/daftar")
    await bot.press(sari, shown(Text.BTN_NEW_REGISTRATION))
    changed = await bot.send(sari, "/dataku")
    assert len(documents(changed)) == 1
    assert "• Pendaftaran: 1 terkirim, 1 draf, dengan " in changed[-1].text
    budi = bot.user(first_name="Budi")  # the limit is each talent's own
    await bot.send(budi, "/start")
    assert len(documents(await bot.send(budi, "/dataku"))) == 1


async def test_a_large_copy_comes_zipped_in_parts_under_the_upload_limit(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Limits made small so that a registration's copy is "large": the parts, joined and
    unzipped, are exactly the copy."""
    monkeypatch.setattr(my_data, "PLAIN_LIMIT", 1000)
    monkeypatch.setattr(my_data, "UPLOAD_LIMIT", 2000)
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    replies = await bot.send(sari, "/dataku")
    parts = documents(replies)
    name = f"kocca-talent-desk-data-{sari.id}"
    assert len(parts) > 1 and all(len(data) <= 2000 for _, data in parts)
    assert [file for file, _ in parts] == [f"{name}.zip.{n:03d}" for n in range(1, len(parts) + 1)]
    assert replies[0].text.startswith("📦 Salinan datamu tetap lebih besar dari 50 MB")
    joined = zipfile.ZipFile(io.BytesIO(b"".join(data for _, data in parts)))
    copy = json.loads(joined.read(f"{name}.json"))
    expected = readable_copy(
        await bot.store.privacy.gather(sari.id),
        CONTENT,
        "id",
        user_id=sari.id,
        notice_version=CONTENT.privacy.version,
        controller=CONTROLLER,
        processed_days=2,
        made_at=datetime.now(UTC),
    )
    registrations = shown(Text.MYDATA_SECTION_REGISTRATIONS)
    assert copy[registrations] == json.loads(json.dumps(expected[registrations]))
    messages = section(copy, Text.MYDATA_SECTION_CONVERSATION)
    assert messages[0][shown(Text.MYDATA_FIELD_MESSAGE)] == "/daftar"
    assert f"Riwayat percakapan: {len(messages)} pesan" in replies[-1].text


async def test_the_copy_file_is_private_and_the_same_document_as_laid_out_whole(
    bot: Harness, tmp_path: Path
) -> None:
    sari = bot.user(first_name="Sari")
    await apply(bot, sari, MUSICIAN)
    for text in ("Halo 👋", 'Kutip "ini"\nbaris dua', "\\ garis miring"):
        await bot.send(sari, text)
    folder = tmp_path / "copy"
    made = await my_data.write_copy(bot.store, CONTENT, sari.id, "id", CONTROLLER, folder)
    assert made is not None and not made.zipped
    [file] = made.files
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert [path.name for path in folder.iterdir()] == [file.name]  # the ZIP is gone
    tables = await bot.store.privacy.gather(sari.id)
    expected: dict[str, Any] = readable_copy(
        tables,
        CONTENT,
        "id",
        user_id=sari.id,
        notice_version=CONTENT.privacy.version,
        controller=CONTROLLER,
        processed_days=2,
        made_at=datetime.now(UTC),
    )
    copy = data_copy(file.read_bytes())
    about = shown(Text.MYDATA_SECTION_ABOUT)
    assert {**copy, about: None} == {**json.loads(json.dumps(expected)), about: None}
    assert made.counts["conversation_log"] == len(tables["conversation_log"])
    assert await my_data.write_copy(bot.store, CONTENT, 404, "id", CONTROLLER, folder) is None
