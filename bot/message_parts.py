"""Long Telegram HTML texts cut into messages that each parse, with nothing lost.

Telegram's limit (4,096 characters) counts the text as shown, after the HTML is parsed: a
lead full of `&` is five times longer as markup than as text. So the markup is parsed into
text runs (each with the tags open around it), the shown text is cut at paragraph, line or
word boundaries, and each part is written back as HTML: the text escaped, the tags open at
its start reopened, those open at its end closed.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser

from bot.content import MESSAGE_LIMIT  # Telegram's limit, in UTF-16 code units of shown text

Tag = tuple[str, str]  # (name, the opening tag as written)


@dataclass(frozen=True, slots=True)
class _Run:
    """Shown text, with the tags open around it (outermost first)."""

    text: str
    tags: tuple[Tag, ...]


class _Runs(HTMLParser):
    """Telegram HTML as text runs (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[_Run] = []
        self._open: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A tag opens: it wraps the text that follows."""
        self._open.append((tag, self.get_starttag_text() or f"<{tag}>"))

    def handle_endtag(self, tag: str) -> None:
        """A tag closes (the innermost one of that name)."""
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index]
                return

    def handle_data(self, data: str) -> None:
        """Text: kept with the tags open now."""
        self.runs.append(_Run(data, tuple(self._open)))


def split_message(markup: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The markup as one or more HTML texts of at most `limit` shown characters each."""
    if _units(markup) <= limit:  # markup is never shorter than the text it shows
        return [markup] if markup.strip() else []
    parser = _Runs()
    parser.feed(markup)
    parser.close()
    shown = "".join(run.text for run in parser.runs)
    return [_render(parser.runs, start, end) for start, end in _cuts(shown, limit)]


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cuts(shown: str, limit: int) -> list[tuple[int, int]]:
    """Where to cut the shown text: at a paragraph, else a line, else a space, else anywhere."""
    cuts: list[tuple[int, int]] = []
    start = _skip_space(shown, 0)
    while start < len(shown):
        fits = _fitting(shown, start, limit)
        if start + fits >= len(shown):
            end = len(shown)
        else:
            window = shown[start : start + fits]
            cut = window.rfind("\n\n")
            if cut <= 0:
                cut = window.rfind("\n")
            if cut <= 0:
                cut = window.rfind(" ")
            end = start + (cut if cut > 0 else fits)
        stop = end
        while stop > start and shown[stop - 1].isspace():
            stop -= 1
        if stop > start:
            cuts.append((start, stop))
        start = _skip_space(shown, end)
    return cuts


def _fitting(shown: str, start: int, limit: int) -> int:
    """How many characters from `start` fit in `limit` UTF-16 code units."""
    units = 0
    for count, char in enumerate(shown[start : start + limit]):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return count
    return min(limit, len(shown) - start)


def _skip_space(shown: str, position: int) -> int:
    while position < len(shown) and shown[position].isspace():
        position += 1
    return position


def _render(runs: list[_Run], start: int, end: int) -> str:
    """The shown text from `start` to `end` as HTML, its tags reopened and closed."""
    out: list[str] = []
    open_tags: tuple[Tag, ...] = ()
    position = 0
    for run in runs:
        run_start, position = position, position + len(run.text)
        if position <= start or run_start >= end or not run.text:
            continue
        text = run.text[max(start - run_start, 0) : end - run_start]
        common = 0
        while common < min(len(open_tags), len(run.tags)) and open_tags[common] == run.tags[common]:
            common += 1
        out += [f"</{name}>" for name, _ in reversed(open_tags[common:])]
        out += [raw for _, raw in run.tags[common:]]
        open_tags = run.tags
        out.append(html.escape(text, quote=False))
    out += [f"</{name}>" for name, _ in reversed(open_tags)]
    return "".join(out)
