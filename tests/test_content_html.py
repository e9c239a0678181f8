"""The HTML check of content texts and broadcasts: what it passes, Telegram takes.

Telegram reads every "<" as the start of a tag, so "usia <18", "<3", a comment, a
<!DOCTYPE> or a <?...?> makes it refuse the whole message (HTTP 400): for a content text,
every talent who reaches it; for a broadcast from the command line, every recipient."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import ContentError, html_error, load_content
from bot.emulator.entities import parse_html
from bot.emulator.errors import ApiError
from tests.leads import edit_content
from tests.test_foundation import _kocca_bot

# Pieces a text is built from: Telegram's tags (and some it refuses), "<" and "&" in
# every role, entities and words.
_PIECES = [
    *("<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "<s>", "</s>", "<code>", "</code>"),
    *("<pre>", "</pre>", "<blockquote>", "</blockquote>", "<blockquote expandable>"),
    *('<a href="https://kocca.kr/a?b=1">', "</a>", "<a href='tg://user?id=1'>", "<a>"),
    *("<tg-spoiler>", "</tg-spoiler>", '<span class="tg-spoiler">', "</span>", "<span>"),
    *("<ins>", "</ins>", "<del>", "</del>", "<strike>", "</strike>", "<strong>", "</strong>"),
    *("<B>", "</ b>", "<b/>", "<b x>", "<b x=>", '<b x="1">', "<foo>", "</foo>", "<b1>"),
    *("<", ">", "</", "<3", "<18", "< b>", "a<b", "<!-- c -->", "<!DOCTYPE x>", "<?php ?>"),
    *("&", "&amp;", "&lt;", "&gt;", "&quot;", "&#33;", "&#x41;", "&nbsp;", "&amp"),
    *("usia", " ", "\n", "kata", "R&D", "'", '"', "/", "=", "🎬"),
]
_SOUP = "<>/&;=\"' abi!?-#"


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(_PIECES), max_size=12).map("".join),
        st.text(alphabet=_SOUP, max_size=24),
    )
)
def test_what_the_check_passes_telegram_parses(text: str) -> None:
    if html_error(text) is None:
        try:
            parse_html(text)
        except ApiError as refused:
            pytest.fail(f"passed {text!r}, but Telegram refuses it: {refused}")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Peserta usia <18 tahun perlu izin wali.", "a bare '<' (at '<18 tahun"),
        ("harga <100rb <b>gratis</b>", "a bare '<' (at '<100rb <b>"),
        ("<b>x</b> <3 kamu", "a bare '<' (at '<3 kamu') is read as a tag"),
        ("<b>a</b> a<b", "'<b' is not a finished tag (no '>')"),
        ("<b>x</b> <!-- c -->", "an HTML comment ('<!-- c -->') is not allowed"),
        ("<!DOCTYPE x>", "a declaration ('<!DOCTYPE x>') is not allowed"),
        ("<?php ?>", "a processing instruction ('<?php ?>') is not allowed"),
        ("<span>x</span>", '<span class="tg-spoiler">'),
    ],
)
def test_a_bare_angle_bracket_is_refused_with_its_fix(text: str, reason: str) -> None:
    error = html_error(text)
    assert error is not None and reason in error
    assert "<span>" in text or "write < as &lt;" in error
    with pytest.raises(ApiError):
        parse_html(text)  # Telegram agrees


@pytest.mark.parametrize(
    "text",
    [
        "<b>MU:CON</b> open call &amp; showcase",
        '<a href="https://kocca.kr">KOCCA</a> &lt;3 a > b',
        '<pre><code class="language-py">x</code></pre>',
        "<blockquote expandable>x</blockquote><B>y</b>",
        '<tg-spoiler>a</tg-spoiler> <span class="tg-spoiler">b</span> <ins>c</ins>',
        "<del>d</del> <strike>e</strike>",
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
    assert problem.startswith("faq.yaml: items[what_is_kocca].answer.id: a bare '<' (at '<18")
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
    assert "faq.yaml: items[what_is_kocca].answer.en: a bare '<' (at '<18 need a guard')" in err
    assert "write < as &lt;" in err and "Traceback" not in err
