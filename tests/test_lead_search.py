"""/lead with a name, email, phone number or city: staff find a lead without its reference."""

from __future__ import annotations

import json
import random
import unicodedata
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bot.store.audit import Actor
from bot.store.folding import fold
from bot.store.leads import _phone_joined
from bot.store.migrations import MIGRATIONS
from bot.store.schema import statements
from bot.texts import Text
from handlers.staff_views import PAGE_SIZE
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    Seed,
    apply,
    opening,
    realistic,
    seeded,
    shown,
)
from tests.processes import clean_env, run_cli
from tests.test_pipeline import admin_of, rows, two_staff
from tests.workspace import init_data, workspace


def _lead(rng: random.Random, name: str, **answers: str) -> dict[str, Any]:
    """A musician's answers named `name`, with `answers` (province, city, phone) instead."""
    return {**realistic(rng, "music"), "full_name": name, **answers}


async def test_lead_finds_by_name_email_or_phone_and_lists_several(
    bot: Harness, staff_chat: Any
) -> None:
    rng = random.Random(11)
    await seeded(
        bot.database,
        [
            Seed(7001, {**realistic(rng, "music"), "full_name": "Rina Wulandari"}),
            Seed(
                7002,
                {**realistic(rng, "film"), "full_name": "Budi Santoso", "phone": "+6281299990000"},
            ),
            Seed(
                7003,
                {**realistic(rng, "music"), "full_name": "Agus Wulan", "email": "agus@band.id"},
            ),
        ],
    )
    admin = admin_of(staff_chat)

    [page] = await bot.send(admin, "/lead budi")  # one match: the lead's page at once
    assert "KOC-000002" in page.text and "Budi Santoso" in page.text
    [page] = await bot.send(admin, "/lead 081299990000")  # a phone as typed locally
    assert "KOC-000002" in page.text
    # ... and as WhatsApp and the form's example write it (a staff review found nobody).
    for typed in ("0812 9999 0000", "0812-9999-0000", "+62 812-9999-0000"):
        [page] = await bot.send(admin, f"/lead {typed}")
        assert "KOC-000002" in page.text, typed
    [page] = await bot.send(admin, "/lead AGUS@band.id")
    assert "KOC-000003" in page.text and "Agus Wulan" in page.text

    [listed] = await bot.send(admin, "/lead wulan")  # two: listed, each with its button
    assert "Rina Wulandari" in listed.text and "Agus Wulan" in listed.text
    assert "Budi Santoso" not in listed.text
    assert {"📄 KOC-000001", "📄 KOC-000003"} <= set(listed.button_texts)
    [opened] = await bot.press(admin, "📄 KOC-000001", message=listed)
    assert "Rina Wulandari" in opened.text

    [none] = await bot.send(admin, "/lead <b>nobody</b>")  # what was typed, shown as typed
    assert none.text == shown(Text.LEAD_SEARCH_NONE, words="<b>nobody</b>")

    # Searches are on record without their words (a talent's number or name), and so is
    # every lead they showed, before it was shown.
    searched = rows(
        bot.database,
        "SELECT detail FROM audit_log WHERE action = 'leads_searched' ORDER BY id",
    )
    assert [json.loads(detail)["found"] for (detail,) in searched] == [1, 1, 1, 1, 1, 1, 2, 0]
    assert not any("wulan" in detail or "0812" in detail for (detail,) in searched)
    listed_refs = rows(
        bot.database, "SELECT lead_ref FROM audit_log WHERE action = 'lead_listed' ORDER BY id"
    )
    assert {ref for (ref,) in listed_refs} == {"KOC-000001", "KOC-000003"}


async def test_lead_search_says_when_more_match_than_it_shows(
    bot: Harness, staff_chat: Any
) -> None:
    rng = random.Random(12)
    talents = [
        Seed(7100 + n, {**realistic(rng, "film"), "full_name": f"Putri Sineas {n}"})
        for n in range(12)
    ]
    await seeded(bot.database, talents)
    [listed] = await bot.send(admin_of(staff_chat), "/lead putri")
    assert listed.text.endswith(shown(Text.LEAD_SEARCH_MORE, total=12, shown=PAGE_SIZE))
    assert len([label for label in listed.button_texts if label.startswith("📄")]) == PAGE_SIZE
    # Nothing pages on to the unfiltered list: there is no next page of this search.
    assert CONTENT.text(Text.BTN_NEXT_PAGE, "id") not in listed.button_texts


