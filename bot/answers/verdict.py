"""What the bot does with a free message, from a match and the confidence thresholds."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy and bm25s: imported by the matcher, and only where it is built
    from bot.answers.matcher import Match

ALTERNATIVES = 2  # other entries under a direct answer: its `see_also:`, then near ones
SUGGESTIONS = 3  # entries offered when the bot is not sure
# Under a direct answer, another entry is offered only if it fits the message nearly as well:
# at least this share of the answer's fit (a talents' review: "who runs this bot" and
# "animation" sat under the answer on sending a showreel). Where the confidence's margin
# starts to cost (a runner-up at 80 % of the best's fit costs 17 % of it: matcher.MARGIN).
NEAR = 0.8


class Outcome(StrEnum):
    """How a free message was answered (as recorded, and counted in /stats)."""

    ANSWERED = "answered"  # one entry, confidently
    SUGGESTED = "suggested"  # "not sure what you mean": close entries to pick from
    UNANSWERED = "unanswered"  # nothing close
    GREETING = "greeting"
    THANKS = "thanks"
    NUDGE = "nudge"  # nothing asked yet ("hmm"): not a question either
    DOUBT = "doubt"  # asked back ("serius?", "oh gitu?", "maksudnya?"): nor this


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The confidence a match needs (ASK_ANSWER_CONFIDENCE, ASK_SUGGEST_CONFIDENCE)."""

    answer: float
    suggest: float


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome, the entry answered (if any) and the other entries to offer."""

    outcome: Outcome
    entry: str | None = None
    others: tuple[str, ...] = ()
    confidence: float = 0.0
    # Under an answer to one question of several, the entries of the others: first in
    # `others`, before any `see_also:` (the desk keeps them there).
    also: tuple[str, ...] = ()


def decide(match: Match, thresholds: Thresholds) -> Verdict:
    """Answer when confident, with the other entries that fit nearly as well (NEAR); suggest
    the entries that fit when not; else nothing."""
    if match.talk is not None:
        return Verdict(Outcome(match.talk))
    if match.confidence < thresholds.answer and match.parts:
        answered = _one_of_several(match.parts, thresholds)
        if answered is not None:
            return answered
    close = tuple(entry for entry, fit in match.ranked if fit >= thresholds.suggest)
    if match.confidence >= thresholds.answer and close:
        near = NEAR * match.ranked[0][1]
        others = tuple(
            entry for entry, fit in match.ranked[1:] if fit >= max(near, thresholds.suggest)
        )
        return Verdict(Outcome.ANSWERED, close[0], others[:ALTERNATIVES], match.confidence)
    if close:
        return Verdict(Outcome.SUGGESTED, None, close[:SUGGESTIONS], match.confidence)
    return Verdict(Outcome.UNANSWERED, confidence=match.confidence)


def _one_of_several(parts: tuple[Match, ...], thresholds: Thresholds) -> Verdict | None:
    """The answer to the first question of a message of several, when each of them is
    answered surely on its own, with the others' entries first under it (a talents' review
    s59: "Apakah film dokumenter juga termasuk …? Kapan batas waktu pendaftarannya?" got "not
    sure", though each half alone is answered); None otherwise. Not when one of them is not
    sure alone: a question may lean on the next ("emg ada duitnya? dibayar gak kalo tampil
    di korea?" asks about a fee, not what registering costs)."""
    asked = [part for part in parts if part.talk is None]
    if len(asked) < 2 or any(part.confidence < thresholds.answer for part in asked):
        return None
    first, *rest = [decide(part, thresholds) for part in asked]
    also = tuple(
        dict.fromkeys(other.entry for other in rest if other.entry and other.entry != first.entry)
    )
    others = tuple(dict.fromkeys((*also, *first.others)))[:ALTERNATIVES]
    return Verdict(Outcome.ANSWERED, first.entry, others, first.confidence, also)
