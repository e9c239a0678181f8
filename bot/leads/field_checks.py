"""Whether an answer is valid, and its form for storage: a button pressed, a selection,
and a typed answer checked for its question's type (e-mail, phone, links, numbers, a choice
typed instead of pressed).

Pure functions over content and answers; no I/O, no Telegram.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import re
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import regex

from bot.answers.text import only_thanks
from bot.content import Content, Question, T
from bot.leads.answer_outcomes import NONE_YET, Accepted, Outcome, Rejected
from bot.leads.choice_words import named_besides, named_choices
from bot.leads.form_order import Answers, choices, other_follow_up
from bot.leads.intent_words import CHAT_WORDS, fold, without_address
from bot.leads.places import (
    cities_joined,
    city_corrected,
    city_elsewhere,
    city_nicknamed,
    city_said,
    city_spelled,
    city_typed,
    not_a_city,
    province_left_out,
    province_typed,
)
from bot.leads.sentence_names import NAME_QUESTIONS, without_courtesy
from bot.leads.web_links import (
    AROUND_LINK,
    HANDLE,
    NO_LINKS,
    as_link,
    names_a_link,
    profile_link,
    untracked_in,
    web_link,
)
from bot.parsing import numbers_in_words
from bot.terminal_text import blank, without_controls, without_hidden
from bot.texts import Text

if TYPE_CHECKING:
    import phonenumbers


PHONE_REGION = "ID"  # numbers written without a country code are Indonesian

_AMOUNT = r"([+-]?\d+(?:[.,]\d+)?)"
# "tahunan", "thn an", "taonan": about that many years ("2 tahunan" was "write a number only" in a
# talents' review); "bulanan" has no unit of years and stays refused.
_YEARS_UNIT = r"\s*(?:tahun|taun|taon|thn|th|years?|yrs?)(?:\s?an)?\.?"
# A number typed with its unit or without ("7 tahun", "3 years"): the number is the answer.
_NUMBER = re.compile(rf"{_AMOUNT}(?:{_YEARS_UNIT})?", re.I)
# A number of years among words ("udah 4 thn an", "around 6 years"): with its unit, so that
# "6 bulan", "umur 25" or "50 lagu" are not taken for years; not inside another number.
_NUMBER_IN = re.compile(rf"(?<![\w.,+-]){_AMOUNT}{_YEARS_UNIT}(?![\w.,-]*\d)(?![^\W\d_])", re.I)
# The year a talent started, as an answer to how many years ("sejak 2019", "since 2019", "dari
# tahun 2019": "write a number only" in a talents' review): the years from then to this year
# in Jakarta. Only with the one year in the message ("dari 2019 sampai 2022" says more).
_SINCE_YEAR = re.compile(
    r"\b(?:sejak|semenjak|since|mulai|dari|dr)\s+(?:(?:tahun|taun|taon|thn|th)\.?\s*)?((?:19|20)\d\d)\b",
    re.I,
)
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
JAKARTA = ZoneInfo("Asia/Jakarta")


def use_buttons(question: Question, content: Content) -> Rejected:
    """Typed text no choice fits: press a button (at a multiple choice, one or more, then
    Done), or, where the form asks "which one?" after a choice such as "Lainnya", press that
    one and type it there ("pelatih vokal" typed at the role question)."""
    multi = question.type == "multi_choice"
    other = other_follow_up(question, content)
    if other is not None:
        key = Text.INTAKE_USE_BUTTONS_MULTI_OR_OTHER if multi else Text.INTAKE_USE_BUTTONS_OR_OTHER
        return Rejected(key, {"other": other[1]})
    return Rejected(Text.INTAKE_USE_BUTTONS_MULTI if multi else Text.INTAKE_USE_BUTTONS)


# A typed answer at a question of buttons (the province, a choice) is a few words, or a
# sentence with a question in it: longer is refused before any reading (an attacker's review,
# s59: 4,096 characters at the province held the event loop for seconds, and could be sent
# again and again).
TYPED_AT_BUTTONS_AT_MOST = 300
_BUTTON_TYPES = frozenset({"province", "single_choice", "multi_choice"})


def too_long_at_buttons(question: Question | None, text: str) -> Rejected | None:
    """ "Pick a button, or type it shorter" for a text too long to be a typed answer at a
    question of buttons; None for any other."""
    if question is None or question.type not in _BUTTON_TYPES:
        return None
    if len(text) <= TYPED_AT_BUTTONS_AT_MOST:
        return None
    values = {"length": len(text), "limit": TYPED_AT_BUTTONS_AT_MOST}
    return Rejected(Text.INTAKE_TOO_LONG_AT_BUTTONS, values)


def check_choice(
    question: Question, content: Content, answers: Answers, value: str
) -> Accepted | Rejected:
    """A button press on a single-choice or province question."""
    if question.type == "province":
        return Accepted(value) if value in content.provinces else Rejected(Text.INTAKE_USE_BUTTONS)
    allowed = {key for key, _ in choices(question, content, answers)}
    return Accepted(value) if value in allowed else Rejected(Text.INTAKE_USE_BUTTONS)


def check_selection(question: Question, selection: Sequence[str]) -> Rejected | None:
    """Whether a multiple-choice selection may be confirmed."""
    low = question.min_choices if question.min_choices is not None else int(question.required)
    if len(selection) < low:
        return Rejected(Text.INTAKE_TOO_FEW_CHOICES, {"min": low})
    if question.max_choices is not None and len(selection) > question.max_choices:
        return Rejected(Text.INTAKE_TOO_MANY_CHOICES, {"max": question.max_choices})
    return None


def check_added(question: Question, selection: Sequence[str]) -> Rejected | None:
    """A choice pressed past the question's maximum is refused at once."""
    if question.max_choices is not None and len(selection) > question.max_choices:
        return Rejected(Text.INTAKE_TOO_MANY_CHOICES, {"max": question.max_choices})
    return None