async def test_leads_with_a_name_points_to_lead_and_a_typo_to_the_filter_meant(
    make_bot: Any, staff_chat: Any
) -> None:
    bot, admin, english = await two_staff(make_bot, staff_chat, "en")
    for staff, language in ((admin, "id"), (english, "en")):
        # No filter word is close: a name or a reference is found with /lead, as typed.
        for typed in ("Sari", "KOC-000001"):
            [usage] = await bot.send(staff, f"/leads {typed}")
            lines = usage.text.split("\n")
            assert lines[0] == shown(Text.LEADS_UNKNOWN_FILTER, language, word=typed)
            assert lines[1] == shown(Text.LEADS_BY_NAME, language, words=typed)
            assert lines[2] == opening(Text.LEADS_USAGE, language)
        # One or two typos from a filter word, of either language: that word is suggested.
        for typed, meant in [
            ("shortlis", "shortlist"),
            ("ditinjua", "ditinjau"),
            ("contactd", "contacted"),
            ("muisk", "musik"),
            ("unasigned", "unassigned"),
            ("menungu", "menunggu"),
        ]:
            [usage] = await bot.send(staff, f"/leads {typed}")
            lines = usage.text.split("\n")
            assert lines[0] == shown(Text.LEADS_UNKNOWN_FILTER, language, word=typed)
            assert lines[1] == shown(Text.FILTER_MEANT, language, word=meant)
            assert shown(Text.LEADS_BY_NAME, language, words=typed) not in usage.text
        # A name one slip from a filter word: not taken for a slip at its first letter
        # ("Maya", "saya"); capitalised and close ("Mina", "mine"), both hints.
        # The field of work goes with it: /lead reads it ("film bali", a workspace review).
        [usage] = await bot.send(staff, "/leads shortlist film bali")
        assert usage.text.split("\n")[1] == shown(Text.LEADS_BY_NAME, language, words="film bali")
        [maya] = await bot.send(staff, "/leads Maya")
        assert maya.text.split("\n")[1] == shown(Text.LEADS_BY_NAME, language, words="Maya")
        [mina] = await bot.send(staff, "/leads Mina")
        assert mina.text.split("\n")[1:3] == [
            shown(Text.FILTER_MEANT, language, word="mine"),
            shown(Text.LEADS_BY_NAME, language, words="Mina"),
        ]


async def test_a_filter_typo_has_a_button_for_the_filter_meant_and_a_name_to_note_points_to_lead(
    make_bot: Any, staff_chat: Any
) -> None:
    """A staff review s65 (8): "/leads muisk" asked "Maksudnya “musik”?" with no button to run
    it, so staff retyped it; "/catatan Budi lagi" (a name, not a reference) got only the
    usage line."""
    bot, admin, english = await two_staff(make_bot, staff_chat, "en")
    rng = random.Random(13)
    musician, filmmaker = await seeded(
        bot.database,
        [
            Seed(7001, _lead(rng, "Rina Wulandari")),
            Seed(7002, {**realistic(rng, "film"), "full_name": "Budi Santoso"}),
        ],
    )
    for staff, language, words in ((admin, "id", "musik"), (english, "en", "music")):
        [refusal] = await bot.send(staff, "/leads muisk")
        assert refusal.text.split("\n")[1] == shown(Text.FILTER_MEANT, language, word="musik")
        label = shown(Text.BTN_FILTER_MEANT, language, words=words)
        assert refusal.button_texts == [label]
        # Pressed: the musicians' list, as a new message below the question, which stays.
        [listed] = await bot.press(staff, label)
        assert listed.message_id != refusal.message_id
        assert musician in listed.text and filmmaker not in listed.text
        assert staff.messages[-2].text == refusal.text
        # The word meant, with another word that is no filter either: no button to press.
        [refusal] = await bot.send(staff, "/leads muisk kemarin")
        assert refusal.buttons == []
        # A name where /catatan wants a reference: /lead NAME finds it.
        [usage] = await bot.send(staff, "/catatan Budi lagi")
        assert usage.text.split("\n") == [
            shown(Text.PIPELINE_NOTE_NOT_REFERENCE, language, word="Budi"),
            shown(Text.PIPELINE_NOTE_USAGE, language),
        ]
        [found] = await bot.send(staff, "/lead Budi")
        assert filmmaker in found.text
    # The button's data, pressed by someone who is not staff: the list is not shown.
    stranger = bot.user(first_name="Eko")
    [menu] = await bot.send(stranger, "/start")
    replies = await bot.act(stranger, stranger.press_raw, menu.message_id, "rc:dl:music")
    assert musician not in "\n".join(reply.text for reply in replies)
    assert await bot.store.pipeline.notes(1, 10) == ([], 0)  # no note was kept


