"""A question about the form's own question, typed where its answer goes: "ini wajib ga?",
"kalo ga punya nama panggung gmn", "kenapa harus isi nomor hp?".

A talents' review found these answered from the FAQ (the production-house entry for "ini
wajib ga?" at the stage name) or, without a "?", stored as the answer ("kalo ga punya nama
panggung gmn" became the stage name). The form knows the answer itself: whether the question
may be skipped, what to type when there is nothing yet, and why it is asked.

Pure functions over the question and the text; no I/O, no Telegram.
"""

from __future__ import annotations

import html
import re

from bot.content import Content, Question
from bot.leads import choice_words, form_order
from bot.leads.answer_outcomes import Rejected
from bot.leads.form_order import Answers
from bot.leads.intake_screens import Listed
from bot.leads.intent_words import fold, says_agree, says_no_email, says_yes
from bot.leads.unmarked_questions import asks_unmarked
from bot.leads.web_links import holds_data
from bot.texts import Text

# Words a question typed mid-form has at least (chat particles aside), for the FAQ or the
# form's help to answer it: "5 tahun?", "Jakarta?", "Inggris?" are answers the talent is unsure
# of (an attacker's review: they got BIFF's fund, the office in Jakarta, the language setting),
# to send again without the "?".
ASKED_WORDS = 3

_WORDS_AT_MOST = 14  # more, and a text is an answer that mentions these words
# Where a sentence ends: a full stop, "!" or "?" and a space after it.
_SENTENCES = re.compile(r"(?<=[.!?\uff1f])\s+")

# Whether it must be answered: "wajib", "harus diisi", "boleh dikosongin", "bisa di skip",
# "is this required".
_REQUIRED = re.compile(
    r"\b(?:wajib|(?:harus|perlu|mesti|musti|kudu)\s+(?:di\s*)?isi\w*"
    r"|(?:boleh|bisa|bs|blh|bole)\s+(?:di\s*)?(?:kosong\w*|lewat\w*|skip\w*|ga\s+diisi"
    r"|gak\s+diisi|nggak\s+diisi|tidak\s+diisi|ngga\s+diisi|enggak\s+diisi)"
    r"|opsional|optional|required|mandatory|compulsory|can\s+i\s+skip"
    r"|do\s+i\s+(?:have|need)\s+to\s+(?:fill|answer)|is\s+(?:this|it)\s+(?:required|optional"
    r"|mandatory|a\s+must))\b"
)
# Said so that it can only be a question, whatever else the text says or lacks ("boleh
# dikosongin", "bolehkah dilewati", "apakah wajib", "ini wajib ga", "is this required", "what if
# I don't have one"): never a name or a title (an attacker's review: at an optional question
# these were stored as the stage name, as they had no "?").
_ASKED_OUTRIGHT = re.compile(
    r"\b(?:(?:boleh|bisa|bs|blh|bole)(?:kah)?\s+(?:di\s*(?:kosong\w*|lewat\w*|skip\w*)"
    r"|(?:ga|gak|nggak|tidak|ngga|enggak)\s+(?:di)?isi\w*)"
    r"|(?:bolehkah|bisakah|haruskah|wajibkah|perlukah|mestikah)"
    r"|apa(?:kah)?\s+(?:ini\s+)?(?:harus|wajib|perlu|boleh|bisa)"
    r"|wajib\s+(?:ga|gak|gk|nggak|ngga|enggak|tidak|ndak|ya|kah|nggak\s+sih)\s*$"
    r"|(?:harus|perlu|wajib|mesti)\s+(?:di)?isi\w*\s+(?:ga|gak|nggak|ngga|tidak|ya)\s*$"
    r"|is\s+(?:this|it)\s+(?:required|optional|mandatory|necessary|a\s+must)"
    r"|do\s+i\s+(?:have|need)\s+to|can\s+i\s+(?:skip|leave)"
    r"|what\s+if\s+(?:i|we)\s+(?:don\s+t|do\s+not|have\s+no|haven\s+t|dont))\b"
)
# Having nothing for it: "kalo ga punya", "kalau belum ada", "if I don't have".
_NOTHING = re.compile(
    r"\b(?:kalau|kalo|klo|kl|kalu|misal(?:nya)?|if|what\s+if|gimana\s+kalau|gmn\s+kalo)"
    r"(?:\s+(?:saya|aku|gue|gw|sy|ak|i|we|kami|kita))?"
    r"\s+(?:ga|gak|gk|nggak|ngga|enggak|engga|tidak|tdk|ndak|belum|blm|blom|dont|don\s+t"
    r"|do\s+not|haven\s+t|have\s+not|havent)\s+(?:punya|ada|have|got)\b"
)
# Whether it may come later: "apakah boleh menyusul?", "boleh nyusul linknya?", "bisa dikirim
# nanti", "can I send it later?" (a talents' review: answered "that is a question, send it
# again without the question mark", and the asking never got its answer).
_LATER = re.compile(
    r"\b(?:(?:boleh|bisa|bs|blh|bole|bleh)\s+(?:(?:di|ku|aku|saya)\s*)?"
    r"(?:menyusul|nyusul|susul\w*|disusul\w*|nyusulin|kirim\w*\s+(?:\w+\s+)?(?:nanti|nyusul"
    r"|menyusul|belakangan|besok)|(?:nanti|belakangan|besok)\s+(?:saja|aja|ya|kirim\w*))"
    r"|(?:can|could|may)\s+(?:i|we)\s+(?:send|add|give|share)\s+(?:\w+\s+){0,3}?later"
    r"|(?:send|add|give|share)\s+(?:\w+\s+){0,3}?later)\b"
)
# Why it is asked: a word for "why" with what is asked for, or "harus diisi" after it:
# "kenapa harus isi nomor hp", "buat apa email saya", "why do you need my phone"; not a
# title such as "Kenapa Harus Kamu".
_WHY = re.compile(
    r"\b(?:kenapa|knp|napa|mengapa|buat\s+apa|untuk\s+apa|utk\s+apa|why)\b"
    r"(?:\s+\w+){0,4}?\s+(?:nomor|nomer|no\s+hp|hp|wa|whatsapp|telepon|telp|email|e\s+mail"
    r"|umur|usia|nama|data|alamat|kota|provinsi|isi|diisi|ngisi|mengisi|need|needed|ask)\b"
)
# A word that makes it a question when there is no "?": "ini wajib ga", "kalo ga punya
# gmn", "apakah harus diisi", "boleh dikosongin kak" (a name is not said to someone).
# Without one, "Kalau Tak Ada Cinta" or "Wajib Militer" is an answer (a song, a band).
_ASKING = re.compile(
    r"\b(?:gmn|gimana|gmana|gmna|bagaimana|gimn|piye|kepiye|kumaha|pripun|how|gpp|gapapa"
    r"|apa|apakah|apa\s+ya|bisa|boleh|kah|\w+kah|ya|yah|nggak\s+papa|ga\s+papa"
    r"|kak|kakak|kk|min|mimin|admin|gan|sis|sih)\b"
    r"|\b(?:ga|gak|gk|nggak|ngga|enggak|engga|tidak|ndak|no|not)\s*$"
)