def toggle(selection: Sequence[str], value: str) -> list[str]:
    """The selection with a value added or removed."""
    return (
        [item for item in selection if item != value]
        if value in selection
        else [
            *selection,
            value,
        ]
    )


def links_joined(
    question: Question, content: Content, answers: Answers, added: Sequence[str]
) -> tuple[str, str | None] | None:
    """Links sent apart (`added`, one a line) read as the links question would, and its
    answer with the new ones after what it holds: (the links, as read; the answer, or None
    when they are all there already). None when they are no links to it, or too long
    together."""
    typed = check_text(question, content, answers, "\n".join(added))
    if not isinstance(typed, Accepted):
        return None
    lines = [line for line in str(answers.get(question.key) or "").split("\n") if line.strip()]
    new = [line for line in str(typed.value).split("\n") if line not in lines]
    if not new:
        return str(typed.value), None
    joined = check_text(question, content, answers, "\n".join([*lines, *new]))
    if not isinstance(joined, Accepted):
        return None
    return str(typed.value), str(joined.value)


def check_text(question: Question, content: Content, answers: Answers, text: str) -> Outcome:
    """A typed answer: validate and normalise it for the question's type (no control
    characters, none of the invisible ones that hide in it or turn around the text staff
    read it in: only long answers keep their line breaks)."""
    text = without_hidden(text, keep_newlines=question.type == "long_text").strip()
    if blank(text):  # nothing, or only what no reader sees ("ㅤㅤ": an attacker's review)
        return Rejected(Text.INTAKE_EMPTY)
    if question.none_answers and says_none_yet(question, text):
        return Accepted(NONE_YET)
    province = next(
        (q.key for q in content.questions.values() if q.city_question == question.key), None
    )
    said = city_said(content, text, answers.get(province)) if province is not None else None
    if said is not None:  # "kan udh kubilang MEDAN bg": the city, not the sentence
        return said
    # "tadi kubilang Bandung, sekarang pindah ke Bekasi": which city is unsure.
    corrected = province is not None and city_corrected(content, text)
    if province is not None:  # "di Solo", "depok bang"
        text = city_typed(text, content)
        if not_a_city(text):  # "10", "x"
            return Rejected(Text.INTAKE_NOT_A_CITY)
        nicknamed = city_nicknamed(content, text, answers.get(province))
        if nicknamed is not None:  # "suroboyo rek": Surabaya, said
            return Accepted(nicknamed, named=True)
    checker = _CHECKERS.get(question.type)
    if checker is not None:
        outcome = checker(question, text)
        joined = cities_joined(content, text) if province is not None else None
        if province is not None and joined and isinstance(outcome, Accepted):
            # "Surabaya dan Sidoarjo": which one? Named the province chosen, if in neither.
            elsewhere = province_left_out(content, joined, answers.get(province))
            return dataclasses.replace(outcome, places=True, elsewhere=elsewhere)
        if corrected and isinstance(outcome, Accepted):
            return dataclasses.replace(outcome, unsure=True)
        if province is not None and isinstance(outcome, Accepted):
            # "gianyar", "MEDAN": as content/ spells it; "Surabaya" after Jawa Barat: asked.
            spelled = city_spelled(content, str(outcome.value))
            of_another = city_elsewhere(content, spelled, answers.get(province))
            city_in, elsewhere = of_another if of_another is not None else (None, None)
            return dataclasses.replace(outcome, value=spelled, city_in=city_in, elsewhere=elsewhere)
        return outcome
    if question.type == "province":
        return province_typed(content, text)
    # A choice question answered by typing a label instead of pressing its button.
    typed = fold(text)
    offered = choices(question, content, answers)
    for value, label in offered:
        if typed in (fold(label.id), fold(label.en), value):
            return Accepted([value] if question.type == "multi_choice" else value)
    if question.type == "single_choice":  # one answer: "musik kak", "band" say which
        words = set(typed.split()) - CHAT_WORDS
        fitting = [
            value
            for value, label in offered
            if words and any(words <= set(fold(name).split()) for name in (label.id, label.en))
        ]
        if len(fitting) == 1:
            # A number in a range's label ("34": 25-34) is said, as a choice read from a
            # sentence is (a talents' review: the age alone was taken without a word).
            return Accepted(fitting[0], named=any(word.isdigit() for word in words))
        named = named_choices(question, content, answers, text)  # "grup rebana", "pianis"
        other = other_follow_up(question, content)
        if len(named) == 1 and (other is None or named[0] != other[0]):
            # "Lainnya"'s words only stop a wrong pick.
            besides = named_besides(question, content, answers, text)
            return Accepted(named[0], named=True, besides=besides)
        position = _bare_position(question, offered, text)
        if position is not None:  # "4": 4 years old, or the 4th button (35-44)?
            number, label = position
            return Rejected(Text.INTAKE_AGE_OR_POSITION, {"number": number, "choice": label})
        picked = _by_number(question, typed)  # "umur aku 22"
        if picked is not None:
            return Accepted(picked, named=True)
    if question.type == "multi_choice":  # "bahasa indonesia dan inggris": both
        named = named_choices(question, content, answers, text)
        if named:
            return Accepted(named)
    return use_buttons(question, content)


