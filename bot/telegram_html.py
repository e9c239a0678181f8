"""Telegram's HTML parse mode: a port of tdlib's parse_html, which Telegram runs on every text
sent with parse_mode=HTML. The bot checks its own texts with it (content, broadcasts) and the
emulator answers with it as Telegram would."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, NoReturn
from urllib.parse import urlsplit, urlunsplit

import regex


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
# tdlib's is_space: ASCII white space only (a pasted no-break space is part of a name), and
# the end of the text ("" here, the terminating NUL there).
_SPACE = frozenset(" \t\r\n\v\f")
_NAME_TOKEN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
# A tag typed by hand: "<b>", "</i>", '<a href="…">' (not "<3" or "a < b").
_TYPED_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?>")
_BARE_AMPERSAND = re.compile(r"&(?!(lt|gt|amp|quot|#\d+);)")
_LONE_LT = re.compile(r"<(?![A-Za-z/])")
_SURROGATE = re.compile("[\ud800-\udfff]")
_INVALID_UNICODE = (
    "Text contains invalid Unicode characters after decoding HTML entities, "
    "check for unmatched surrogate code units"
)


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit of Telegram entity offsets (a lone
    surrogate, which no text Telegram sends holds, one unit: never an exception)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


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
        self.surrogate = False  # a reference decoded to a lone surrogate (&#xD800;)

    def fail(self, detail: str) -> NoReturn:
        raise HtmlRefused(detail)

    def byte_offset(self, index: int) -> int:
        return len(self.src[:index].encode())

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.pos16 += utf16_len(text)

    def at(self, index: int) -> str:
        """The character at ``index``, or "" past the end (tdlib reads a terminating NUL)."""
        return self.src[index] if index < len(self.src) else ""

    def is_space(self, index: int) -> bool:
        char = self.at(index)
        return char == "" or char in _SPACE

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
        if self.surrogate:  # tdlib checks the decoded text is valid UTF-8 after parsing it
            self.fail(_INVALID_UNICODE)
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def decode_reference(self, i: int) -> tuple[str, int] | None:
        """tdlib's decode_html_entity: a reference at ``i`` (its ";" optional) as the
        character and the index after it, or None when it is none (shown as it is)."""
        src, end = self.src, i + 1
        if self.at(i + 1) == "#":
            end += 1
            hexadecimal = self.at(i + 2) == "x"  # a lowercase x only, as tdlib
            if hexadecimal:
                end += 1
            digits = "0123456789abcdefABCDEF" if hexadecimal else "0123456789"
            start = end
            while self.at(end) != "" and self.at(end) in digits:
                end += 1
            number = int(src[start:end], 16 if hexadecimal else 10) if end > start else 0
            if number == 0 or number >= 0x10FFFF or end - i >= 10:
                return None
            char = chr(number)
        else:
            while self.at(end).isascii() and self.at(end).isalpha():
                end += 1
            name = src[i + 1 : end]
            if name not in _NAMED_ENTITIES:
                return None
            char = _NAMED_ENTITIES[name]
        return char, end + 1 if self.at(end) == ";" else end

    def entity_reference(self, i: int) -> int:
        decoded = self.decode_reference(i)
        if decoded is None:  # Telegram keeps unknown references such as &nbsp; as text
            self.emit("&")
            return i + 1
        char, after = decoded
        if 0xD800 <= ord(char) <= 0xDFFF:
            self.surrogate = True  # invalid once decoded: refused when the parse ends
            char = "\ufffd"
        self.emit(char)
        return after

    def start_tag(self, i: int) -> int:
        """tdlib's start tag: the name runs up to a space or ">" ("<b/>" names "b/"), then
        attributes, each name=value, a value quoted or a name token (letters, digits, "."
        and "-" only: "<a href=https://x>" is refused)."""
        begin, offset = i, self.byte_offset(i)
        i += 1
        while not self.is_space(i) and self.at(i) != ">":
            i += 1
        if self.at(i) == "":
            self.fail(f"Unclosed start tag at byte offset {offset}")
        name = self.src[begin + 1 : i].lower()
        if name not in _ALL_TAGS:
            self.fail(f'Unsupported start tag "{name}" at byte offset {offset}')
        attrs: dict[str, str] = {}
        while self.at(i) != ">":
            while self.at(i) != "" and self.is_space(i):
                i += 1
            if self.at(i) == ">":
                break
            attribute_begin = i
            while not self.is_space(i) and self.at(i) not in ("=", ">"):
                i += 1
            attribute = self.src[attribute_begin:i].lower()
            if not attribute:
                self.fail(f'Empty attribute name in the tag "{name}" at byte offset {offset}')
            while self.at(i) != "" and self.is_space(i):
                i += 1
            if self.at(i) != "=":
                if name == "blockquote" and attribute == "expandable":
                    attrs[attribute] = ""
                    continue
                self.fail(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{name}" at byte offset {offset}'
                )
            i += 1
            while self.at(i) != "" and self.is_space(i):
                i += 1
            if self.at(i) == "":
                self.fail(f'Unclosed start tag "{name}" at byte offset {offset}')
            value, i = self._attribute_value(i)
            if self.at(i) == "":
                self.fail(f"Unclosed start tag at byte offset {offset}")
            attrs[attribute] = value
        self.stack.append(self._open(name, attrs, begin))
        return i + 1

    def _attribute_value(self, i: int) -> tuple[str, int]:
        quote = self.at(i)
        if quote not in ("'", '"'):  # a name token, read case-insensitively
            token_begin = i
            while self.at(i) != "" and self.at(i) in _NAME_TOKEN:
                i += 1
            if not self.is_space(i) and self.at(i) != ">":
                self.fail(
                    f"Unexpected end of name token at byte offset {self.byte_offset(token_begin)}"
                )
            return self.src[token_begin:i].lower(), i
        i += 1
        value: list[str] = []
        while self.at(i) not in (quote, ""):
            decoded = self.decode_reference(i) if self.at(i) == "&" else None
            if decoded is not None:
                value.append(decoded[0])
                i = decoded[1]
                continue
            value.append(self.at(i))
            i += 1
        if self.at(i) == quote:
            i += 1
        return "".join(value), i

    def _open(self, name: str, attrs: dict[str, str], index: int) -> _Open:
        entity: Entity = {"offset": self.pos16}
        if name == "a":
            entity["type"] = "text_link"
            href = attrs.get("href", "")
            try:
                entity["url"] = _normalize_url(href)
            except ValueError:  # urlsplit: a host that NFKC changes (a full-width colon)
                offset = self.byte_offset(index)
                self.fail(f'Invalid link address {href!r} in the tag "a" at byte offset {offset}')
        elif name == "span":
            if attrs.get("class") != "tg-spoiler":
                offset = self.byte_offset(index)
                self.fail(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
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
        """tdlib's end tag: the name runs up to a space or ">" ("</ b>" names nothing, then
        finds "b" where ">" belongs); an empty name ("</>") closes the innermost tag."""
        begin, offset = i, self.byte_offset(i)
        if not self.stack:
            self.fail(f"Unexpected end tag at byte offset {offset}")
        i += 2
        while not self.is_space(i) and self.at(i) != ">":
            i += 1
        name = self.src[begin + 2 : i].lower()
        while self.at(i) != "" and self.is_space(i):
            i += 1
        if self.at(i) != ">":
            self.fail(f"Unclosed end tag at byte offset {offset}")
        close = i
        top = self.stack[-1]
        if name and top.tag != name:
            self.fail(
                f"Unmatched end tag at byte offset {offset}, "
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
            if entity["type"] == "custom_emoji" and not _emoji_id(entity["custom_emoji_id"]):
                self.fail("Invalid custom emoji identifier specified")
            self.entities.append(entity)
        return close + 1


def _emoji_id(argument: str) -> bool:
    """Whether tdlib reads it as a custom emoji id: a nonzero int64 written plainly."""
    if re.fullmatch(r"-?[1-9][0-9]{0,18}", argument) is None:
        return False
    return -(2**63) <= int(argument) < 2**63


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
    """Telegram HTML as visible text and entities; HtmlRefused on markup Telegram refuses,
    and on a lone surrogate (JSON's "\ud800", which the workspace's API could carry): no
    character, no UTF-8, so Telegram refuses the text before reading its tags."""
    if _SURROGATE.search(source) is not None:
        raise HtmlRefused(_INVALID_UNICODE)
    return _HtmlParser(source).run()


def typed_html(text: str) -> bool:
    """Whether staff typed HTML tags (as the command line's text files hold them)."""
    return _TYPED_TAG.search(text) is not None


def escape_bare_ampersands(text: str) -> str:
    """ "R&D" in typed HTML: Telegram needs a bare & written &amp; (entities stay as typed)."""
    return _BARE_AMPERSAND.sub("&amp;", text)


def typed_markup(text: str) -> str:
    """Text with tags typed by hand as the Telegram HTML to send, the same in chat and in the
    workspace: a bare & written &amp;, and a "<" that starts no tag ("usia <25 tahun", "<3",
    "a < b": not followed by a letter or "/") written &lt;, so it is shown as typed where
    Telegram would refuse the whole message. A real tag that is wrong stays, for
    `tag_problem` to name."""
    return _LONE_LT.sub("&lt;", escape_bare_ampersands(text))


@dataclass(frozen=True, slots=True)
class TagProblem:
    """Why Telegram would refuse typed HTML, in parts a message of ours can name: `kind` is
    "unknown" (a tag Telegram has not: "<blink>", "<Rina>"), "unmatched" (an end tag that
    closes nothing open: "<b>tebal</i>"), "unclosed" (a tag never closed), "character" (a
    reference such as "&#57311;" that is no character) or "broken"
    (anything else: a tag cut short, a bad attribute); `tag` its name, `near` the text
    around it as typed (entities shown as characters)."""

    kind: str
    tag: str
    near: str


_UNSUPPORTED = re.compile(r'Unsupported start tag "([^"]*)" at byte offset (\d+)')
_UNMATCHED = re.compile(
    r'Unmatched end tag at byte offset (\d+), expected "</[^"]*>", found "</([^"]*)>"'
)
_UNEXPECTED = re.compile(r"Unexpected end tag at byte offset (\d+)")
_NEVER_CLOSED = re.compile(r'Can\'t find end tag corresponding to start tag "([^"]*)"')
_AT_OFFSET = re.compile(r"at byte offset (\d+)")
_NEAR_BEFORE = 12  # characters shown before the tag at fault
_NEAR_AFTER = 16  # and from it on, or up to the tag's end if that is near
_DIRECTION_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_TAG_END_WITHIN = 64  # a link's whole address: the fault may be at its end (a review)


# What a quote is cut between, never inside: a tag as typed (a value in quotes kept whole, so
# a ">" in it ends nothing: an attacker's review), a character reference ("&amp;"), or a
# character as people see it (a grapheme cluster: an emoji's ZWJ sequence, a flag, a letter
# and its accent).
_QUOTE_UNIT = regex.compile(r"""<(?:"[^"\n]*"|'[^'\n]*'|[^<>"'\n])*>?|&#?[A-Za-z0-9]{1,32};|\X""")
_REFERENCE_OR_CHARACTER = regex.compile(r"&#?[A-Za-z0-9]{1,32};|\X")
# A character people see holds a few code points (👨‍👩‍👧‍👦 seven, a subdivision flag seven, an RGI
# emoji sequence ten at most); one of thousands (a letter under 4,000 accents, an emoji
# followed by tag characters hiding a text) is cut to this many wherever a quote shows it.
MOST_IN_ONE_CHARACTER = 12


def _shown(unit: str) -> int:
    """How many characters a unit of a quote shows: a reference one, a tag each of its own."""
    if unit.startswith("<"):
        return len(_REFERENCE_OR_CHARACTER.findall(unit))
    return 1


def _near(body: str, offset: int) -> str:
    """The text around a byte offset of `body`, one line, entities as characters: some
    characters before the tag at fault, the tag whole, and a few after; cut only between
    tags, references and characters as people see them."""
    at = len(body.encode()[:offset].decode(errors="ignore"))
    # The line the fault is on, not one before it that has a tag too (an attacker's review:
    # "lo <b>x</b>" was quoted for a bad link on the next line).
    line_start = body.rfind("\n", 0, at) + 1
    line_end = body.find("\n", at)
    line = body[line_start : len(body) if line_end < 0 else line_end]
    units = _QUOTE_UNIT.findall(line)
    fault, reached = len(units), 0
    for index, unit in enumerate(units):
        if reached + len(unit) > at - line_start:
            fault = index
            break
        reached += len(unit)
    before: list[str] = []
    count = 0
    for unit in reversed(units[:fault]):
        count += _shown(unit)
        if count > _NEAR_BEFORE or len(unit) > MOST_IN_ONE_CHARACTER * _shown(unit):
            break
        before.insert(0, unit)
    after: list[str] = []
    count = 0
    for unit in units[fault:]:
        if not after and len(unit) > _TAG_END_WITHIN:  # a tag too long to quote whole
            parts = _REFERENCE_OR_CHARACTER.findall(unit)[:_TAG_END_WITHIN]
            after = [part[:MOST_IN_ONE_CHARACTER] for part in parts] + ["…"]
            break
        count += _shown(unit)
        if after and (count > _NEAR_AFTER or len(unit) > MOST_IN_ONE_CHARACTER * _shown(unit)):
            break
        after.append(unit[: _TAG_END_WITHIN if unit.startswith("<") else MOST_IN_ONE_CHARACTER])
    near = html.unescape("".join(before + after).strip())
    return _DIRECTION_MARKS.sub("", near)  # a quote must not turn the rest of our line around


def tag_problem(body: str) -> TagProblem | None:
    """What is wrong with the tags of Telegram HTML (as `typed_markup` gives it), or None
    when Telegram takes it."""
    try:
        parse_html(body)
    except HtmlRefused as refused:
        detail = str(refused)
        if found := _UNSUPPORTED.search(detail):
            return TagProblem("unknown", found.group(1), _near(body, int(found.group(2))))
        if found := _UNMATCHED.search(detail):
            return TagProblem("unmatched", found.group(2), _near(body, int(found.group(1))))
        if found := _UNEXPECTED.search(detail):
            near = _near(body, int(found.group(1)))
            name = re.search(
                r"</([^\s>]*)", body.encode()[int(found.group(1)) :].decode(errors="ignore")
            )
            return TagProblem("unmatched", name.group(1) if name else "", near)
        if found := _NEVER_CLOSED.search(detail):
            return TagProblem("unclosed", found.group(1), "")
        if detail == _INVALID_UNICODE:
            return TagProblem("character", "", "")
        at = _AT_OFFSET.search(detail)
        near = _near(body, int(at.group(1))) if at else ""
        return TagProblem("broken", "", near)
    return None
