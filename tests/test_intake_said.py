"""What five talents typed at the form in a review (session 55), read as they meant it: a
name inside a sentence, "hmm", "ga ada", a typed yes, short replies, a message in two parts."""

from __future__ import annotations

from bot.content_checks import SELECTED_MARK
from bot.leads.answer_outcomes import NONE_YET
from bot.leads.export import to_wib
from bot.leads.form_order import choices
from bot.store import utc_now
from bot.store.db import ago
from bot.texts import Text
from tests.harness import Harness
from tests.leads import (
    CONTENT,
    FILMMAKER,
    MUSICIAN,
    answer,
    at_question,
    consent,
    draft_answers,
    fill,
    label,
    seen,
    shown,
    where,
)


async def test_hmm_at_an_optional_text_is_no_answer_and_a_name_in_a_sentence_is_cut(
    bot: Harness,
) -> None:
    """H1: "hmm" was stored as the stage name and as notable works; "Band kita namanya Senja
    di Dago kang" and "Nama produsernya JKO beats" were stored whole."""
    user = await at_question(bot, "stage_name")
    for typed in ("hmm", "Emm..."):
        [reply] = await bot.send(user, typed)
        assert reply.text.startswith(shown(Text.INTAKE_CHATTER_AT_TEXT))
        assert await where(bot, user) == "stage_name"
        assert "stage_name" not in await draft_answers(bot, user)
    back = CONTENT.text(Text.BTN_BACK, "id")
    for typed, kept in (
        ("Band kita namanya Senja di Dago kang", "Senja di Dago"),
        ("Nama produsernya JKO beats", "JKO beats"),
        # Names that are several words, or have such a word in them, stay whole.
        ("Anak Bernama Senja", "Anak Bernama Senja"),
        ("Sari & The Monsoons", "Sari & The Monsoons"),
        ("Nama Besar Putra", "Nama Besar Putra"),
        ("Yang Tak Bernama", "Yang Tak Bernama"),
        ("Senja di Dago kang", "Senja di Dago"),
    ):
        await bot.send(user, typed)
        assert (await draft_answers(bot, user))["stage_name"] == kept, typed
        await bot.press(user, back)
        assert await where(bot, user) == "stage_name"
    user = await at_question(bot, "notable_works")
    [reply] = await bot.send(user, "hmm")
    assert reply.text.startswith(shown(Text.INTAKE_CHATTER))
    assert await where(bot, user) == "notable_works"
    assert "notable_works" not in await draft_answers(bot, user)


async def test_a_name_after_a_polite_lead_in_is_the_name(bot: Harness) -> None:
    """H2: Ibu Sari's full name and production house were stored as her whole sentences."""
    user = await at_question(bot, "full_name", answers=FILMMAKER)
    await bot.send(user, "Sebagaimana saya sebutkan, nama lengkap saya Sari Rahmawati.")
    assert (await draft_answers(bot, user))["full_name"] == "Sari Rahmawati"
    assert await where(bot, user) == "company_name"
    await bot.send(
        user,
        "Saya tidak memakai nama panggung, namun rumah produksi saya bernama Lontara Docs.",
    )
    assert (await draft_answers(bot, user))["company_name"] == "Lontara Docs"
    back = CONTENT.text(Text.BTN_BACK, "id")
    for typed, kept in (
        ("Halo kak, nama saya Dimas Aditya ya", "Dimas Aditya"),
        ("Rumah Film Nusantara", "Rumah Film Nusantara"),
        ("Kami bernama Studio Lima Lima", "Studio Lima Lima"),
    ):
        await bot.press(user, back)
        assert await where(bot, user) == "company_name"
        await bot.send(user, typed)
        assert (await draft_answers(bot, user))["company_name"] == kept, typed


async def test_nothing_typed_at_an_optional_text_skips_it(bot: Harness) -> None:
    """M6: Nadia's "ga ada kak" was asked back, Joko's "Ga ada" stored as the note to the
    team. Every "nothing" skips, as "belum ada" and ⏭ Lewati do."""
    user = await at_question(bot, "other_links")
    back = CONTENT.text(Text.BTN_BACK, "id")
    for typed in ("ga ada kak", "Ga ada", "tidak ada", "nggak ada", "-", "belum ada"):
        await bot.send(user, typed)
        assert await where(bot, user) == "notable_works", typed
        assert (await draft_answers(bot, user)).get("other_links") is None, typed
        await bot.press(user, back)
        assert await where(bot, user) == "other_links"
    user = await at_question(bot, "stage_name")
    await bot.send(user, "Ga ada")
    assert await where(bot, user) == "music_role"
    assert (await draft_answers(bot, user)).get("stage_name") is None


