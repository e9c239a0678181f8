"""Talents' messages as words: cleaned, written out, stemmed; and masked for staff's aggregates."""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

import Stemmer

from bot.answers.words import (
    ABOUT_TALENT,
    ABOUT_THE_BOT,
    AFFIRMING,
    AGAIN,
    ANOTHER_TIME,
    APOLOGISING,
    ASKED,
    ASKING,
    ASKING_BACK,
    ASKING_ON,
    BACK_AGAIN,
    BEFORE_SET_ASIDE,
    BRINGING,
    BY_NOW,
    CALLED,
    CLOSING,
    DELETING,
    DOUBTING,
    EXCUSING,
    FILLER,
    FILLING,
    FIRST_PERSON,
    FROM,
    GIVING_BACK,
    GRATITUDE,
    GREETINGS,
    HAVING,
    HEARD_BACK,
    HELD,
    I_SEE,
    KEEPING,
    KEPT_ASKED,
    KEPT_ASKING,
    KEPT_DATA,
    KEPT_LOOSELY,
    KEPT_NOW,
    KOCCA,
    KOCCA_NAMES,
    LATE,
    LATER,
    MENU_CALLS,
    MENU_FILLER,
    MENU_LIMIT,
    MORE_THAN_THANKS,
    MURMURS,
    MY_MISTAKE,
    NEEDING,
    NEGATING,
    NEWS_OF,
    NOT_IT,
    NOT_IT_FILLER,
    NOT_IT_FIRST,
    NOT_IT_SAYING,
    NOT_SENDING,
    OLD,
    OWN,
    OWN_DATA,
    OWN_DETAILS,
    OWNING,
    PHRASES,
    POLITE,
    QUESTION_CUES,
    READ_BY_WHOM,
    READING,
    REFUSING,
    REGISTERING,
    REGISTERING_FOR,
    REGRET_NO,
    REGRETTED,
    REMAINING,
    REPLY_REACH,
    REPLYING,
    RUNNING,
    SALUTATIONS,
    SENDING,
    SETTING_ASIDE,
    SETTING_ASIDE_PAIRS,
    SHORT_FORMS,
    STILL,
    STOPWORDS,
    SUPPOSING,
    THANKS,
    THE_TEAM,
    THEN,
    UNDERSTOOD,
    UNDERSTOOD_NOW,
    UNDOING,
    WANTING_TO,
    WHAT_THIS_IS,
    WHATS_LEFT,
)
from bot.terminal_text import INVISIBLE, without_controls

MAX_WORDS = 60  # a question is short; the rest of a 4,096-character message is not looked at
MAX_CHARACTERS = 1000  # read no further than this to find them
MAX_WORD = 30  # letters; a longer run is not a word anyone types
SUMMARY_LIMIT = 80  # characters of a question kept in staff's list of unanswered ones
ELLIPSIS = "…"  # where a summary was cut
ASIDE_WORDS = 3  # content words a "selain"/"other than" sets aside at most
MIN_DOUBLED = 3  # letters and a 2: "orang2" is "orang", "mp2" or "k2" stays as written
MIN_NYO = 6  # letters: Palembang's "-nyo" for "-nya" ("infonyo", "insentifnyo"), not "sanyo"
MIN_NYA = 5  # letters: "hpnya", "wanya" are a short form and "-nya"; "gnya" is not a word
WISH_LIMIT = 160  # characters: a wish to register, with thanks before it, is no longer
MAX_LINKS = 10  # addresses in one message read as links shared, not asked about
SUPPOSED_REACH = 3  # words from "kalau" to "daftar" at most ("kalau saya nanti daftar")
SHORT_REPLY = 24  # characters ("iya kirim ke tim aja kak"): a longer one is no bare yes or no
MIN_NAME = 3  # letters: a shorter name word ("Al", "Oh") is masked nowhere, too often a word

# Every pattern runs in linear time, whatever the message (no backtracking over long runs).
_TAG = re.compile(r"<[^<>]{0,200}>")
_LINK = re.compile(r"(?<!\S)(?:https?://|www\.)\S++|(?<!\S)[^\s@]*+@\S++")
_JOINED = re.compile(r"(?<=[^\W\d_]):(?=[^\W\d_])")  # MU:CON is one word
# Emoji are words ("🙏" thanks), their skin tones (U+1F3FB-U+1F3FF) are not.
# What the words read as "kembali" but gives back ("bisa dibalikin?"): `regrets_erasure`.
_GIVEN_BACK = re.compile(r"\b(?:di)?(?:balik(?:in|an)|kembalikan)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+|[\U0001F300-\U0001F3FA\U0001F400-\U0001FAFF\u2600-\u27BF]")
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")  # "halooo" -> "halo"
# 5+ digits: phones, ids, cards; however they are spaced: up to three of any character but a
# letter or digit between two digits ("0812 - 3456 - 7890", "0812/3456", "0812:3456", a minus sign);
# also glued to the word before it ("WA081234567890", "nik3174…"), not only after a space.
_NUMBER = re.compile(r"(?<!\d)\+?\d(?:(?:[^\w\n]|_){0,3}\d){4,}")
# A phone number written to get past _NUMBER: eight digits or more with up to six spaces or
# signs between each two ("0812....3456", "0812 / / 3456"), or ten or more with up to six of
# anything, words too ("0812 dan 3456 dan 7890"). "MU:CON2026 BTS2024" and "2025 dan 2026"
# stay as written.
_SPREAD_NUMBER = re.compile(r"(?<!\d)\d(?:[^\w\n]{0,6}+\d){7,}|(?<!\d)\d(?:[^\d\n]{0,6}+\d){9,}")
_DIGIT = re.compile(r"\d")  # _NUMBER needs one: most questions have none, found faster
_LETTERS = re.compile(r"[^\W\d_]+")  # a word's letters: the talent's own name is masked
_EMAIL = re.compile(r"@[^@.]+\.")
_DOMAIN = re.compile(r"\.[a-z]{2,}/", re.IGNORECASE)
# An e-mail address written to dodge spam bots: sari (at) gmail.com, sari[at]gmail[dot]com,
# sari at gmail dot com, sari @ gmail.com (possessive runs, starting only at a word's start:
# linear time).
_AT = r"(?:\s*+[(\[{<]\s*+(?:at|a|@)\s*+[)\]}>]\s*+|\s++at\s++|\s++@\s*+|\s*+@\s++)"
# A dot counts only before a letter or digit: "sari @ gmail.com." keeps its full stop outside.
# Written loosely ("gmail .com", "gmail. com", "gmail,com", "gmail。com"), only before a
# common ending: "meet at lobby. thanks" is not an address.
_TLD = r"(?=(?:com|net|org|id|co|me)\b)"
_DOT = (
    r"(?:\s*+[(\[{<]\s*+(?:dot|\.)\s*+[)\]}>]\s*+|\s++dot\s++|\s++\.\s++|\.(?=[\w-])"
    rf"|\s++\.(?=\w){_TLD}|\.\s++{_TLD}|\s*+[,。]\s*+{_TLD})"
)
_HIDDEN_EMAIL = re.compile(  # its name may be written out too: "sari dot dewi at gmail dot com"
    rf"(?<![\w.+-])(?:[\w+-]++{_DOT})*+[\w.+-]++{_AT}(?:[\w-]++{_DOT})++[a-z]{{2,}}\b",
    re.IGNORECASE,
)
# An address at a common provider, however little of it is written: "sari at gmail com",
# "sari di gmail.com" ("di": Indonesian "at"), "sari @ gmail".
_PROVIDERS = ("gmail", "googlemail", "yahoo", "ymail", "outlook", "hotmail", "icloud", "proton")
_PROVIDER = r"(?:" + "|".join(_PROVIDERS) + r")\w*+"
_TAIL = (  # ".com", " com", ", com", "(dot) co (dot) id"
    r"\s*+(?:[.,。]|[(\[{<]\s*+(?:dot|\.)\s*+[)\]}>]|dot\b)?\s*+"
    r"(?:co\s*+(?:[.,。]|dot\b)\s*+id|com|net|id|co|me)\b"
)
_PROVIDER_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]++(?:"
    # "@" or a bracketed "at": an address even without its ending ("sari @ gmail")
    r"(?:\s*+@\s*+|\s*+[(\[{<]\s*+(?:at|a|@)\s*+[)\]}>]\s*+)" + _PROVIDER + r"(?:" + _TAIL + r")?"
    # "at" or "di" as a word: only with its ending ("aku di gmail" is not an address)
    r"|\s++(?:at|di)\s++" + _PROVIDER + _TAIL + r")",
    re.IGNORECASE,
)
_SPACED_HANDLE = re.compile(r"(?<!\S)@\s++[\w.]++")  # "ig @ sari_music"

