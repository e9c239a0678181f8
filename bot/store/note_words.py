"""Whether the form's note to the team asks something: pure text, no I/O.

Read in Python (bot.leads.asked_questions.asks_in_note: the talent's thanks, the staff's
alert) and in SQL as note_asks() (bot.store.support.NOTE_WAITING_FROM: the lead page, the
Questions tab, the digest), so every place reads a note alike: bot.store.db gives each of its
connections the function.
"""

from __future__ import annotations

import re

ASKING_MARKS = ("?", "\uff1f")
# A note asks without a "?" too (a talents' review s61, L1: "Mohon kabar apakah biaya
# perjalanan ditanggung.", Papuan "…sa tra tau biaya dong tanggung ka tidak"): by words that
# only ask, never by words a statement uses as well ("kapan saja", "apa pun", "bisa").
_ASKING_WORDS = re.compile(
    r"\bapa\s?kah\b"  # "apakah", "apa kah"
    r"|\b(?:mohon|minta|tolong)\s+(?:info\w*|kabar\w*|penjelasan|dijelaskan|jelaskan)\b"
    r"|\b(?:ingin|mau|pengen|boleh|izin|ijin)\s+(?:tanya|bertanya|nanya|menanyakan)\b"
    # "ditanggung atau tidak", "tanggung ka tidak": a choice of yes or no that ends a sentence
    r"|\b(?:atau|ato|apa|ka|kah)\s+(?:tidak|tdk|tak|tra|nggak|ngga|gak|ga|enggak|engga|belum"
    r"|blm|bukan)(?:\s+(?:ya|kak|kaka|min|pak|bu|sih|nih|dong))*\s*(?:[.!\n]|$)"
    # a sentence that starts as a question: "Siapa yang menanggung biaya.", "Is there a fee."
    # Not an indefinite one (a recheck review s61, L2): "kapan pun/saja", reduplicated
    # "Kapan-kapan kami ingin tampil" (some day), or "pun" a word or two on ("Berapa lama pun
    # prosesnya kami tunggu", as "Berapa pun biayanya").
    r"|(?:^|[.!\n]\s*)(?:bagaimana|gimana|kapan|berapa|siapa|kenapa|mengapa|di\s?mana)\b"
    r"(?!\s*(?:pun|saja|aja)\b|-)(?!(?:\s+\w+){1,2}\s+pun\b)"
    r"|(?:^|[.!\n]\s*)(?:how|what|when|where|who|why|which)\s+(?:do|does|did|is|are|was|can"
    r"|could|should|will|would)\b"
    # An English inversion without "?": "do/does/did" with anything ("Does the program cover
    # flights."), any other with a pronoun ("Is it free for students.", "Are we eligible …",
    # "Should I bring …", "Is there a fee."), never before a noun ("Is our drummer, Budi, 17."
    # is a statement written the Indonesian way, a last review s61, M1).
    r"|(?:^|[.!\n]\s*)(?:do|does|did)\s+(?!not\b|n't)\w"
    r"|(?:^|[.!\n]\s*)(?:am|is|are|was|were|can|could|would|will|shall|should|may|must|have"
    r"|has)\s+(?:i|we|you|it|they|he|she|there|this|that|anyone|someone|anybody|somebody)\b"
    r"|\b(?:i|we)\s+(?:would like|'d like|want|wanted)\s+to\s+ask\b"
    r"|\bwondering\s+(?:if|whether|how|when|what|who)\b"
    r"|\blet\s+(?:me|us)\s+know\s+(?:if|whether|how|when|what|who)\b",
    re.IGNORECASE,
)


