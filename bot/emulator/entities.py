"""Telegram's text formatting in the emulator: HTML parse mode (bot/telegram_html.py), entity
offsets in UTF-16 units, commands."""

from __future__ import annotations

import re

from bot.emulator.errors import bad_request
from bot.telegram_html import Entity, HtmlRefused, utf16_len
from bot.telegram_html import parse_html as _parse

__all__ = ["Entity", "command_entities", "format_text", "parse_html", "utf16_len"]

_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,64})?")


def command_entities(text: str) -> list[Entity]:
    """Entities Telegram adds to a user's text: a bot_command when it starts with a command."""
    match = _COMMAND.match(text)
    if match is None:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group())}]


def format_text(
    text: str, parse_mode: str | None, entities: list[Entity] | None
) -> tuple[str, list[Entity]]:
    """Return the visible text and its entities, as Telegram stores a sent text or caption."""
    if parse_mode is not None and parse_mode.lower() == "html":
        visible, parsed = parse_html(text)
    else:
        # Markdown modes are not parsed: the raw text is what the user sees.
        visible, parsed = text, list(entities or [])
    return _strip(visible, parsed)


def parse_html(source: str) -> tuple[str, list[Entity]]:
    """Parse Telegram HTML into visible text and entities; raise 400 on bad markup."""
    try:
        return _parse(source)
    except HtmlRefused as refused:
        raise bad_request(f"can't parse entities: {refused}") from None


def _strip(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """Trim surrounding whitespace as Telegram does, shifting and clipping entities."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    limit = utf16_len(stripped)
    kept: list[Entity] = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, limit)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept
