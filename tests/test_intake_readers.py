"""The form's name, link, stage-name and e-mail readers, as five talents typed at them in a
review (session 56): a manager's "Nama artis saya …", a video password after the link, a
solo name beside a collective's, a comma for the e-mail's dot."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, FILMMAKER, at_question, draft_answers, label, seen, shown, where


async def test_a_name_said_with_whose_it_is_is_the_name(bot: Harness) -> None:
    """H2: at the full name, whose hint invites filling in for someone else, a manager's
    "Nama artis saya Galih Prasetyo" was stored whole. Whose name it is is cut like "nama
    saya", and said ("✅ Kucatat: Galih Prasetyo")."""
    user = await at_question(bot, "full_name")
    back = CONTENT.text(Text.BTN_BACK, "id")
    for typed in (
        "Nama artis saya Galih Prasetyo",
        "nama artisnya Galih Prasetyo",
        "Nama lengkap artis saya Galih Prasetyo",
        "nama klien saya Galih Prasetyo",
        "nama anak saya Galih Prasetyo",
        "her name is Galih Prasetyo",
        "my artist's name is Galih Prasetyo",
        "nama lengkapnya Galih Prasetyo",
        "Saya manajernya, nama artis saya Galih Prasetyo",
    ):
        [said] = await bot.send(user, typed)
        assert "Kucatat: Galih Prasetyo." in said.text and typed not in said.text, typed
        assert (await draft_answers(bot, user))["full_name"] == "Galih Prasetyo", typed
        await bot.press(user, back)
        assert await where(bot, user) == "full_name"
    # Two people's names in one message: which one the form is for is asked, nothing stored.
    stored = (await draft_answers(bot, user))["full_name"]
    [asked] = await bot.send(user, "Nama saya Wulan, nama artis saya Galih Prasetyo")
    assert asked.text.startswith(shown(Text.INTAKE_NAME_UNSURE))
    assert (await draft_answers(bot, user))["full_name"] == stored


async def test_a_password_typed_at_a_link_question_is_sent_to_the_last_question(
    bot: Harness,
) -> None:
    """M5: "Password: deli2025" after a Vimeo link got "Only links or account names go
    here…", and the password was lost. The refusal says where it belongs; nothing is stored,
    and the password is not echoed."""
    user = await at_question(bot, "portfolio_url")
    [refused] = await bot.send(user, "kata sandinya deli2025")
    assert refused.text.startswith(shown(Text.INTAKE_PASSWORD_LATER))
    assert "Pesan untuk tim kami" in refused.text and "deli2025" not in refused.text
    assert await where(bot, user) == "portfolio_url"
    await bot.send(user, "https://vimeo.com/123456")
    assert await where(bot, user) == "other_links"
    for typed in ("Password: deli2025", "pw: deli2025"):
        [refused] = await bot.send(user, typed)
        assert refused.text.startswith(shown(Text.INTAKE_PASSWORD_LATER)), typed
        assert "deli2025" not in refused.text
        assert await where(bot, user) == "other_links"
        assert "other_links" not in await draft_answers(bot, user)
    # Anything else that is no link is still only told where links go.
    [refused] = await bot.send(user, "ada di hp aku")
    assert refused.text.startswith(shown(Text.INTAKE_NO_LINK))


async def test_a_solo_name_beside_a_collectives_is_asked_back(bot: Harness) -> None:
    """M7: "Kalau solo pake Arsana, tp aku jg punya kolektif namanya Sekaa Digital" stored
    only "Sekaa Digital". Which of the two names is meant is asked; nothing is stored. Sent
    again, the text is kept whole, both names in it; both written plainly are kept so."""
    user = await at_question(bot, "stage_name")
    typed = "Kalau solo pake Arsana, tp aku jg punya kolektif namanya Sekaa Digital"
    [asked] = await bot.send(user, typed)
    assert asked.text.startswith(shown(Text.INTAKE_NAME_UNSURE))
    assert await where(bot, user) == "stage_name"
    assert "stage_name" not in await draft_answers(bot, user)
    await seen(bot, user)
    await bot.send(user, typed)
    assert (await draft_answers(bot, user))["stage_name"] == typed
    await bot.press(user, CONTENT.text(Text.BTN_BACK, "id"))
    both = "Arsana (solo) / Sekaa Digital (kolektif)"
    await bot.send(user, both)
    assert (await draft_answers(bot, user))["stage_name"] == both


