"""Session 64's talents' review (H1, H2, M1-M5, L1, L2, L4, L5), through the emulator: cover
singers, "did anyone read my question?", whether a registration was sent or is in (also in
Javanese), "DAFTRA", documentaries, nationality, "ora popo", "quick qs", the same page twice
in a burst, and music-video directors."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, MUSICIAN, apply, shown, where

WHO_CAN_APPLY = CONTENT.faq["who_can_apply"]
AFTER_REGISTERING = CONTENT.faq["after_registering"]
COPRODUCTION = CONTENT.programs["coproduction"]


def title(text: str) -> str:
    """The first line of a reply: the page's question or title."""
    return text.split("\n")[0]


async def test_a_cover_singer_asking_to_register_gets_who_can_register(bot: Harness) -> None:
    """H1: "aku nyanyi cover, boleh daftar?" got the K-pop audition page, whose first word is
    "Tidak.": who can register, which says cover singers can."""
    for typed in (
        "aku nyanyi cover, boleh daftar?",
        "aku biasane nyanyi cover, oleh daftar ra?",
    ):
        rara = bot.user(first_name="Rara")
        [answer] = await bot.send(rara, typed)
        assert title(answer.text) == WHO_CAN_APPLY.question.id, typed
        assert "Penyanyi cover juga bisa mendaftarkan minat" in answer.text, typed


async def test_whether_someone_read_my_question_gets_its_status(bot: Harness) -> None:
    """H2: "did anyone read my question?" got the privacy page, "is someone reading my
    messages?" the program-news page: the line on the talent's questions, as "any reply
    yet?" gets."""
    sarah = bot.user(first_name="Sarah", language_code="en")
    [expected] = await bot.send(sarah, "any reply yet?")
    assert expected.text.startswith(shown(Text.STATUS_QUESTIONS_NONE_ASK, "en"))
    for typed in (
        "did anyone read my question?",
        "has my question been read?",
        "is someone reading my messages?",
    ):
        [reply] = await bot.send(sarah, typed)
        assert reply.text == expected.text, typed
    rara = bot.user(first_name="Rara")
    [reply] = await bot.send(rara, "udah ada yg baca pertanyaan aku blm?")
    assert reply.text.startswith(shown(Text.STATUS_QUESTIONS_NONE_ASK))
    # Asking someone to read is no question about it.
    [other] = await bot.send(rara, "tolong baca pesan saya")
    assert not other.text.startswith(shown(Text.STATUS_QUESTIONS_NONE_ASK))


async def test_whether_the_registration_was_sent_or_is_in_gets_the_status(bot: Harness) -> None:
    """M1, M2: "sudah terkirim belum?" got what to prepare; Javanese "aku wes daftar rung?",
    "pendaftaranku wes mlebu durung mas?" got "not sure": the page after registering, with
    the talent's own status."""
    hasan = bot.user(first_name="Hasan")
    reference = await apply(bot, hasan, MUSICIAN)
    [status] = await bot.send(hasan, "/status")
    for typed in (
        "SUDAH TERKIRIM BELUM",
        "pendaftaran saya sudah terkirim?",
        "aku wes daftar rung?",
        "pendaftaranku wes mlebu durung mas?",
    ):
        await bot.send(hasan, "/menu")
        [answer] = await bot.send(hasan, typed)
        assert title(answer.text) == AFTER_REGISTERING.question.id, typed
        assert answer.text.endswith(status.text) and reference in answer.text, typed


async def test_two_letters_swapped_in_daftar_are_read(bot: Harness) -> None:
    """M3: "BAGAIMANA CARA DAFTRA NYA" got "no answer", "MAU DAFTRA" too: who can register,
    and the form's start; a swap elsewhere ("gratsi") is one typo too."""
    hasan = bot.user(first_name="Hasan")
    # "gratsi": the matcher's typo correction counts a swap as one edit (rapidfuzz's OSA)
    for typed in ("BAGAIMANA CARA DAFTRA NYA", "CARA DAFTRA BAGAIMANA", "daftarnya gratsi ga?"):
        await bot.send(hasan, "/menu")
        [answer] = await bot.send(hasan, typed)
        assert title(answer.text) == WHO_CAN_APPLY.question.id, typed
    pak = bot.user(first_name="Basri")
    await bot.send(pak, "MAU DAFTRA")
    assert await where(bot, pak) == "consent_processing"


async def test_nationality_and_music_video_directors_get_who_can_register(
    bot: Harness,
) -> None:
    """M5, L5, M4: "is this only for Indonesian citizens?" got "not sure", and the page that
    answers "do I have to be Indonesian?" said nothing on it: who can register, with an honest
    line (no fact either way). "I direct music videos. Is that film or music here?" got the
    page on sending work directly: who can register, first among the suggestions, says which
    field and role to pick. The page names short films and documentaries."""
    kevin = bot.user(first_name="Kevin", language_code="en")
    [answer] = await bot.send(kevin, "is this only for Indonesian citizens?")
    assert title(answer.text) == WHO_CAN_APPLY.question.en
    assert "We don't have confirmed information on whether these programs are open" in (answer.text)
    assert "Directing music videos? Choose the Film field and the Director role" in answer.text
    andi = bot.user(first_name="Andi")
    [page] = await bot.send(andi, "siapa yang bisa daftar?")
    assert "juga film pendek, dokumenter, dan film panjang" in page.text
    director = bot.user(first_name="Kevin", language_code="en")
    [offer] = await bot.send(director, "I direct music videos. Is that film or music here?")
    assert offer.text == shown(Text.ASK_NOT_SURE, "en")
    assert offer.button_texts[0] == WHO_CAN_APPLY.question.en
    # Since session 65 sure enough to answer with the page: the page on registering more than
    # once names Music and Film too, so those words count for less against it.
    director = bot.user(first_name="Kevin", language_code="en")
    [page] = await bot.send(director, "I'm a music video director, should I pick film or music?")
    assert title(page.text) == WHO_CAN_APPLY.question.en
    assert "Directing music videos? Choose the Film field and the Director role" in page.text


