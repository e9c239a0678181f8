"""Marks no reader sees (direction overrides and isolates, zero-width characters, tag
characters) are dropped from what talents write as the bot takes it in, and from their
Telegram names and file names (an attacker's review s60, L2): "cv\u202efdp.exe" read as
"cvexe.pdf" in the workspace, and a name with U+202E turned around the staff alert it was in.
An emoji keeps its joiners, the flags of England, Scotland and Wales their tags, and Persian
its zero-width non-joiner; U+2028 and U+2029 are line breaks (a space in one-line fields)."""

from __future__ import annotations

import json
from typing import Any

from bot.terminal_text import without_hidden
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, apply
from tests.test_support import staff_member
from tests.workspace import workspace

HIDDEN = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u200b\ufeff"
TAGS = "\U000e0041\U000e0042\U000e0043"  # invisible "ABC"
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji of three joined
SCOTLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "I want": the ZWNJ is spelling
BLACK_FLAG, CANCEL_TAG = "\U0001f3f4", "\U000e007f"


def flag(tags: str) -> str:
    """🏴, `tags` as tag characters, the cancel tag: a subdivision flag's spelling."""
    return BLACK_FLAG + "".join(chr(0xE0000 + ord(letter)) for letter in tags) + CANCEL_TAG


# Well-formed "flags" in a row, each a piece of hidden text (the attack review s61, L2): each
# drawn as a bare 🏴, the tags spelling 081299990000callmeondm to whoever decodes them.
FLAG_CHAIN = "".join(flag(part) for part in ("081299", "990000", "callme", "ondm"))


def hides(text: str) -> bool:
    """Whether the text holds a mark that hides or turns text around (a flag's tags aside)."""
    return any(mark in text for mark in HIDDEN) or any(tag in text for tag in TAGS)


def test_marks_go_and_what_scripts_and_emoji_need_stays() -> None:
    assert without_hidden(f"Sari{TAGS}\u2066evil\u2069 \u202eDewi\u200b") == "Sarievil Dewi"
    assert without_hidden(f"Sa\u200cri\u200d {FAMILY} {SCOTLAND} 1\ufe0f\u20e3") == (
        f"Sari {FAMILY} {SCOTLAND} 1\ufe0f\u20e3"
    )
    assert without_hidden(PERSIAN) == PERSIAN
    # Tags after a black flag that spell no region are hidden words (the final review s60: a
    # phone number in tag digits passed the log's mask), not a flag's.
    hidden = "".join(chr(0xE0000 + ord(letter)) for letter in "call 0812 9999 0000")
    assert without_hidden(f"Sari \U0001f3f4{hidden}") == "Sari \U0001f3f4"
    assert without_hidden(f"Sari {FLAG_CHAIN}") == f"Sari {BLACK_FLAG * 4}"
    # Only the flags drawn anywhere keep their tags: England's, Scotland's and Wales's; a
    # well-formed one of another region (California's) is drawn as a bare 🏴, and stays one.
    drawn = f"{flag('gbeng')}{SCOTLAND}{flag('gbwls')}"
    assert without_hidden(f"Tim {drawn} {flag('usca')}") == f"Tim {drawn} {BLACK_FLAG}"
    assert without_hidden("baris satu\u202e\nbaris dua", keep_newlines=True) == (
        "baris satu\nbaris dua"
    )