async def test_a_comma_for_the_emails_dot_is_offered_mended(bot: Harness) -> None:
    """L1: "Putu.arsana@gmail,com" got only "Sepertinya alamat email itu belum benar". The
    address with a dot is offered ("Maksudmu putu.arsana@gmail.com?"), taken when pressed
    or said yes to; the address as typed is not offered to keep, and nothing is stored
    before."""
    user = await at_question(bot, "email")
    back = CONTENT.text(Text.BTN_BACK, "id")
    for typed, meant, then in (
        ("Putu.arsana@gmail,com", "putu.arsana@gmail.com", None),
        ("email aku rina.dewi@yahoo,co,id kak", "rina.dewi@yahoo.co.id", "iya"),
    ):
        before = (await draft_answers(bot, user)).get("email")
        use = CONTENT.text(Text.BTN_EMAIL_SUGGESTED, "id", address=meant)
        [asked] = await bot.send(user, typed)
        assert f"Maksudmu {meant}?" in asked.text, typed
        assert use in asked.button_texts
        assert not any("," in label for label in asked.button_texts)
        assert await where(bot, user) == "email"
        assert (await draft_answers(bot, user)).get("email") == before
        if then is None:
            await bot.press(user, use, message=asked)
        else:
            await bot.send(user, then)
        assert (await draft_answers(bot, user))["email"] == meant, typed
        assert await where(bot, user) == "phone"
        await bot.press(user, back)
    # A comma that leaves no address either way is only "not right", as before.
    [refused] = await bot.send(user, "putu,arsana")
    assert refused.text.startswith(shown(Text.INTAKE_BAD_EMAIL))


async def test_the_words_for_filling_in_for_someone_else_and_a_parents_yes(
    bot: Harness,
) -> None:
    """Wording (s56): the full name's hint asked for "atasanmu" (a manager fills in for her
    artist, not her boss); the guardian screen's "hanya jika mereka sudah menyetujui" read
    formal; "Udh kak, mama bolehin 😁" got "Iya, kalau…" under an info mark, odd after good news
    (said, not asked: as a typed "setuju" at the main consent, s58)."""
    user = await at_question(bot, "full_name")
    asked = user.last_message.text
    assert "misalnya artis yang kamu tangani? Tulis nama lengkap orang itu." in asked
    assert "atasan" not in asked
    minor = await at_question(bot, "age_range")
    [guardian] = await bot.press(minor, label("age_range", "under_18", "id"))
    assert "hanya kalau mereka memang sudah mengizinkan pendaftaranmu" in guardian.text
    [reply] = await bot.send(minor, "Udh kak, mama bolehin 😁")
    assert reply.text.startswith(shown(Text.INTAKE_GUARDIAN_BY_BUTTON))
    assert await where(bot, minor) == "guardian"  # the press is still theirs to make


async def test_a_remark_about_oneself_in_brackets_is_no_part_of_the_name(bot: Harness) -> None:
    """L2: "PT Deli Sinema Kreatif (I'm the owner and lead producer)" was stored whole as the
    production house (and so in the staff alert). The remark is left out, and what is kept is
    said; brackets that say nothing of the talent stay."""
    user = await at_question(bot, "company_name", answers=FILMMAKER)
    [said] = await bot.send(user, "PT Deli Sinema Kreatif (I'm the owner and lead producer)")
    assert said.text.startswith("✅ Kucatat: PT Deli Sinema Kreatif.")
    assert (await draft_answers(bot, user))["company_name"] == "PT Deli Sinema Kreatif"
    await bot.press(user, CONTENT.text(Text.BTN_BACK, "id"))
    await bot.send(user, "Lontara Docs (Makassar)")
    assert (await draft_answers(bot, user))["company_name"] == "Lontara Docs (Makassar)"


async def test_a_role_said_with_another_no_choice_names_says_where_that_goes(
    bot: Harness,
) -> None:
    """L3: "Aku penyanyi sama dancer" got "✅ Kucatat: Penyanyi/artis solo." and "dancer"
    was dropped without a word. The singer is taken, and the note says the dancer can go in
    the last question; a role said with people ("sama temen2") gets the plain note."""
    user = await at_question(bot, "music_role")
    [said] = await bot.send(user, "Aku penyanyi sama dancer")
    assert said.text.startswith(
        "✅ Kucatat: Penyanyi/artis solo. Dancer bisa kamu tulis di pertanyaan terakhir,"
        " Pesan untuk tim kami."
    )
    assert (await draft_answers(bot, user))["music_role"] == "solo_artist"
    await bot.press(user, CONTENT.text(Text.BTN_BACK, "id"))
    [said] = await bot.send(user, "band aku sama temen2")
    assert said.text.startswith(shown(Text.INTAKE_TAKEN, taken="Band/grup"))
    assert (await draft_answers(bot, user))["music_role"] == "band_group"
