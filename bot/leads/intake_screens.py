"""What the form's flow decides and reads: its stages, the Screen it returns, a button's
Press and its callback data, what the draft keeps as its `pending` note, and the small
helpers that keep a draft where it is or note a step on the screen.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from bot.content import Content, Question, T
from bot.leads import answer_outcomes, form_order
from bot.parsing import small_int
from bot.store import Change, Draft
from bot.store.records import AnswerChange, TalentLead
from bot.texts import Text

# The previous answer's message arriving again this soon, on a weak connection, is a copy sent
# twice, not the answer to the optional question after it...
SENT_TWICE_WITHIN = 2 * 60
# ...if it was also sent (Telegram's date, in whole seconds) before the next question could
# reach the talent: at most this long after the bot moved on. Reading that question and typing
# the same text on purpose, a stage name that is the full name, takes longer (a talents'
# review: such a name typed within two minutes got the "sent twice" note).
SENT_TWICE_GRACE = 5
# Kept with the draft (its `pending`, unused at a free-text question) once the note was shown.
SENT_TWICE_TOLD = "sent_twice"
# Kept with the draft (its `pending`) after a text was refused as a question, with the text's
# digest: the same text sent once more is the answer.
ASKED_ONCE = "asked:"
# Kept with the draft (its `pending`) while one province is offered for a text at the province
# question: "offered:<province>:<n>", n the place of the city typed in its `cities`, or none.
OFFERED = "offered:"


def bot_note(pending: object) -> bool:
    """Whether a draft's `pending` is the bot's own note on the talent's texts (told they sent
    twice; a text refused as a question; a province offered), not choices or an email being
    picked."""
    return isinstance(pending, str) and (
        pending == SENT_TWICE_TOLD or pending.startswith((ASKED_ONCE, OFFERED))
    )


def offered_province(pending: object) -> tuple[str, str] | None:
    """The province offered and the place of its city ("" without one), if the draft holds
    one."""
    if not isinstance(pending, str) or not pending.startswith(OFFERED):
        return None
    value, _, city = pending.removeprefix(OFFERED).partition(":")
    return value, city


CONSENT = "consent_processing"
TRANSFER = "consent_transfer"
QUESTION = "question"
GUARDIAN = "guardian"
# An adult age picked after the account said in an earlier form it was under 18: asked once
# to confirm it, or to go on as under 18 (the draft's `pending` holds the age picked).
AGE_CHECK = "age_check"
HELD_AGE = "age_for"  # the draft's `pending` there: {HELD_AGE: the adult age picked}
REVIEW = "review"
# Not a stage: /daftar's offer, after a cancel, to begin from the cancelled one's answers.
REUSE = "reuse"
# Not a stage: an update's "Belum ada persetujuan" at the guardian's consent: the sent
# registration cancelled (bot/leads/cancelling.py, cancel_as_minor); staff are told.
GUARDIAN_WITHDRAWN = "guardian_withdrawn"
EDIT_LIST = "edit_list"
# The buttons under "did you mean ...?" at an email question, or "is your stage name ...?":
# the addresses or names themselves stay with the draft (callback data holds 64 bytes, and no
# personal data).
USE_SUGGESTED = "ms"
KEEP_TYPED = "mt"
# The button under "use 0813 … as your phone number?", the value a wish to change carried
# into an update (kept with the draft, as a suggestion is: `{CARRIED: value}`).
USE_CARRIED = "mc"
CARRIED = "carried"


def held_rest(pending: object) -> tuple[int, str] | None:
    """The update whose text is offered to add to a free-text answer at the review, and that
    answer's question, if the draft holds one (the text itself is read from the conversation
    log: a registration sent without it keeps no copy)."""
    if not isinstance(pending, dict):
        return None
    update_id, key = pending.get(ADDING), pending.get(ADDING_TO)
    if not isinstance(update_id, int) or not isinstance(key, str):
        return None
    return update_id, key


def carried_offer(pending: object) -> str | None:
    """The value a wish to change carried, offered at its question, if the draft holds one."""
    if not isinstance(pending, dict) or not isinstance(pending.get(CARRIED), str):
        return None
    return str(pending[CARRIED])


# The province of a city typed at the province question, with the city: "<province>:<n>", the
# city's place in the province's `cities` (its name may not fit the data's 64 bytes).
CITY_PROVINCE = "cp"
# A paused new registration thrown away (a talents' review: one started by mistake beside a
# sent one could only be finished or erased with everything else): asked, then done.
DISCARD = "dn"
DISCARD_SURE = "dy"
DISCARD_NOT = "dk"
# Not a stage: "🗑 Ya, buang" by a talent who has sent no registration (a talents' review s63,
# M2: "…atau memperbarui pendaftaranmu" to one who had none to update).
DISCARDED_UNSENT = "discarded_unsent"
# Not a stage: "menu" typed mid-form, as /menu (a talents' review s63, H1: stored as a name).
MENU = "menu"
# Not a stage: a button of a registration already sent pressed again (a talents' review s63,
# M3: the summary was overwritten with "…sudah tidak berlaku").
SENT_BEFORE = "sent_before"
# At the review, a text sent right after the last free-text answer, kept with the draft (its
# `pending`: {ADDING: its update's id, ADDING_TO: the question}) until its button adds it to
# that answer (a talents' review s63, M5: a synopsis's second half dropped without a word).
ADDING = "adding"
ADDING_TO = "adding_to"
ADD_REST = "ad"
# An earlier question offered to change, when the talent says it was answered wrong.
GO_BACK_TO = "g"
SECTOR = "sector"  # the field question (music or film), as records.leads_of reads it


@dataclass(frozen=True, slots=True)
class Screen:
    """What the talent should see now, as decided by the flow."""

    # One of the stages above, or submitted, declined, cancelled, guardian_declined,
    # guardian_withdrawn, gone, discard_asked, discarded_draft.
    kind: str
    draft: Draft | None = None
    question: Question | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    error: answer_outcomes.Rejected | None = None
    matches: list[str] | None = None
    city: str | None = None  # the city typed, when `matches` is its province to confirm
    guessed: bool = False  # `matches` is the one province a typo comes close to
    page: int = 0
    note: Text | None = None
    note_values: dict[str, Any] = field(default_factory=dict)  # the note's placeholders
    reference: str | None = None  # of the lead submitted, or of the lead being updated
    registrations: list[TalentLead] = field(default_factory=list)  # "choose": update or new
    program: str | None = None  # "choose": the program the talent came from
    changes: list[AnswerChange] = field(default_factory=list)  # "updated": what changed
    language: str | None = None  # the language the talent switched to, stored, to speak now
    offered: str | None = None  # an earlier question the talent said was answered wrong
    # A language a name may ask for ("English Please" at the stage name): its button, offered.
    language_offered: str | None = None
    # The question asked after the choices the same message ticked, for the FAQ to answer.
    asking: str | None = None
    # "choose": the talent's message whose new phone number or email Update offers (its id).
    carried_from: int | None = None
    # REUSE: the cancelled lead whose answers a new registration may begin from (its id; its
    # reference in `reference`).
    reuses: int | None = None
    # REUSE: why it was cancelled, when not the talent's own wish (cancellations.UNDER_18).
    reuses_reason: str | None = None
    # GUARDIAN in an update, GUARDIAN_WITHDRAWN: the talent's other open registrations
    # (references), which "Belum ada persetujuan" leaves open (they may be other people's).
    others: tuple[str, ...] = ()
    # GUARDIAN_WITHDRAWN, guardian_declined: program news was on, and is stopped now.
    news_stopped: bool = False


@dataclass(frozen=True, slots=True)
class Press:
    """A button press inside the flow, decoded from its callback data."""

    application_id: int
    step: int
    action: str
    argument: str = ""


def navigation(
    content: Content, draft: Draft, question: Question, answers: dict[str, Any]
) -> list[tuple[str, Text]]:
    """The buttons under a question that move through the form, in their order: each one's
    action and label."""
    shown = []
    if draft.editing:
        shown.append(("r", Text.BTN_TO_REVIEW))
    elif form_order.previous_question(content, answers, question.key) is not None:
        shown.append(("b", Text.BTN_BACK))
    # A skipped answer is nothing to keep (a talents' review: "Jawabanmu sekarang: —" with
    # "Pakai jawaban ini"); Skip, beside it, does the same.
    kept = answers.get(question.key) not in (None, "", [])
    if kept and question.type != "multi_choice" and not draft.editing:
        shown.append(("k", Text.BTN_KEEP))
    if not question.required:
        shown.append(("s", Text.BTN_SKIP))
    if draft.amends is not None and not draft.editing:  # an update: the summary is one tap
        shown.append(("r", Text.BTN_TO_REVIEW))
    shown.append(("x", Text.BTN_PAUSE))
    return shown


def noted_at(screen: Screen, question: Question, note: Text, **values: Any) -> Screen:
    """The question shown again with a note of what was done, if the step was taken (a
    stale step keeps its own note)."""
    if not still_at(screen, question):
        return screen
    return replace(screen, note=note, note_values=values)


def refused_at(screen: Screen, question: Question, refused: answer_outcomes.Rejected) -> Screen:
    """The question shown again with why the text was not taken, if the step was taken (a
    stale step keeps its own note)."""
    return replace(screen, error=refused) if still_at(screen, question) else screen


def still_at(screen: Screen, question: Question) -> bool:
    """Whether a step kept the draft at this question, with no note of its own."""
    shown = screen.question.key if screen.question is not None else None
    return screen.kind == QUESTION and screen.note is None and shown == question.key


@dataclass(frozen=True, slots=True)
class Listed:
    """Items a note says as a list in the talent's language ("Pop dan Rock", "Pop, Rock and
    Jazz"; a re-check had "Pop, Rock"): choices' labels, or words as typed."""

    items: tuple[T | str, ...]
    either: bool = False  # said with "atau"/"or" (choices of which one is picked)