# A word that asks, not a chat particle: "nama saya Rina Pratiwi ya kak" is a name.
_QUESTION_WORD = re.compile(
    r"\b(?:apa|apakah|gmn|gimana|bagaimana|mana|maksud\w*|berapa|siapa|boleh|bisa|how|what"
    r"|which|can|may)\b"
)


# "Boleh", "bisa", "is it ok", "can I use", "what about": whether something will do.
_MAY_IT_DO = re.compile(
    r"\b(?:boleh|bisa|bs|blh|bole|diterima|(?:ok|oke|okay)\s+(?:ga|gak|nggak|ngga|ya|kah)"
    r"|can\s+i\s+(?:send|use|share|give)|(?:is|are)\s+(?:\w+\s+){1,3}?(?:ok|okay|fine|allowed"
    r"|accepted)|(?:what|how)\s+about)\b"
)
_WITHOUT = re.compile(
    r"\b(?:tanpa|without|belum|blm|(?:ga|gak|nggak|tidak|tdk|ngga|enggak)\s+(?:ada|punya)"
    r"|no\s+link|don\s+t\s+have)\b"
)
_LINK_ASKED_WORDS = 8  # a question whether a kind of link will do is short
# Particles of Makassar and the east ("bisa ji kah", "harus ka isi kah", "boleh mi"): they sit
# between the words that ask (a talents' review: "soundcloud bisa ji kah kak?" was "that is
# not a web link", "harus ka isi kah?" got a generic hint).
_PARTICLES = re.compile(r"\s+\b(?:ji|mi|ki|ka)\b(?=\s|$)")
_UNTIL_ASKED = re.compile(r"^[^?\uff1f]*[?\uff1f]")


def _without_particles(folded: str) -> str:
    """A folded text without the particles between its words ("harus ka isi kah" -> "harus
    isi kah"); its first word stays ("Ka" may be a name)."""
    return _PARTICLES.sub("", folded)


def about_the_step(question: Question, text: str) -> Rejected | None:
    """What the form says to a question about its own question, or None when the text is
    no such question (most likely its answer)."""
    if holds_data(text):
        return None  # a link or an address is data ("soundcloud.com/kalau-ga-ada-cinta")
    if question.type == "email" and says_no_email(text):
        # "TIDAK PUNYA EMAIL", "SAYA TIDAK PUNYA EMAIL BAGAIMANA?" (a talents' review s64,
        # H3: "not right", again and again): what to do without one. Only the talent's form
        # reads it here: a staff correction of the email still gets "not an address".
        return Rejected(Text.INTAKE_EMAIL_NONE)
    folded = fold(text)
    if len(folded.split()) > _WORDS_AT_MOST:  # a long text: an answer that mentions these words
        last = _closing_question(text) if question.required else None
        return about_the_step(question, last) if last is not None else None
    # An answer may hold these words ("Wajib Militer", "Bisa Lewat Studio", "Muhammad
    # Wajib", "Kota Wajib"): only a "?", another asking word, or words said only to ask
    # ("boleh dikosongin") make it a question.
    marked = "?" in text or "\uff1f" in text
    folded = _without_particles(folded)
    why = _WHY.search(folded)
    # Why, with what is asked for ("kenapa harus isi nama lengkap"): no required answer
    # (a name, a city, a number) reads like it; an optional one (a title) may.
    if why is not None and (marked or question.required or _asking_besides(folded, why)):
        return Rejected(Text.INTAKE_STEP_WHY)
    outright = _ASKED_OUTRIGHT.search(folded)
    found = outright or _REQUIRED.search(folded) or _NOTHING.search(folded)
    found = found or _LATER.search(folded)
    if found is not None and (outright or marked or _asking_besides(folded, found)):
        return Rejected(_how_to_go_on(question))
    # Whether a kind of link will do, at the link ("kalo tiktok boleh ga", a talents' review:
    # "that is not a web link"): any public link is, as the question's hint says.
    # Only what the "?" closes: "tiktok boleh ga kak? aku ga punya yt" asks about TikTok.
    asked = _UNTIL_ASKED.match(text)
    clause = _without_particles(fold(asked.group(0))) if asked is not None else folded
    may = _MAY_IT_DO.search(clause) if question.type == "url" else None
    may = None if _WITHOUT.search(clause) else may  # "bisa tanpa link?" is no kind of link
    short = len(clause.split()) <= _LINK_ASKED_WORDS
    if may is not None and short and (marked or _asking_besides(clause, may)):
        return Rejected(Text.INTAKE_LINK_ANY)
    # Naming what is asked, asking ("emailnya boleh email kantor?", "nama panggung itu apa ya").
    long_enough = len(folded.split()) >= ASKED_WORDS
    if long_enough and _names_it(question, folded) and (marked or _QUESTION_WORD.search(folded)):
        return Rejected(Text.INTAKE_STEP_ASKED)
    return None