# "wkwk oke" is an okay; "makasih, beneran membantu" thanks (a doubt word without thanks, or
# one that asks back, is read first: `small_talk`).
_SMALL_TALK = GREETINGS | EXCUSING | THANKS | FILLER | MURMURS | (DOUBTING - ASKING_BACK)
_NOTHING_ASKED = STOPWORDS | FILLER | MURMURS
_CLOSING = LATER | CLOSING | STOPWORDS  # what a closing says besides small talk (`small_talk`)
# "serius?", "makasih, maksudnya?": asked back, with no word that could be a topic.
_NOTHING_CLEAR = _NOTHING_ASKED | _SMALL_TALK | DOUBTING
_WRITTEN_OUT = {short: tuple(written.split()) for short, written in SHORT_FORMS.items()}
_PHRASE_STARTS = frozenset(phrase[0] for phrase in PHRASES)
_PHRASE_WORDS = {phrase: tuple(written.split()) for phrase, written in PHRASES.items()}


def _phrase_spans() -> dict[str, tuple[int, ...]]:
    """Per first word of PHRASES, the lengths of its phrases, longest first: the only runs
    from that word that can be one."""
    spans: dict[str, set[int]] = {}
    for phrase in PHRASES:
        spans.setdefault(phrase[0], set()).add(len(phrase))
    return {word: tuple(sorted(lengths, reverse=True)) for word, lengths in spans.items()}


_PHRASE_SPANS = _phrase_spans()
_ENGLISH = Stemmer.Stemmer("english")
_INDONESIAN = Stemmer.Stemmer("indonesian")


RECENT_TEXTS = 8  # texts whose words are kept: read again while the same message is handled


def words(text: str) -> list[str]:
    """The words of a message: lower case, short forms written out, markup and links gone."""
    # A message's words are read by each check on its way (a wish to register, "bukan ini",
    # the matcher), some of them twice: made once, and a list of its own for each caller.
    return list(_words(text))


@lru_cache(maxsize=RECENT_TEXTS)  # thread-safe: an index is built in a thread of its own
def _words(text: str) -> tuple[str, ...]:
    """`words`, kept for the last RECENT_TEXTS messages read (`forget_words`)."""
    text = _visible(text).casefold()
    # Each step only when it can apply: this runs on every free message.
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "@" in text or "http" in text or "www" in text:
        text = _LINK.sub(" ", text)
    if ":" in text:
        text = _JOINED.sub("", text)
    found: list[str] = []
    for word in _WORD.findall(text):
        found += _word_form(word)
        if len(found) >= MAX_WORDS:
            break
    return tuple(_phrases_joined(found[:MAX_WORDS]))


# Words (not texts) whose forms, and whose stems (`stem`), are kept: chat repeats its words
# from one talent and message to the next ("kak", "daftar", "caranya").
WORD_FORMS_KEPT = 8192


@lru_cache(maxsize=WORD_FORMS_KEPT)
def _word_form(word: str) -> tuple[str, ...]:
    """What one word of a message (lower case, as `_WORD` finds it) is among its words: none
    (a phone number, an id, a key held down), itself, or its short form written out."""
    if len(word) > MAX_WORD or (word.isdigit() and len(word) > 4):
        return ()  # not a word
    # "halooo" is "halo". Only a word with a letter three times in a row changes, so this is
    # the same whether or not the message was first searched for any such run.
    word = _REPEATS.sub(_once, word)
    if word.endswith("2") and word[:-1].isalpha() and len(word) > MIN_DOUBLED:
        word = word[:-1]  # chat writes a doubled word with a 2: "orang2", "transfer2"
    if word.endswith("nyo") and len(word) >= MIN_NYO and word.isalpha():
        word = word[:-1] + "a"  # Palembang Malay's "-nyo" is "-nya": "infonyo"
    written_out = _WRITTEN_OUT.get(word)
    if written_out is None and word.endswith("nya") and len(word) >= MIN_NYA:
        # A short form with "-nya" ("registrasinya", "hpnya", "dedlennya"): the short form
        # written out, its "-nya" (which asks nothing) left off.
        written_out = _WRITTEN_OUT.get(word[: -len("nya")])
    return (word,) if written_out is None else written_out


def forget_words() -> None:
    """Drop the words of the last messages read, and the words' forms (a talent's data was
    erased)."""
    _words.cache_clear()
    _word_form.cache_clear()


def _phrases_joined(found: list[str]) -> list[str]:
    """The words with each of PHRASES written as its one word, the longest first: "sampai di
    mana" is "status"."""
    if _PHRASE_STARTS.isdisjoint(found):
        return found  # most messages
    # Two messages in three have a word a phrase starts with ("apa", "bisa"): only the runs
    # from such a word, of its phrases' lengths, are looked up (this runs on every free
    # message, some of them twice).
    result: list[str] = []
    index, count = 0, len(found)
    while index < count:
        word = found[index]
        for span in _PHRASE_SPANS.get(word, ()):
            if index + span > count:
                continue
            written = _PHRASE_WORDS.get(tuple(found[index : index + span]))
            if written is not None:
                result.extend(written)  # "ppdb spmb": two words
                index += span
                break
        else:
            result.append(word)
            index += 1
    return result