async def test_a_search_of_several_words_finds_the_lead_with_each_of_them_in_any_order(
    bot: Harness, staff_chat: Any
) -> None:
    """A staff review (s50): "Dewi Bandung", "sasando Kupang" found nobody; only one unbroken
    phrase was looked for."""
    rng = random.Random(12)
    await seeded(
        bot.database,
        [
            Seed(7001, {**realistic(rng, "music"), "full_name": "Dewi Lestari", "city": "Bandung"}),
            Seed(
                7002,
                {
                    **realistic(rng, "music"),
                    "full_name": "Sari Wulandari",
                    "city": "Kupang",
                    "music_role": "other",
                    "music_role_other": "pemain sasando elektrik",
                },
            ),
            Seed(7003, {**realistic(rng, "film"), "full_name": "Dewi Sartika", "city": "Surabaya"}),
        ],
    )
    admin = admin_of(staff_chat)
    for typed, found in (
        ("Dewi Bandung", "KOC-000001"),
        ("bandung   DEWI", "KOC-000001"),
        ("sasando Kupang", "KOC-000002"),
        ("Wulandari Sari", "KOC-000002"),
        ("Dewi, Bandung!", "KOC-000001"),  # an attacker's review: punctuation found nobody
        ("sasando;kupang", "KOC-000002"),
        ("dewi " * 12 + "bandung", "KOC-000001"),  # words said again count once
    ):
        [page] = await bot.send(admin, f"/lead {typed}")
        assert found in page.text and "📄" not in " ".join(page.button_texts), typed
    [none] = await bot.send(admin, "/lead Dewi Kupang")
    assert none.text == shown(Text.LEAD_SEARCH_NONE, words="Dewi Kupang")
    [both] = await bot.send(admin, "/lead dewi")
    assert "KOC-000001" in both.text and "KOC-000003" in both.text
    # The workspace's search, its counts and its board alike.
    async with workspace(bot, ADMIN_ID) as client:
        listed = await client.ok("leads", {"filter": {"q": "Kupang sasando"}})
        assert [row["reference"] for row in listed["rows"]] == ["KOC-000002"]
        assert sum(item["count"] for item in listed["counts"]) == 1
        board = await client.ok("board", {"filter": {"q": "dewi surabaya"}})
        cards = [card["reference"] for column in board["columns"] for card in column["cards"]]
        assert cards == ["KOC-000003"]
        nobody = await client.ok("leads", {"filter": {"q": "Dewi Kupang"}})
        assert nobody["total"] == 0


async def test_a_phone_typed_with_a_name_is_searched_as_the_number_the_lead_holds(
    bot: Harness, staff_chat: Any
) -> None:
    rng = random.Random(12)
    budi = {**realistic(rng, "film"), "full_name": "Budi Santoso", "phone": "+6281234567890"}
    other = {**realistic(rng, "music"), "full_name": "Budi Hartono", "phone": "+6281311112222"}
    await seeded(bot.database, [Seed(7101, budi), Seed(7102, other)])
    admin = admin_of(staff_chat)
    # A review: only a phone typed alone was read as a number; with a name, its pieces
    # ("+62", "812-3456-7890") were looked for as words and found nobody.
    for typed in (
        "budi +62 812-3456-7890",
        "budi 0812 3456 7890",
        "+62 812 3456 7890, Budi",
        "Budi (0812) 3456-7890",
    ):
        [page] = await bot.send(admin, f"/lead {typed}")
        assert "KOC-000001" in page.text and "📄" not in " ".join(page.button_texts), typed
    async with workspace(bot, ADMIN_ID) as client:
        found = await client.ok("leads", {"filter": {"q": "budi +62 812-3456-7890"}})
        # A control character is no one's text (an attacker's review: a NUL ended SQLite's
        # pattern, and "\x00" matched every lead): it is left out of what is looked for.
        nul = await client.ok("leads", {"filter": {"q": "\u0000santoso"}})
    assert [row["reference"] for row in found["rows"]] == ["KOC-000001"]
    assert [row["reference"] for row in nul["rows"]] == ["KOC-000001"]