# What contact details are for, asked with the data named first ("nomor hp ku buat apa?",
# "emailnya untuk apa"), or a worry that they are sold or passed on ("jangan dijual ya",
# "datanya disebar ga?", "will you sell my number").
_DATA = (
    r"(?:nomor|nomer|no\s+hp|hp|wa|whatsapp|telepon|telp|email|e\s+mail|data|datanya|datamu"
    r"|number|phone)"
)
_DATA_WHY = re.compile(
    rf"\b{_DATA}(?:\s+\w+){{0,3}}?\s+(?:buat|untuk|utk|dipakai|dipake|for)\s+(?:apa|what)\b"
)
_SOLD = re.compile(
    r"\b(?:jual|dijual|menjual|jualin|disebar\w*|bocor\w*|sell|sold|share|shared|pass\w*\s+on)\b"
)


def asks_about_data(text: str) -> bool:
    """Whether a short text asks what the contact details given are for, or says a worry
    that they are sold or passed on ("NOMOR HP KU BUAT APA KAU? JANGAN DIJUAL YA", a talents'
    review s60: stored silently as the note to the team)."""
    folded = fold(text)
    if len(folded.split()) > _WORDS_AT_MOST:
        return False
    why = _WHY.search(folded) or _DATA_WHY.search(folded)
    worried = _SOLD.search(folded) is not None and re.search(rf"\b{_DATA}\b", folded)
    return why is not None or bool(worried)


def _closing_question(text: str) -> str | None:
    """The short question a long text ends with ("Mohon maaf, saya tidak punya Spotify. …
    Apakah boleh menyusul?", a talents' review), where the answer is never a sentence."""
    sentences = [part.strip() for part in _SENTENCES.split(text.strip()) if part.strip()]
    if len(sentences) < 2 or not sentences[-1].endswith(("?", "\uff1f")):
        return None
    last = sentences[-1]
    return last if len(fold(last).split()) <= _WORDS_AT_MOST else None


def _names_it(question: Question, folded: str) -> bool:
    """Whether the text names what the question asks for (its `about:` words)."""
    padded = f" {folded} "
    return any(f" {fold(word)} " in padded for word in question.about)


def _asking_besides(folded: str, found: re.Match[str]) -> bool:
    """Whether a word outside what was found makes it a question: "bisa lewat" is no
    question in "Bisa Lewat Studio", a company."""
    return _ASKING.search(f"{folded[: found.start()]} {folded[found.end() :]}".strip()) is not None


def _how_to_go_on(question: Question) -> Text:
    """Whether the talent may skip it, type "not yet", or must answer it."""
    if not question.required:
        return Text.INTAKE_STEP_SKIPPABLE
    if question.none_answers:
        return Text.INTAKE_STEP_NONE_YET
    return Text.INTAKE_STEP_NEEDED


# At the guardian's consent (under 18), a screen of buttons where nothing typed is an answer:
# why it is asked ("kenapa harus izin orang tua?"), or whether it must be given ("ini wajib
# ga?", "kalau ortu ga setuju gimana"). The other steps' questions had answers of their own;
# here "ini wajib ga?" got the FAQ's production-house entry.
_WHY_WORD = re.compile(r"\b(?:kenapa|knp|napa|mengapa|buat\s+apa|untuk\s+apa|utk\s+apa|why)\b")
# The consent or the one who gives it: what makes a question be about this screen.
_GUARDIAN = re.compile(
    r"\b(?:i[zj]in\w*|persetujuan\w*|setuju|orang\s*tua\w*|ortu\w*|wali\w*|ayah|ibu|mama"
    r"|mamah|papa|papah|bapak|parent\w*|guardian\w*|consent|permission|mom|mum|dad"
    r"|mami|bunda|nyokap|bokap|emak)\b"
)
# Who gives it, named: a parent or guardian ("mama ga masalah"; not "izin" alone).
_PARENT = re.compile(
    r"\b(?:orang\s*tua\w*|ortu\w*|wali\w*|ayah\w*|ibu\w*|mama\w*|papa\w*|bapak\w*|mami"
    r"|bunda|nyokap|bokap|emak|parents?|guardian|mom|mum|dad|mother|father)\b"
)
# Must it be given: "wajib", "harus", "boleh dilewati", "tanpa", "do I have to".
_MUST = re.compile(
    r"\b(?:wajib\w*|harus\w*|perlu\w*|mesti|musti|kudu|dilewati|lewati|skip\w*|tanpa"
    r"|required|mandatory|necessary|must|have\s+to|need\s+to|without)\b"
)
# Not given: "ortu ga setuju", "mama belum ngizinin", "my parents don't agree".
_REFUSED = re.compile(
    r"\b(?:ga|gak|gk|nggak|ngga|enggak|engga|tidak|tdk|ndak|belum|blm|don\s+t|doesn\s+t"
    r"|do\s+not|does\s+not|won\s+t|not|haven\s+t|hasn\s+t|have\s+not|has\s+not|didn\s+t"
    r"|did\s+not)\s+(?:\w+\s+)?(?:setuju|mengizinkan|ngizinin|izinin|ngijinin|ijinin"
    # Active "bolehin" forms ("mama ga ngebolehin", "papa tidak membolehkan"; final review s58
    # H3: told "Sip! press agree").
    r"|bolehin|ngebolehin|membolehkan|boleh|acc|kasih\s+i[zj]in|ngasih\s+i[zj]in"
    r"|memberi\s+i[zj]in|agree|agreed|allow|approve|(?:say|said)\s+(?:yes|ok|okay|oke)"
    # Said of the talent ("belum diizinin mama kak", "ortu blm dibolehin", "ga dapet izin";
    # a talents' re-check: the passive forms read as agreeing got "Sip! press agree").
    r"|di\s*(?:i[zj]in(?:in|kan|i)|bolehin|bolehkan|kasih\s+i[zj]in|beri\s+i[zj]in)"
    r"|(?:dapat|dapet|dpt)\s+i[zj]in|boleh\s+(?:sama|sm|ama|oleh)|allowed|approved)\b"
    # One of them not yet ("papa boleh tapi mama belum", "mama setuju tapi papa belum tau",
    # "but my dad hasn't"), or not at all at the end ("papa oke, mama nggak").
    r"|\b(?:orang\s*tua\w*|ortu\w*|wali\w*|ayah\w*|ibu\w*|mama\w*|papa\w*|bapak\w*|mami"
    r"|bunda|parents?|guardian|mom|mum|dad|mother|father)\s+(?:juga\s+|masih\s+|still\s+)?"
    r"(?:belum|blm|hasn\s+t|haven\s+t|has\s+not|have\s+not|not\s+yet"
    r"|(?:ga|gak|gk|nggak|ngga|enggak|engga|tidak|tdk|ndak|not|doesn\s+t|don\s+t)\s*$)"
)
# "It's fine" ("gak papa diizinin mama", "gpp", "nggak apa-apa"; final review s58 H4: read as
# "not allowed"): no negation, left out before the consent's words are read.
_NO_MATTER = re.compile(
    r"\b(?:ga|gak|gk|nggak|ngga|enggak|engga|tidak|tdk|ndak)\s+(?:papa|apa\s+apa|apa2|pp)\b"
    r"|\b(?:gapapa|gpp|gakpapa|gakpp|nggakpapa|ngapapa|gaapa|gapapa\w*)\b"
    # "mama ga masalah", "no problem" (a talents' review: "pick a button"); not "masih masalah"
    r"|\b(?:ga|gak|gk|nggak|ngga|enggak|engga|tidak|tdk|ndak|no)\s+(?:masalah|problem)\b"
)
# Any word of not, not yet or "but": a yes said with one is not a plain yes ("mama udah
# bolehin tapi papa belum"; final review s58 H3), so it never gets "Sip! press agree".
_NOT_PLAIN = re.compile(
    r"\b(?:ga|gak|gk|nggak|ngga|enggak|engga|tidak|tdk|ndak|belum|blm|bukan|jangan|tapi|tp|tpi"
    r"|namun|cuma|cuman|kecuali|not|no|never|nope|but|except|yet|don\s+t|doesn\s+t|didn\s+t"
    r"|haven\s+t|hasn\s+t|isn\s+t|aren\s+t|won\s+t|wasn\s+t|weren\s+t)\b"
)
_SHORT = 4  # words: "ini wajib ga kak?" is about the screen it is typed at
# Going to ask them first ("bentar kak aku tanya bapak dulu ya, bapak lagi di pura 🙏", a
# talents' review: told to press a button, where one deleted his answers and the other said
# his father agreed), or just a moment ("bentar ya kak"): the pause is offered.
_ASKING_THEM = re.compile(
    r"\b(?:tanya\w*|nanya\w*|menanyakan|minta\s+i[zj]in\w*|bilang\w*|ngomong|diskusi\w*"
    r"|ask|asking|check\s+with|talk\s+to|call)\b"
)
# Given: "mamah udh bolehin kok", "ortu sudah setuju", "my mum said yes" (a talents' review:
# "aku pencet aja ya?" got only "press a button").
_AGREED = re.compile(
    r"\b(?:bolehin|ngebolehin|membolehkan|mengizinkan|ngizinin|izinin|ngijinin|ijinin|setuju"
    # Said of the talent ("udh diizinin mama kok kak", a talents' review: "press a button").
    r"|di(?:i[zj]in(?:in|kan|i)|bolehin|bolehkan|kasih\s+i[zj]in|beri\s+i[zj]in)"
    r"|kasih\s+i[zj]in|ngasih\s+i[zj]in|memberi\s+i[zj]in|agreed|agrees|said\s+yes|allowed"
    r"|approved|(?:is|are)\s+(?:ok|okay|fine))\b"
)
# Given, read only in a text with no word of not or "but" (_NOT_PLAIN): "my parents said ok",
# "udah dapet izin" (a talents' review: "pick a button"; "udah dapet izin belum ya?" is a
# question, "mau dapet izin dulu" no yes).
_PLAINLY_AGREED = re.compile(
    r"\b(?:said\s+(?:ok|okay|oke|fine|sure|it\s+s\s+(?:ok|okay|fine))"
    r"|(?:udah|udh|uda|sudah|sdh|dah|telah)\s+(?:\w+\s+)?(?:dapat|dapet|dpt)\s+i[zj]in\w*)\b"
)
_WAITING = re.compile(
    r"\b(?:bentar|sebentar|bntr|tunggu|tunggu\w*|nanti|ntar|wait|hold\s+on|a\s+moment)\b"
)


# An adult who picked "under 18" by mistake ("saya sudah 25 tahun, salah pilih umur", "saya
# bukan anak kecil"): an attacker's review had them told a parent's consent is required.
_ADULT = re.compile(
    r"\b(?:salah\s+pilih|kepencet|kepilih|bukan\s+anak|sudah\s+dewasa|udah\s+dewasa"
    r"|wrong\s+age|not\s+a\s+(?:minor|child|kid)|i\s*'?\s*m\s+an?\s+adult)\b"
    r"|\b(?:1[89]|[2-9]\d)\s*(?:tahun|thn|th|years?|yo)\b"
)


