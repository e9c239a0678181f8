"""What checking a typed or pressed answer gives: accepted (normalised for storage), rejected
(with why), or several provinces to pick from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.texts import Text

if TYPE_CHECKING:
    from bot.content import T

NONE_YET = "none_yet"  # stored for an answer in a question's none_answers ("belum ada")


@dataclass(frozen=True, slots=True)
class Accepted:
    """A valid answer, normalised for storage. With `city`, a province typed with one of its
    cities ("Kupang, NTT"): the city as content/ spells it, to keep as the city's answer."""

    value: Any
    city: str | None = None
    named: bool = False  # a choice named in a sentence ("grup rebana"), not pressed or its label
    more: tuple[str, ...] = ()  # the other links of a message with several, at a link question
    besides: str | None = None  # what a choice named in a sentence was said with ("dancer"),
    # or a name ("Ratna Handayani (manajer)": "manajer")
    # A sentence whose answer is unsure ("udah kubilang Bandung, eh salah, maksudnya Bekasi"
    # at the city): the answer alone is asked for, and the same text once more is kept.
    unsure: bool = False
    # Two places joined as one answer at the city ("Surabaya dan Sidoarjo"): one is asked for,
    # and the same text once more is kept; `elsewhere`: the province answered, none of them in it.
    places: bool = False
    elsewhere: T | None = None
    # One city content/ lists, of another province than the one answered ("Surabaya" after
    # Jawa Barat): that province (`elsewhere`: the one answered), asked before it is kept.
    city_in: T | None = None
    # A link typed with its password ("vimeo.com/x (kata sandi: ctimur25)"): the link alone
    # taken, the password left out, and said.
    password_left: bool = False


@dataclass(frozen=True, slots=True)
class Rejected:
    """An invalid answer: the message to explain it, with its values."""

    reason: Text
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Matches:
    """Several provinces match what the talent typed: let them pick one. With `city`, the
    talent typed that city (as content/ spells it) and `values` is its province, to confirm."""

    values: list[str]
    city: str | None = None
    guessed: bool = False  # a typo's province ("Jawa Tenggah"): "did you mean …?"


Outcome = Accepted | Rejected | Matches
