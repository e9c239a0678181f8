"""The HTML check of content texts and broadcasts: what it passes, Telegram takes.

Telegram reads every "<" as the start of a tag, so "usia <18", "<3", a comment, a
<!DOCTYPE> or a <?...?> makes it refuse the whole message (HTTP 400): for a content text,
every talent who reaches it; for a broadcast from the command line, every recipient."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.content import ContentError, html_error, load_content
from bot.emulator.entities import parse_html
from bot.emulator.errors import ApiError
from tests.leads import edit_content
from tests.test_foundation import _kocca_bot


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Peserta usia <18 tahun perlu izin wali.", "Telegram would refuse '<18 tahun perlu '"),
        ("harga <100rb <b>gratis</b>", "Telegram would refuse '<100rb <b>gratis'"),
        ("<b>x</b> <3 kamu", "Telegram would refuse '<3 kamu'"),
        ("<b>a</b> a<b", "Telegram would refuse '<b'"),
        ("<b>x</b> <!-- c -->", "Telegram would refuse '<!-- c -->'"),
        ("<!DOCTYPE x>", "Telegram would refuse '<!DOCTYPE x>'"),
        ("<?php ?>", "Telegram would refuse '<?php ?>'"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
    ],
)
def test_a_bare_angle_bracket_is_refused_with_its_fix(text: str, reason: str) -> None:
    error = html_error(text)
    assert error is not None and reason in error
    assert "<span>" in text or "write < as &lt;" in error
    with pytest.raises(ApiError):
        parse_html(text)  # Telegram agrees


def test_a_link_address_with_a_full_width_colon_is_a_listed_problem_not_a_crash() -> None:
    """check-content lists every problem: one such link had stopped it with a ValueError."""
    error = html_error('Info: <a href="https://kocca\uff1akr">KOCCA</a>')
    assert error is not None
    assert "Invalid link address 'https://kocca\uff1akr'" in error
    assert "full-width" in error
    with pytest.raises(ApiError) as refused:
        parse_html('Info: <a href="https://kocca\uff1akr">KOCCA</a>')
    assert refused.value.status == 400


SURROGATE = (
    "Text contains invalid Unicode characters after decoding HTML entities, "
    "check for unmatched surrogate code units"
)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # A reference to a lone surrogate: tdlib refuses the decoded text (it crashed).
        ("<b>Info</b> &#57311; baru", SURROGATE),
        ("&#xD800; x", SURROGATE),
        ("<b>x</b> &#xDFDF;", SURROGATE),
        # A lone surrogate in the text itself (JSON's "\ud800"): refused, not a crash (an
        # attacker's review: UnicodeEncodeError).
        ("Info \ud800 baru", SURROGATE),
        ("<b>x\udfff</b> <i>y</i>", SURROGATE),
        # tdlib's parse_html, where the port was looser than Telegram.
        ("<a href=https://kocca.id>info</a>", "Unexpected end of name token at byte offset 8"),
        ("<a href=kocca_id>info</a>", "Unexpected end of name token at byte offset 8"),
        ("<b/>x</b>", 'Unsupported start tag "b/" at byte offset 0'),
        ("<b>x</ b>", "Unclosed end tag at byte offset 4"),
        ("</ b>", "Unexpected end tag at byte offset 0"),
        ("<u\xa0>x</u>", 'Unsupported start tag "u\xa0" at byte offset 0'),
        ('<tg-emoji emoji-id="x">🙂</tg-emoji>', "Invalid custom emoji identifier specified"),
        ('<tg-emoji emoji-id="0">🙂</tg-emoji>', "Invalid custom emoji identifier specified"),
        ("<i   =x>y</i>", 'Empty attribute name in the tag "i" at byte offset 0'),
        ("🏟 🏟&lt;<i    aba  =  190azAz-.,", "Unexpected end of name token at byte offset 27"),
    ],
)
def test_what_tdlib_refuses_is_refused_by_the_check_and_the_emulator(
    text: str, reason: str
) -> None:
    error = html_error(text)
    assert error is not None and reason in error
    with pytest.raises(ApiError) as refused:
        parse_html(text)
    assert refused.value.status == 400
    assert refused.value.description == f"Bad Request: can't parse entities: {reason}"


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("Selamat &#x1F600; &#128512;", "Selamat 😀 😀"),  # hex as well as decimal
        ("<b>x</> y", "x y"),  # an empty end tag closes the innermost
    ],
)
def test_what_tdlib_takes_passes_the_check_and_the_emulator(text: str, visible: str) -> None:
    assert html_error(text) is None
    assert parse_html(text)[0] == visible


@pytest.mark.parametrize(
    "text",
    [
        "<b>MU:CON</b> open call &amp; showcase",
        '<a href="https://kocca.kr">KOCCA</a> &lt;3 a > b',
        '<pre><code class="language-py">x</code></pre>',
        "<blockquote expandable>x</blockquote><B>y</b>",
        '<tg-spoiler>a</tg-spoiler> <span class="tg-spoiler">b</span> <ins>c</ins>',
        "<del>d</del> <strike>e</strike>",
        "<a href=kocca.id>info</a> <b >x</b >",  # an unquoted name token; spaces
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
    ],
)
def test_what_telegram_takes_still_passes(text: str) -> None:
    assert html_error(text) is None
    parse_html(text)


def test_check_content_refuses_a_faq_answer_with_a_bare_angle_bracket(
    content_folder: Path,
) -> None:
    def faq(data: Any) -> None:
        data["items"][0]["answer"]["id"] += "\nPeserta usia <18 tahun perlu izin wali."

    edit_content(content_folder, "faq.yaml", faq)
    with pytest.raises(ContentError) as raised:
        load_content(content_folder)
    [problem] = raised.value.problems
    assert problem.startswith(
        "faq.yaml: items[what_is_kocca].answer.id: Telegram would refuse '<18"
    )
    assert problem.endswith("write < as &lt; to show it as text")


async def test_the_check_content_command_names_the_text_and_the_fix(
    content_folder: Path, tmp_path: Path
) -> None:
    def faq(data: Any) -> None:
        data["items"][0]["answer"]["en"] += "\nParticipants aged <18 need a guardian."

    edit_content(content_folder, "faq.yaml", faq)
    code, out, err = await _kocca_bot(
        tmp_path, "check-content", "--content-dir", str(content_folder)
    )
    assert code != 0 and "is valid" not in out
    assert (
        "faq.yaml: items[what_is_kocca].answer.en: Telegram would refuse '<18 need a guard'" in err
    )
    assert "write < as &lt;" in err and "Traceback" not in err
