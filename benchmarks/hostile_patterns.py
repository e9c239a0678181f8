"""Patterns run on text of any length, timed on hostile 4,096-character inputs: the log's email
and token masking (bot/logs.py `redact`) and the staff search's phone pieces
(bot/store/leads.py `_PHONE_PIECE`), beside the patterns they replaced (session 59), and the
result each gives. Then the readings of a typed province and choice (bot/leads/places.py,
choice_words.py; session 59: 1.4-2.5 s each before, on the attack review's machine), which
the form no longer even reaches past 300 characters (field_checks.TYPED_AT_BUTTONS_AT_MOST);
past them only the province a long story names is looked for (places.province_in_message,
session 60: one pass over its words, each looked up in a dict).

    python benchmarks/hostile_patterns.py

Prints the best of 5 runs of each, in milliseconds; the same results for old and new.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from bot import logs
from bot.content import Content, Question, load_content
from bot.leads.choice_words import named_choices
from bot.leads.field_checks import check_text
from bot.leads.places import province_in_message
from bot.leads.sentence_names import without_introduction
from bot.leads.slips import MASK, password_kept_nowhere, slip, without_password
from bot.leads.typed_answers import _BECOMES, one_space
from bot.settings import PACKAGED_CONTENT_DIR
from bot.store import leads

LENGTH = 4096
FULL_WIDTH_PASSWORD = "".join(chr(ord(letter) + 0xFEE0) for letter in "password")
FULL_WIDTH_PASS = "".join(chr(ord(letter) + 0xFEE0) for letter in "pass-")
OLD_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
OLD_TOKEN = re.compile(r"\d{5,}(?::|%3A|%253A)[A-Za-z0-9_-]{20,}", re.IGNORECASE)
OLD_PHONE_PIECE = re.compile(r"\+?[\d\-.()]*\d[\d\-.()]*")


def best(run: Callable[[str], object], text: str) -> tuple[float, object]:
    """The fastest of 5 runs, in ms, and what it gave."""
    times = []
    for _ in range(5):
        started = time.perf_counter()
        result = run(text)
        times.append((time.perf_counter() - started) * 1000)
    return min(times), result


def main() -> None:
    emails = {
        "a word of 4,096 letters": "a" * LENGTH,
        "4,095 letters then '@'": "a" * (LENGTH - 1) + "@",
        "'a.' 2,048 times": "a." * (LENGTH // 2),
        "an '@' and 4,094 letters": "a@" + "b" * (LENGTH - 2),
        "'a@' 2,048 times": "a@" * (LENGTH // 2),
    }
    for name, text in emails.items():
        old, was = best(lambda text: OLD_EMAIL.sub("<email>", text), text)
        new, now = best(logs._email_masked, text)
        same = "same result" if was == now else "DIFFERENT RESULT"
        print(f"email masking, {name}: {old:.2f} ms before, {new:.2f} ms now ({same})")
    for name, text in {"4,096 digits": "1" * LENGTH, "'12345:' 682 times": "12345:" * 682}.items():
        old, was = best(lambda text: OLD_TOKEN.sub("<token>", text), text)
        new, now = best(lambda text: logs._TOKEN_PATTERN.sub("<token>", text), text)
        same = "same result" if was == now else "DIFFERENT RESULT"
        print(f"token masking, {name}: {old:.2f} ms before, {new:.2f} ms now ({same})")
    pieces = {
        "4,096 digits then '!'": "1" * LENGTH + "!",
        "4,095 digits then 'a'": "1" * (LENGTH - 1) + "a",
        "4,096 digits": "1" * LENGTH,
        "'-' 4,095 times then 'x'": "-" * (LENGTH - 1) + "x",
    }
    for name, text in pieces.items():
        old, was = best(lambda text: OLD_PHONE_PIECE.fullmatch(text) is not None, text)
        new, now = best(lambda text: leads._PHONE_PIECE.fullmatch(text) is not None, text)
        same = "same result" if was == now else "DIFFERENT RESULT"
        print(f"phone piece, {name}: {old:.2f} ms before, {new:.2f} ms now ({same})")

    content = load_content(PACKAGED_CONTENT_DIR)
    province, role = content.questions["province"], content.questions["music_role"]
    answers = {"sector": "music", "age_range": "25_34"}
    typed = {
        "'x,' 2,048 times": "x," * (LENGTH // 2),
        "'Bali,' then 'x,' 2,045 times": "Bali," + "x," * 2045,
        "'Kota Batu,' 409 times": ("Kota Batu," * 410)[:LENGTH],
    }
    for name, text in typed.items():
        new, now = best(lambda text: check_text(province, content, {}, text), text)
        print(f"province typed, {name}: {new:.2f} ms now ({type(now).__name__})")
    story = (
        "tiang tinggal di Gianyar Bali sejak kecil, dulu kuliah di ISI Denpasar, tampil di Bali"
        " Arts Festival, pengen bawa gamelan ke Korea, apakah bisa nggih? "
    )
    long = {
        "a story of 4,096 characters": (story * 40)[:LENGTH],
        "'Bali ' 819 times": ("Bali " * 820)[:LENGTH],
        "'Kota Batu,' 409 times": ("Kota Batu," * 410)[:LENGTH],
        "'x,' 2,048 times": "x," * (LENGTH // 2),
        "a word of 4,096 letters": "a" * LENGTH,
        "'Papua New Guinea ' 240 times": ("Papua New Guinea " * 241)[:LENGTH],
    }
    for name, text in long.items():
        new, now = best(lambda text: province_in_message(content, text), text)
        print(f"province in a long message, {name}: {new:.2f} ms now ({now})")
    for name, text in {"'a ' 2,048 times": "a " * 2048, "'x,' 2,048 times": "x," * 2048}.items():
        new, now = best(lambda text: named_choices(role, content, answers, text), text)
        print(f"music_role named_choices, {name}: {new:.2f} ms now ({now})")
    # Session 61: the manager's introduction at the full name, the new value of a wish to
    # change, read on text with one space a run (final review s61, L3: 4.6 s on 512 spaces).
    for name, text in {
        "'saya', 4,091 spaces, 'x'": "saya" + " " * (LENGTH - 5) + "x",
        "'saya x', 4,085 spaces, 'manajer'": "saya x" + " " * (LENGTH - 13) + "manajer",
    }.items():
        new, now = best(lambda text: without_introduction(text, own=True), text)
        print(f"manager's introduction, {name}: {new:.2f} ms now ({now is not None})")
    for name, text in {
        "'saya', 4,092 spaces": "saya" + " " * (LENGTH - 4),
        "'x jadi x', 4,088 spaces": "x jadi x" + " " * (LENGTH - 8),
    }.items():
        new, now = best(lambda text: _BECOMES.search(one_space(text)), text)
        print(f"new value of a change, {name}: {new:.2f} ms now ({now is not None})")
    # Session 61: a password beside a link masked where the log keeps the message (read on the
    # text as typed and in Unicode's compatibility form, one character at a time).
    for name, text in {
        "'pw' a line, 1,365 lines": "pw\n" * 1365,
        "'pw: x' a line, 682 lines": "pw: x\n" * 682,
        "'(password) x ' 315 times": "(password) x " * 315,
        "full-width 'password: x ' 200 times": (FULL_WIDTH_PASSWORD + ": x ") * 200,
        "'x passwordnya ' 292 times": "x passwordnya " * 292,
        # A last review s61, H1: 3.4-4.6 s each (a "Pass" title's look-ahead backtracking).
        "'pass', 4,091 spaces, 'x'": "pass" + " " * (LENGTH - 5) + "x",
        "'Pass', 4,091 spaces, 'x'": "Pass" + " " * (LENGTH - 5) + "x",
        "'Pass', 4,091 line breaks, 'x'": "Pass" + "\n" * (LENGTH - 5) + "x",
        "'halo Pass', 4,086 spaces, '.'": "halo Pass" + " " * (LENGTH - 10) + ".",
        # ... and 142-156 ms (each password word's following word read to the message's end).
        "full-width 'pw' and ':' 1,365 times": "\uff50\uff57:" * 1365,
        "'pw' and a full-width '=' 1,365 times": "pw\uff1d" * 1365,
        # Session 62: a link's own password ("?password=…"), "pass word" written apart, and
        # a password said to be none ("tanpa password"), each read on its own few words.
        "a link with '&pw=x' 818 times": "https://vimeo.com/1?" + "&pw=x" * 818,
        "a link with '?' 4,076 times": "https://vimeo.com/1" + "?" * (LENGTH - 19),
        "a link with 'pw' 2,038 times, no '='": "https://vimeo.com/1?" + "pw" * 2038,
        "'pass', 4,086 spaces, 'word x'": "pass" + " " * (LENGTH - 10) + "word x",
        "'pass -' 682 times": "pass -" * 682,
        "'tanpa password ' 273 times": "tanpa password " * 273,
        "'pw: tidak ' 409 times": "pw: tidak " * 409,
        "'no', 4,084 spaces, 'password x'": "no" + " " * (LENGTH - 12) + "password x",
        "'Password (2019' 292 times": "Password (2019" * 292,
        # "Film Password https://…": a title before the link that ends its line, each read on
        # its next word only.
        "'Password' and a link a line, 146 lines": "Password https://youtu.be/x\n" * 146,
        "'Password ' 455 times": "Password " * 455,
        # An attacker's review s64, H1 and L1: a bracket after the password word read as a
        # remark (the brackets opened and closed after it counted, within 200 characters),
        # the parts masked parted at brackets, and "pasword", "sandi vimeo:", "sandi x1".
        "'pw (' 1,024 times": "pw (" * 1024,
        "'pw ' then 2,046 '(' and ')'": "pw " + "(" * 2046 + ")" * 2046,
        "'password (x): y ' 256 times": "password (x): y " * 256,
        "'pw: a', 4,088 spaces, ')'": "pw: a" + " " * (LENGTH - 6) + ")",
        "'pw: a (' 682 times": "pw: a (" * 682,
        "'pasword x1 ' 372 times": "pasword x1 " * 372,
        "'sandi vimeo: x ' 273 times": "sandi vimeo: x " * 273,
        "'sandi (vimeo' 341 times": "sandi (vimeo" * 341,
        "'sandi a1 ' 512 times": "sandi a1 " * 512,
        "'sandi ' and 4,090 letters": "sandi " + "a" * (LENGTH - 6),
        # A final review s64, M1: a title's "Pass (film):" or "PT Pasword", each read on the
        # word before it and the word after it only.
        "'Ab Pass (film): Cd ' 215 times": "Ab Pass (film): Cd " * 215,
        "'Ab Pass video: ' and 4,081 letters": "Ab Pass video: " + "a" * (LENGTH - 15),
        "'PT Pasword ' 372 times": "PT Pasword " * 372,
    }.items():
        new, now = best(without_password, text[:LENGTH])
        print(f"password masking, {name}: {new:.2f} ms now ({now.count(MASK)} masked)")
    # An attacker's review s62, M2: "pass" many times in one word joined by dashes, each read to
    # the word's end (no digit in it), and "Pass" before many title words, each read to their
    # end. The link step's whole reading, as IntakeFlow.text does it. Before (main at f68648e9:
    # the answer read, then the two masks of an accepted answer), in these seven cases' order,
    # CPU best of 5 on the 2-core machine at load 12 (never idle that session): 54, 216, 70,
    # 281, 215, 25 and 19 ms (wall 271, 995, 294, 1,157, 854, 61, 57 ms); after: 5.2, 10.5,
    # 7.5, 14.5, 14.1, 6.0 and 5.8 ms CPU (wall 10-48 ms); each outcome and mask the same.
    link = content.questions["portfolio_url"]
    at_link = "https://vimeo.com/1 "
    for name, text in {
        "a link and 'pass-' 815 times": at_link + "pass-" * 815,
        "a link, 'pw: x' and 'pass-' 814 times": at_link + "pw: x " + "pass-" * 814,
        "a link and 'pass\u2013' (en dash) 815 times": at_link + "pass\u2013" * 815,
        "a link, 'pw: x', 'pass\u2013' 814 times": at_link + "pw: x " + "pass\u2013" * 814,
        "a link, 'pw: x', full-width 'pass-' 814 times": at_link + "pw: x " + FULL_WIDTH_PASS * 814,
        "a link and 'Pass' 819 times": at_link + "Pass " * 819,
        "a link and 'Pass Ab' 510 times": at_link + "Pass Ab " * 510,
        "a link and 'Ab Pass (film): Cd ' 214 times": at_link + "Ab Pass (film): Cd " * 214,
        # An attacker's review s63, L1: hundreds of short password words on one line (or a
        # line each), each read, and its words to its line's end copied and read again for
        # each: before (main at 217c8ee8), CPU best of 5 at load 4-7: 48, 38-41, 41 and
        # 43-55 ms (the review: 83, 60, 64 and 72 ms at load 5); after (a message of more
        # than 50 password words masked from its first on, as one; the words after a password
        # word read only as far as they count): 4.6-7, 5-8, 10-11 and 6-7 ms.
        "a link and '(pw) ' 815 times": at_link + "(pw) " * 815,
        "a link and 'pw x1 ' 680 times": at_link + "pw x1 " * 680,
        "a link and full-width 'pw: a1 ' 815 times": at_link
        + "\uff50\uff57\uff1a\uff41\uff11 " * 815,
        "a link and 'pw: a1' 580 lines": at_link + "pw: a1\n" * 580,
    }.items():
        new, now = best(lambda text: _at_the_link(link, content, text), text[:LENGTH])
        print(f"the link step's reading, {name}: {new:.2f} ms now ({now})")
    # A final review s62, M1: thanks after a name looked for on a long run of spaces (0.42 s
    # of CPU at 4,096 characters before the name's own length limit was looked at).
    full_name = content.questions["full_name"]
    for name, text in {
        "'a', 4,094 spaces, 'b'": "a" + " " * (LENGTH - 2) + "b",
        "'a', 4,080 spaces, 'terima kasih'": "a" + " " * (LENGTH - 13) + "terimakasih",
    }.items():
        new, now = best(lambda text: check_text(full_name, content, {}, text), text)
        print(f"full name typed, {name}: {new:.2f} ms now ({type(now).__name__})")


def _at_the_link(question: Question, content: Content, text: str) -> str:
    """What the link step reads of a message, as IntakeFlow.text does: masked twice as it
    arrives if it holds a password (the log's copy, the stored update's), then the answer
    read; the outcome and the masks."""
    masked = text
    if password_kept_nowhere(question, text):
        masked = without_password(without_password(text))
    outcome = slip(question, text, check_text(question, content, {}, text))
    return f"{type(outcome).__name__}, {masked.count(MASK)} masked"


if __name__ == "__main__":
    main()
