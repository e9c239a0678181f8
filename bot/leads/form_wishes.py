"""What a talent types mid-form to leave it rather than answer it: a command's word without
its slash ("batal", "menu", "keluar", "stop"), or a wish to start over ("mau ulang dari awal",
"restart form nya bisa ga?", "can i start over").

A talents' review s63, H1: "batal" typed at "Siapa nama lengkapmu?" was stored as the full
name, "menu" as the stage name; only /batal and /menu worked. M2: "mau ulang dari awal" got a
wrong FAQ entry and no way to start over. Pure; no I/O.
"""

from __future__ import annotations

import re

from bot.leads.intent_words import ADDRESS, CHAT_WORDS, TRAILING_PARTICLES, fold
from bot.terminal_text import without_controls
from bot.word_forms import listed_form

PAUSE = "pause"  # what /batal does: the form paused, its draft kept (and offered to discard)
MENU = "menu"  # what /menu does: the main menu

# A wish alone, with at most the chat around it ("batal aja kak", "keluar deh", "menu dong"):
# what the command says. "dulu" is not among them: "stop dulu" says "later" (intent_words).
_PAUSE_WORDS = frozenset(
    "batal batalkan batalin cancel stop berhenti keluar exit quit udahan".split()  # noqa: SIM905 -- a word list reads best as words
)
# "ga jadi", "nggak jadi": two words, one wish.
_NOT_AFTER_ALL = re.compile(r"\b(?:ga|gak|gk|g|nggak|ngga|enggak|engga|tidak|tdk|ndak)\s+jadi\b")
_MENU_WORDS = frozenset("menu home beranda".split())  # noqa: SIM905 -- a word list reads best as words
_AROUND = ADDRESS | frozenset(
    "aja saja ae deh dong ya yaa yah kak kakak kk min sih lah please pls plz aku saya sy gw gue"  # noqa: SIM905 -- a word list reads best as words
    " oke ok ke ki to the main utama buka lihat liat show back kembali balik go"
    " form formnya formulir formulirnya pendaftaran pendaftarannya daftar daftarnya"
    " isi ngisi isinya nya ini".split()
)
# Longer than this, a message says more than the wish (a sentence, a name with "Stop" in it).
_WORDS_AT_MOST = 6
# Quotes around it: the talent means the word itself ("“Stop”", a band's name).
_QUOTED = re.compile("[\"'\u201c\u201d\u2018\u2019\u00ab\u00bb]")


def left_for(text: str) -> str | None:
    """PAUSE or MENU when a typed message is only a command's word without its slash ("batal",
    "Batal aja kak", "ga jadi", "menu", "ke menu utama"); None for anything else (a name with
    more words, a quoted word, a sentence)."""
    plain = without_controls(text)
    if len(plain) > 60 or _QUOTED.search(plain):
        return None
    folded = _NOT_AFTER_ALL.sub("batal", fold(plain))
    words = folded.split()
    if not words or len(words) > _WORDS_AT_MOST:
        return None
    pause = menu = False
    for word in words:
        if listed_form(word, _PAUSE_WORDS) is not None:
            pause = True
        elif listed_form(word, _MENU_WORDS) is not None:
            menu = True
        elif listed_form(word, _AROUND) is None:
            return None  # most messages: their first word
    if pause == menu:  # neither, or both ("keluar ke menu": the menu)
        return MENU if menu else None
    return PAUSE if pause else MENU


# A wish to begin the form again: "ulang dari awal", "mulai dari awal lagi", "isi ulang
# formnya", "restart", "reset", "start over", "start again", "begin again", "from scratch".
_OVER = re.compile(
    r"\b(?:(?:ulang|ulangi|ngulang|mengulang|mulai|memulai|isi|ngisi|daftar)\w*\s+"
    r"(?:(?:lagi|ulang|aja|saja|formnya|form|formulir|formulirnya|semua|semuanya)\s+)*"
    r"(?:dari|dr)\s+(?:awal|nol|0)"
    r"|(?:mulai|isi|ngisi)\s+ulang"
    r"|(?:ulang|ulangi)\s+(?:form|formnya|formulir|formulirnya|pendaftaran\w*|semua\w*)"
    r"|restart\w*|reset\w*"
    r"|start\s+(?:over|again|from\s+scratch|from\s+the\s+(?:start|beginning))"
    r"|begin\s+again|from\s+scratch)\b"
)
# Longer than this, a message is more likely an answer that happens to say it ("kami memulai
# dari awal lagi setelah pandemi…" as the note to the team).
_OVER_WORDS_AT_MOST = 14


