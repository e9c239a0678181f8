"""How the staff desk looks in Telegram: the lead list and one lead's page."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo

from bot.content import Content, Markup
from bot.leads import form_order, pipeline_stages, records, stage_changes
from bot.leads.export import consent_applies, wib_words
from bot.store import Lead
from bot.store.leads import GUARDIAN_CONSENT
from bot.texts import Text
from handlers.intake_views import summary
from handlers.views import button, pairs

Screen = tuple[str, InlineKeyboardMarkup | None]

PAGE_SIZE = 8
CALLBACK_LIMIT = 64  # bytes of callback data Telegram accepts
# Callback data of staff buttons (every press is checked with staff_only).
LIST = "st:l:"  # st:l:<page>[:<filter code>]
OPEN = "st:o:"  # st:o:<application_id>[:<page to go back to>[:<filter code>]]
PIPELINE = "pl:"  # every button of the lead pipeline (handlers/pipeline_views.py)
BULK = "pl:b:"  # pl:b:<filter code>: move every lead of the filtered list
DIGEST = "st:dg"  # the daily digest as it stands now, under /stats (handlers/staff.py)


def callback(prefix: str, *parts: object, code: str = "") -> str:
    """Callback data with the list's filter code when it fits in Telegram's 64 bytes."""
    data = prefix + ":".join(str(part) for part in parts)
    with_code = f"{data}:{code}" if code else data
    return with_code if len(with_code.encode()) <= CALLBACK_LIMIT else data


def stage_line(
    content: Content,
    language: str,
    lead: Lead,
    names: dict[int, str],
    closed: bool = False,
    minor: bool = False,
) -> str:
    """A list row's second line: the lead's stage ("Baru · 🔁 ditutup (duplikat)" when
    `closed` as a duplicate, "Tidak dilanjutkan · 🚫 dibatalkan oleh talenta" when its talent
    cancelled it: not to be contacted; why, when the bot cancelled it: `minor`, under 18
    without a guardian's consent) and who handles it."""
    assignee = (
        names.get(lead.assignee_id, str(lead.assignee_id))
        if lead.assignee_id is not None
        else content.text(Text.PIPELINE_NOBODY, language)
    )
    stage = pipeline_stages.stage_shown(
        content, lead.stage or "", language, closed, withdrawn=lead.withdrawn, minor=minor
    )
    return content.text(Text.LEADS_STAGE_LINE, language, stage=stage, assignee=assignee)


_CONSENTS = (
    ("processing", Text.EXPORT_COL_CONSENT_PROCESSING),
    ("transfer_korea", Text.EXPORT_COL_CONSENT_TRANSFER),
    ("announcements", Text.EXPORT_COL_CONSENT_ANNOUNCEMENTS),
    ("guardian", Text.LEAD_CONSENT_GUARDIAN),  # shown only when asked: an under-18 talent
)


def _answer(lead: Lead, key: str, content: Content, language: str) -> str:
    question = content.questions.get(key)
    value = lead.answers.get(key)
    if question is None or value is None:
        return "—"
    return form_order.display(question, content, value, language)


def _role(lead: Lead, key: str, content: Content, language: str) -> str:
    """The role's label, with what the talent said it is after "Lainnya" ("Lainnya: colorist")."""
    said = lead.answers.get(f"{key}_other")
    role = _answer(lead, key, content, language)
    return f"{role}: {said}" if isinstance(said, str) and said else role


def _name(lead: Lead) -> str:
    full_name = lead.answers.get("full_name")
    return str(full_name) if full_name else lead.first_name


def lead_list(
    content: Content,
    language: str,
    leads: list[Lead],
    page: int,
    total: int,
    *,
    names: dict[int, str] | None = None,
    described: str = "",
    code: str = "",
    workspace: str | None = None,
    extra: dict[int, list[str]] | None = None,
    closed: set[int] | None = None,
    movable: int | None = None,
    minors: set[int] | None = None,
) -> Screen:
    """One page of the latest leads (matching a filter), a button to open each, and paging;
    `extra` lines under a lead (waiting time, possible duplicates); `closed`: the leads
    closed as a duplicate (their stage says so); `minors`: those the bot cancelled, under 18
    without a guardian's consent (theirs says why); `movable`: how many of the list Move all
    can move (not those closed as a duplicate; None: all of them; 0: no Move all); with
    `workspace` (its URL, in a private chat) a button opening the staff workspace."""
    if total == 0:
        if described:
            return content.text(Text.LEADS_FILTERED_EMPTY, language, filter=described), None
        return content.text(Text.LEADS_EMPTY, language), None
    lines = []
    for lead in leads:
        role_key = "music_role" if "music_role" in lead.answers else "film_role"
        line = content.text(
            Text.LEADS_LINE,
            language,
            reference=lead.reference or "",
            name=_name(lead),
            sector=_answer(lead, "sector", content, language),
            role=_role(lead, role_key, content, language),
            time=wib_words(content, lead.submitted_at, language),
        )
        shut = lead.application_id in (closed or set())
        minor = lead.application_id in (minors or set())
        below = [stage_line(content, language, lead, names or {}, shut, minor)]
        below += (extra or {}).get(lead.application_id, [])
        lines.append("\n".join([line, *below]))
    first = page * PAGE_SIZE + 1
    last = first + len(leads) - 1
    listed = Markup("\n\n".join(lines))
    text = (
        content.text(
            Text.LEADS_FILTERED_PAGE,
            language,
            filter=described,
            first=first,
            last=last,
            total=total,
            leads=listed,
        )
        if described
        else content.text(
            Text.LEADS_PAGE, language, first=first, last=last, total=total, leads=listed
        )
    )
    rows = pairs(
        [
            button(f"📄 {lead.reference}", callback(OPEN, lead.application_id, page, code=code))
            for lead in leads
        ]
    )
    paging: list[InlineKeyboardButton] = []
    if page > 0:
        previous = callback(LIST, page - 1, code=code)
        paging.append(button(content.text(Text.BTN_PREV_PAGE, language), previous))
    if last < total:
        following = callback(LIST, page + 1, code=code)
        paging.append(button(content.text(Text.BTN_NEXT_PAGE, language), following))
    if paging:
        rows.append(paging)
    bulk_data = f"{BULK}{code}"
    count = total if movable is None else movable
    if code and count and len(bulk_data.encode()) <= CALLBACK_LIMIT:
        rows.append([button(content.text(Text.BTN_BULK_MOVE, language, count=count), bulk_data)])
    if workspace is not None:
        rows.append([workspace_button(content, language, workspace)])
    return text, InlineKeyboardMarkup(rows)


def workspace_button(content: Content, language: str, url: str) -> InlineKeyboardButton:
    """Opens the staff workspace (a Mini App) inside Telegram: private chats only."""
    return InlineKeyboardButton(
        content.text(Text.BTN_OPEN_WORKSPACE, language), web_app=WebAppInfo(url)
    )


def consent_lines(
    content: Content,
    language: str,
    given: dict[str, bool | None],
    *,
    forwards: bool,
    minor: bool,
    asked_next: frozenset[str] = frozenset(),
) -> list[str]:
    """Each consent as staff read it: "✅ Setuju pemrosesan data", "❌ …", "▫️ …: belum dijawab"
    (not "belum ditanya": program news is offered right after the form, and a talent who
    pressed nothing was asked; a staff review s57);
    forwarding never asked where nothing is passed on (`forwards` False) does not apply; a
    kind in `asked_next` not answered yet is about to be asked (program news, in the alert)."""
    lines = []
    for kind, label_key in _CONSENTS:
        label = content.text(label_key, language)
        granted = given.get(kind)
        if kind == GUARDIAN_CONSENT and not minor:
            continue  # an adult is never asked (a "yes" from a draft they changed since)
        unasked = (
            Text.LEAD_CONSENT_OFFERED_NEXT if kind in asked_next else Text.LEAD_CONSENT_UNASKED
        )
        state = {True: Text.LEAD_CONSENT_YES, False: Text.LEAD_CONSENT_NO, None: unasked}[granted]
        if not consent_applies(kind, forwards):
            state = Text.LEAD_CONSENT_NOT_APPLICABLE
        lines.append(content.text(state, language, label=label))
    return lines


def lead_page(
    content: Content,
    language: str,
    lead: Lead,
    back_page: int = 0,
    code: str = "",
    *,
    forwards: bool = True,
    note_unanswered: bool = False,
) -> Screen:
    """Every answer of one lead, how to reach the talent, and their consents now;
    `note_unanswered`: the note to the team (the last answer) asks something, and the team
    has not answered them since (a new staff member's review s57, M2: only the alert said)."""
    minor = form_order.minor(content, lead.answers)
    given: dict[str, bool | None] = dict(lead.consents)
    consents = consent_lines(content, language, given, forwards=forwards, minor=minor)
    telegram_name = records.telegram_name(lead)
    asked = f"\n{content.text(Text.LEAD_NOTE_ASKS, language)}" if note_unanswered else ""
    text = content.text(
        Text.LEAD_PAGE,
        language,
        reference=lead.reference or "",
        time=wib_words(content, lead.submitted_at, language),
        answers=Markup(summary(content, lead.answers, language) + asked),
        user_id=lead.user_id,
        telegram_name=telegram_name or str(lead.user_id),
        username=(
            f"@{lead.username}" if lead.username else content.text(Text.LEAD_NO_USERNAME, language)
        ),
        chat_language=stage_changes.language_name(content, language, lead.language),
        source=lead.source or "—",
        consents=Markup("\n".join(consents)),
    )
    back = button(content.text(Text.BTN_LEADS_LIST, language), callback(LIST, back_page, code=code))
    return text, InlineKeyboardMarkup([[back]])
