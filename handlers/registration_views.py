"""How updating a registration looks to the talent: update or new, the review, the end."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup

from bot.content import Content, Markup
from bot.leads import form_order, intake_screens
from bot.leads.export import to_wib
from bot.leads.intake_screens import Screen
from bot.leads.intake_screens import press_data as data
from bot.leads.records import change_line
from bot.store import Draft
from bot.store.cancellations import UNDER_18
from bot.texts import Text
from handlers import intake_views
from handlers.views import button

View = tuple[str, InlineKeyboardMarkup | None]
# Callback data of the "update or new registration" choice (handlers/intake.py).
UPDATE = "rg:u:"  # rg:u:<lead application id>[:<message id of a wish carrying a value>]
# The same from /dataku: the review comes as a new message, the copy's summary stays.
VIEW = "rg:v:"  # rg:v:<lead application id>
NEW = "rg:n"  # rg:n[:<program key>]: a new one from scratch
# The update-or-new choice's "new": a new one, from the answers of the one the talent cancelled
# last if they wish (offered as /daftar offers it when none is open), else from scratch.
NEW_OR_REUSE = "rg:m"  # rg:m[:<program key>]
# After a cancel: a new registration begun from the cancelled one's answers.
REUSE = "rg:r:"  # rg:r:<cancelled lead's application id>
SCREENS = (
    "choose",
    "limited",
    "updated",
    "unchanged",
    "discarded",
    "update_gone",
    intake_screens.REUSE,
    "reuse_gone",
)


def render(screen: Screen, content: Content, language: str) -> View:
    """The choice between updating and registering anew, or how an update ended."""

    def say(key: Text, **values: Any) -> str:
        return content.text(key, language, **values)

    if screen.kind in ("choose", "limited"):
        return _choose(screen, content, language)
    if screen.kind == intake_screens.REUSE:
        return _reuse(screen, content, language)
    if screen.kind == "reuse_gone":
        return say(Text.REUSE_GONE), None
    if screen.kind == "updated":
        lines = "\n".join(
            change_line(content, language, change, talent=True) for change in screen.changes
        )
        return say(Text.UPDATE_SAVED, reference=screen.reference, changes=Markup(lines)), None
    if screen.kind == "unchanged":
        return say(Text.UPDATE_UNCHANGED, reference=screen.reference), None
    if screen.kind == "discarded":
        return say(Text.UPDATE_DISCARDED), None
    return say(Text.UPDATE_GONE), None


def _choose(screen: Screen, content: Content, language: str) -> View:
    sector = content.questions.get("sector")
    items = []
    for lead in screen.registrations:
        shown = (
            form_order.display(sector, content, lead.sector, language)
            if sector is not None and lead.sector is not None
            else "—"
        )
        day = content.date_text(to_wib(lead.submitted_at).date(), language)
        items.append(
            content.text(
                Text.UPDATE_CHOOSE_ITEM,
                language,
                reference=lead.reference,
                name=lead.registered_for or "—",
                sector=shown,
                date=day,
            )
        )
    rows = []
    for lead in screen.registrations:
        label = (
            content.text(Text.BTN_UPDATE_REGISTRATION, language)
            if len(screen.registrations) == 1
            else content.text(Text.BTN_UPDATE_ONE, language, reference=lead.reference)
        )
        carried = "" if screen.carried_from is None else f":{screen.carried_from}"
        rows.append([button(label, f"{UPDATE}{lead.application_id}{carried}")])
    listed = Markup("\n".join(items))
    if screen.kind == "limited":  # the limit is said above (its note); no new one for now
        if not rows:  # all deleted (an erasure): the note alone
            return "", None
        text = content.text(Text.UPDATE_LIMITED_CHOOSE, language, items=listed)
        return text, InlineKeyboardMarkup(rows)
    new = f"{NEW_OR_REUSE}:{screen.program}" if screen.program else NEW_OR_REUSE
    rows.append([button(content.text(Text.BTN_NEW_REGISTRATION, language), new)])
    text = content.text(Text.UPDATE_CHOOSE, language, items=listed)
    return text, InlineKeyboardMarkup(rows)


def _reuse(screen: Screen, content: Content, language: str) -> View:
    """After a cancel: begin from the cancelled one's answers, or afresh (both a new lead)."""
    fresh = f"{NEW}:{screen.program}" if screen.program else NEW
    rows = [
        [button(content.text(Text.BTN_REUSE_ANSWERS, language), f"{REUSE}{screen.reuses}")],
        [button(content.text(Text.BTN_REUSE_FRESH, language), fresh)],
    ]
    # Cancelled for want of a guardian's consent (not their own wish): said so, and when.
    minor = screen.reuses_reason == UNDER_18
    offer = Text.INTAKE_REUSE_OFFER_UNDER_18 if minor else Text.INTAKE_REUSE_OFFER
    text = content.text(offer, language, reference=screen.reference or "")
    return text, InlineKeyboardMarkup(rows)


def update_review(screen: Screen, draft: Draft, content: Content, language: str) -> View:
    """The lead's answers as they will be saved: save, change one, go through all, discard
    (text typed there: a pointer to the summary just above, not the summary again)."""
    if screen.note is Text.INTAKE_USE_BUTTONS:
        text = content.text(Text.UPDATE_REVIEW_ABOVE, language, reference=screen.reference or "")
    else:
        text = content.text(
            Text.UPDATE_REVIEW,
            language,
            reference=screen.reference or "",
            summary=Markup(intake_views.summary(content, screen.answers, language, talent=True)),
        )
    rows = [
        [button(content.text(Text.BTN_UPDATE_SAVE, language), data(draft, "ok"))],
        [button(content.text(Text.BTN_EDIT, language), data(draft, "e"))],
        [button(content.text(Text.BTN_UPDATE_WALK, language), data(draft, "w"))],
        [
            button(content.text(Text.BTN_UPDATE_DISCARD, language), data(draft, "ud")),
            button(content.text(Text.BTN_PAUSE, language), data(draft, "x")),
        ],
    ]
    return text, InlineKeyboardMarkup(rows)