# The parent typing for the child ("Saya mamanya, saya setuju", "ini ibunya", "I'm her mom"):
# a talents' review had the mother told "if your parent has agreed, press…".
_PARENT_SPEAKING = re.compile(
    r"\b(?:saya|aku|ini|sy)\s+(?:mama\w*|mamah\w*|mami\w*|ibu\w*|bunda\w*|papa\w*|papah\w*"
    r"|ayah\w*|bapak\w*|orang\s*tua\w*|ortu\w*|wali\w*)"
    r"|\bi\s*(?:'?\s*m|am)\s+(?:(?:his|her|their)\s+)?(?:mom|mum|mother|dad|father|parent|guardian)\b"
)


def about_the_guardian(text: str) -> Text | None:
    """What the guardian's consent screen says to a question about it, or None (for the
    FAQ, or "press a button")."""
    folded = " ".join(_NO_MATTER.sub(" ", fold(text)).split())
    words = folded.split()
    if not words or len(words) > _WORDS_AT_MOST:
        return None
    if _ADULT.search(folded):
        return Text.INTAKE_GUARDIAN_ADULT  # ⬅️ Back to the age question
    named = _GUARDIAN.search(folded) is not None
    about = named or len(words) <= _SHORT
    if _WHY_WORD.search(folded) and (named or (about and _MUST.search(folded))):
        return Text.INTAKE_GUARDIAN_WHY
    if _REFUSED.search(folded):
        return Text.INTAKE_GUARDIAN_NEEDED
    waiting = _WAITING.search(folded) is not None
    plain = _NOT_PLAIN.search(folded) is None
    # A parent's "no problem" ("mama ga masalah", "bunda gapapa"), said with no other word of
    # not or "but": their yes.
    fine = _NO_MATTER.search(fold(text)) is not None and _PARENT.search(folded) is not None
    plainly = plain and (fine or _PLAINLY_AGREED.search(folded) is not None)
    agreed = _AGREED.search(folded) is not None or plainly
    agrees = agreed or re.search(r"\bagree\b", folded)
    if _PARENT_SPEAKING.search(folded) and not waiting and agrees and plain:
        return Text.INTAKE_GUARDIAN_PARENT_AGREES  # "Saya mamanya, saya setuju."
    if named and not waiting and agreed and ("?" in text or "\uff1f" in text):
        return Text.INTAKE_GUARDIAN_AGREED  # "mamah udh bolehin kok, aku pencet aja ya?"
    if named and not waiting and agreed and plain:
        return Text.INTAKE_GUARDIAN_BY_BUTTON  # "udh diizinin mama kok kak 😊": as "setuju"
    asked = "?" in text or "\uff1f" in text
    if not asked and (says_yes(text) or says_agree(text)):  # a bare "iya", "yes", "setuju"
        return Text.INTAKE_GUARDIAN_BY_BUTTON
    if (named and (waiting or _ASKING_THEM.search(folded))) or (waiting and len(words) <= _SHORT):
        return Text.INTAKE_GUARDIAN_ASK_FIRST
    if about and (_MUST.search(folded) or _NOTHING.search(folded)):
        return Text.INTAKE_GUARDIAN_NEEDED
    return None


# At a choice question, what makes a text a question though talents rarely type a "?" (a
# talents' review: "does gamelan count as traditional/ethnic or should I choose other" and
# "kak cover kpop itu masuk gaya kpop atau pop" were ticked as choices): a word that asks, or
# one of asking at the start ("does", "is", "can"). Plain lists ("pop, rock", "pop dan jazz")
# have none.
_ASKS_AT_CHOICES = re.compile(
    r"\b(?:(?:boleh|bisa|bs|blh|bole)\s+(?:\w+\s+)?(?:di)?(?:centang\w*|ceklis\w*)"
    r"|(?:centang\w*|ceklis\w*)\s+(?:ga|gak|nggak|ngga|tidak|enggak|kah)"
    r"|apa|apakah|apaan|mana|gimana|gmn|bagaimana|gmana|masuk|termasuk|beda\w*"
    r"|perbedaan\w*|kategori\w*|which|what|difference\w*|should\s+i|count\w*\s+as"
    r"|fall\w*\s+under|belong\w*)\b"
    r"|^(?:does|do|is|are|am|can|could|should|would|will|how|where|why|may)\b"
    # Yes or no, asked without a "?" ("JADI KERONCONG BOLEH ATAU TIDAK", "bisa apa nggak"; a
    # talents' review s64, M6: called the rest of the answer before).
    r"|\b(?:boleh|bisa|bs|blh|bole|harus|wajib|perlu|diterima|ikut|masuk)"
    r"\s+(?:(?:atau|ato|atw|apa|or)\s+)?(?:tidak|tdk|nggak|ngga|gak|ga|gk|enggak|engga|ndak"
    r"|nda|ora|not)(?:\s+(?:kak|ya|sih|pak|bu|mas|mbak|bang|dong|nih|ji|mi))*\s*$"
)
# "Or" asks between two choices it names ("kpop atau pop", "pop or rock"); not inside one
# choice's name ("45 or older").
_OR = re.compile(r"\b(?:atau|ato|atw|or)\b")
# Asking which choice it is, or what tells them apart: "yang mana", "bedanya apa", "which
# one", "the difference", "these two", "should I choose", "masuk mana".
_WHICH = re.compile(
    r"\b(?:(?:yang|yg|masuk|pilih|milih|ikut)\s+(?:yang\s+|yg\s+)?mana|mana\s+(?:yang|yg)"
    r"|beda\w*|perbedaan\w*|keduanya|dua\s+(?:ini|itu|program)|pilih\s+apa|milih\s+apa"
    r"|which(?:\s+one)?|difference\w*|differ|these\s+(?:two|programs|options)|both"
    r"|should\s+i\s+(?:choose|pick|tick|select)|choose\s+which)\b"
)
# Asking whether a choice may be ticked: "bisa centang ga", "boleh dicentang?", "can I tick".
_TICK = r"(?:di)?(?:centang\w*|ceklis\w*|checklist|pilih|milih|tick|select|choose|pick)"
_MAY_TICK = re.compile(
    rf"\b(?:(?:boleh|bisa|bs|blh|bole)\s+(?:\w+\s+)?{_TICK}|{_TICK}\s+(?:ga|gak|nggak|ngga"
    rf"|tidak|enggak|ya|kah)|(?:can|may|should)\s+i\s+{_TICK})\b"
)
# Choices that may be had a little (a language): "baru dikit" gets Lainnya with a level.
_LEVELLED = frozenset({"languages"})
# Having it only a little: "baru basic", "cuma bisa baca hangul sm dikit2 ngomong", "a bit".
_LITTLE = re.compile(
    r"\b(?:dikit\w*|sedikit\w*|basic|dasar|pemula|cuma|hanya|doang|a\s+little|a\s+bit"
    r"|beginner|only)\b"
)
_DIGIT = re.compile(r"\d")
# Asking what tells choices apart: "bedanya", "perbedaan", "the difference", "differ".
_DIFFERENCE = re.compile(r"\b(?:beda\w*|perbedaan\w*|difference\w*|differ\w*)\b")
# Asking what something is: "MU:CON itu apa", "apa itu ACF", "what is MU:CON", "maksudnya".
_WHAT_IS = re.compile(
    r"\b(?:apa\s+itu|itu\s+apa|apaan|apa\s+sih|maksud\w*|what\s+is|what\s+s|what\s+are"
    r"|tell\s+me\s+about|about)\b|^\W*\w+(?:\s+\w+)?\W*$"
)
# Asking where something belongs: "masuk", "termasuk", "count as", "fall under", "fit".
_FITS = re.compile(
    r"\b(?:masuk|termasuk|kategori\w*|cocok\w*|pas|count\w*\s+as|fall\w*\s+under"
    r"|belong\w*|fits?)\b"
)


