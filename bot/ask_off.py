"""The content a deployment without /tanya serves: no text points talents to a closed door.

/tanya (/ask) needs a staff chat (STAFF_CHAT_ID). Without one, every text that tells
talents to use it loses that part, once, when content is loaded or reloaded:

- a clause ", atau … /tanya …" / ", or … /ask …" goes, the rest of its sentence stays
  ("Isi ulang lewat /daftar, atau kabari kami lewat /tanya." → "Isi ulang lewat /daftar.");
- otherwise the sentence naming it goes, with a question just before it that it answers
  ("Ada pertanyaan? Pakai /tanya." goes whole), and a line left empty goes too;
- an FAQ answer whose first line names it is about asking itself: the item is not listed.

Content writers keep a mention of /tanya in its own clause or sentence (check-content's
walk of every text with asking off shows the result: tests/test_wording.py).
"""

from __future__ import annotations

import re
from typing import Any

from bot.content import Content, Faq, Programs, Stages, T, html_error
from bot.settings import Settings

_ASK = re.compile(r"(?<![\w/.:<@-])/(?:tanya|ask)\b")
_CLAUSE = re.compile(
    r",?\s+(?:atau|or)\s+[^.;!?\n]*?(?<![\w/.:<@-])/(?:tanya|ask)\b[^.;!?\n]*", re.I
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")


def for_deployment(content: Content, settings: Settings) -> Content:
    """The content this deployment serves: as written, or without /tanya if it is off."""
    return content if settings.staff_chat_id is not None else without_ask(content)


def without_ask(content: Content) -> Content:
    """The same content with every pointer to /tanya taken out (see the module's rules)."""
    listed = [item for item in content.faq.values() if not _about_asking(item.answer)]
    kept = {item.key for item in listed}
    refs = {f"faq:{key}" for key in kept} | {f"program:{key}" for key in content.programs}
    faq = [
        item.model_copy(
            update={
                "action": None if item.action == "ask" else item.action,
                "see_also": [ref for ref in item.see_also if ref in refs],
            }
        )
        for item in listed
    ]
    programs = [
        program.model_copy(
            update={
                "faq": [key for key in program.faq if key in kept],
                "see_also": [ref for ref in program.see_also if ref in refs],
            }
        )
        for program in content.programs.values()
    ]
    return Content(
        {key: _pair(text) for key, text in content.messages.items()},
        _model(Programs(sections=list(content.sections.values()), programs=programs)),
        _model(Faq(items=faq)),
        _model(content.privacy),
        _model(content.intake),
        _model(Stages(stages=list(content.stages.values()))),
    )


def strip_ask(text: str) -> str:
    """One text without its pointers to /tanya (a line that would break its HTML goes whole)."""
    if not _ASK.search(text):
        return text
    lines: list[str] = []
    for line in text.split("\n"):
        if not _ASK.search(line):
            lines.append(line)
            continue
        kept = _line_without_ask(line)
        if kept and html_error(kept) and not html_error(line):
            kept = ""
        if kept:
            lines.append(kept)
        elif lines and lines[-1] == "":
            continue  # no blank line left twice in a row
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines)


def _line_without_ask(line: str) -> str:
    line = _CLAUSE.sub("", line)
    if not _ASK.search(line):
        return line
    kept: list[str] = []
    for sentence in _SENTENCES.split(line):
        if _ASK.search(sentence):
            if kept and kept[-1].rstrip().endswith("?"):
                kept.pop()  # the question this sentence answered
            continue
        kept.append(sentence)
    return " ".join(kept).strip()


def _about_asking(answer: T) -> bool:
    return any(_ASK.search(answer.get(language).split("\n", 1)[0]) for language in ("id", "en"))


def _pair(text: T) -> T:
    """A message without /tanya; one that is about nothing else stays (it is only ever
    shown where asking is open)."""
    stripped = {language: strip_ask(text.get(language)) for language in ("id", "en")}
    return T(**stripped) if all(stripped.values()) else text


def _model(model: Any) -> Any:
    """A content model with every text in it stripped of /tanya."""
    return type(model).model_validate(_walk(model.model_dump()))


def _walk(data: Any) -> Any:
    if isinstance(data, dict):
        if set(data) == {"id", "en"} and all(isinstance(v, str) for v in data.values()):
            return _pair(T(**data)).model_dump()
        return {key: _walk(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_walk(item) for item in data]
    return data