async def test_letters_beyond_ascii_are_found_whatever_their_case(
    bot: Harness, staff_chat: Any
) -> None:
    rng = random.Random(13)
    # Seeded rows, made again by the migration that folds the searched text (0042), as a
    # database from before it is on opening.
    await seeded(
        bot.database,
        [
            Seed(7201, {**realistic(rng, "music"), "full_name": "Élise Dupont"}),
            Seed(7202, {**realistic(rng, "film"), "full_name": "Ça\u011fr\u0131 Y\u0131lmaz"}),
            Seed(7203, {**realistic(rng, "music"), "full_name": "Nguyễn Văn Đức"}),
        ],
    )
    script = dict(MIGRATIONS)["0042_lead_search_refolded"]
    async with bot.store.db.transaction() as tx:
        for statement in statements(script):
            await tx.execute(statement)
    # A registration in the chat, its name in capitals: its row made by the bot as it goes.
    moreau = bot.user(first_name="Léa")
    await apply(bot, moreau, {**MUSICIAN, "full_name": "LÉA MOREAU", "phone": "+6281277778888"})
    admin = admin_of(staff_chat)
    # SQLite's lower() and LIKE fold only ASCII letters (a review: "ÉLISE" found nobody).
    for typed, found in (
        ("ÉLISE", "KOC-000001"),
        ("élise dupont", "KOC-000001"),
        ("ÇAĞRI", "KOC-000002"),
        ("ça\u011fr\u0131 yilmaz", "KOC-000002"),  # the dotless i as i
        ("ĐỨC", "KOC-000003"),
        ("đức", "KOC-000003"),
        ("léa moreau", "KOC-000004"),
    ):
        [page] = await bot.send(admin, f"/lead {typed}")
        assert found in page.text and "📄" not in " ".join(page.button_texts), typed
    async with workspace(bot, ADMIN_ID) as client:
        listed = await client.ok("leads", {"filter": {"q": "Élise"}})
    assert [row["reference"] for row in listed["rows"]] == ["KOC-000001"]


async def test_a_province_named_in_a_search_finds_the_leads_from_it(
    bot: Harness, staff_chat: Any
) -> None:
    rng = random.Random(14)
    await seeded(
        bot.database,
        [
            Seed(7301, _lead(rng, "Dewi Lestari", province="jawa_barat", city="Bandung")),
            Seed(7302, _lead(rng, "Asep Sunandar", province="jawa_barat", city="Bekasi")),
            Seed(7303, _lead(rng, "Sari Dewi", province="bali", city="Denpasar")),
            # A name, not a place.
            Seed(7304, _lead(rng, "Bayu Riau", province="jawa_timur", city="Malang")),
        ],
    )
    admin = admin_of(staff_chat)
    # A review: "jawa barat" found nobody, the province being kept as its code.
    [listed] = await bot.send(admin, "/lead jawa barat")
    buttons = set(listed.button_texts)
    assert {"📄 KOC-000001", "📄 KOC-000002"} <= buttons
    assert not {"📄 KOC-000003", "📄 KOC-000004"} & buttons
    read = shown(Text.LEAD_SEARCH_PLACE, words="jawa barat", place="Jawa Barat")
    assert listed.text.endswith("\n\n" + read)  # it says how it read the words
    for typed in ("Jabar dewi", "dewi, West Java", "DEWI JAWA BARAT"):  # an alias, English
        [page] = await bot.send(admin, f"/lead {typed}")
        assert "KOC-000001" in page.text and "📄" not in " ".join(page.button_texts), typed
    [none] = await bot.send(admin, "/lead rina jabar")
    read = shown(Text.LEAD_SEARCH_PLACE, words="jabar", place="Jawa Barat")
    assert none.text == shown(Text.LEAD_SEARCH_NONE, words="rina jabar") + "\n\n" + read
    # A province's name in someone's name still finds them.
    [page] = await bot.send(admin, "/lead riau")
    assert "KOC-000004" in page.text and "📄" not in " ".join(page.button_texts)
    async with workspace(bot, ADMIN_ID) as client:
        found = await client.ok("leads", {"filter": {"q": "jawa barat"}})
        board = await client.ok("board", {"filter": {"q": "bali"}})
    assert sorted(row["reference"] for row in found["rows"]) == ["KOC-000001", "KOC-000002"]
    assert sum(item["count"] for item in found["counts"]) == 2
    cards = [card["reference"] for column in board["columns"] for card in column["cards"]]
    assert cards == ["KOC-000003"]