# The role questions, where one role is picked: more than one ("aku dua-duanya", "produser
# sekaligus sutradara", "pilih dua bisa ji?", "can I pick two") or a team ("tim dance ku (5
# org)"), a talents' review: suggestions, or "for example Director or Producer".
_ROLES = form_order.ROLE_QUESTIONS
_TWO = re.compile(
    r"\b(?:dua\s*duanya|sekaligus|(?:i\s*m|i\s+am|i\s+do)\s+both"
    r"|(?:pilih|milih|centang|ambil)\s+(?:dua|2)"
    r"|(?:lebih\s+dari|more\s+than)\s+(?:satu|1|one)|(?:pick|choose|select|tick)\s+(?:two|2)"
    r"|two\s+roles|multiple\s+roles)\b"
)
_TEAM = re.compile(r"\b(?:tim|team|crew|(?:\d+|lima|empat|tiga)\s*(?:org|orang|people|members))\b")


def asks_at_choices(question: Question, content: Content, answers: Answers, text: str) -> bool:
    """Whether a text typed at a choice question is a question, not choices to take."""
    folded = fold(text)
    if "?" in text or "\uff1f" in text or _ASKS_AT_CHOICES.search(folded):
        return True
    if asks_unmarked(text, starting_asks=True, tagged=False):
        return True  # "berapa biayanya kak" (a talents' review s65, F1: ticked as Lainnya)
    if question.key in _ROLES and _TWO.search(folded):
        return True  # "aku dua-duanya": one role is taken here
    if _OR.search(folded) is None:
        return False
    return len(choice_words.named_choices(question, content, answers, text, asked=True)) > 1