def says_none_yet(question: Question, text: str) -> bool:
    """Whether a typed answer is one of the question's none_answers ("belum ada"), alone or
    followed by more ("Belum ada, nanti saya susulkan setelah bertanya kepada cucu saya", "not
    yet, will send later": a talents' review had it refused as "not a link"); never a text
    with a link or a handle in it, which is the answer."""
    typed = fold(text)
    nones = {fold(word) for word in question.none_answers}
    if typed in nones:
        return True
    if HANDLE.search(text) or any(web_link(word.strip(AROUND_LINK)) for word in text.split()):
        return False
    return any(none and typed.startswith(f"{none} ") for none in nones)


_WHOLE_NUMBER = re.compile(r"(?<!\d)\d{1,3}(?!\d)")


# A number alone, as a button's place would be typed ("4", "4."; not "4 tahun", "umur 4").
_BARE_NUMBER = re.compile(r"\s*(\d{1,2})\s*[.!?]*\s*")


def _bare_position(
    question: Question, offered: list[tuple[str, T]], text: str
) -> tuple[int, T] | None:
    """At the age (choices that are ranges of numbers), a number alone that is also a
    button's place (1 to 5): the number and that button's label; None otherwise. "4" there
    was read as 4 years old and opened the guardian's consent (a talents' review s60, L1),
    when the 4th button (35-44) was meant. No talent's age is that small; an age typed with
    its word ("8 tahun", "umur 4") is the age, and a number past the buttons ("8") too: a
    parent may register a child that young, and no button is numbered so."""
    match = _BARE_NUMBER.fullmatch(text)
    if match is None or not all(choice.numbers for choice in question.choices or []):
        return None
    number = int(match[1])
    if not 1 <= number <= len(offered):
        return None
    return number, offered[number - 1][1]


