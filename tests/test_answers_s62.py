"""Session 62's talents' review (H2, H3, M3, M4, L3): free questions that got a page promising
what the desk cannot do, or another question's page, through the emulator."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT

ASK_TEAM = CONTENT.text(Text.BTN_ASK, "id")
NOT_SURE = CONTENT.text(Text.ASK_NOT_SURE, "id")
PARENTS = CONTENT.faq["parents"]
WHO_CAN_APPLY = CONTENT.faq["who_can_apply"]


def title(reply_text: str) -> str:
    """The first line of a reply: the page's question or title."""
    return reply_text.split("\n")[0]


async def test_removing_only_the_phone_number_is_not_promised(bot: Harness) -> None:
    """H2: the page said "Minta tim kami lewat /tanya" to delete the phone number alone, which
    staff cannot do (a required answer cannot be cleared). It says what can be done: change
    it, erase everything with /hapusdata, or ask the team about anything else."""
    meutia = bot.user(first_name="Meutia")
    [answer] = await bot.send(
        meutia,
        "Mohon maaf, saya ingin menghapus nomor HP saya saja dari data, email dan lainnya"
        " tetap. Bagaimana caranya?",
    )
    assert title(answer.text) == CONTENT.faq["one_detail"].question.id
    assert "perlu dihapus" not in answer.text
    assert "tidak bisa dihapus terpisah dari data lainnya, juga oleh tim kami" in answer.text
    assert "/hapusdata menghapus semua datamu sekaligus" in answer.text
    assert "Perbarui pendaftaranku" in answer.text
    tom = bot.user(first_name="Tom", language_code="en")
    [answer] = await bot.send(tom, "please delete only my phone number, keep the email")
    assert title(answer.text) == CONTENT.faq["one_detail"].question.en
    assert "say which detail to remove" not in answer.text
    assert "neither can be removed on its own, not by our team either" in answer.text


async def test_a_parent_fixing_or_cancelling_a_childs_registration_is_told_how(
    bot: Harness,
) -> None:
    """H3: a mother writing from her son's account ("Ini ibunya Kevin, anak saya baru 16
    tahun") got "Siapa bisa daftar?" and its "Mau mulai? Ketik /daftar", or "not sure". The
    parents' page says how to correct the age or cancel, and offers the team."""
    for typed in (
        "Selamat malam. Ini ibunya Kevin, anak saya baru 16 tahun, bukan 18. Tolong"
        " diperbaiki atau dibatalkan saja pendaftarannya.",
        "umur anak saya salah ditulis, dia masih 16 tahun",
        "saya ibunya kevin. tolong batalkan pendaftaran anak saya",
    ):
        kevin = bot.user(first_name="Kevin")  # each from an account of its own
        [answer] = await bot.send(kevin, typed)
        assert title(answer.text) == PARENTS.question.id, typed
        assert "Mau mulai? Ketik /daftar" not in answer.text
        assert "ketik /daftar lalu pilih Perbarui pendaftaranku" in answer.text
        assert "ketik /status lalu tekan 🚫 Batalkan" in answer.text
        assert "/hapusdata" in answer.text
        assert ASK_TEAM in answer.button_texts
    mother = bot.user(first_name="Kevin", language_code="en")
    [answer] = await bot.send(mother, "please cancel my daughter's registration, she is only 16")
    assert title(answer.text) == PARENTS.question.en
    assert "type /status and press 🚫 Cancel" in answer.text


async def test_a_talents_own_cancel_or_age_slip_is_not_the_parents_page(bot: Harness) -> None:
    """The parents' page's new words ("batalkan", "salah ditulis") do not take a talent's own
    question: how to cancel is on "Sudah daftar, kapan dihubungi?", which now says it."""
    after = CONTENT.faq["after_registering"]
    for typed in ("cara membatalkan pendaftaran saya", "umur saya salah ditulis"):
        [answer] = await bot.send(bot.user(first_name="Dimas"), typed)
        assert title(answer.text) == after.question.id, typed
    assert "Mau membatalkan pendaftaranmu? Ketik /status lalu tekan 🚫 Batalkan." in answer.text


async def test_questions_no_page_answers_are_not_answered_with_another(bot: Harness) -> None:
    """M3: women directors got the BIFF Asian Cinema Fund page, which says nothing of women;
    collaborating with K-pop idols got the audition page's "Tidak." or "Apa itu KOCCA?". The
    first is "not sure" with the team; the others the music page, which says our sources do
    not mention it."""
    meutia = bot.user(first_name="Meutia")
    [reply] = await bot.send(
        meutia, "Apakah sutradara perempuan juga didukung dalam program-program ini?"
    )
    assert reply.text == NOT_SURE
    assert ASK_TEAM in reply.button_texts
    music = CONTENT.programs["music_to_korea"].title.id
    for typed in ("kolab karo idol kpop iso gak", "bisa kolaborasi sama artis K-pop?"):
        [page] = await bot.send(bot.user(first_name="Ipul"), typed)
        assert title(page.text) == music, typed
        assert "Kolaborasi dengan artis K-pop juga belum disebut di sumber kami." in page.text
    # Becoming an idol is still the audition page's.
    [page] = await bot.send(bot.user(first_name="Ipul"), "jadi idol kpop lewat sini bisa?")
    assert title(page.text) == CONTENT.faq["kpop_auditions"].question.id


async def test_what_a_co_production_is_is_said(bot: Harness) -> None:
    """M4: "co-production itu maksudnya apa?" got the page with no word of what one is, then
    "the answer is above" to the same question again."""
    laras = bot.user(first_name="Laras")
    [page] = await bot.send(
        laras, "co-production itu maksudnya apa ya kak? aku lagi bikin film pendek animasi 7 menit"
    )
    assert title(page.text) == CONTENT.programs["coproduction"].title.id
    definition = (
        "Koproduksi (co-production) adalah film yang dibuat bersama oleh rumah produksi dari"
        " negara yang berbeda"
    )
    assert definition in page.text
    [again] = await bot.send(laras, "koproduksi itu apa sih kak?")
    assert again.text == CONTENT.text(Text.ASK_SEE_ABOVE, "id")  # and it is, now
    tom = bot.user(first_name="Tom", language_code="en")
    [page] = await bot.send(tom, "what is a co-production?")
    assert "A co-production is a film made jointly by production companies" in page.text


async def test_choirs_church_music_and_suroboyoan_preparing_are_answered(bot: Harness) -> None:
    """L3: a big choir got the showreel page's "terlalu besar", a church choir and church
    songs nothing or other pages, Suroboyoan "nyiapno" (to prepare) nothing."""
    for typed, key in (
        ("Apakah paduan suara besar bisa ikut, amang?", "who_can_apply"),
        ("choir gereja bisa ikut?", "who_can_apply"),
        ("bah, kalau lagu gerejawi / musik rohani, itu masuk hitungan kah?", "who_can_apply"),
        ("aku kudu nyiapno opo ae cak?", "what_to_prepare"),
    ):
        [answer] = await bot.send(bot.user(first_name="Tigor"), typed)
        assert title(answer.text) == CONTENT.faq[key].question.id, typed