def about_the_choices(
    question: Question, content: Content, answers: Answers, text: str
) -> Rejected | None:
    """What a choice question says to a question about its own choices, or None (no such
    question: taken as choices, or one for the FAQ). The programs: a line on each asked
    about (a talents' review: "what's the difference between these two?" got a film page);
    choices it names ("X masuk A atau B"): pick the one that fits; a "which one?" naming
    none ("kalo dancer masuk yg mana kak?", which got every program): Lainnya, written."""
    folded = fold(text)
    if not folded or len(folded.split()) > _WORDS_AT_MOST:
        return None
    if not asks_at_choices(question, content, answers, text):
        return None
    named = choice_words.named_choices(question, content, answers, text, asked=True)
    which = _WHICH.search(folded) is not None
    if question.choices_from == "programs":
        # A question on what one program takes ("Apakah BIFF ACF menerima dokumenter?", a
        # talents' review: its summary line left out that ACF is for fiction) is for its page
        # or the FAQ; the summary answers only which one, what tells them apart, what it is.
        if not (which or (named and _WHAT_IS.search(folded))):
            return None
        offered = [value for value, _ in form_order.choices(question, content, answers)]
        kind = _KIND.search(folded) if which and not named else None
        if kind is not None:
            # "which one suits a documentary / a rapper / a dancer" (a talents' review: the
            # summary never said): what the pages say of it, or that they do not say.
            saying = tuple(key for key in offered if _said(kind.group(0), content, key))
            if saying:
                return Rejected(
                    Text.INTAKE_PROGRAMS_KIND, {"kind": kind.group(0), "programs": saying}
                )
            every = {"kind": kind.group(0), "programs": tuple(offered)}
            return Rejected(Text.INTAKE_PROGRAMS_NOT_SAID, every)
        return Rejected(Text.INTAKE_CHOICES_PROGRAMS, {"programs": tuple(named or offered)})
    if question.key in _ROLES and _TEAM.search(folded) and "band_group" in _values(question):
        return Rejected(Text.INTAKE_ROLE_TEAM)  # "aku sama tim dance ku pilih band/grup ga?"
    if question.key in _ROLES and _TWO.search(folded):
        return Rejected(Text.INTAKE_ROLE_ONE)  # "produser sekaligus sutradara, pilih mana?"
    fits = _FITS.search(folded) is not None
    other = form_order.other_follow_up(question, content)
    ranges = bool(question.choices) and all(c.numbers for c in question.choices or [])
    if not named and (which or fits) and (later := _later_named(question, content, answers, text)):
        return later  # "gamelan dipadu elektronik, masuk genre apa?" at the field: the genres
    if ranges and not named and (which or fits) and not _DIGIT.search(folded):
        # "dancer masuk mana" at the age (a talents' review: "pick the closest" age): what
        # they do is asked later; only the age is asked here.
        return Rejected(Text.INTAKE_CHOICES_ASKED_LATER)
    levelled = len(named) == 1 and other is not None and question.key in _LEVELLED
    levelled = levelled and other is not None and named[0] != other[0]  # not Lainnya itself
    may_tick = _MAY_TICK.search(folded) or _LITTLE.search(folded) or fits
    if levelled and other is not None and may_tick:
        # "korea aku baru dikit bisa centang ga": tick it, or Lainnya with a level; also
        # "cuma bisa baca hangul, itu termasuk bisa ga?" (a talents' review: "for example
        # Korean" right after, against it).
        labels = dict(form_order.choices(question, content, answers))
        values = {"named": labels[named[0]], "other": other[1]}
        return Rejected(Text.INTAKE_CHOICES_MAY_TICK, values)
    # How many may be ticked, said with the choices (a talents' review: the genre hint did not).
    up_to = {"up_to": question.max_choices} if question.type == "multi_choice" else {}
    abouts = {choice.value: choice.about for choice in question.choices or []}
    if named and _DIFFERENCE.search(folded) and all(abouts.get(value) for value in named):
        # "bedanya apa solo sama grup": a line on each, never one of them as if recommended.
        labels = dict(form_order.choices(question, content, answers))
        lines = tuple((labels[value], abouts[value]) for value in named)
        return Rejected(Text.INTAKE_CHOICES_DIFFERENCE, {"lines": lines, **up_to})
    if len(named) > 1 or (named and (which or fits)):
        labels = dict(form_order.choices(question, content, answers))
        # "Lainnya" named beside others ("…or should I choose other") has its own sentence.
        said = [value for value in named if other is None or value != other[0]]
        if not said and other is not None:
            # Only Lainnya named ("bahasa makassar masuk lainnya ji?"): never offered as the
            # example of itself (a talents' review: "for example Other… if none fits, Other").
            return Rejected(Text.INTAKE_CHOICES_OTHER, {"other": other[1]})
        shown = tuple(labels[value] for value in said)
        if other is None:
            return Rejected(Text.INTAKE_CHOICES_NAMED, {"named": shown, **up_to})
        return Rejected(
            Text.INTAKE_CHOICES_NAMED_OR_OTHER, {"named": shown, "other": other[1], **up_to}
        )
    if named or not (which or fits):
        return None
    if other is None:
        return Rejected(Text.INTAKE_CHOICES_CLOSEST)
    # Where something goes ("dancer masuk mana"): not in the list, so Lainnya; only which
    # one ("bedanya apa", "which one?"): the one that fits, or Lainnya.
    reply = Text.INTAKE_CHOICES_OTHER if fits else Text.INTAKE_CHOICES_PICK
    return Rejected(reply, {"other": other[1]})


def _later_named(
    question: Question, content: Content, answers: Answers, text: str
) -> Rejected | None:
    """A "which one?" naming none of this question's choices but those of a choice question
    asked later (a talents' review: "gamelan semar pegulingan dipadu elektronik, itu masuk
    genre apa?" at the field got only "pick the closest"): that question, the choices named,
    and, when it is asked only after some of this one's choices (the genres after Musik),
    those. Of several later questions naming some, the one the text names ("genre") or else
    the one it names most of; one the answers so far rule out (the genres after Film) is left
    out. One pass over the text per later question."""
    questions = content.intake.questions
    after = questions[questions.index(question) + 1 :] if question in questions else []
    padded = f" {fold(text)} "
    best: tuple[bool, int, Question, list[str]] | None = None
    for later in after:
        if not later.choices or any(c.numbers for c in later.choices):
            continue
        if not _may_come(later, question, answers):
            continue
        named = choice_words.named_choices(later, content, answers, text, asked=True)
        if not named:
            continue
        said = any(f" {fold(word)} " in padded for word in later.about)
        if best is None or (said, len(named)) > best[:2]:
            best = (said, len(named), later, named)
    if best is None:
        return None
    *_, later, named = best
    labels = dict(form_order.choices(later, content, answers))
    shown = Listed(tuple(labels[value] for value in named), either=later.type != "multi_choice")
    values = {"later": later.label, "named": shown}
    leading = (later.when or {}).get(question.key)
    if leading:
        here = dict(form_order.choices(question, content, answers))
        led = Listed(tuple(here[value] for value in leading if value in here), either=True)
        return Rejected(Text.INTAKE_CHOICES_LATER_HERE, {**values, "here": led})
    return Rejected(Text.INTAKE_CHOICES_LATER, values)


def _may_come(later: Question, question: Question, answers: Answers) -> bool:
    """Whether a later question may still be asked: each of its conditions is unanswered (or
    the question at hand's), or answered with a value it allows."""
    for key, allowed in (later.when or {}).items():
        answer = answers.get(key) if key != question.key else None
        given = set(answer) if isinstance(answer, list) else {answer}
        if answer is not None and not given & set(allowed):
            return False
    return True


