"""Walks the real questionnaire through the emulator, as a talent would, answer by answer."""

from __future__ import annotations

from typing import Any

from bot.content import Content, load_content
from bot.emulator import EmulatedUser
from bot.intake import choices
from bot.settings import PACKAGED_CONTENT_DIR
from tests.harness import Harness

CONTENT = load_content(PACKAGED_CONTENT_DIR)

MUSICIAN: dict[str, Any] = {
    "sector": "music",
    "full_name": "Sari Dewi Lestari",
    "stage_name": "Sari & The Monsoons",
    "music_role": "band_group",
    "genres": ["pop", "dangdut"],
    "province": "jawa_barat",
    "city": "Bandung",
    "experience_years": 6,
    "portfolio_url": "https://youtube.com/@sarimonsoons",
    "other_links": "https://open.spotify.com/artist/123\nhttps://instagram.com/sarimonsoons",
    "notable_works": "Album 'Hujan di Braga' (2024); tur 12 kota",
    "programs_of_interest": ["mucon"],
    "languages": ["indonesian", "english"],
    "age_range": "age_25_34",
    "email": "Sari.Dewi@Example.COM",
    "phone": "0812-3456-7890",
    "message": "Kami ingin tampil di Seoul 🎶",
}

FILMMAKER: dict[str, Any] = {
    "sector": "film",
    "full_name": "Budi Santoso",
    "company_name": "Rumah Film Nusantara",
    "film_role": "director",
    "film_formats": ["feature", "documentary"],
    "province": "di_yogyakarta",
    "city": "Yogyakarta",
    "experience_years": 12,
    "portfolio_url": "vimeo.com/budisantoso/showreel",
    "other_links": None,
    "notable_works": "“Sekala” (2022), dokumenter tentang 안녕하세요 Seoul",
    "programs_of_interest": ["coproduction", "biff_apm"],
    "languages": ["indonesian", "english", "korean"],
    "age_range": "age_35_44",
    "email": "budi@rumahfilm.id",
    "phone": "+62 21 5551234",
    "message": None,
}

# What the store holds after normalisation, where it differs from what was typed.
STORED = {
    "email": {"Sari.Dewi@Example.COM": "sari.dewi@example.com"},
    "phone": {"0812-3456-7890": "+6281234567890", "+62 21 5551234": "+62215551234"},
    "portfolio_url": {"vimeo.com/budisantoso/showreel": "https://vimeo.com/budisantoso/showreel"},
}


def stored_value(key: str, value: Any) -> Any:
    """The value the bot should store for what the walker typed."""
    return STORED.get(key, {}).get(value, value) if isinstance(value, str) else value


def label(key: str, value: str, language: str = "id", content: Content = CONTENT) -> str:
    """The button label of a choice (or province) value."""
    if key == "province":
        return content.provinces[value].label.get(language)
    question = content.questions[key]
    for choice_value, choice_label in choices(question, content, {}):
        if choice_value == value:
            return choice_label.get(language)
    raise KeyError(f"{key} has no choice {value}")


async def where(bot: Harness, user: EmulatedUser) -> str | None:
    """The stage of the talent's open application, or the key of the question shown."""
    draft = await bot.store.applications.draft_for(user.id)
    if draft is None:
        return None
    return draft.current_key if draft.stage == "question" else draft.stage


async def answer(
    bot: Harness, user: EmulatedUser, key: str, value: Any, language: str = "id"
) -> None:
    """Answer the question on screen the way a talent would: type, press, toggle, skip."""
    question = CONTENT.questions[key]
    skip = "⏭ Lewati" if language == "id" else "⏭ Skip"
    done = "✔️ Selesai memilih" if language == "id" else "✔️ Done"
    if value is None:
        await bot.press(user, skip)
    elif question.type == "single_choice":
        await bot.press(user, label(key, value, language))
    elif question.type == "multi_choice":
        for item in value:
            await bot.press(user, label(key, item, language))
        await bot.press(user, done)
    else:
        await bot.send(user, str(value))


async def consent(
    bot: Harness, user: EmulatedUser, *, korea: bool = True, language: str = "id"
) -> None:
    """Agree to processing and answer the transfer-to-Korea question."""
    await bot.press(user, "✅ Saya setuju" if language == "id" else "✅ I agree")
    yes, no = ("✅ Ya", "Tidak") if language == "id" else ("✅ Yes", "No")
    await bot.press(user, yes if korea else no)


async def fill(
    bot: Harness, user: EmulatedUser, answers: dict[str, Any], language: str = "id"
) -> None:
    """Answer questions until the review screen (or until the walker has no answer)."""
    for _ in range(60):
        key = await where(bot, user)
        if key is None or key not in CONTENT.questions:
            return
        if key not in answers:
            raise AssertionError(f"the bot asked {key!r}, which the test has no answer for")
        await answer(bot, user, key, answers[key], language)
    raise AssertionError("the questionnaire did not end")


async def apply(
    bot: Harness,
    user: EmulatedUser,
    answers: dict[str, Any],
    *,
    language: str = "id",
    korea: bool = True,
) -> str:
    """A whole application: /daftar, consent, every answer, review, submit; the reference."""
    await bot.send(user, "/daftar" if language == "id" else "/apply")
    if await where(bot, user) == "consent_processing":
        await consent(bot, user, korea=korea, language=language)
    await fill(bot, user, answers, language)
    assert await where(bot, user) == "review", user.last_message.text
    await bot.press(user, "🚀 Kirim pendaftaran" if language == "id" else "🚀 Submit application")
    text = user.last_message.text
    assert "KOC-" in text, text
    return "KOC-" + text.split("KOC-", 1)[1][:6]