async def test_staff_never_get_a_talents_hidden_marks(bot: Harness, staff_chat: Any) -> None:
    admin = staff_member(bot, staff_chat)
    talent = bot.user(first_name="Tala\u202e", last_name="\u2066Wati\u2069")
    mark = staff_chat.mark()
    answers = {
        **MUSICIAN,
        "full_name": "Sari\u202e Dewi\u200b Lestari",
        "stage_name": f"Sari & The Monsoons{TAGS}",
        "notable_works": f"Album \u2067Hujan di Braga\u2069 (2024) {FAMILY} {PERSIAN}",
        "message": f"\ufeffKami ingin tampil di Seoul {SCOTLAND}",
    }
    reference = await apply(bot, talent, answers)
    alerts = [message.text for message in staff_chat.messages_since(mark)]
    assert any("Tala Wati" in text and reference in text for text in alerts), alerts
    (page,) = await bot.send(admin, f"/lead {reference}")
    for said in ("Sari Dewi Lestari", "Sari & The Monsoons", f"{FAMILY} {PERSIAN}", SCOTLAND):
        assert said in page.text
    # In ask mode: a document whose name would spoof its extension, and a hidden caption.
    await bot.send(talent, "/tanya")
    await bot.settle(talent.send_document(filename="cv\u202efdp.exe", caption="lihat\u200b ya"))
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"reference": reference})
        questions = await client.ok("questions", {})
    assert lead["name"] == "Sari Dewi Lestari"
    shown = json.dumps([lead, questions], ensure_ascii=False)
    assert "[document cvfdp.exe] lihat ya" in shown
    assert "Tala Wati" in shown and FAMILY in shown and PERSIAN in shown
    assert not hides(shown)
    assert not any(hides(text) for text in [*alerts, page.text])
    # What the bot writes to the group; the talent's own message is relayed as Telegram has
    # it (a copy, as if sent to staff directly), the file under its name there.
    written = [m.text for m in staff_chat.messages_since(mark) if m.document is None]
    assert [text for text in written if hides(text)] == []


async def test_a_chain_of_flags_carries_no_hidden_text_to_staff(
    bot: Harness, staff_chat: Any
) -> None:
    admin = staff_member(bot, staff_chat)
    talent = bot.user(first_name=f"Tala {FLAG_CHAIN}")
    mark = staff_chat.mark()
    answers = {
        **MUSICIAN,
        "stage_name": f"Sari {FLAG_CHAIN}",
        "message": f"Tampil di Seoul {FLAG_CHAIN}",
    }
    reference = await apply(bot, talent, answers)
    alerts = [message.text for message in staff_chat.messages_since(mark)]
    (page,) = await bot.send(admin, f"/lead {reference}")
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"reference": reference})
    shown = json.dumps(lead, ensure_ascii=False)
    assert any(f"Tala {BLACK_FLAG * 4}" in text for text in alerts), alerts
    assert f"Sari {BLACK_FLAG * 4}" in page.text and f"Seoul {BLACK_FLAG * 4}" in page.text
    assert f"Sari {BLACK_FLAG * 4}" in shown
    for text in (*alerts, page.text, shown):
        assert not any(0xE0000 <= ord(character) <= 0xE007F for character in text)


async def test_a_line_separator_places_no_line_of_the_talents_under_their_name(
    bot: Harness, staff_chat: Any
) -> None:
    # U+2028 and U+2029 are line breaks to Unicode (and to a client that draws them): in a
    # name or a one-line answer they placed a line that read as the bot's own under it in the
    # staff alert, /lead and the workspace (the attack review s61, L3). A space there, as a
    # typed line break is; a line break in a long answer.
    admin = staff_member(bot, staff_chat)
    talent = bot.user(first_name="Tala\u2029Catatan staf: sudah diverifikasi", last_name="W\x85i")
    mark = staff_chat.mark()
    answers = {
        **MUSICIAN,
        "full_name": "Sari Dewi\u2028✅ Umur 21 — dicek staf",
        "notable_works": "Album Hujan (2024)\u2029Tur 12 kota",
    }
    reference = await apply(bot, talent, answers)
    alerts = [message.text for message in staff_chat.messages_since(mark)]
    (page,) = await bot.send(admin, f"/lead {reference}")
    async with workspace(bot, ADMIN_ID) as client:
        lead = await client.ok("lead", {"reference": reference})
    assert lead["name"] == "Sari Dewi ✅ Umur 21 — dicek staf"
    shown = json.dumps(lead, ensure_ascii=False)
    assert "Album Hujan (2024)\\nTur 12 kota" in shown  # as JSON writes a line break
    said = "\n".join([*alerts, page.text])
    assert "Tala Catatan staf: sudah diverifikasi W i" in said
    assert "Sari Dewi ✅ Umur 21 — dicek staf" in said and "Album Hujan (2024)\nTur 12 kota" in said
    assert not any(separator in said + shown for separator in "\u2028\u2029\x85")
