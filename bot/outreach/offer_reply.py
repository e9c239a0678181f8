"""A typed yes or no to the program-news offer shown after registering ("Ya, saya bersedia.
Terima kasih.", "ya", "👍", "ga usah").

A talents' review: three talents typed their yes; one got the programs overview, one "Ada yang
bisa kubantu?", one "Siap!", and none was subscribed, though each thought they were. Typing
never subscribes anyone (a "ya" may be meant for something else, as an attacker showed for
"Ask our team"): the offer comes again, at the bottom, to press.
"""

from __future__ import annotations

import re

_LONGEST = 48  # characters: "Ya, saya bersedia. Terima kasih banyak kak 🙏"
# A yes or a no: not an okay or thanks ("ok", "siap kak", "sudah", "lanjut", 🙏), which say
# nothing about program news (an attacker's review: each brought the offer back, every time).
_SAYING = frozenset(
    "ya yaa iya iyaa iyes yes yess yup yep mau bersedia setuju tentu boleh sure"  # noqa: SIM905 -- a word list reads best as words
    " tidak ga gak nggak ngga enggak engga no nope usah".split()
)
# What may come with it: who speaks, to whom, and thanks.
_AROUND = frozenset(
    "saya aku gue gw sy i we kami kak kakak min admin bang mas mbak terima kasih makasih"  # noqa: SIM905 -- a word list reads best as words
    " matur nuwun thanks thank you ty thx banyak banget yah deh sih nih aja saja dong please"
    " of course pasti".split()
)
_THUMBS = frozenset({"👍", "👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿", "👎"})
_WORD = re.compile(r"[^\W\d_]+")


def answers_the_offer(text: str) -> bool:
    """Whether a short message only says yes or no (with thanks around it), or is a thumb."""
    text = text.strip()
    if len(text) > _LONGEST:
        return False
    if text in _THUMBS:
        return True
    found = [word.casefold() for word in _WORD.findall(text)]
    saying = [word for word in found if word in _SAYING]
    return bool(saying) and all(word in _AROUND or word in saying for word in found)
