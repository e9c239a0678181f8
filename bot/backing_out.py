"""A talent backing out in words ("eh jangan dulu deh", "ga jadi", "batal") while /hapusdata's
question waits for its buttons.

A talents' review: "eh jangan dulu deh" got "Ada yang bisa kubantu?" and the menu, and nothing
said the data was kept; the "Tidak jadi" button says so. Typing never erases anything. Pure;
no I/O.
"""

from __future__ import annotations

import re

from bot.word_forms import listed_form

_LONGEST = 60  # characters: "eh jangan dulu deh kak, nanti aja aku pikir-pikir lagi"
_WORD = re.compile(r"[^\W\d_]+")
# What says no: "jangan", "batal", "ga jadi" ...
_NO = frozenset(
    "jangan jgn batal batalin batalkan gajadi gjd cancel no nope nggak ngga gak ga enggak"  # noqa: SIM905 -- a word list reads best as words
    " engga tidak tdk dont don nevermind nanti ntar entar".split()
)
# What may come with it.
_AROUND = frozenset(
    "eh deh dulu dong aja saja kak kakak min bang mas mbak ya yah jadi usah dihapus hapus"  # noqa: SIM905 -- a word list reads best as words
    " hapusin dihapusin data datanya dataku aku saya sy gw gue wait keep my mind t please"
    " sih nih lah wah waduh aduh oh duh later maybe sorry maaf sori pikir mikir lagi"
    " belum blm yakin sure do delete it".split()
)

_LISTED = _NO | _AROUND


def backs_out(text: str) -> bool:
    """Whether a short message only says not to go on ("eh jangan dulu deh", "ga jadi hapus",
    "no, keep my data"), not a question."""
    if len(text) > _LONGEST or "?" in text:
        return False
    said = False
    for word in _WORD.finditer(text):
        known = _known(word.group().casefold())
        if known is None:
            return False  # most messages: their first word
        said = said or known in _NO
    return said


def _known(word: str) -> str | None:
    """The word as the lists hold it ("gaaa" as "ga"), or None if they do not."""
    return listed_form(word, _LISTED)