# How a short message says it (an attacker's review s64, M1: "Reset", "Restart Pictures", "PT
# Reset Studio", "Mulai Dari Nol" at the stage name paused the form and offered its discard,
# in quotes or not; the name could never be given):
SAID = "said"  # in a sentence of wishing ("mau ulang dari awal", "can i start over pls")
ALONE = "alone"  # its words alone ("Reset", "Mulai Dari Nol"): a wish, or perhaps a name
NAMED = "named"  # with words of no wish ("Restart Pictures", "PT Reset Studio"): a name
# Words of a wish and the chat around it ("mau", "bisa", "tolong", "can i", "formnya", "kak");
# not "the" nor "a", which names have ("The Restart").
_WISHING = (CHAT_WORDS - {"the", "a", "it", "is", "are", "am", "im"}) | frozenset(
    "mau mo pengen pengin pingin pgn ingin bisa bisakah bs boleh tolong gimana gmn bagaimana"  # noqa: SIM905 -- a word list reads best as words
    " cara caranya kk yah ae lah ga gak gk nggak ngga eh wait kami kita me our let lets can"
    " could want wanna need how please pls plz ok oke okay just jadi lagi ulang semua semuanya"
    " form formnya formulir formulirnya pendaftaran pendaftarannya pendaftaranku daftar"
    " daftarnya isian jawaban jawabannya jawabanku answers registration everything all".split()
)


# Capitalised, a name's words that are also chat ("Sinema Kita Restart", "Restart My Life",
# "Reset Me"; a final review s64, M3: the form paused, its discard offered) make a name, but
# for a wish said (a verb of wishing, the form's words, the talent speaking to us: "Aku Mau
# Restart", "Can I Start Over", "Restart Formnya Kak") or only again and all ("Restart Lagi",
# "Reset All": a wish or a name, so ALONE, said how to give it as the name).
_SAYS_A_WISH = (
    TRAILING_PARTICLES
    | ADDRESS
    | frozenset(
        "mau mo pengen pengin pingin pgn ingin bisa bisakah bs boleh tolong gimana gmn bagaimana"  # noqa: SIM905 -- a word list reads best as words
        " cara caranya want wanna need can could let lets please pls plz aja saja ae lah"
        " form formnya formulir formulirnya pendaftaran pendaftarannya pendaftaranku daftar"
        " daftarnya isian jawaban jawabannya jawabanku answers registration".split()
    )
)
_AGAIN_OR_ALL = frozenset("lagi ulang semua semuanya all everything again".split())  # noqa: SIM905 -- a word list reads best as words


def _capitalised(plain: str) -> bool:
    """Whether each word of a text begins with a capital or a digit, and some word has a small
    letter (a text in capitals says nothing by them)."""
    typed = plain.split()
    return any(not word.isupper() for word in typed) and all(
        word[0].isupper() or word[0].isdigit() for word in typed
    )


def start_over(text: str) -> str | None:
    """How a short message mid-form asks to begin the form again (SAID, ALONE or NAMED);
    None if it does not, or has the words in quotes (the talent means them: "“Reset”")."""
    plain = without_controls(text)
    folded = fold(plain)
    if len(folded.split()) > _OVER_WORDS_AT_MOST or _OVER.search(folded) is None:
        return None
    if "?" in plain:
        return SAID  # "restart form nya bisa ga?"
    if len(plain) <= 60 and _QUOTED.search(plain):
        return None
    rest = _OVER.sub(" ", folded).split()
    if not rest:
        return ALONE
    wishing = any(listed_form(word, _WISHING) is not None for word in rest)
    if not wishing:
        return NAMED
    if _capitalised(plain) and all(listed_form(word, _SAYS_A_WISH) is None for word in rest):
        return ALONE if all(word in _AGAIN_OR_ALL for word in rest) else NAMED
    return SAID