async def test_a_typed_yes_to_the_email_suggestion_takes_it(bot: Harness) -> None:
    """M4: "Iya", "Iya yg gmail" and "yes" to "Maksudmu …@gmail.com?" were refused as a bad
    address. Each takes the suggestion, as its button does."""
    user = await at_question(bot, "email")
    back = CONTENT.text(Text.BTN_BACK, "id")
    for typed in ("Iya", "Iya yg gmail", "yes"):
        [asked] = await bot.send(user, "dimas.senja@gmial.com")
        assert "dimas.senja@gmail.com" in asked.text
        await bot.send(user, typed)
        assert (await draft_answers(bot, user))["email"] == "dimas.senja@gmail.com", typed
        assert await where(bot, user) == "phone"
        await bot.press(user, back)
    # Anything else is still read as an address.
    await bot.send(user, "dimas.senja@gmial.com")
    [refused] = await bot.send(user, "iya tapi yg yahoo")
    assert shown(Text.INTAKE_BAD_EMAIL) in refused.text
    assert await where(bot, user) == "email"


async def test_short_replies_are_read_as_their_long_forms(bot: Harness) -> None:
    """M5: "dr 2021" at the years, "blm ada kak 🙈" at the link, "Semua" and "sip" at the
    programs, "Kirim kang" at the review and "Oke simpan" at an update's were refused."""
    user = await at_question(bot, "experience_years")
    await bot.send(user, "Band nya dr 2021 kang")
    years = to_wib(utc_now()).year - 2021
    assert (await draft_answers(bot, user))["experience_years"] == years
    assert await where(bot, user) == "portfolio_url"
    [refused] = await bot.send(user, "ada di hp aku")
    assert refused.text.startswith(shown(Text.INTAKE_BAD_URL))
    assert "belum ada" in refused.text.split("\n")[0]  # the way out, said with the error
    await bot.send(user, "blm ada kak 🙈")
    assert (await draft_answers(bot, user))["portfolio_url"] == NONE_YET
    for key in ("other_links", "notable_works"):
        await answer(bot, user, key, MUSICIAN[key])
    assert await where(bot, user) == "programs_of_interest"
    question = CONTENT.questions["programs_of_interest"]
    offered = [value for value, _ in choices(question, CONTENT, MUSICIAN)]
    [both] = await bot.send(user, "Dua duanya kang")
    assert both.text.startswith(shown(Text.INTAKE_TICKED, ticked="Musisi ke Korea dan MU:CON"))
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None and sorted(draft.pending) == sorted(offered)
    await bot.send(user, "👍")
    assert await where(bot, user) == "languages"
    assert sorted((await draft_answers(bot, user))["programs_of_interest"]) == sorted(offered)
    await bot.press(user, label("languages", "indonesian"))
    await bot.send(user, "sip")
    assert await where(bot, user) == "email"
    for key in ("email", "phone", "message"):
        await answer(bot, user, key, MUSICIAN[key])
    assert await where(bot, user) == "review"
    await seen(bot, user)  # typed once the review was read (sooner, it is shown again)
    await bot.send(user, "Kirim kang")
    assert await where(bot, user) is None
    assert any("KOC-" in message.text for message in user.messages[-3:])
    # The update of that registration: "Oke simpan" saves it.
    await bot.send(user, "/daftar")
    await bot.press(user, CONTENT.text(Text.BTN_UPDATE_REGISTRATION, "id"))
    await bot.press(user, CONTENT.text(Text.BTN_EDIT_ANSWER, "id"))
    await bot.press(user, CONTENT.questions["email"].label.id)
    await bot.send(user, "dimas.baru@gmail.com")
    assert await where(bot, user) == "review"
    await seen(bot, user)
    [saved] = await bot.send(user, "Oke simpan kak")
    assert await where(bot, user) is None
    assert "dimas.baru@gmail.com" in saved.text


async def test_only_this_program_or_not_that_one_typed_changes_the_ticks(bot: Harness) -> None:
    """M9: with MU:CON ticked, "Musisi ke korea aja" added the other program instead of
    leaving it alone, and "Mucon ga jadi" was refused."""
    user = await at_question(bot, "programs_of_interest")
    mucon = label("programs_of_interest", "mucon")

    async def ticked() -> list[str]:
        draft = await bot.store.applications.draft_for(user.id)
        assert draft is not None
        return list(draft.pending or [])

    await bot.press(user, mucon)
    [reply] = await bot.send(user, "Musisi ke korea aja")
    said = shown(Text.INTAKE_TICKED_ONLY, ticked="Musisi ke Korea", unticked="MU:CON")
    assert reply.text.startswith(said)  # the tick dropped is said (an attacker's review)
    assert await ticked() == ["music_to_korea"]
    for typed in ("Mucon ga jadi", "bukan mucon kak", "ga jadi mucon"):
        await bot.press(user, mucon)
        assert sorted(await ticked()) == ["mucon", "music_to_korea"]
        await bot.send(user, typed)
        assert await ticked() == ["music_to_korea"], typed
    # In a sentence, "aja" and "bukan" say more than which to tick (an attacker's review):
    # nothing is read from it, the buttons are.
    await bot.press(user, mucon)
    await bot.send(user, "Eh ganti deh, aku mau yg musisi ke korea aja bukan mucon")
    assert sorted(await ticked()) == ["mucon", "music_to_korea"]
    await bot.press(user, SELECTED_MARK + mucon)
    await bot.press(user, mucon)
    [reply] = await bot.send(user, "Mucon ga jadi")
    assert reply.text.startswith(shown(Text.INTAKE_UNTICKED, unticked="MU:CON"))
    # A name with "aja" in a sentence of adding still adds ("mucon juga").
    await bot.send(user, "mucon juga")
    assert sorted(await ticked()) == ["mucon", "music_to_korea"]