async def test_a_field_of_work_in_a_search_finds_only_the_leads_of_that_field(
    bot: Harness, staff_chat: Any
) -> None:
    rng = random.Random(17)
    film = {**realistic(rng, "film"), "full_name": "Jessica Tan", "province": "bali"}
    await seeded(
        bot.database,
        [
            Seed(7501, _lead(rng, "Putu Ayu", province="bali", city="Denpasar")),
            Seed(7502, {**film, "city": "Ubud"}),
            Seed(7503, {**realistic(rng, "film"), "full_name": "Budi", "province": "dki_jakarta"}),
        ],
    )
    admin = admin_of(staff_chat)
    # A staff review: "film bali" found nobody, the field being no searched text.
    [page] = await bot.send(admin, "/lead film bali")
    assert "KOC-000002" in page.text and "📄" not in " ".join(page.button_texts)
    [listed] = await bot.send(admin, "/lead Musik")  # the label, any case: music only
    assert "KOC-000001" in listed.text and "KOC-000002" not in listed.text
    [listed] = await bot.send(admin, "/lead film")
    assert {"📄 KOC-000002", "📄 KOC-000003"} == set(listed.button_texts) & {
        "📄 KOC-000001",
        "📄 KOC-000002",
        "📄 KOC-000003",
    }
    assert listed.text.endswith(
        "\n\n" + shown(Text.LEAD_SEARCH_SECTOR, words="film", sector="Film")
    )
    async with workspace(bot, ADMIN_ID) as client:
        found = await client.ok("leads", {"filter": {"q": "film bali"}})
        board = await client.ok("board", {"filter": {"q": "music"}})
        # With the Filter's own field, the two must agree: music and "film" is no one.
        none = await client.ok("leads", {"filter": {"q": "film", "sector": "music"}})
    assert [row["reference"] for row in found["rows"]] == ["KOC-000002"]
    assert found["places"] == [
        shown(Text.LEAD_SEARCH_PLACE, words="bali", place="Bali"),
        shown(Text.LEAD_SEARCH_SECTOR, words="film", sector="Film"),
    ]
    cards = [card["reference"] for column in board["columns"] for card in column["cards"]]
    assert cards == ["KOC-000001"]
    assert none["total"] == 0


async def test_a_country_in_a_search_finds_the_leads_naming_it_not_everyone_abroad(
    bot: Harness, staff_chat: Any
) -> None:
    rng = random.Random(15)
    abroad = "outside_indonesia"
    await seeded(
        bot.database,
        [
            Seed(7401, _lead(rng, "Sari Lestari", province=abroad, city="Tokyo")),
            Seed(7402, _lead(rng, "Budi Santoso", province=abroad, city="Kuala Lumpur, Malaysia")),
            Seed(7403, _lead(rng, "Dewi Pratiwi", province=abroad, city="Seoul, Korea Selatan")),
        ],
    )
    admin = admin_of(staff_chat)
    # An attacker's review: the countries share abroad's one code, so "korea" listed all 3.
    for typed, found in (("korea", "KOC-000003"), ("Malaysia", "KOC-000002")):
        [page] = await bot.send(admin, f"/lead {typed}")
        assert found in page.text and "📄" not in " ".join(page.button_texts), typed
    [none] = await bot.send(admin, "/lead jepang")  # Sari wrote "Tokyo" only
    assert none.text == shown(Text.LEAD_SEARCH_NONE, words="jepang")
    # Abroad's own names still list everyone abroad, and the list says how it read them.
    for typed in ("luar negeri", "abroad"):
        [listed] = await bot.send(admin, f"/lead {typed}")
        assert {"📄 KOC-000001", "📄 KOC-000002", "📄 KOC-000003"} <= set(listed.button_texts)
        read = shown(Text.LEAD_SEARCH_PLACE, words=typed, place="Di luar Indonesia")
        assert listed.text.endswith("\n\n" + read), typed
    async with workspace(bot, ADMIN_ID) as client:
        korea = await client.ok("leads", {"filter": {"q": "korea"}})
        everyone = await client.ok("leads", {"filter": {"q": "di luar indonesia"}})
    assert [row["reference"] for row in korea["rows"]] == ["KOC-000003"]
    assert korea["places"] == []  # a country is no place the search reads
    assert everyone["total"] == 3
    read = shown(Text.LEAD_SEARCH_PLACE, words="di luar indonesia", place="Di luar Indonesia")
    assert everyone["places"] == [read]