# Clauses that only tell, taken out before _ASKING_WORDS looks (the final review s61, M1), each
# up to the end of its clause, so a question after a comma still asks. Only the narrow forms
# below: a question missed is worse for staff than one ❓ too many (the last review s61, M1).
# - a request to be told of the outcome or of news, "Tolong kabari saya jika lolos", "Mohon
#   info kalau ada audisi baru", "Please let me know if I pass.": the outcome message tells it.
#   Any other condition asks ("Mohon info kalau ada biaya pendaftaran", "Let me know if I need a
#   visa"), and so does a clause with a choice or a list in it ("… atau tidak", "apa saja",
#   "… or not");
# - what the talent does not know yet about their own plans, "Saya belum tahu apakah saya bisa
#   ikut" (but not "… apakah saya perlu paspor", a requirement for staff, nor "… atau tidak");
# - "Siapa yang terpilih nanti, saya tetap mendukung": whoever is chosen, we still …; not
#   "Berapa biayanya, saya tetap ikut", "Kapan audisinya, saya siap kapan saja" (they ask).
_CLAUSE = r"[^.,;!?\n]*"
_CHOICE = (
    r"(?!" + _CLAUSE + r"\b(?:(?:atau|ato|apa|ka|kah|or)\s+(?:tidak|tdk|tak|nggak|ngga|gak|ga"
    r"|enggak|engga|belum|blm|bukan|not)|apa\s+(?:saja|aja)|whether)\b)"
)
_OUTCOME_ID = (
    r"(?:lolos|terpilih|dipilih|diterima|keterima|lulus|menang"
    r"|ada\s+(?:audisi|program|kesempatan|lowongan|acara|event|kabar|info\w*|berita|update"
    r"|pembukaan|jadwal)\w*)"
)
_ONLY_TELLING = re.compile(
    r"\b(?:kabar\w*|info\w*)\s+(?:(?:saya|kami|aku|sa|ya|kak|kakak|min|pak|bu)\s+)*"
    r"(?:jika|jikalau|kalau|kalo|klo|bila|apabila)\s+"
    + _CHOICE
    + r"(?:(?:sudah|udah|nanti|saya|kami|aku|kita|sa)\s+)*"
    + _OUTCOME_ID
    + r"\b"
    + _CLAUSE
    + r"|\blet\s+(?:me|us)\s+know\s+(?:if|when|once)\s+(?:i|we)\s+(?:(?:am|are|was|were|get"
    r"|got|have\s+been|'m|'re)\s+)?(?:pass|passed|selected|accepted|chosen|shortlisted|in"
    r"|through)(?:\s+(?:the\s+)?(?:audition|selection|screening|first\s+round))?"
    r"(?=\s*(?:[.,;!\n]|$))"
    r"|\b(?:tidak|belum|tak|tdk|blm|nggak|ngga|gak|ga|enggak|tra|ndak)\s+(?:tahu|tau|yakin"
    r"|pasti)\s+apa\s?kah\s+" + _CHOICE + r"(?:saya|kami|aku|kita|sa)\b"
    r"(?!\s+(?:perlu|harus|wajib|boleh|memenuhi|termasuk|dapat\s+(?:biaya|tiket|visa)))"
    + _CLAUSE
    + r"|(?:^|(?<=[.!\n]))\s*(?:siapa|apa)\s+yang\b"
    + _CLAUSE
    + r"\b(?:nanti|terpilih|dipilih|lolos|menang|diterima)\b"
    + _CLAUSE
    + r"(?=,\s*(?:(?:saya|kami|aku|kita|sa)\s+)?(?:tetap|selalu|pasti|siap|akan\s+tetap)\b)",
    re.IGNORECASE,
)


def note_asks(note: object) -> bool:
    """Whether a note asks something: a question mark (ASKING_MARKS) or words that only ask
    (_ASKING_WORDS) outside the clauses that only tell (_ONLY_TELLING). Anything but text (a
    stored value of another type) asks nothing."""
    if not isinstance(note, str):
        return False
    if any(mark in note for mark in ASKING_MARKS):
        return True
    return _ASKING_WORDS.search(_ONLY_TELLING.sub(" ", note)) is not None