async def test_ora_popo_and_quick_qs_are_small_talk(bot: Harness) -> None:
    """L1, L2: "ora popo, matur nuwun", "ora popo mas" and "hi! quick qs" got "no answer" (and
    were listed in /stats as unanswered questions): thanks, an okay and a greeting."""
    rara = bot.user(first_name="Rara")
    await bot.send(rara, "kocca itu apa?")  # answered once: thanks are thanked, not greeted
    [thanks] = await bot.send(rara, "ora popo, matur nuwun")
    assert thanks.text == shown(Text.ASK_THANKS)
    [okay] = await bot.send(rara, "ora popo mas")
    assert okay.text == shown(Text.ASK_OKAY)
    sari = bot.user(first_name="Sari", language_code="en")
    [hello] = await bot.send(sari, "hi! quick qs")
    assert hello.text.startswith(shown(Text.ASK_GREETING, "en", first_name="Sari"))
    for reply in (thanks, okay, hello):
        assert shown(Text.ASK_NOTHING) not in reply.text
        assert shown(Text.ASK_NOTHING, "en") not in reply.text


async def test_a_page_asked_twice_in_a_burst_is_sent_once(bot: Harness) -> None:
    """L4: six questions sent at once; the ~2,000-character co-production page came whole for
    the third and again for the sixth, two pages apart: the sixth points back to it."""
    sarah = bot.user(first_name="Sarah", language_code="en")
    mark = sarah.mark()
    burst = [
        "co-pro with korea possible ga?",
        "bcww kapan?",
        "need a korean partner company?",
    ]
    updates = [sarah.send(typed) for typed in burst]
    for update in updates:
        await bot.settle(update)
    page, other, pointer = sarah.messages_since(mark)
    assert title(page.text) == COPRODUCTION.title.en
    assert title(other.text) != COPRODUCTION.title.en
    assert pointer.text == shown(Text.ASK_SEE_ABOVE, "en")
    assert pointer.reply_to_message_id == page.message_id
    # One after another, read between: the page comes whole again, as before.
    [again] = await bot.send(sarah, "need a korean partner company?")
    assert again.text == page.text


async def test_non_citizens_cover_singers_and_documentary_makers_reach_who_can_register(
    bot: Harness,
) -> None:
    """Review of new staff s64, M2: "bukan WNI", "from the Philippines", "cuma nyanyi cover",
    a cover singer on TikTok and "short documentaries" got "not sure", "no answer" or the
    funding page: who can register, with the line that answers each."""
    for language, typed, line in (
        ("id", "aku bukan WNI kak, bisa ikut program ini?", "Bukan WNI? Kami belum tahu pasti"),
        ("en", "I'm from the Philippines, can I join?", "Not an Indonesian citizen? We don't"),
        ("id", "kak aku penyanyi cover di tiktok, boleh daftar ga?", "Penyanyi cover juga bisa"),
        ("id", "aku cuma nyanyi cover, bisa ikut?", "Penyanyi cover juga bisa"),
        ("en", "I make short documentaries, can I register?", "short, documentary and feature"),
    ):
        talent = bot.user(first_name="Nadia", language_code=language)
        [answer] = await bot.send(talent, typed)
        assert title(answer.text) == WHO_CAN_APPLY.question.get(language), typed
        assert line in answer.text, typed
    # Asking for documentary funding still gets the funding page.
    maya = bot.user(first_name="Maya", language_code="en")
    [funding] = await bot.send(maya, "I make documentaries, is there funding?")
    assert title(funding.text) == CONTENT.faq["film_funding"].question.en


async def test_who_can_register_answers_where_you_stand_near_its_top(bot: Harness) -> None:
    """Review of new staff s64, L1: the page was 13 paragraphs (2,373 characters) and the
    nationality line Minh asked about came 12th. It is short again, and the lines on age,
    living abroad and nationality come in its first half, before how to fill in the form."""
    minh = bot.user(first_name="Minh", language_code="en")
    [answer] = await bot.send(
        minh, "Hi! I'm Vietnamese but I live in Jakarta, can foreigners register here?"
    )
    assert title(answer.text) == WHO_CAN_APPLY.question.en
    lines = [line for line in answer.text.split("\n")[1:] if line.strip()]
    assert len(lines) <= 8 and len(answer.text) < 2000
    nationality = next(n for n, line in enumerate(lines) if "Not an Indonesian citizen?" in line)
    assert nationality < len(lines) // 2
    assert "Living abroad? You can still register" in lines[nationality]
    sari = bot.user(first_name="Sari")
    [page] = await bot.send(sari, "harus WNI ya kak?")
    lines = [line for line in page.text.split("\n")[1:] if line.strip()]
    assert any("Bukan WNI?" in line for line in lines[: len(lines) // 2])