def _by_number(question: Question, typed: str) -> str | None:
    """The choice whose `numbers` hold the number typed, if exactly one does; two numbers
    only when one choice holds both ("25 sampai 34 tahun", the button read aloud: a talents'
    review had it refused)."""
    found = _WHOLE_NUMBER.findall(typed)
    if not 1 <= len(found) <= len(("from", "to")):
        return None
    fitting = {
        choice.value
        for choice in question.choices or ()
        if choice.numbers is not None
        and all(choice.numbers[0] <= int(number) <= choice.numbers[1] for number in found)
    }
    return fitting.pop() if len(fitting) == 1 else None


def _check_plain(question: Question, text: str) -> Outcome:
    # Names keep every word: "steven gan", "dj om" (a second attacker's review: their last
    # word was cut as a form of address).
    if question.type == "short_text" and question.key not in NAME_QUESTIONS:
        text = without_address(" ".join(text.split()))  # "makassar lah bro"
    if question.key in NAME_QUESTIONS:  # "Nama saya Cut Nyak Meutia, terima kasih."
        text = without_courtesy(text)
    if question.holds_links:  # a new staff member fixed "ig aku @rina.music" by hand
        if not any(names_a_link(line) for line in text.split("\n")):
            # "udah masuk belum kang" was stored as a link in a talents' review.
            if fold(text.strip(AROUND_LINK)) in NO_LINKS:
                return Accepted(None)  # "gak ada": as the Skip button
            return Rejected(Text.INTAKE_NO_LINK)
        text = "\n".join(as_link(line) for line in text.split("\n"))
        text = untracked_in(text)
    limit = question.length_limit
    if len(text) > limit:
        return Rejected(Text.INTAKE_TOO_LONG, {"length": len(text), "limit": limit})
    return Accepted(text)


# An address among words ("Email saya ratna.keroncong@yahoo.co.id", "email ku x@gmail.com
# bang"): what stands around an "@" up to a space or the sentence's punctuation. Tried only
# where such a piece starts (lookbehind), so each is read once, not again from each of its
# characters (an attacker's review, s58: 4,096 dashes at the email took 0.1-0.2 s).
_ADDRESS_IN = re.compile(r"(?<![^\s@<>()\[\],;:\"'])[^\s@<>()\[\],;:\"']+@[^\s@<>()\[\],;:\"']+")


def load_validators() -> None:
    """Import the email and phone checks' libraries now. A running bot calls this at start:
    otherwise their import (~70 ms) would hold up every talent's reply once, when the first
    talent types an address or a number. The read-only commands never import them."""
    for name in ("email_validator", "phonenumbers"):
        importlib.import_module(name)


def _check_email(question: Question, text: str) -> Outcome:
    # Imported here: the commands that only read answers (export, audit, stats) never need it.
    from email_validator import EmailNotValidError, validate_email

    # The one address of a sentence (a talents' review: "Email saya …" was "not right"); two
    # are asked about, not picked from.
    found = {match.group().rstrip(".!?").lower() for match in _ADDRESS_IN.finditer(text)}
    if len(found) > 1:
        return Rejected(Text.INTAKE_TWO_EMAILS)
    text = found.pop() if found else text
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return Rejected(Text.INTAKE_BAD_EMAIL)
    return Accepted(result.normalized.lower())


