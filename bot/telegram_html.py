"""Telegram's HTML parse mode: a port of tdlib's parse_html, which Telegram runs on every text
sent with parse_mode=HTML. The bot checks its own texts with it (content, broadcasts) and the
emulator answers with it as Telegram would."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NoReturn
from urllib.parse import urlsplit, urlunsplit


class HtmlRefused(ValueError):
    """Markup Telegram refuses, in Telegram's words ("Unclosed start tag at byte offset 13")."""


Entity = dict[str, Any]

# Tag name -> entity type, for tags that need no attributes.
_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
_ALL_TAGS = {*_SIMPLE_TAGS, "a", "span", "tg-emoji"}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_NAME = re.compile(r"[A-Za-z0-9-]*")
_ATTRIBUTE = re.compile(r"""\s*([A-Za-z-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Open:
    tag: str
    entity: Entity
    start: int
    extra: dict[str, str] = field(default_factory=dict)


class _HtmlParser:
    """A port of the rules of tdlib's parse_html, reporting errors in its words."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.out: list[str] = []
        self.pos16 = 0
        self.stack: list[_Open] = []
        self.entities: list[Entity] = []

    def fail(self, detail: str) -> NoReturn:
        raise HtmlRefused(detail)

    def byte_offset(self, index: int) -> int:
        return len(self.src[:index].encode())

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.pos16 += utf16_len(text)

    def run(self) -> tuple[str, list[Entity]]:
        src, i = self.src, 0
        while i < len(src):
            char = src[i]
            if char == "&":
                i = self.entity_reference(i)
            elif char == "<" and src.startswith("</", i):
                i = self.end_tag(i)
            elif char == "<":
                i = self.start_tag(i)
            else:
                nxt = min((p for p in (src.find("<", i), src.find("&", i)) if p >= 0), default=-1)
                chunk = src[i:] if nxt < 0 else src[i:nxt]
                self.emit(chunk)
                i += len(chunk)
        if self.stack:
            self.fail(f'Can\'t find end tag corresponding to start tag "{self.stack[-1].tag}"')
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def entity_reference(self, i: int) -> int:
        end = self.src.find(";", i + 1, i + 12)
        name = self.src[i + 1 : end] if end > 0 else ""
        if name in _NAMED_ENTITIES:
            self.emit(_NAMED_ENTITIES[name])
            return end + 1
        if re.fullmatch(r"#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}", name):
            number = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            if 0 < number < 0x110000:
                self.emit(chr(number))
                return end + 1
        # Telegram keeps unknown references such as &nbsp; as literal text.
        self.emit("&")
        return i + 1

    def start_tag(self, i: int) -> int:
        name_match = _TAG_NAME.match(self.src, i + 1)
        assert name_match is not None  # the pattern also matches the empty string
        name = name_match.group().lower()
        close = self._find_tag_end(name_match.end())
        if close < 0:
            self.fail(f"Unclosed start tag at byte offset {self.byte_offset(i)}")
        if name not in _ALL_TAGS:
            self.fail(f'Unsupported start tag "{name}" at byte offset {self.byte_offset(i)}')
        attrs = self._attributes(self.src[name_match.end() : close], name)
        self.stack.append(self._open(name, attrs, i))
        return close + 1

    def _find_tag_end(self, start: int) -> int:
        quote = ""
        for j in range(start, len(self.src)):
            char = self.src[j]
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char == ">":
                return j
        return -1

    def _attributes(self, text: str, tag: str) -> dict[str, str]:
        attrs: dict[str, str] = {}
        text = text.strip().rstrip("/")
        pos = 0
        while pos < len(text):
            match = _ATTRIBUTE.match(text, pos)
            if match is None or match.end() == pos:
                self.fail(f'Expected equal sign in declaration of an attribute of the tag "{tag}"')
            value = next((v for v in match.groups()[1:] if v is not None), "")
            attrs[match.group(1).lower()] = value
            pos = match.end()
        return attrs

    def _open(self, name: str, attrs: dict[str, str], index: int) -> _Open:
        entity: Entity = {"offset": self.pos16}
        if name == "a":
            entity["type"] = "text_link"
            entity["url"] = _normalize_url(attrs.get("href", ""))
        elif name == "span":
            if attrs.get("class") != "tg-spoiler":
                self.fail('Tag "span" must have class "tg-spoiler"')
            entity["type"] = "spoiler"
        elif name == "tg-emoji":
            entity["type"] = "custom_emoji"
            entity["custom_emoji_id"] = attrs.get("emoji-id", "")
        elif name == "blockquote" and "expandable" in attrs:
            entity["type"] = "expandable_blockquote"
        else:
            entity["type"] = _SIMPLE_TAGS[name]
        extra = (
            {"language": attrs["class"][9:]}
            if attrs.get("class", "").startswith("language-")
            else {}
        )
        return _Open(name, entity, index, extra)

    def end_tag(self, i: int) -> int:
        close = self.src.find(">", i)
        if close < 0:
            self.fail(f"Unclosed end tag at byte offset {self.byte_offset(i)}")
        name = self.src[i + 2 : close].strip().lower()
        if not self.stack:
            self.fail(f"Unexpected end tag at byte offset {self.byte_offset(i)}")
        top = self.stack[-1]
        if top.tag != name:
            self.fail(
                f"Unmatched end tag at byte offset {self.byte_offset(i)}, "
                f'expected "</{top.tag}>", found "</{name}>"'
            )
        self.stack.pop()
        entity = top.entity
        entity["length"] = self.pos16 - entity["offset"]
        is_code_in_pre = top.tag == "code" and self.stack and self.stack[-1].tag == "pre"
        if is_code_in_pre and "language" in top.extra:
            # <pre><code class="language-x"> becomes one pre entity with a language.
            self.stack[-1].entity["language"] = top.extra["language"]
        elif entity["length"] > 0 and not (entity["type"] == "text_link" and not entity["url"]):
            self.entities.append(entity)
        return close + 1


def _normalize_url(url: str) -> str:
    """Telegram's URL clean-up for text links: default scheme and a path of at least "/"."""
    url = url.strip()
    if not url or url.startswith("tg://"):
        return url
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    if not parts.path:
        url = urlunsplit(parts._replace(path="/"))
    return url


def parse_html(source: str) -> tuple[str, list[Entity]]:
    """Telegram HTML as visible text and entities; HtmlRefused on markup Telegram refuses."""
    return _HtmlParser(source).run()
