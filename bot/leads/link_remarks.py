"""What a message at the work's link says beside the link ("https://youtu.be/… ini waktu kami
tampil di pesta gotilon, mulai menit 1:35"; a talents' review s62, L1: only the link is kept,
and the words were dropped without a word). Said back as not stored, as the phone step says a
remark beside a number. Pure; no I/O.
"""

from __future__ import annotations

from bot.answers.text import chatter, only_thanks
from bot.content import Question
from bot.leads.field_checks import AROUND_REMARK, said_back
from bot.leads.intent_words import CHAT_WORDS, fold
from bot.leads.slips import password_kept_nowhere
from bot.leads.web_links import AROUND_LINK, HANDLE, PLATFORMS, web_link
from bot.terminal_text import without_controls

# Words beside a link that only say what it is ("ini link karya terbaikku", "yutub aku:",
# "cek video klip kami di sini kak"): no remark.
_LINK_WORDS = PLATFORMS | frozenset(
    "link links linknya tautan tautannya url karya karyaku karyanya terbaik terbaikku best"  # noqa: SIM905 -- a word list reads best as words
    " work works portfolio portofolio porto showreel reel demo channel kanal akun account"
    " profil profile halaman page official resmi video vidio klip clip mv lagu laguku song"
    " musik music film filmku google drive gdrive apple ytm"
    " ini itu nih ni tu sini disini here this that of the to at on in di dari from ke yg yang"
    " adalah berikut silakan silahkan please cek check lihat liat see tonton nonton watch"
    " dengar dengerin denger listen klik click buka open punya punyaku milik mine our kami"
    " kita we band grup group artis artist aja saja mohon tolong ditonton didengar"
    " didengarkan dicek dilihat"
    # A hello before it or thanks after it ("halo kak, ini link karyaku 🙏").
    " halo hallo hai hi hello hey selamat pagi siang sore malam permisi"
    " terima kasih makasih makasi trims thanks thank you thx tks".split()
)


def link_remark(question: Question, text: str) -> str | None:
    """The words a message at a link question says beside its link that are more than what
    the link is, cut at a word; None if it says only that ("yutub aku: youtube.com/@x",
    "ini link karyaku kak, makasih"), or holds a password (never said back)."""
    if question.type != "url" or not any(c.isspace() for c in text):
        return None  # most answers: the link alone
    if password_kept_nowhere(question, text):
        return None
    words = text.split()
    rest = " ".join(
        word
        for word in words
        if web_link(word.strip(AROUND_LINK)) is None and not HANDLE.fullmatch(word.strip(","))
    )
    if len(rest) == len(" ".join(words)):
        return None  # no link in it ("belum ada", "tidak ada, saya baru mulai": a last review
        # s62, H1: told "Tautannya sudah kucatat" though none was sent)
    about = {word for phrase in question.about for word in fold(phrase).split()}
    said = set(fold(rest).split()) - about - _LINK_WORDS - CHAT_WORDS
    if not said or only_thanks(rest) or chatter(rest):  # "…, makasih kak": no remark
        return None
    return said_back(" ".join(without_controls(rest).split()).strip(AROUND_REMARK))