async def test_small_wordings_of_the_form(bot: Harness) -> None:
    """L13: "Saya setuju." at the consent was told "pilih salah satu tombol"; L12: the English
    note read "✅ Noted Producer."; L1: an old button at the review said "Ini pertanyaan yang
    sedang kamu isi." above the summary, which asks no question."""
    user = bot.user(language_code="en")
    await bot.send(user, "/register")
    [told] = await bot.send(user, "Saya setuju.")
    assert told.text.startswith(shown(Text.INTAKE_CONSENT_BY_BUTTON, "en"))
    assert "I agree" in told.text
    assert await where(bot, user) == "consent_processing"
    await consent(bot, user, language="en")
    await answer(bot, user, "sector", "music", "en")
    await answer(bot, user, "age_range", "age_25_34", "en")
    await bot.send(user, "Sari Dewi")
    await answer(bot, user, "stage_name", None, "en")
    [noted] = await bot.send(user, "Produser, kadang juga nulis lagu")
    assert noted.text.startswith("✅ Noted: Producer.")
    music = {**MUSICIAN, "music_role": "producer"}
    await fill(bot, user, music, "en")
    assert await where(bot, user) == "review"
    back = CONTENT.text(Text.BTN_BACK, "en")
    old = next(m for m in reversed(user.messages[:-1]) if back in m.button_texts)
    [stale] = await bot.press(user, back, message=old)
    assert stale.text.startswith("That button has expired. Here's where you are now:")


async def test_text_soon_after_a_long_answer_is_not_stored_and_that_is_said(
    bot: Harness,
) -> None:
    """H3: "Ep pertama kita" was stored as notable works, and "Judulnya Kabut Lembang rilis
    2023, …" sent right after it was refused at the programs and lost. Form2 added it to that
    answer; an attacker's review then had answers to the programs, a phone number and an
    e-mail added too. Soon after, nothing is stored and that is said, with how to add it;
    later, it is refused as before; a program named is ticked."""
    user = await at_question(bot, "notable_works")
    await bot.send(user, "Ep pertama kita")
    assert await where(bot, user) == "programs_of_interest"
    works = CONTENT.questions["notable_works"].label.id
    # A second attacker's finding 8: a text plainly about the programs (a choice, a word of
    # picking) gets the buttons refusal, not the note. ("mau ikut yang ke korea kak" now ticks
    # Musisi ke Korea: test_intake_parts.)
    for typed, about in (
        ("Judulnya Kabut Lembang rilis 2023, trs pernah maen di bandung berisik", False),
        ("Nomor WA aku 081234567801 kak", False),
        ("email aku sari@gmail.com", False),
        ("ga ada yang cocok kak", True),
        ("Boleh dua-duanya nggak kak", True),
        ("terserah tim kurasi aja", True),
        ("Pilih yang manapun asal berangkat", True),
    ):
        [told] = await bot.send(user, typed)
        noted = told.text.startswith(shown(Text.INTAKE_NOT_ADDED, field=works))
        assert noted != about, (typed, told.text)
        assert (shown(Text.INTAKE_USE_BUTTONS_MULTI) in told.text) == about, typed
        assert label("programs_of_interest", "mucon") in told.button_texts  # buttons stay
        assert await where(bot, user) == "programs_of_interest"
        assert (await draft_answers(bot, user))["notable_works"] == "Ep pertama kita", typed
    await bot.send(user, "mucon")  # a program named is ticked, as before
    draft = await bot.store.applications.draft_for(user.id)
    assert draft is not None and draft.pending == ["mucon"]
    await seen(bot, user, 180)  # three minutes on: the works' answer too
    async with bot.store.db.transaction() as tx:
        await tx.execute(
            "UPDATE answers SET answered_at = ? WHERE application_id IN"
            " (SELECT id FROM applications WHERE user_id = ?)",
            (ago(180), user.id),
        )
    [refused] = await bot.send(user, "trs juga pernah di Synchronize Fest")
    assert shown(Text.INTAKE_USE_BUTTONS_MULTI) in refused.text
    assert (await draft_answers(bot, user))["notable_works"] == "Ep pertama kita"