async def test_a_phone_and_a_number_beside_it_are_looked_for_apart(
    bot: Harness, staff_chat: Any
) -> None:
    rng = random.Random(16)
    await seeded(
        bot.database,
        [
            Seed(7501, _lead(rng, "Eka Putri", phone="+6281234567890", city="Bandung 40115")),
            Seed(
                7502,
                _lead(rng, "Eka Saputra", phone="+6281311112222", city="Medan 20111, Blok 2024"),
            ),
        ],
    )
    admin = admin_of(staff_chat)
    # An attacker's review: a phone and a number beside it (a postcode, a year) were joined
    # into one number ("0812345678904011 5"), which no lead holds.
    for typed, found in (
        ("eka 0812 3456 7890 40115", "KOC-000001"),
        ("eka 40115 0812-3456-7890", "KOC-000001"),
        ("eka 20111 2024", "KOC-000002"),
        ("+62 813 1111 2222 2024 eka", "KOC-000002"),
    ):
        [page] = await bot.send(admin, f"/lead {typed}")
        assert found in page.text and "📄" not in " ".join(page.button_texts), typed
    async with workspace(bot, ADMIN_ID) as client:
        eka = await client.ok("leads", {"filter": {"q": "eka 0812 3456 7890 40115"}})
        both = await client.ok("leads", {"filter": {"q": "0812 3456 7890 0813 1111 2222"}})
    assert [row["reference"] for row in eka["rows"]] == ["KOC-000001"]
    assert both["total"] == 0  # two phones: each looked for, and no lead holds both


def test_number_pieces_are_told_from_words_as_before_and_a_long_word_is_read_once() -> None:
    """A number piece is read with one pass over the word (s59: "1" * 4,096 then a letter was
    tried from each digit, about 0.1 s; numbers in the session's report): the same pieces
    join into a phone number, and a word that only looks like one stays a word."""
    assert _phone_joined(["budi", "+62", "812-3456-7890"]) == ["budi", "+6281234567890"]
    assert _phone_joined(["Budi", "(0812)", "3456-7890"]) == ["Budi", "081234567890"]
    assert _phone_joined(["eka", "0812", "3456", "7890", "40115"]) == [
        "eka",
        "081234567890",
        "40115",
    ]
    # Punctuation alone, a "+" alone, a word with a letter: no number pieces.
    assert _phone_joined(["-.-", "2024", "+", "12345", "08a12"]) == [
        "-.-",
        "2024",
        "+",
        "12345",
        "08a12",
    ]
    # Hostile words of 4,096 characters (a search is cut at 100 characters before this).
    hostile = ["1" * 4095 + "a", "-" * 4095 + "x", "(" * 4095 + "1"]
    assert _phone_joined(hostile) == hostile  # no number of 5 digits or more among them
    assert _phone_joined(["1" * 4096]) == ["1" * 4096]  # a long number, looked for as one