def choice_labels(values: list[str], labels: dict[str, T]) -> Listed:
    """The labels of choices, said as a list."""
    return Listed(tuple(labels[value] for value in values))


def at_once(draft: Draft, sent: datetime | None) -> bool:
    """Whether a message was sent before the draft's last step could reach the talent."""
    return sent is not None and sent.timestamp() <= _moment(draft.updated_at) + SENT_TWICE_GRACE


def asked_once(text: str) -> str:
    """What the draft keeps of a text refused as a question, to know it when sent again."""
    digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]
    return f"{ASKED_ONCE}{digest}"


def with_note(screen: Screen, note: Text, **values: Any) -> Screen:
    """The screen after a step, with a note of what was done (a stale step keeps its own)."""
    return screen if screen.note is not None else replace(screen, note=note, note_values=values)


def _moment(stored: str) -> float:
    """A time as the store writes it, in seconds since the epoch."""
    return datetime.fromisoformat(stored).timestamp()


def in_place(draft: Draft, **changes: Any) -> Change:
    """A change that keeps the draft where it is, except for the given fields."""
    fields = {
        "stage": draft.stage,
        "current_key": draft.current_key,
        "editing": draft.editing,
        "pending": draft.pending,
        "active": draft.active,
    }
    fields.update(changes)
    return Change(**fields)


def parse_press(data: str) -> Press | None:
    """Decode `i:<application>:<step>:<action>[:<argument>]`; None if malformed."""
    parts = data.split(":", 4)
    if len(parts) < 4 or parts[0] != "i":
        return None
    application_id, step = small_int(parts[1]), small_int(parts[2])
    if application_id is None or step is None:
        return None
    return Press(application_id, step, parts[3], parts[4] if len(parts) > 4 else "")


DISCARDING = frozenset({DISCARD, DISCARD_SURE, DISCARD_NOT})


def press_data(draft: Draft, action: str, argument: str = "") -> str:
    """Callback data for a button of the draft's current step."""
    data = f"i:{draft.id}:{draft.step}:{action}"
    return f"{data}:{argument}" if argument else data
