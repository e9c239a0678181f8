"""An answer changed from the review, said back ("✅ Kucatat: …"), points to the buttons that
are there (a review s63, L3: "Kalau keliru, tekan ⬅️ Kembali" above the review, whose only
buttons are Kirim, Ubah jawaban and Jeda)."""

from __future__ import annotations

from bot.texts import Text
from tests.harness import Harness
from tests.leads import CONTENT, at_question, editing, shown


async def test_a_name_said_back_above_the_review_points_to_ubah_jawaban(bot: Harness) -> None:
    yohana = await editing(bot, "stage_name")
    (review,) = await bot.send(yohana, "nama panggungku Yoya Mambruk wkwk")
    back = CONTENT.text(Text.BTN_BACK, "id")
    assert back not in review.button_texts  # the review: no ⬅️ Kembali button
    assert CONTENT.text(Text.BTN_EDIT, "id") in review.button_texts
    assert review.text.startswith(shown(Text.INTAKE_TAKEN_REVIEW, taken="Yoya Mambruk"))
    assert "⬅️ Kembali" not in review.text


async def test_a_name_said_back_at_the_next_question_still_points_to_kembali(
    bot: Harness,
) -> None:
    """In the form, the next question has ⬅️ Kembali: the note keeps it."""
    talent = await at_question(bot, "stage_name")
    (asked,) = await bot.send(talent, "nama panggungku Yoya Mambruk wkwk")
    assert CONTENT.text(Text.BTN_BACK, "id") in asked.button_texts
    assert asked.text.startswith(shown(Text.INTAKE_TAKEN, taken="Yoya Mambruk"))