async def test_doctor_finds_a_lead_written_without_the_bots_folding_and_repairs_it(
    bot: Harness, staff_chat: Any
) -> None:
    rng = random.Random(17)
    # Seeded with a plain sqlite3 connection, as the sqlite3 shell writes (an attacker's
    # review): its lower() folds only ASCII, so the row keeps "Éva Ñoño" and "éva" finds
    # nobody, with nothing said anywhere.
    await seeded(
        bot.database,
        [Seed(7601, _lead(rng, "Éva Ñoño")), Seed(7602, _lead(rng, "Sari Lestari"))],
    )
    admin = admin_of(staff_chat)
    [none] = await bot.send(admin, "/lead éva")
    assert none.text == shown(Text.LEAD_SEARCH_NONE, words="éva")
    env = clean_env(bot.database.parent, DATABASE_PATH=str(bot.database))
    _, out, err = await run_cli(bot.database.parent, env, "doctor")
    assert "✘ Lead search: 1 lead written without the bot's letter folding" in out, out + err
    assert "such as É or Ñ: KOC-000001\n    fix: kocca-bot doctor --repair-search" in out
    # Repaired while the bot runs: found, and doctor passes.
    _, out, err = await run_cli(bot.database.parent, env, "doctor", "--repair-search")
    assert out.startswith("✔ Lead search repair: made again for 1 lead: KOC-000001\n"), out + err
    assert "✔ Lead search: every lead can be found" in out
    for typed in ("éva", "ÑOÑO"):
        [page] = await bot.send(admin, f"/lead {typed}")
        assert "KOC-000001" in page.text and "📄" not in " ".join(page.button_texts), typed


# Every letter with a case, and every combining mark (the pairs fold once broke on).
_CASED = [chr(c) for c in range(0x20, 0x3000) if chr(c).lower() != chr(c)]
_MARKS = [chr(c) for c in range(0x300, 0x370)] + ["\u0345", "\u1dc0", "\u20d7"]


def test_folding_twice_gives_what_folding_once_does() -> None:
    # An attacker's review: "J\u030c" folded to "j\u030c", which folds again to "ǰ"; the
    # doctor's check, which folds what the bot stored, flagged the bot's own rows for good.
    for letter in _CASED:
        for mark in _MARKS:
            for text in (letter + mark, "x" + letter + mark + letter, letter + mark + mark):
                once = fold(text)
                assert fold(once) == once, ascii(text)
                assert unicodedata.is_normalized("NFC", once), ascii(text)


@given(st.text(), st.text(st.sampled_from(_CASED + _MARKS + ["\u0130", "\u0131"])))
def test_folding_is_stable_on_any_text(text: str, letters: str) -> None:
    for each in (text, letters):
        assert fold(fold(each)) == fold(each), ascii(each)


async def test_a_name_with_a_capital_and_a_mark_is_found_and_not_flagged_by_doctor(
    bot: Harness, staff_chat: Any
) -> None:
    # "J\u030c" has no composed capital; lowercased it has one ("ǰ"): the bot kept it as
    # "j\u030c", doctor flagged the lead as written without the bot's folding (and the repair
    # never cleared it), and "ǰovan" typed composed found nobody.
    jovan = bot.user(first_name="Jovan")
    await apply(
        bot, jovan, {**MUSICIAN, "full_name": "J\u030cOVAN TEST", "phone": "+6281277778889"}
    )
    admin = admin_of(staff_chat)
    for typed in ("\u01f0ovan", "J\u030covan test"):
        [page] = await bot.send(admin, f"/lead {typed}")
        assert "KOC-000001" in page.text and "📄" not in " ".join(page.button_texts), typed
    env = clean_env(bot.database.parent, DATABASE_PATH=str(bot.database))
    _, out, err = await run_cli(bot.database.parent, env, "doctor")
    assert "✔ Lead search: every lead can be found" in out, out + err
    assert await bot.store.leads.refold_search() == []  # nothing to repair, for good


# A desk's leads whose stage, role, film format and program a search names (a staff review
# s57, M5: "dokumenter", "penyanyi", "MU:CON" and "Shortlist" found nobody).
DESK = [
    Seed(
        7001,
        {
            **MUSICIAN,
            "full_name": "Dewi Senja",
            "music_role": "solo_artist",
            "email": "dewi@senja.id",
            "phone": "081311110001",
        },
    ),
    Seed(
        7002,
        {
            **MUSICIAN,
            "full_name": "Maya Putri",
            "programs_of_interest": ["mucon", "music_to_korea"],
            "email": "maya@band.id",
            "phone": "081311110002",
        },
    ),
    Seed(7003, FILMMAKER),
    Seed(
        7004,
        {
            **MUSICIAN,
            "full_name": "Kevin Wijaya",
            "music_role": "producer",
            "email": "kevin@band.id",
            "phone": "081311110004",
        },
    ),
]