def _digits_left_as_symbols() -> dict[int, str]:
    """Digits NFKC keeps as symbols (❶, ➊, ⓿, 🄁): as the digits they are, so that a phone
    number written with them is masked like any other."""
    blocks = ((0x2460, 0x24FF), (0x2776, 0x2793), (0x1F100, 0x1F10C))
    table = {}
    for code in (code for first, last in blocks for code in range(first, last + 1)):
        value = unicodedata.digit(chr(code), None)
        if value is not None and unicodedata.normalize("NFKC", chr(code)) == chr(code):
            table[code] = str(value)
    return table


_VISIBLE: dict[int, str | None] = {**INVISIBLE, **_digits_left_as_symbols()}


def _visible(text: str) -> str:
    """The start of a message that is read, in Unicode's compatibility form (fullwidth and
    styled letters as plain ones), without invisible characters, digits as digits."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARACTERS])
    # None of those characters is ASCII, and most messages are ASCII only.
    return text if text.isascii() else text.translate(_VISIBLE)


def _once(repeated: re.Match[str]) -> str:
    return repeated.group(1)


@lru_cache(maxsize=WORD_FORMS_KEPT)
def stem(word: str) -> str:
    """One stem for Indonesian and English alike: English suffixes first (meeting -> meet,
    which the Indonesian rules would read as me-eting), then Indonesian affixes
    (pendaftaran -> daftar)."""
    if not word.isalpha():
        return word
    word = _without_nya_after_consonant(_without_krama_suffix(word))
    return str(_INDONESIAN.stemWord(_ENGLISH.stemWord(word)))


_VOWELS = frozenset("aeiou")


def _without_nya_after_consonant(word: str) -> str:
    """A word less its "-nya" after a consonant, before the English rules: "filmnya",
    "linknya", "botnya" were left whole (the Indonesian rules keep it on a short word), and
    "syutingnya", "petugasnya" lost it only after the English rules had passed them by, so
    they were not "syuting", "petugas". After a vowel the Indonesian rules take it off, and
    "tanya", "punya" stay as they are."""
    if word.endswith("nya") and len(word) >= len("nya") + 3 and word[-4] not in _VOWELS:
        return word[: -len("nya")]
    return word


def _without_krama_suffix(word: str) -> str:
    """Javanese krama's -ipun (after a consonant) and -nipun (after a vowel), its "-nya":
    "botipun" is "bot", "filenipun" is "file" ("meskipun" and its kind are stopwords). After
    "an" either may be meant: it is read as -nipun ("bahasanipun"), so "pendaftaranipun" stays
    unknown."""
    if word.endswith("nipun") and len(word) > len("nipun") + 2 and word[-6] in _VOWELS:
        return word[: -len("nipun")]
    if word.endswith("ipun") and len(word) > len("ipun") + 2 and word[-5] not in _VOWELS:
        return word[: -len("ipun")]
    return word


def is_content(word: str) -> bool:
    """Whether a word can tell topics apart: not a stopword, not a single letter."""
    return word not in STOPWORDS and (len(word) > 1 or word.isdigit())


def content_words(found: list[str]) -> list[str]:
    """The words that can tell topics apart."""
    return [word for word in found if is_content(word)]


def content_stems(found: list[str]) -> list[str]:
    """The stems of content words, less those that stem to a stopword ("caranya", "apaan")."""
    return [stemmed for stemmed in map(stem, found) if is_content(stemmed)]


_ASIDE_STARTS = SETTING_ASIDE | {first for first, _ in SETTING_ASIDE_PAIRS}


def set_aside(found: list[str], joins: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """A message's words less what it sets aside, and the words set aside: "selain mucon ada
    apa lagi" is (ada, apa, lagi) and (mucon). What is set aside is the content words right
    after "selain", "other than", ... (or after "dari", "the", ...), up to ASIDE_WORDS of
    them ("selain open call"), two typed words being one when `joins` says so ("selain mu
    con"); "selain itu" sets nothing aside."""
    if _ASIDE_STARTS.isdisjoint(found):
        return found, []  # most messages: nothing to look at word by word
    kept: list[str] = []
    aside: list[str] = []
    index = 0
    while index < len(found):
        word = found[index]
        index += 1
        if word not in SETTING_ASIDE:
            if index >= len(found) or (word, found[index]) not in SETTING_ASIDE_PAIRS:
                kept.append(word)
                continue
            index += 1  # "other than"
        while index < len(found) and found[index] in BEFORE_SET_ASIDE:
            index += 1  # "selain dari mucon"
        taken = 0  # the words up to the first that is not content: "selain open call ada"
        while index < len(found) and taken < ASIDE_WORDS:
            word = found[index]
            if index + 1 < len(found) and joins(word + found[index + 1]):
                aside.append(word + found[index + 1])  # "selain mu con"
                index += 2
            elif is_content(word):  # not "selain itu"
                aside.append(word)
                index += 1
            else:
                break
            taken += 1
    return kept, aside


def talk_in(text: str, found: list[str]) -> str | None:
    """`small_talk` of a message's words, and an okay asked back ("oh gitu?", "iya?",
    "oke kak?") as "doubt": not "Siap!" to it. Thanks that go on to ask in a clause of their
    own are no thanks (`_asks_after_thanks`)."""
    talk = small_talk(found)
    if talk == "thanks" and "?" in text:
        if "tidak" in found and _OKAY in itertools.pairwise(found):
            return None  # "gpp?", "ora popo?": is it all right? A question (fixc64, s64)
        if GRATITUDE.isdisjoint(found):
            return "doubt"
        if _asks_after_thanks(text) and not _thanks_understood(found):
            return None
    return talk


def _asks_after_thanks(text: str) -> bool:
    """Whether a message of thanks (or a goodbye) asks after it, in a clause of its own
    with a word that asks ("makasih, nanti saya kembali lagi. sekarang ada?", "terima kasih.
    sudah ada?"): the question is read, not swallowed by "Sama-sama!" (left from session 61).
    Not a clause that only closes or asks back ("makasih, nanti aku kabari ya?", "oke
    makasih, gitu ya?")."""
    clauses = [part for part in _CLAUSE_END.split(text) if words(part)]
    if len(clauses) < 2 or "?" not in clauses[-1]:
        return False
    asked = words(clauses[-1])
    if ASKING.isdisjoint(asked) and BY_NOW.isdisjoint(asked):
        return False
    return small_talk(asked) in (None, "nudge")


# Beside thanks and a word of understanding, what keeps it a closing: small talk and "by now"
# words, less any that asks on, asks back or turns it ("belum jelas", "tapi masih bingung").
_BESIDE_UNDERSTOOD = (_SMALL_TALK | UNDERSTOOD_NOW) - (
    ASKING_ON | MORE_THAN_THANKS | ASKING_BACK | REFUSING | NEGATING
)


def _thanks_understood(found: list[str]) -> bool:
    """Whether a message thanks and says or checks that it is clear now ("makasih kak, udah
    jelas?", "oke kak makasih, sudah jelas ya?", "thanks, clear now?"): a closing, not a
    question (a recheck s62, N1), with no word beside them that could be a topic or asks on
    ("makasih, sudah jelas. kapan dibuka?", "makasih, tapi belum jelas")."""
    return (
        not UNDERSTOOD.isdisjoint(found)
        and not GRATITUDE.isdisjoint(found)
        and all(word in UNDERSTOOD or word in _BESIDE_UNDERSTOOD for word in found)
    )


_TIMES_OF_DAY = frozenset(("morning", "afternoon", "evening"))


def _another_time(found: list[str]) -> set[int]:
    """Where two words side by side say "another time" ("lain kali", "maybe later")."""
    return {
        at + step
        for at in range(len(found) - 1)
        if (found[at], found[at + 1]) in ANOTHER_TIME
        for step in (0, 1)
    }


_BACK_SPANS = {
    start: tuple(sorted({len(phrase) for phrase in BACK_AGAIN if phrase[0] == start}))
    for start in {phrase[0] for phrase in BACK_AGAIN}
}


def _back_again(found: list[str]) -> set[int]:
    """Where words side by side say the talent is back ("kembali lagi", "I'm back", "udah
    lama gak ke sini"): BACK_AGAIN."""
    return {
        at + step
        for at, word in enumerate(found)
        for length in _BACK_SPANS.get(word, ())
        if tuple(found[at : at + length]) in BACK_AGAIN
        for step in range(length)
    }


_OKAY = ("tidak", "apa")  # "tidak apa apa" ("gpp", "ora popo"): it's fine


def _asks_if_okay(found: list[str]) -> bool:
    """Whether an okay ("gpp") is asked with a word that asks beside it ("apa gpp", "gpp
    kah", "gpp ga", "gpp kan"): is it all right? (fixc64, s64: "Siap!" to it). Its own
    "tidak apa (apa)" is no such word."""
    if "tidak" not in found:
        return False  # most messages
    for at, pair in enumerate(itertools.pairwise(found)):
        if pair == _OKAY:
            end = at + 3 if found[at + 2 : at + 3] == ["apa"] else at + 2
            rest = found[:at] + found[end:]
            return not QUESTION_CUES.isdisjoint(rest)
    return False


def small_talk(found: list[str]) -> str | None:
    """ "greeting" or "thanks" when a message is only that, "nudge" when it has no word that
    could be a topic ("hmm", "terus apa lagi"), "doubt" when it only asks back ("serius?",
    "maksudnya?"), else None."""
    if not found:
        return None
    found, seen = _without_i_see(_without_introduction(without_called(found)))
    if _asks_if_okay(found):
        return None  # "apa gpp", "gpp kah": a question, the matcher's or "not sure"
    if _thanks_understood(found):
        return "thanks"  # "makasih kak, udah jelas?", "thanks, clear now?"
    if not DOUBTING.isdisjoint(found) and (
        GRATITUDE.isdisjoint(found) or not ASKING_BACK.isdisjoint(found)
    ):
        # Asked back, even with thanks ("makasih, maksudnya?"): never thanks that end a
        # question to staff; a question if a word could be a topic ("masa bayar?").
        clear = all(word in _NOTHING_CLEAR or not _lettered(word) for word in found)
        return "doubt" if clear else None
    paired = _another_time(found)
    if (
        paired or (not LATER.isdisjoint(found) and not CLOSING.isdisjoint(found))
    ) and QUESTION_CUES.isdisjoint(found):
        # "oke, nanti saya sampaikan ke bos. makasih ya", "siap, nanti sa lanjut", "lain kali
        # aja": a closing.
        found = [word for at, word in enumerate(found) if word not in _CLOSING and at not in paired]
        if not found:
            return "thanks"
    back = _back_again(found) if LATER.isdisjoint(found) else set()
    if back:
        # "halo kak, aku kembali lagi", "Hi, I am back", "udah lama gak ke sini": a talent
        # back greets, with small words only around it ("makasih, aku balik lagi ya": thanks,
        # a goodbye; "balik lagi kak, ada kabar?" asks).
        found = [word for at, word in enumerate(found) if at not in back]
        if not found:
            return "greeting"
        if not NEWS_OF.isdisjoint(found) and "apa" not in found:
            return None  # "ada kabar?" asks for news, "apa kabar" greets
    if any(word in _SMALL_TALK and _lettered(word) for word in found):
        # An emoji beside a greeting or thanks is its mood ("slmt mlm min, dr tengah laut nih
        # 🌊"), as 🙏 is: not a word asked.
        found = [word for word in found if word in _SMALL_TALK or _lettered(word)]
    if any(word not in _SMALL_TALK for word in found):
        # Nothing asked yet: chat words only, or symbols only ("🙄", "😂🔥🙈").
        nothing = all(word in _NOTHING_ASKED or not _lettered(word) for word in found)
        if back and nothing:
            return "greeting" if QUESTION_CUES.isdisjoint(found) else None
        return "nudge" if nothing else None
    if not _TIMES_OF_DAY.isdisjoint(found):
        # "good morning": "good" greets the time of day here, it is no okay ("Great! 😊" to
        # "good morning!", a session 59 try-out).
        found = [word for word in found if word != "good"]
    if seen or any(word in THANKS and word not in POLITE for word in found):
        return "thanks"
    if _OKAY in itertools.pairwise(found):
        return "thanks"  # "ora popo mas", "gapapa kak": it's fine, an okay (s64, L1)
    if any(word in GREETINGS or word in EXCUSING for word in found):
        return "greeting"  # "hai kak 🙏": the emoji is politeness, not thanks
    if any(word in THANKS for word in found):
        return "thanks"  # "🙏" alone
    return "greeting" if back else "nudge"  # "mau tanya", "apa ya"


# What an okay never holds: a digit (a phone number), @ (an address, a handle), a link.
_CARRIES_MORE = re.compile(r"[\d@]|https?:|www\.|\w\.\w{2}", re.IGNORECASE)


def send_or_cancel(text: str) -> bool:
    """Whether a short message only says to send ("iya kirim aja") or not to ("gak jadi deh")
    (most messages are longer, and are not read further)."""
    if len(text) > SHORT_REPLY:
        return False
    found = [
        word for word in words(text) if word in SENDING or word in NOT_SENDING or word not in FILLER
    ]
    return bool(found) and all(word in SENDING or word in NOT_SENDING for word in found)


def says_not_this(text: str) -> bool:
    """Whether a short message only says the answer above was not it ("bukan ini", "bukan itu
    maksudku kak", "salah", "not this"), as its "Bukan ini" button does (a talents' review:
    typed, it got the bot's introduction)."""
    if len(text) > SHORT_REPLY:
        return False
    found = [word for word in words(text) if word not in NOT_IT_FILLER]
    if not found or found[0] not in NOT_IT_FIRST or not set(found) <= NOT_IT:
        return False
    saying = NOT_IT_SAYING.intersection(found)
    # "that's it", "this one" say it was right; "salah saya" is the talent's own slip.
    return bool(saying) and not (saying == {"salah"} and MY_MISTAKE.intersection(found))


def wants_to_register(text: str) -> bool:
    """Whether a message only says the talent wants to register ("mau daftar", "oke gas
    daftar", "i want to register"), perhaps for someone ("mau daftarkan band kami") and after
    thanks or "bukan itu" ("ok thanks, saya daftar sekarang"), not asking about it ("bisa
    daftar?", "gimana daftarnya", "mau daftar tapi bayar gak"), nor saying it was done
    ("udah daftar"), nor registering for something else ("mau daftar sekolah")."""
    if len(text) > WISH_LIMIT or "?" in text:
        return False
    clauses = [found for found in map(words, _CLAUSE_END.split(text)) if found]
    while clauses and _said_before_a_wish(clauses[0]):
        clauses.pop(0)  # "makasih!", "Oh begitu ya.", "Bukan itu."
    found = [word for clause in clauses for word in clause if _lettered(word)]  # "mau daftar 🙏"
    if "sign" in found and "up" in found:
        found.append("signup")  # "i want to sign up"
    found = [word for index, word in enumerate(found) if not _then(found, index)]
    return not REGISTERING.isdisjoint(found) and all(
        word in REGISTERING or word in WANTING_TO or word in REGISTERING_FOR for word in found
    )


_CLAUSE_END = re.compile(r"[.!,;\n]+")


def _said_before_a_wish(found: list[str]) -> bool:
    """Thanks, a greeting, an okay or "bukan itu" said before a wish: no word of it
    registers, nor asks."""
    return (
        REGISTERING.isdisjoint(found)
        and QUESTION_CUES.isdisjoint(found)
        and ASKING.isdisjoint(found)
        and small_talk(found) in ("thanks", "greeting", "nudge")
    )


def _then(found: list[str], index: int) -> bool:
    """Whether found[index] is a word of "kalau begitu" (then)."""
    pair = tuple(found[index : index + 2])
    before = tuple(found[index - 1 : index + 1]) if index else ()
    return pair in THEN or before in THEN


def asks_for_menu(text: str) -> bool:
    """Whether a message is the menu's name typed alone ("menu", "Menu utama", "main menu
    pls", "start", "mulai"), with no more than a word of address or a particle beside it (a
    talents' review s63, M9: "menu" got "no answer", and an offer to pass it to the team)."""
    if len(text) > MENU_LIMIT:
        return False  # most messages: longer than a name typed alone
    said = tuple(word for word in _words(text) if word not in MENU_FILLER)
    return len(said) in _MENU_LENGTHS and said in MENU_CALLS


_MENU_LENGTHS = frozenset(len(call) for call in MENU_CALLS)


def asks_something(text: str) -> bool:
    """Whether a message has a word that asks ("kan", "gimana", "bisa", "what"), not only
    what could be an answer ending in "?" ("The Open Call Band?")."""
    return not QUESTION_CUES.isdisjoint(_words(text))


def asks_what_this_is(text: str) -> bool:
    """Whether a message that asks nothing yet asks what the bot is ("kak ini apa sih?"),
    rather than only starting ("mau tanya", "hmm", "wkwk")."""
    return not WHAT_THIS_IS.isdisjoint(words(text))


def only_emoji(text: str) -> bool:
    """Whether a message is emoji (or other symbols) only, no word: "🙏🙏🎤🎶"."""
    found = words(text)
    return bool(found) and not any(map(_lettered, found))


def names_kocca(text: str) -> bool:
    """Whether a message names KOCCA ("is this the official KOCCA bot?", "콘진원")."""
    return KOCCA in words(text)


def operator_names_kocca(operator: str) -> bool:
    """Whether the bot's operator (CONTROLLER_NAME) names KOCCA as a word ("KOCCA Indonesia",
    "PT Contoh, mitra KOCCA"; not "Koccamedia"): then a name alone cannot tell whether KOCCA
    runs the bot (an attacker's review s57: "Koccamedia Fans Club" was told "yes, official")."""
    said = unicodedata.normalize("NFKC", operator).casefold()
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", said) for name in KOCCA_NAMES)


def thanks_said(text: str) -> bool:
    """Whether a message of small talk says thank you (in words, or 🙏), rather than only
    okay ("oke", "siap kak", "noted", 👍)."""
    found = words(text)
    return "🙏" in found or not GRATITUDE.isdisjoint(found)


def acknowledges(text: str) -> bool:
    """A message that says okay or thank you and no more ("oke kak", "siap, makasih 🙏"):
    not thanks that go on to ask ("makasih, mau tanya lagi", "makasih kak?"), nor an okay
    with what `words` leaves out (a link, a number, an address: "ok kak https://…"), nor a
    refusal ("ga ok kak")."""
    return _acknowledging(text, words(text))


def chatter(text: str) -> bool:
    """A message that says okay, thank you or hello and no more ("oke kak", "halo kak"): in
    the form, no answer to a question (a walk-through: "halo kak" at the full name)."""
    found = words(text)
    if _acknowledging(text, found):
        return True
    return "?" not in text and not _CARRIES_MORE.search(text) and small_talk(found) == "greeting"


def only_thanks(text: str) -> bool:
    """A message that says thank you and no more ("oke makasih kak infonya 🙏"): not "oke"
    or "siap" alone, nor thanks that go on to ask ("makasih, mau tanya lagi"), nor a yes with
    thanks ("iya kak 🙏", "udah kak makasih"), which may answer what staff asked."""
    found = words(text)
    return (
        _acknowledging(text, found)
        and not GRATITUDE.isdisjoint(found)
        and AFFIRMING.isdisjoint(found)
    )


def thanks_asking_nothing(text: str) -> bool:
    """A message that thanks or says okay and asks nothing ("Baik, terima kasih… akan saya
    kirimkan lewat email besok.", "oke kak siap"): no "?", no word that asks or asks on
    ("kapan", "mau tanya lagi"), nor one that says something is not so ("belum masuk"), nor
    what an okay never holds (a link, a number, an address: something sent)."""
    found = words(text)
    if _acknowledging(text, found):
        return True
    return (
        "?" not in text
        and not _CARRIES_MORE.search(text)
        and thanks_said(text)
        and QUESTION_CUES.isdisjoint(found)
        and ASKING_ON.isdisjoint(found)
        and NEGATING.isdisjoint(found)
        and MORE_THAN_THANKS.isdisjoint(found)
    )


# Word sets the checks below read, made once (not at each message).
_OWN_SAID = OWN_DATA | OWN_DETAILS
_OLD_SAID = OWN_DATA | OWN_DETAILS | HELD
_KEPT_FIRMLY = KEPT_NOW - KEPT_LOOSELY
_REGISTERING_OR_FILLING = REGISTERING | FILLING


def _with_ku(listed: frozenset[str]) -> frozenset[str]:
    """The words, and each with "-ku" (my): "lama", "lamaku"."""
    return listed | {f"{word}ku" for word in listed}


# What the questions /status answers below need, word for word (`about_own_data` to
# `asks_after_reply`): one of these words alone, or one of each set of a pair, or a
# registration's reference. A message with none of them asks none of those questions.
_STATUS_ALONE = REMAINING | UNDOING | GIVING_BACK | {first for first, _ in HEARD_BACK}
_STATUS_PAIRS = (
    (KEEPING, OWN | _with_ku(_OWN_SAID)),  # about_own_data
    (_with_ku(OLD), _with_ku(_OLD_SAID)),  # about_old_data
    (AGAIN, _REGISTERING_OR_FILLING),  # asks_to_register_again
    (KEPT_NOW, KEPT_DATA | KEPT_ASKING),  # asks_whats_kept (what is left: REMAINING above)
    (REGRET_NO, DELETING),  # regrets_erasure (undoing, giving back: above)
    (REPLYING, BY_NOW),  # asks_after_reply (heard back: above)
    (NEWS_OF, _with_ku(ASKED)),  # asks_after_reply: news of one's own question
    (READING, _with_ku(ASKED)),  # asks_after_reply: whether one's own question was read
)


def may_ask_status(text: str) -> bool:
    """Whether a message may be one of the questions the checks below read (about the
    talent's own or old data, registering again, what is left or kept, an erasure regretted,
    the team's reply): False means each of them is False. One look at its words, where the
    seven checks each read them ("ada", "punya", "have" alone are in many questions)."""
    found = _words(text)
    if not _STATUS_ALONE.isdisjoint(found):
        return True
    for first, second in _STATUS_PAIRS:
        if not first.isdisjoint(found) and not second.isdisjoint(found):
            return True
    return _REFERENCE.search(text) is not None


def about_own_data(text: str) -> bool:
    """Whether a message asks about the sender's own data ("Data saya masih ada ga?", "What
    data do you keep about me?", "emailku masih disimpan?"), not only names an address or a
    number of theirs ("saya kirim lewat email besok"). A word check, no read."""
    found = _words(text)
    if KEEPING.isdisjoint(found):
        return False  # most messages: no word for keeping, so not asked (read first: cheapest)
    owned = {word[: -len("ku")] for word in found if word.endswith("ku")}
    if OWN.isdisjoint(found) and _OWN_SAID.isdisjoint(owned):
        return False
    if not NEEDING.isdisjoint(found):
        return False  # "data diri apa saja yang dibutuhkan?" (an attacker's review)
    return not (_OWN_SAID.isdisjoint(owned) and _OWN_SAID.isdisjoint(found))


def asks_whats_left(text: str) -> bool:
    """Whether a message asks only what is left ("jadi yang tersisa apa aja?", "so what's
    left?"), naming nothing: after an erasure, a follow-up on what is kept of one's data. A
    word check, no read."""
    found = _words(text)
    return not REMAINING.isdisjoint(found) and WHATS_LEFT.issuperset(found)


def asks_whats_kept(text: str) -> bool:
    """Whether a message asks what of one's data is still kept or left ("data kita yang masih
    kesimpen apa aja?", "what do you still have", "what data is left"), naming nothing else:
    after an erasure, what is kept. A word check, no read."""
    said = _words(text)
    if KEPT_NOW.isdisjoint(said):
        return False  # most messages (read first: cheapest)
    found = {word for word in said if word.isalpha()}
    if not found <= KEPT_ASKED:
        return False
    if not KEPT_DATA.isdisjoint(found):
        return True
    if _KEPT_FIRMLY.isdisjoint(found) and STILL.isdisjoint(found):
        return False  # "ada apa?", "what do you have?"
    return not (KEPT_ASKING | REMAINING).isdisjoint(found)


# A registration's reference as a talent types it ("KOC-000001", "koc 12").
_REFERENCE = re.compile(r"\bKOC[- ]?0*(\d{1,9})\b", re.IGNORECASE)


def references_in(text: str) -> set[int]:
    """The numbers of the registration references a message names (1 for "KOC-000001")."""
    return {int(number) for number in _REFERENCE.findall(text)}


def about_old_data(text: str) -> bool:
    """Whether a message asks about what the talent had before ("Tim kalian masih nyimpen
    data lamaku ga?", "my old registration?"), or names a registration's number: after an
    erasure, the old one may be what it asks about. A word check, no read."""
    if _REFERENCE.search(text):
        return True
    found = _words(text)
    named = set(found)
    named.update(word[: -len("ku")] for word in found if word.endswith("ku"))
    return not OLD.isdisjoint(named) and not _OLD_SAID.isdisjoint(named)


def asks_to_register_again(text: str) -> bool:
    """Whether a message asks about registering again, from the start ("Kalau daftar lagi hrs
    isi dari awal ya?", "do I have to fill it in again?"). A word check, no read."""
    found = _words(text)
    return not AGAIN.isdisjoint(found) and not _REGISTERING_OR_FILLING.isdisjoint(found)


def regrets_erasure(text: str) -> bool:
    """Whether a message wishes an erasure undone ("eh jangan dihapus", "yah kehapus ya? bisa
    dibalikin ga min", "kembalikan data saya", "oh no, can I undo that", "bring my data
    back"): after one, only an honest line that the data is gone fits (a talents' review s61,
    M8). Giving back counts only about the data (or the mistake), or said with nothing but
    small words: not "insentif KOFIC dananya kembali berapa persen?", "nanti saya kembali
    lagi", nor "kembalikan ke menu awal" (a recheck review s61, M2). A word check, no read."""
    found = words(text)
    if not UNDOING.isdisjoint(found):
        return True
    if not REGRET_NO.isdisjoint(found) and not DELETING.isdisjoint(found):
        return True
    back = [
        index
        for index, word in enumerate(found)
        if word in GIVING_BACK
        and found[index + 1 : index + 2] not in (["ke"], ["to"])
        and (word != "back" or not BRINGING.isdisjoint(found[:index]))
    ]
    if not back:
        return False
    if not (REGRETTED | DELETING).isdisjoint(found):
        return True  # "kembalikan data saya", "data saya bisa kembali?", "bring my data back"
    # "bisa dibalikin ga min", "can you restore it?"; "kembali" alone is coming back ("nanti
    # saya kembali lagi"), but the words read "dibalikin" as "kembali" too: the text tells
    given = _GIVEN_BACK.search(text) is not None or any(found[i] != "kembali" for i in back)
    rest = set(found) - STOPWORDS - MURMURS - GIVING_BACK - BRINGING
    return given and not rest


def asks_after_reply(text: str) -> bool:
    """Whether a message asks if the team has answered yet ("Apakah sudah ada balasan dari
    tim atas pertanyaan saya kemarin?", "udah dibales blm kak", "Any reply yet?"), not thanks
    for one ("makasih, sudah dijawab"), nor about the reply to a registration supposed
    ("kalau saya daftar, berapa lama baru ada yang balas?": after_registering's). A word
    check, no read."""
    found = words(text)
    if _asks_for_reply(found) and not _supposes_registering(found):
        return "?" in text or not thanks_said(text)
    # "Hi, any update on my question?", "Have you heard back about my question?" (a talents'
    # review, H4: the page on whether the info is current)
    heard = not HEARD_BACK.isdisjoint(itertools.pairwise(found)) and (
        "?" in text or not NEGATING.isdisjoint(found)  # not "I heard back from them, so..."
    )
    if heard or (not NEWS_OF.isdisjoint(found) and _own_question(found)):
        return True
    # "did anyone read my question?", "udah ada yg baca pertanyaan aku blm?" (a talents'
    # review s64, H2: the privacy page), asked ("?", or a word of by now), not "tolong baca
    # pesan saya", nor who can read it ("who can read my messages?": the privacy page's)
    return (
        not READING.isdisjoint(found)
        and ("?" in text or not BY_NOW.isdisjoint(found))
        and READ_BY_WHOM.isdisjoint(found)
        and _own_question(found)
    )


def _asks_for_reply(found: list[str]) -> bool:
    """Whether a word for the team's reply has a "by now" word near it: not the sender's own
    late reply ("maaf baru balas"), an answer of their own ("saya belum punya jawaban") or a
    reply from someone else ("ada respon dari KOCCA soal …")."""
    for index, word in enumerate(found):
        if word not in REPLYING or _late_reply_from(found, index) is not None:
            continue  # not a reply; or the sender's own: "maaf baru balas"
        before = found[max(0, index - 2) : index]
        if before[-1:] and before[-1] in HAVING and not FIRST_PERSON.isdisjoint(found[:index]):
            continue  # "kalau saya belum punya jawaban untuk …"
        after = found[index + 1 : index + 3]
        if after and after[0] in FROM and (len(after) == 1 or after[1] not in THE_TEAM):
            continue  # "ada respon dari KOCCA soal …"
        near = found[max(0, index - REPLY_REACH) : index + REPLY_REACH + 1]
        if not BY_NOW.isdisjoint(near):
            return True
    return False


def _supposes_registering(found: list[str]) -> bool:
    """Whether the words suppose registering ("kalau saya daftar, …", "if I register, …"):
    a reply asked about then is the one to a registration, not to a question sent to the
    team (a talents' review s63, M8, got "none of your questions reached our team")."""
    return any(
        first in SUPPOSING and second in REGISTERING
        for at, first in enumerate(found)
        for second in found[at + 1 : at + 1 + SUPPOSED_REACH]
    )


def _late_reply_from(found: list[str], index: int) -> int | None:
    """Where the sender's apology for their own late reply starts, if the reply word at
    `index` is that one ("maaf baru balas", "sorry for the late reply"); None if it is not
    (the team's: "udah lama ga dibales" is passive)."""
    if found[index].startswith("di"):
        return None
    late = [at for at in range(max(0, index - 2), index) if found[at] in LATE]
    if not late:
        return None
    start = late[0]
    while start and found[start - 1] in APOLOGISING:
        start -= 1
    return start


def without_late_reply(found: list[str]) -> list[str]:
    """The words less an apology for the sender's own late reply ("Selamat pagi kaka, maaf baru
    balas. Sa mau tanya …", "Sorry for the late reply! Is there …"): it asks nothing, and its
    words would count against every entry (a talents' review s57, H1)."""
    if REPLYING.isdisjoint(found) or LATE.isdisjoint(found):
        return found  # most messages
    dropped: set[int] = set()
    for index, word in enumerate(found):
        start = _late_reply_from(found, index) if word in REPLYING else None
        if start is not None:
            dropped.update(range(start, index + 1))
    return [word for at, word in enumerate(found) if at not in dropped]


def _own_question(found: list[str]) -> bool:
    """Whether the words name the sender's own question: "my question", "pertanyaanku",
    "pesan saya" (not "saya ada pertanyaan soal perkembangan program")."""
    if any(word.endswith("ku") and word[: -len("ku")] in ASKED for word in found):
        return True
    return any(
        (first in OWNING and second in ASKED) or (first in ASKED and second in FIRST_PERSON)
        for first, second in itertools.pairwise(found)
    )


def _acknowledging(text: str, found: list[str]) -> bool:
    """`acknowledges`, with the message's words already read."""
    if "?" in text or _CARRIES_MORE.search(text):
        return False
    return (
        small_talk(found) == "thanks" and ASKING_ON.isdisjoint(found) and REFUSING.isdisjoint(found)
    )


def _lettered(word: str) -> bool:
    # A word of letters or digits only, as most are, without a look at each character.
    return word.isalnum() or any(character.isalnum() for character in word)


# A web address as people paste one: with its scheme, "www.", or a host and a path.
_SHARED_LINK = re.compile(
    r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*", re.IGNORECASE
)


def only_links(text: str) -> bool:
    """Whether a message holds web addresses and nothing else ("https://youtu.be/x" pasted
    alone): a talent sharing their work, not asking (a staff review: such links filled the
    week's unanswered questions)."""
    found = text.split()
    if text.rstrip().endswith(("?", "\uff1f")):  # "https://kocca.id/daftar?" asks
        return False
    return (
        bool(found)
        and len(found) <= MAX_LINKS
        and all(_SHARED_LINK.fullmatch(word) for word in found)
    )


def nothing_written(text: str) -> bool:
    """A message of punctuation and symbols only ("??", "..."): no word, no number (the
    Hangul filler people paste as a blank counts as a letter to Python: not here)."""
    return not any(character.isalnum() for character in _visible(text))


def _without_introduction(found: list[str]) -> list[str]:
    """A greeting's words less the talent saying who they are: "selamat pagi, saya penyanyi
    keroncong dari solo, mau tanya" greets. Only with a salutation, "saya" (or "aku", "i"...)
    or a greeting sent from somewhere ("salam dari Sumenep", "selamat malam dari pontianak"),
    and no word that asks ("halo, saya animator, bisa?" asks whether animators may join).
    Without "saya", only a place's own words are skipped: "halo, dari mana ini?" asks. With
    it, the one word after "di" is where they are too ("... kami di Solo")."""
    if SALUTATIONS.isdisjoint(found) or not ASKING.isdisjoint(found):
        return found  # most messages
    introduced = not FIRST_PERSON.isdisjoint(found)
    if not introduced and not _greeted_from(found):
        return found
    kept: list[str] = []
    place = 0  # words of a place left to skip after "dari": "dari jawa tengah"
    for index, word in enumerate(found):
        if word in FROM or (introduced and _runs_what(found, index)):
            place = ASIDE_WORDS  # what they run: "saya yang ngurus festival film komunitas"
        elif introduced and word == "di":
            place = 1  # where they are: "salam dari orkes keroncong kami di Solo", one word
        elif place and word not in _SMALL_TALK and (introduced or word not in STOPWORDS):
            place -= 1
        elif word not in ABOUT_TALENT:
            place = 0
            kept.append(word)
    return kept


def _runs_what(found: list[str], index: int) -> bool:
    """Whether found[index] says what the talent runs, right after "saya yang" ("nyong sing
    ngurus ...", "aku yang pegang ...": RUNNING)."""
    return (
        found[index] in RUNNING
        and index >= 2
        and found[index - 1] == "yang"
        and found[index - 2] in FIRST_PERSON
    )


def without_called(found: list[str]) -> list[str]:
    """The words less the bot called right after a salutation: "halo bot" greets."""
    if CALLED.isdisjoint(found) or SALUTATIONS.isdisjoint(found):
        return found  # most messages
    if not ABOUT_THE_BOT.isdisjoint(found):
        return found  # "halo bot, kamu siapa?": the bot is what they ask about
    return [
        word
        for index, word in enumerate(found)
        if not (word in CALLED and index and found[index - 1] in SALUTATIONS)
    ]


def _without_i_see(found: list[str]) -> tuple[list[str], bool]:
    """The words less "oh gitu" ("oh I see"), and whether the talent said it."""
    if _I_SEE_FIRST.isdisjoint(found):
        return found, False  # most messages: no pair to look for word by word
    kept: list[str] = []
    index = 0
    while index < len(found):
        if (found[index], found[index + 1] if index + 1 < len(found) else "") in I_SEE:
            index += 2
        else:
            kept.append(found[index])
            index += 1
    return kept, len(kept) < len(found)


_I_SEE_FIRST = frozenset(first for first, _ in I_SEE)


def _greeted_from(found: list[str]) -> bool:
    """Whether a greeting says where it comes from: "salam dari ...", "malam dari ..."."""
    return any(
        word in FROM and index and found[index - 1] in GREETINGS for index, word in enumerate(found)
    )


def summary(text: str, names: Iterable[str] = ()) -> str:
    """A question as staff may see it in aggregates: one line without control characters,
    shortened, with e-mail addresses (also written "(at)", "[at]", " at ", " @ ", " di ", and
    at common providers however little of them is written), @handles, links, runs of five or
    more digits and of eight or ten or more close together (phone numbers, ids) masked, and the
    words of the talent's own `names` (as Telegram gives them), and a password ("pw: ••••").
    Other names are not: nothing tells them reliably from other words."""
    from bot.leads.slips import password_masked  # (bot.leads reads this module)

    text = password_masked(without_controls(_visible(text)))
    own = {word for word in name_words(names) if len(word) >= MIN_NAME}
    folded = text.casefold()  # casefold maps each character alone: a word's is in the text's
    # Its words looked at only when a name is in it at all (most questions name no one).
    if any(word in folded for word in own) and not own.isdisjoint(_LETTERS.findall(folded)):
        text = _LETTERS.sub(lambda word: "<name>" if word[0].casefold() in own else word[0], text)
        folded = text.casefold()
    # An address written out has "at" (or a spaced "@") and a dot ("." or "dot"): most
    # questions lack one.
    if ("at" in folded or "@" in text) and ("." in text or "dot" in folded or "," in text):
        text = _HIDDEN_EMAIL.sub("<email>", text)
        folded = text.casefold()
    if any(provider in folded for provider in _PROVIDERS):
        text = _PROVIDER_EMAIL.sub("<email>", text)
        folded = text.casefold()
    if "@" in text:
        text = _SPACED_HANDLE.sub("<handle>", text)
    tokens = text.split()
    text = " ".join(map(_mask, tokens) if _maskable(text, folded) else tokens)
    if _DIGIT.search(text) is not None:
        text = _NUMBER.sub("<number>", text)
        text = _SPREAD_NUMBER.sub("<number>", text)
    if len(text) > SUMMARY_LIMIT:
        text = text[: SUMMARY_LIMIT - 1].rstrip() + ELLIPSIS
    return text


def name_words(names: Iterable[str]) -> list[str]:
    """The words of the talent's names as Telegram gives them, in lower case ("Siti-Nur" is
    siti and nur): left out of what they ask, masked where staff read it."""
    return [word for name in names for word in _LETTERS.findall(name.casefold())]


def masked_again(stored: str) -> str:
    """A summary stored earlier, masked with today's rules (an older version of the bot may
    have missed a number or an address); one made with today's rules comes back unchanged.
    Its "…" is where it was cut, not the talent's (summary() writes theirs out as "...")."""
    cut = stored.endswith(ELLIPSIS)
    again = summary(stored.removesuffix(ELLIPSIS))
    return again + ELLIPSIS if cut and not again.endswith(ELLIPSIS) else again


def _maskable(text: str, folded: str) -> bool:
    """Whether `_mask` can change any word of the text (`folded`: its casefold): most
    questions have neither "@", "/", "http" nor "www." anywhere, and then their words need no
    look one by one."""
    return "@" in text or "/" in text or "http" in folded or "www." in folded


def _mask(token: str) -> str:
    """One word of a question as aggregates keep it (`_maskable` says when it may apply)."""
    if "@" in token:
        return "<email>" if _EMAIL.search(token) else "<handle>"
    if token.casefold().startswith(("http", "www.")) or _DOMAIN.search(token):
        return "<link>"
    return token


NEGATED = "!not"  # in a taught key: the words are turned around ("tidak boleh daftar")


def taught_key(stems: Iterable[str], found: list[str]) -> frozenset[str]:
    """What a taught wording says, as a message saying the same has it (`stems`: its content
    stems, `found`: its words): the stems, numbers too ("umur 45" is not "umur 17", an
    attacker's review), and whether a negation comes before its last content word ("tidak
    boleh daftar" is not "boleh daftar"; "boleh daftar gak?" is, "gak" asking)."""
    key = set(stems)
    last = max((i for i, word in enumerate(found) if is_content(word)), default=-1)
    if any(word in NEGATING for word in found[:last]):
        key.add(NEGATED)
    return frozenset(key)


def taught_key_of(text: str) -> frozenset[str]:
    """`taught_key` of a wording as staff typed it."""
    found = words(text)
    return taught_key(content_stems(content_words(found)), found)
