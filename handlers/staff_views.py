"""How the staff desk looks in Telegram: the lead list and one lead's page."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.content import Content, Markup
from bot.leads import intake
from bot.leads.export import wib_text
from bot.store import Lead
from bot.texts import Text
from handlers.intake_views import summary
from handlers.views import button, pairs

Screen = tuple[str, InlineKeyboardMarkup | None]

PAGE_SIZE = 8
# Callback data of staff buttons (every press is checked with staff_only).
LIST = "st:l:"  # st:l:<page>
OPEN = "st:o:"  # st:o:<application_id>[:<page to go back to>]

_CONSENTS = (
    ("processing", Text.EXPORT_COL_CONSENT_PROCESSING),
    ("transfer_korea", Text.EXPORT_COL_CONSENT_TRANSFER),
    ("announcements", Text.EXPORT_COL_CONSENT_ANNOUNCEMENTS),
)


def _answer(lead: Lead, key: str, content: Content, language: str) -> str:
    question = content.questions.get(key)
    value = lead.answers.get(key)
    if question is None or value is None:
        return "—"
    return intake.display(question, content, value, language)


def _name(lead: Lead) -> str:
    full_name = lead.answers.get("full_name")
    return str(full_name) if full_name else lead.first_name


def lead_list(content: Content, language: str, leads: list[Lead], page: int, total: int) -> Screen:
    """One page of the latest leads, a button to open each, and paging."""
    if total == 0:
        return content.text(Text.LEADS_EMPTY, language), None
    lines = []
    for lead in leads:
        role_key = "music_role" if "music_role" in lead.answers else "film_role"
        lines.append(
            content.text(
                Text.LEADS_LINE,
                language,
                reference=lead.reference or "",
                name=_name(lead),
                sector=_answer(lead, "sector", content, language),
                role=_answer(lead, role_key, content, language),
                time=wib_text(lead.submitted_at),
            )
        )
    first = page * PAGE_SIZE + 1
    text = content.text(
        Text.LEADS_PAGE,
        language,
        first=first,
        last=first + len(leads) - 1,
        total=total,
        leads=Markup("\n\n".join(lines)),
    )
    rows = pairs(
        [button(f"📄 {lead.reference}", f"{OPEN}{lead.application_id}:{page}") for lead in leads]
    )
    paging: list[InlineKeyboardButton] = []
    if page > 0:
        paging.append(button(content.text(Text.BTN_PREV_PAGE, language), f"{LIST}{page - 1}"))
    if first + len(leads) - 1 < total:
        paging.append(button(content.text(Text.BTN_NEXT_PAGE, language), f"{LIST}{page + 1}"))
    if paging:
        rows.append(paging)
    return text, InlineKeyboardMarkup(rows)


def lead_page(content: Content, language: str, lead: Lead, back_page: int = 0) -> Screen:
    """Every answer of one lead, how to reach the talent, and their consents now."""
    consents = []
    for kind, label_key in _CONSENTS:
        label = content.text(label_key, language)
        granted = lead.consents.get(kind)
        state = {
            True: Text.LEAD_CONSENT_YES,
            False: Text.LEAD_CONSENT_NO,
            None: Text.LEAD_CONSENT_UNASKED,
        }[granted]
        consents.append(content.text(state, language, label=label))
    telegram_name = " ".join(part for part in (lead.first_name, lead.last_name) if part)
    text = content.text(
        Text.LEAD_PAGE,
        language,
        reference=lead.reference or "",
        time=wib_text(lead.submitted_at),
        answers=Markup(summary(content, lead.answers, language)),
        user_id=lead.user_id,
        telegram_name=telegram_name or str(lead.user_id),
        username=f"@{lead.username}" if lead.username else "—",
        chat_language=lead.language,
        source=lead.source or "—",
        consents=Markup("\n".join(consents)),
    )
    back = button(content.text(Text.BTN_LEADS_LIST, language), f"{LIST}{back_page}")
    return text, InlineKeyboardMarkup([[back]])