def one_role_only(
    question: Question, content: Content, answers: Answers, text: str
) -> Rejected | None:
    """At a role question, a text naming two of its roles, or saying there is more than one,
    however long ("Saya sutradara sekaligus produser untuk film-film saya sendiri. Jenis
    karya saya dokumenter, …", a talents' review: read as a question, and suggestions came):
    an answer, told to pick one (about_the_choices says so to short ones). None otherwise,
    and for a text with a "?" (a question, for the FAQ)."""
    if question.key not in _ROLES or "?" in text or "\uff1f" in text:
        return None
    other = form_order.other_follow_up(question, content)
    named = choice_words.named_choices(question, content, answers, text)
    roles = [value for value in named if other is None or value != other[0]]
    if len(roles) > 1 or _TWO.search(fold(text)):
        return Rejected(Text.INTAKE_ROLE_ONE)
    # "Saya band n solo" (an attacker's review: Band/grup stored): the one word joined to
    # the role names another loosely ("solo"; "kadang juga nulis lagu" is a remark).
    joined = choice_words.joined_item(text)
    joined = joined if joined is not None and len(joined.split()) == 1 else None
    also = [
        value
        for value in (
            choice_words.named_choices(question, content, answers, joined, asked=True)
            if roles and joined
            else []
        )
        if value not in roles and (other is None or value != other[0])
    ]
    return Rejected(Text.INTAKE_ROLE_ONE) if also else None


# A second role asked about after the role was taken ("Apakah bisa pilih dua peran?", "peran
# lain", "another role").
_ANOTHER_ROLE = re.compile(
    r"\b(?:(?:dua|2|two)\s+(?:peran|role|roles)|(?:peran|role)\s+(?:lain|lainnya|kedua)"
    r"|(?:another|second|other)\s+roles?)\b"
)


def another_role(
    question: Question, content: Content, answers: Answers, text: str
) -> tuple[Text, dict[str, object]] | None:
    """At the question right after a role question, its role taken: a text naming another of
    its roles ("Mohon maaf, saya juga penulis skenario.") or asking for two ("Apakah bisa
    pilih dua peran?"; a talents' review s65, F4: "use the buttons", then "pause to ask",
    and never where a second role goes): the note that the form keeps one main role, the
    one taken, and that the others go in the last question. None otherwise, and for a text
    naming a choice of this question."""
    previous = form_order.previous_question(content, answers, question.key)
    role = answers.get(previous.key) if previous is not None else None
    if previous is None or previous.key not in _ROLES or not isinstance(role, str):
        return None
    # Named as whole words, asked or not ("Penulis skenario juga bisa?"; a loose reading of a
    # question would take "peran" for "Pemeran").
    said = text.replace("?", " ").replace("\uff1f", " ")
    if question.type in ("single_choice", "multi_choice") and choice_words.named_choices(
        question, content, answers, said
    ):
        return None
    other = form_order.other_follow_up(previous, content)
    if other is not None and question.key == other[2].key:
        # "Peranmu apa tepatnya?" after Lainnya: the text is the role ("Asisten sutradara",
        # "Guru vokal & penyanyi"; a review s65: refused forever as a second role).
        return None
    labels = dict(form_order.choices(previous, content, answers))
    said_roles = choice_words.named_choices(previous, content, answers, said)
    # A role's word inside a role named with Lainnya's words ("Asisten sutradara", "manajer
    # band") is no second role of its own.
    named = [
        value
        for value in said_roles
        if value != role and (other is None or other[0] not in said_roles)
    ]
    folded = fold(text)
    # Not _TWO alone: "boleh pilih lebih dari satu?" at the genres asks about the genres.
    if role not in labels or not (named or _ANOTHER_ROLE.search(folded)):
        return None
    if named:
        return Text.INTAKE_ROLE_KEPT_OTHER, {"role": labels[role], "other": labels[named[0]]}
    return Text.INTAKE_ROLE_KEPT, {"role": labels[role]}


# A kind of work or role a "which program suits…" question may name: each with the words a
# program page would use for it.
_KINDS: dict[str, tuple[str, ...]] = {
    # Fiction is said where a page is for fiction only ("film panjang fiksi").
    "dokumenter": ("dokumenter", "documentary", "documentaries", "fiksi", "fiction"),
    "documentary": ("dokumenter", "documentary", "documentaries", "fiksi", "fiction"),
    "fiksi": ("fiksi", "fiction"),
    "fiction": ("fiksi", "fiction"),
    "animasi": ("animasi", "animation"),
    "animation": ("animasi", "animation"),
    "rapper": ("rapper", "rap", "hip hop"),
    "rap": ("rapper", "rap", "hip hop"),
    "dancer": ("dancer", "penari", "tari", "dance"),
    "penari": ("dancer", "penari", "tari", "dance"),
    "dance": ("dancer", "penari", "tari", "dance"),
    "beatmaker": ("beatmaker", "produser", "producer"),
}
_KIND = re.compile(rf"\b(?:{'|'.join(_KINDS)})\b")


def _said(kind: str, content: Content, key: str) -> bool:
    """Whether a program's page names that kind of work or role, in either language."""
    page = content.programs.get(key)
    return page is not None and any(
        kind_sentence(kind, part.get(language)) is not None
        for part in (page.what, page.who, page.offers)
        for language in ("id", "en")
    )


def kind_sentence(kind: str, text: str) -> str | None:
    """The first sentence of a program page's text (Telegram HTML) that names a kind of
    work or role ("dokumenter"), without its tags, or None."""
    words = _KINDS.get(kind, ())
    plain = html.unescape(_TAG.sub("", text))
    for sentence in _SENTENCE_END.split(plain.replace("\n", " ")):
        if any(re.search(rf"\b{word}\b", fold(sentence)) for word in words):
            return html.escape(sentence.strip(), quote=False)
    return None


def _values(question: Question) -> set[str]:
    return {choice.value for choice in question.choices or []}


# Where a sentence of a program page's text ends: ".", "!" or "?" and a space.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_TAG = re.compile(r"<[^>]*>")