async def a_desk_of_four(bot: Harness) -> None:
    """Dewi (solo singer), Maya (band, Shortlist), Budi (documentaries, Shortlist), Kevin
    (producer); the three musicians chose MU:CON."""
    await seeded(bot.database, DESK)
    for lead in (2, 3):
        await bot.store.pipeline.move(lead, None, "shortlist", Actor.cli(), None, None)


def read_as(words: str, meaning: str) -> str:
    return shown(Text.LEAD_SEARCH_CHOICE, words=words, meaning=meaning)


async def test_lead_reads_stage_role_format_and_program_words_and_says_so(
    bot: Harness, staff_chat: Any
) -> None:
    await a_desk_of_four(bot)
    admin = admin_of(staff_chat)
    [page] = await bot.send(admin, "/lead dokumenter")  # one: Budi's page at once
    assert "KOC-000003" in page.text and "Budi Santoso" in page.text
    [page] = await bot.send(admin, "/lead penyanyi")
    assert "KOC-000001" in page.text and "Dewi Senja" in page.text
    [page] = await bot.send(admin, "/lead Produser")  # a music or a film producer: Kevin
    assert "KOC-000004" in page.text

    [listed] = await bot.send(admin, "/lead MU:CON")
    for name in ("Dewi Senja", "Maya Putri", "Kevin Wijaya"):
        assert name in listed.text
    assert "Budi Santoso" not in listed.text
    assert read_as("MU:CON", "program MU:CON") in listed.text
    [listed] = await bot.send(admin, "/lead Shortlist")
    assert "Maya Putri" in listed.text and "Budi Santoso" in listed.text
    assert "Dewi Senja" not in listed.text and "Kevin Wijaya" not in listed.text
    assert read_as("Shortlist", "tahap Shortlist") in listed.text
    # Nobody: the words say what was read, under what a search looks in.
    [none] = await bot.send(admin, "/lead dewi dokumenter")
    assert none.text == "\n\n".join(
        [
            shown(Text.LEAD_SEARCH_NONE, words="dewi dokumenter"),
            read_as("dokumenter", "format film Dokumenter"),
        ]
    )
    assert "tahap, peran, format film, genre, program" in none.text


async def test_the_workspace_search_reads_the_same_words_and_an_empty_search_says_what_it_reads(
    bot: Harness,
) -> None:
    await a_desk_of_four(bot)
    async with workspace(bot, ADMIN_ID) as client:
        for typed, found in (
            ("dokumenter", ["KOC-000003"]),
            ("penyanyi", ["KOC-000001"]),
            ("MU:CON", ["KOC-000004", "KOC-000002", "KOC-000001"]),
            ("shortlist", ["KOC-000003", "KOC-000002"]),
            ("maya shortlist", ["KOC-000002"]),
        ):
            listed = await client.ok("leads", {"filter": {"q": typed}})
            assert [row["reference"] for row in listed["rows"]] == found, typed
            assert listed["search_none"] is None
        listed = await client.ok("leads", {"filter": {"q": "penyanyi"}})
        assert listed["places"] == [
            read_as("penyanyi", "peran musik Penyanyi/artis solo"),
        ]
        english = client.as_user(init_data(bot.settings.token(), ADMIN_ID, language="en"))
        listed = await english.ok("leads", {"filter": {"q": "produser"}})
        assert listed["places"] == [
            shown(
                Text.LEAD_SEARCH_CHOICE,
                "en",
                words="produser",
                meaning="the film role Producer or the music role Producer",
            )
        ]
        empty = await client.ok("leads", {"filter": {"q": "keroncong"}})
        assert empty["rows"] == [] and empty["search_none"] == shown(
            Text.LEAD_SEARCH_NONE, words="keroncong"
        )
        assert empty["places"] == [read_as("keroncong", "genre Keroncong")]
        assert (await client.ok("leads", {"filter": {}}))["search_none"] is None