def _check_phone(question: Question, text: str) -> Outcome:
    import phonenumbers  # as email_validator above: only answers being checked need it

    # The numbers written in the text, each once ("Nomor WA saya 0813 2999 1234"): one among
    # words is the answer; two are asked about ("Nomor WhatsApp saya 0271-712345, kalau HP
    # 0813 2999 1234" was "not a number" in a talents' review). Parsing words whole could read
    # their letters as a keypad's digits.
    matches = list(phonenumbers.PhoneNumberMatcher(text, PHONE_REGION))
    found = {
        phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        for match in matches
    }
    if len(found) > 1:
        # "0857-1122-3344 (wa mama aku juga bisa 0812-9988-7766)": a number in brackets is
        # said beside the answer (a talents' review: read as a question about the form); the
        # one outside is taken, the brackets said as a remark not stored.
        outside = [match for match in matches if not _bracketed(text, match.start)]
        kept = {
            phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            for match in outside
        }
        if len(kept) != 1:
            return Rejected(Text.INTAKE_TWO_PHONES)
        return Accepted(kept.pop(), besides=_phone_remark(question, text, outside))
    if len(found) == 1 and any(c.isalpha() for c in text):
        return Accepted(found.pop(), besides=_phone_remark(question, text, matches))
    try:
        number = phonenumbers.parse(text, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return Rejected(Text.INTAKE_BAD_PHONE)
    if text.lstrip().startswith("62"):
        # "62 21 7654 321" is Indonesia's code without its "+", not a national number that
        # begins 62 (which came out +6262…): read it with the "+" when that is a number.
        international = _parsed(f"+{text.lstrip()}")
        if international is not None and phonenumbers.is_valid_number(international):
            number = international
    if not phonenumbers.is_valid_number(number):
        return Rejected(Text.INTAKE_BAD_PHONE)
    return Accepted(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


# Words beside a number that only say what it is ("Nomor WA saya …", "(whatsapp)"): no remark.
_NUMBER_WORDS = frozenset(
    "saya sy aku ku gw gue my is it this ini itu nya yg yang adalah aktif active mobile cell"  # noqa: SIM905 -- a word list reads best as words
    " ponsel handphone telegram dan and or atau juga also only"
    # Javanese and Sundanese "yes" ("0812… (WA nggih)", a talents' review: said back as a
    # remark not stored, though it only says the number is on WhatsApp).
    " nggih nggeh njih inggih enggih muhun"
    # Eastern Indonesia's "my" ("wa sa 0821… kaka", a talents' review: said back as the
    # remark "wa sa kaka").
    " sa pu punya beta pung"
    # A number said to be the new one ("nomer wa ku ganti +62…", "nomor baru saya …", "yang
    # bener 0857…"; a talents' review s62: said back as the remark "nomer wa ku ganti").
    " ganti diganti gantinya jadi jd ke baru new bener benar betul harusnya seharusnya".split()
)
_REMARK_LONGEST = 60  # characters of a remark said back, as people count them
# A character as people see it (a grapheme cluster: an emoji's ZWJ sequence, a flag, a skin
# tone or a variation selector with its base, a letter and its accent).
_CHARACTER = regex.compile(r"\X")
_BRACKETED = re.compile(r"\(([^()]*)\)")
_JOINING = re.compile(r"^(?:or|atau|and|dan|juga|also)\s+", re.I)  # "… or kakaotalk id: x"
AROUND_REMARK = " ()[]{}:;,./\u2010\u2013\u2014-"  # trimmed off a remark


def _bracketed(text: str, at: int) -> bool:
    """Whether a place in a text is inside brackets."""
    return any(group.start() < at < group.end() for group in _BRACKETED.finditer(text))


def _phone_remark(
    question: Question, text: str, matches: Sequence[phonenumbers.PhoneNumberMatch]
) -> str | None:
    """What a message says beside its one number that is more than what the number is
    ("(mas Bayu manajer)", "kakaotalk id: jiyeonk"; a talents' review: dropped without a
    word, and staff would call the talent on the manager's number), cut at a word; None if
    it says only that ("Nomor WA saya", "(whatsapp)")."""
    rest = text
    for match in sorted(matches, key=lambda match: match.start, reverse=True):
        rest = f"{rest[: match.start]} {rest[match.end :]}"
    about = {word for phrase in question.about for word in fold(phrase).split()}

    def says_more(part: str) -> bool:
        said = set(fold(part).split()) - about - _NUMBER_WORDS - CHAT_WORDS
        return bool(said)

    # "(whatsapp)" says what the number is: out, the rest kept as written.
    rest = _BRACKETED.sub(lambda group: group[0] if says_more(group[1]) else " ", rest)
    if not says_more(rest) or only_thanks(rest):  # "…, makasih kak": no remark
        return None
    remark = " ".join(without_controls(rest).split()).strip(AROUND_REMARK)
    return said_back(_JOINING.sub("", remark).strip(AROUND_REMARK))


def said_back(remark: str) -> str | None:
    """A remark beside an answer as the bot says it back: a password in it masked ("video
    saya https://vimeo.com/55 pw: ••••"; an attacker's review s63, H1: the phone step said
    it back in clear, and the log kept the bot's reply so), then cut at a word after
    _REMARK_LONGEST characters as people count them, never inside an emoji ("👨‍👩‍👧",
    "🇰🇷", "👍🏽"); None if nothing is left."""
    from bot.leads.slips import password_masked  # slips reads this module's answers

    remark = password_masked(remark)
    characters = _CHARACTER.findall(remark)
    if len(characters) > _REMARK_LONGEST:
        remark = "".join(characters[:_REMARK_LONGEST]).rsplit(" ", 1)[0] + "…"
    return remark or None


def example_copied(question: Question, outcome: Outcome) -> Outcome | None:
    """A refusal, to be asked back, for an email or a phone number that is the example in
    its question's own hint ("Contoh: 0812 3456 7890", "nama@gmail.com"; a talents' review
    s62, M6: stored as the talent's, an unreachable number left with staff); None for any
    other outcome. Sent once more, it is the answer (someone may own it)."""
    if not isinstance(outcome, Accepted) or question.type not in _EXAMPLE_COPIED:
        return None
    helps = [question.help, *(variant.text for variant in question.help_variants)]
    hints = tuple(text for told in helps if told is not None for text in (told.id, told.en))
    if outcome.value not in _examples(question.type, *hints):
        return None
    return Rejected(_EXAMPLE_COPIED[question.type])


_EXAMPLE_COPIED = {"email": Text.INTAKE_EXAMPLE_EMAIL, "phone": Text.INTAKE_EXAMPLE_PHONE}


@functools.cache
def _examples(kind: str, *hints: str) -> frozenset[str]:
    """The addresses or numbers a question's hint gives as examples, as they are stored."""
    if kind == "email":
        found = (match.group() for hint in hints for match in _ADDRESS_IN.finditer(hint))
        return frozenset(address.rstrip(".!?").lower() for address in found)
    import phonenumbers

    return frozenset(
        phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        for hint in hints
        for match in phonenumbers.PhoneNumberMatcher(hint, PHONE_REGION)
    )


def _parsed(text: str) -> phonenumbers.PhoneNumber | None:
    import phonenumbers

    try:
        return phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None


def _check_url(question: Question, text: str) -> Outcome:
    if len(text) > question.length_limit:
        return Rejected(Text.INTAKE_TOO_LONG, {"length": len(text), "limit": question.length_limit})
    link = web_link(text)
    if link is None and any(c.isspace() for c in text):
        # A link in a sentence ("yutub aku: youtube.com/@kopisenja"): the one link in it.
        found = {link for word in text.split() if (link := web_link(word.strip(AROUND_LINK)))}
        link = found.pop() if len(found) == 1 else None
    if link is None:
        link = profile_link(text)
    return Rejected(Text.INTAKE_BAD_URL) if link is None else Accepted(link)


def _check_number(question: Question, text: str) -> Outcome:
    low, high = question.min or 0, question.max or 0
    bounds = {"min": _number_text(low), "max": _number_text(high)}
    text = numbers_in_words(text)  # "Sekitar dua puluh tahun" (a talents' review: refused)
    match = _NUMBER.fullmatch(text)
    if match is None:  # "udh 4 thn an", "around 6 years": the one number said
        found = list(_NUMBER_IN.finditer(text))
        match = found[0] if len(found) == 1 else None
    since = _SINCE_YEAR.search(text) if match is None else None
    if since is not None and len(_A_YEAR.findall(text)) == 1:
        value = float(datetime.now(JAKARTA).year - int(since.group(1)))
    elif match is None:
        return Rejected(Text.INTAKE_BAD_NUMBER, bounds)
    else:
        value = float(match.group(1).replace(",", "."))
    if not low <= value <= high:
        return Rejected(Text.INTAKE_BAD_NUMBER, bounds)
    return Accepted(int(value) if value.is_integer() else value)


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


_CHECKERS = {
    "short_text": _check_plain,
    "long_text": _check_plain,
    "email": _check_email,
    "phone": _check_phone,
    "url": _check_url,
    "number": _check_number,
}
