"""How the bot addresses a talent: by their first name, never by their full legal name."""

from __future__ import annotations

# A word of at most this many characters ending in "." is an initial ("M. Rizky"): skipped.
_INITIAL = 3


def first_name(telegram_first_name: str | None, given_name: str | None = None) -> str:
    """The first word of the talent's Telegram first name, else of the name they gave in the
    form ("Rina Ayu Pratiwi" -> "Rina"); empty if neither holds a word.

    Stage messages and reminders both use this, so a talent is greeted alike everywhere
    ("Halo, Rina!"), as /start greets them.
    """
    for name in (telegram_first_name, given_name):
        words = (name or "").split()
        if not words:
            continue
        named = [word for word in words if not (len(word) <= _INITIAL and word.endswith("."))]
        return (named or words)[0]
    return ""
