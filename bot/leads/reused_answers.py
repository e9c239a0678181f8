"""A new registration begun from the answers of one the talent cancelled (a talents' review
s60, M6: after a cancel, /daftar had all 17 answers typed again, though the bot keeps them).

What is taken, and what is asked again:
- No consent is ever taken from it: consents are not answers. The processing consent stands
  for the talent as it does for any new registration (asked when it does not stand for the
  current notice), and a guardian's consent is given for one registration only, so an age
  under 18 is not taken: the age is asked again, and an age under 18 asks the guardian's
  consent for the new one (bot/leads/intake_steps.py).
- An answer the form no longer asks (a question gone, a choice or a program no longer
  offered, a question its other answers no longer lead to) is left out, and asked again where
  the form still asks it.
- Everything else, as the cancelled lead holds it now (a staff correction included); the
  talent sees it all on the review before anything is sent.

Pure; no I/O.
"""

from __future__ import annotations

from typing import Any

from bot.content import Content
from bot.leads import form_order


def reusable(content: Content, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers of a cancelled registration a new one may begin with."""
    kept: dict[str, Any] = {}
    for key, value in answers.items():
        question = content.questions.get(key)
        if question is None or form_order.needs_guardian(question, value):
            continue
        if question.type == "province" and value not in content.provinces:
            continue
        kept[key] = value
    # Choices checked once the answers they depend on (the field, for the programs) are in.
    for key, value in list(kept.items()):
        question = content.questions[key]
        if question.type not in ("single_choice", "multi_choice") or value is None:
            continue
        offered = {choice for choice, _ in form_order.choices(question, content, kept)}
        if question.type == "single_choice" and value not in offered:
            del kept[key]
        elif question.type == "multi_choice":
            still = [item for item in value if item in offered] if isinstance(value, list) else []
            if still:
                kept[key] = still
            else:
                del kept[key]
    for key in form_order.obsolete_answers(content, kept):
        del kept[key]
    return kept


def without_age(content: Content, answers: dict[str, Any]) -> dict[str, Any]:
    """`answers` less the age (the question a guardian's consent hangs on), and what the
    form asks only because of it."""
    kept = {
        key: value
        for key, value in answers.items()
        if key not in content.questions
        or form_order.guardian_choice(content.questions[key]) is None
    }
    for key in form_order.obsolete_answers(content, kept):
        del kept[key]
    return kept
