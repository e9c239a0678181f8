"""A talent's copy of their data (/dataku), laid out so the talent can read it.

Everything `Privacy.gather` finds is in the copy (UU PDP's right of access): grouped in
sections named in the talent's language, each value under a label, answers as the talent
chose them with the stored value beside, times in WIB as people write them. Left out, and
said so in the copy: counters and message numbers the bot keeps only to do its work (which
question the form is on, Telegram's ids of messages), and the emptied records of messages
already processed (counted instead). A table or column this module does not know yet (added
by a later migration) still appears, under its own name, with its raw values.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from typing import Any

from bot.content import Content
from bot.leads import form_order
from bot.leads.email_typos import EmailSuggestion
from bot.leads.export import to_wib
from bot.leads.intake_screens import bot_note
from bot.store.users import CHOSEN
from bot.texts import Text

Row = dict[str, Any]
NOTHING = "—"  # what an empty field reads as: never null, None or a raw JSON word
Tables = Mapping[str, list[Row]]
Section = dict[str, Any] | list[Any] | str

# Kept only for the bot's own work (row numbers, Telegram's numbers of messages and chats);
# none says anything about the talent the copy does not already say. The talent's own id
# (user_id, chat_id) is in the header.
_TECHNICAL = {
    "id",
    "user_id",
    "chat_id",
    "update_id",
    "message_id",
    "staff_chat_id",
    "staff_message_id",
    "talent_message_id",
    "header_message_id",
    "thread_id",
    "batch_id",
    # A free question's id and when the bot answered it: the question itself is in the copy.
    "answered_first_id",
    "answered_first_at",
    "follows_question_id",
    # Which staff answer a reply of theirs answers, and their question it answered (message
    # ids): the messages themselves are in the copy.
    "reply_answer_id",
    "reply_question_id",
    # Which staff answer took a question of theirs, and when (against two answers to one):
    # the answer itself is in the copy.
    "claimed_at",
    "claimed_by",
}
# Where the form's conversation stands (consent, questions, review), which answer is being
# edited, and counters against double-processing: the form's answers say it all.
_FORM_STATE = ("active", "stage", "editing", "step", "last_update_id", "amends_base")
# How many questions one talent relayed in the last minutes (a limit against floods).
_RELAY_WINDOW = ("window_started_at", "window_count", "window_noticed")
# Column -> label, for the columns every section shares.
_COMMON: dict[str, Text] = {
    "created_at": Text.MYDATA_FIELD_TIME,
    "updated_at": Text.MYDATA_FIELD_UPDATED,
    "sent_at": Text.MYDATA_FIELD_SENT,
    "language": Text.MYDATA_FIELD_LANGUAGE,
    "attempts": Text.MYDATA_FIELD_ATTEMPTS,
    "error": Text.MYDATA_FIELD_ERROR,
}
_DELIVERY = {
    "pending": Text.MYDATA_DELIVERY_PENDING,
    "sending": Text.MYDATA_DELIVERY_SENDING,
    "sent": Text.MYDATA_DELIVERY_SENT,
    "failed": Text.MYDATA_DELIVERY_FAILED,
    "blocked": Text.MYDATA_DELIVERY_BLOCKED,
    "skipped": Text.MYDATA_DELIVERY_SKIPPED,
    "superseded": Text.MYDATA_DELIVERY_SUPERSEDED,
    "uncertain": Text.MYDATA_DELIVERY_UNCERTAIN,
}
# What the conversation log calls each entry: every kind the bot writes (bot/transport:
# updates.py, flood.py, outgoing.py; staff answers in bot/support.py, handlers/support.py),
# and "copy" for older databases; a kind not named here reads as "other", never raw.
MESSAGE_KINDS = {
    "text": Text.MYDATA_KIND_TEXT,
    "command": Text.MYDATA_KIND_COMMAND,
    "button": Text.MYDATA_KIND_BUTTON,
    "edit": Text.MYDATA_KIND_EDIT,
    "staff_answer": Text.MYDATA_KIND_STAFF_ANSWER,
    "copy": Text.MYDATA_KIND_COPY,
    "forward": Text.MYDATA_KIND_FORWARD,
    "photo": Text.MYDATA_KIND_PHOTO,
    "document": Text.MYDATA_KIND_DOCUMENT,
    "video": Text.MYDATA_KIND_VIDEO,
    "voice": Text.MYDATA_KIND_VOICE,
    "audio": Text.MYDATA_KIND_AUDIO,
    "video_note": Text.MYDATA_KIND_VIDEO_NOTE,
    "animation": Text.MYDATA_KIND_ANIMATION,
    "sticker": Text.MYDATA_KIND_STICKER,
    "contact": Text.MYDATA_KIND_CONTACT,
    "location": Text.MYDATA_KIND_LOCATION,
    "venue": Text.MYDATA_KIND_VENUE,
    "poll": Text.MYDATA_KIND_POLL,
    "dice": Text.MYDATA_KIND_DICE,
    "membership": Text.MYDATA_KIND_MEMBERSHIP,
    "dropped": Text.MYDATA_KIND_DROPPED,
    "other": Text.MYDATA_KIND_OTHER,
}


def kind_label(content: Content, language: str, kind: Any) -> str:
    """A conversation-log kind in words (an unknown one as "other")."""
    return content.text(MESSAGE_KINDS.get(str(kind), Text.MYDATA_KIND_OTHER), language)


_RELAYED = {
    "header": Text.MYDATA_RELAYED_HEADER,
    "question": Text.MYDATA_RELAYED_QUESTION,
    "answer": Text.MYDATA_RELAYED_ANSWER,
    "edit": Text.MYDATA_RELAYED_EDIT,
}
_CONSENT_KINDS = {
    "processing": Text.CONSENT_KIND_PROCESSING,
    "transfer_korea": Text.CONSENT_KIND_TRANSFER,
    "announcements": Text.CONSENT_KIND_ANNOUNCEMENTS,
    "guardian": Text.CONSENT_KIND_GUARDIAN,
}
# Tables laid out by a section below (the rest go to "other records", raw).
_SHOWN = {
    "users",
    "user_sources",
    "applications",
    "answers",
    "lead_stages",
    "lead_stage_history",
    "answer_changes",
    "consents",
    "age_declarations",
    "reminder_preferences",
    "reminders",
    "talent_updates",
    "broadcast_recipients",
    "support_sessions",
    "relayed_messages",
    "support_topics",
    "question_closes",
    "free_questions",
    "conversation_log",
    "update_inbox",
}


def moment_text(content: Content, language: str, stored: str | None) -> str | None:
    """A stored UTC time as people write it: 1 Desember 2026, pukul 12.41 WIB."""
    if not stored:
        return None
    try:
        local = to_wib(stored)
    except ValueError:  # not a time after all: show it as stored
        return stored
    day = content.date_text(local.date(), language)
    return content.text(
        Text.MYDATA_MOMENT,
        language,
        date=day,
        hour=f"{local.hour:02d}",
        minute=f"{local.minute:02d}",
    )


class _Writer:
    """Labels and values in one language."""

    def __init__(self, content: Content, language: str) -> None:
        self.content = content
        self.language = language

    def say(self, key: Text, **values: Any) -> str:
        return self.content.text(key, self.language, **values)

    def moment(self, stored: str | None) -> str | None:
        """A stored UTC time as people write it: 1 Desember 2026, pukul 12.41 WIB."""
        return moment_text(self.content, self.language, stored)

    def chosen(self, value: Any) -> str | None:
        """Whether the talent chose the chat's language: pressed it (CHOSEN); not one the bot
        guessed or followed from what they write (store.users)."""
        return None if value is None else self.yes_no(value == CHOSEN)

    def yes_no(self, value: Any) -> str | None:
        if value is None:
            return None
        return self.say(Text.MYDATA_YES if value else Text.MYDATA_NO)

    def named(self, names: Mapping[str, Text]) -> Callable[[Any], Any]:
        """A converter: a stored code as its label in content/, anything else as stored."""

        def name(value: Any) -> Any:
            key = names.get(str(value))
            return value if key is None else self.say(key)

        return name

    def language_name(self, code: Any) -> Any:
        names = {"id": Text.BTN_LANGUAGE_ID, "en": Text.BTN_LANGUAGE_EN}
        key = names.get(str(code))
        return code if key is None else f"{self.say(key)} ({code})"

    def record(
        self,
        row: Row,
        fields: Mapping[str, tuple[Text, Callable[[Any], Any]]],
        hidden: tuple[str, ...] = (),
    ) -> Row:
        """One row under labels: the given fields in order, then the shared columns, then any
        column nobody named yet (a newer migration) under its own name, as stored."""
        shown: Row = {}
        for column, (label, convert) in fields.items():
            if column in row:
                shown[self.say(label)] = convert(row[column])
        for column, value in row.items():
            if column in fields or column in _TECHNICAL or column in hidden:
                continue
            if column in _COMMON:
                if column.endswith("_at"):
                    value = self.moment(value)
                elif column == "language":
                    value = self.language_name(value)
                shown[self.say(_COMMON[column])] = value
            elif column.endswith("_at") and isinstance(value, str):
                shown[column] = self.moment(value)
            else:
                shown[column] = value
        return shown

    def plain(self, value: Any) -> Any:
        """A value as the talent reads it: "—" for nothing, ya/tidak for a flag."""
        if value is None:
            return NOTHING
        if isinstance(value, bool):
            return self.yes_no(value)
        if isinstance(value, list):
            return [self.plain(item) for item in value]
        if isinstance(value, dict):
            return {key: self.plain(item) for key, item in value.items()}
        return value


def _same(value: Any) -> Any:
    return value


def readable_copy(
    tables: Tables,
    content: Content,
    language: str,
    *,
    user_id: int,
    notice_version: str,
    controller: str,
    processed_days: int,
    made_at: datetime,
    request_update: int | None = None,
    cancelled_as_minor: Collection[str] = (),
) -> dict[str, Section]:
    """The copy a talent receives, section by section, in their language
    (`cancelled_as_minor`: references of registrations the bot cancelled, under 18 with no
    guardian's consent yet, whose cancel the copy does not say was theirs)."""
    w = _Writer(content, language)
    copy: dict[str, Section] = {
        w.say(Text.MYDATA_SECTION_ABOUT): {
            w.say(Text.MYDATA_FIELD_MADE): w.moment(made_at.isoformat()),
            w.say(Text.MYDATA_FIELD_TELEGRAM_ID): user_id,
            w.say(Text.MYDATA_FIELD_CONTROLLER): controller,
            w.say(Text.MYDATA_FIELD_NOTICE_VERSION): notice_version,
            w.say(Text.MYDATA_FIELD_NOTE): w.say(Text.MYDATA_ABOUT),
        }
    }
    sections: list[tuple[Text, Section]] = [
        (Text.MYDATA_SECTION_PROFILE, _profile(w, tables.get("users", []))),
        (Text.MYDATA_SECTION_SOURCES, _sources(w, tables.get("user_sources", []))),
        (Text.MYDATA_SECTION_REGISTRATIONS, _registrations(w, tables, cancelled_as_minor)),
        (Text.MYDATA_SECTION_CONSENTS, _consents(w, tables)),
        (Text.MYDATA_SECTION_AGE_DECLARATION, _age_declaration(w, tables)),
        (Text.MYDATA_SECTION_REMINDERS, _reminders(w, tables)),
        (Text.MYDATA_SECTION_UPDATES, _updates(w, tables)),
        (Text.MYDATA_SECTION_ANNOUNCEMENTS, _announcements(w, tables)),
        (Text.MYDATA_SECTION_QUESTIONS, _questions(w, tables)),
        (Text.MYDATA_SECTION_FREE_QUESTIONS, _free_questions(w, tables.get("free_questions", []))),
        (Text.MYDATA_SECTION_CONVERSATION, _conversation(w, tables.get("conversation_log", []))),
        (Text.MYDATA_SECTION_PROCESSING, _processing(w, tables, processed_days, request_update)),
    ]
    for key, section in sections:
        if section:  # a kind of record the bot holds none of is left out
            copy[w.say(key)] = w.plain(section)
    other = {name: w.plain(rows) for name, rows in tables.items() if name not in _SHOWN and rows}
    if other:
        copy[w.say(Text.MYDATA_SECTION_OTHER)] = other
    return copy


def _profile(w: _Writer, users: list[Row]) -> Section:
    fields = {
        "first_name": (Text.MYDATA_FIELD_FIRST_NAME, _same),
        "last_name": (Text.MYDATA_FIELD_LAST_NAME, _same),
        "username": (Text.MYDATA_FIELD_USERNAME, _same),
        "telegram_language": (Text.MYDATA_FIELD_TELEGRAM_LANGUAGE, _same),
        "language": (Text.MYDATA_FIELD_CHAT_LANGUAGE, w.language_name),
        "language_chosen": (Text.MYDATA_FIELD_LANGUAGE_CHOSEN, w.chosen),
        "source": (Text.MYDATA_FIELD_FIRST_SOURCE, _same),
        "subscribed": (Text.MYDATA_FIELD_SUBSCRIBED, w.yes_no),
        "blocked": (Text.MYDATA_FIELD_BLOCKED, w.yes_no),
        "created_at": (Text.MYDATA_FIELD_FIRST_CONTACT, w.moment),
        "last_seen_at": (Text.MYDATA_FIELD_LAST_SEEN, w.moment),
    }
    return w.record(users[0], fields) if users else {}


def _sources(w: _Writer, rows: list[Row]) -> Section:
    fields = {"source": (Text.MYDATA_FIELD_SOURCE, _same)}
    return [w.record(row, fields) for row in rows]


def _registration_of(w: _Writer, tables: Tables) -> Callable[[Any], Any]:
    """A registration named as the talent knows it: its reference, or "draft"."""
    references = {row.get("id"): row.get("reference") for row in tables.get("applications", [])}

    def name(application_id: Any) -> Any:
        if application_id is None:
            return None
        if application_id not in references:  # not (or no longer) one of theirs
            return application_id
        return references[application_id] or w.say(Text.EXPORT_STATUS_DRAFT)

    return name


def _registrations(w: _Writer, tables: Tables, as_minor: Collection[str]) -> Section:
    content = w.content
    stages = {row.get("reference"): row for row in tables.get("lead_stages", [])}
    history: dict[Any, list[Row]] = {}
    for row in tables.get("lead_stage_history", []):
        history.setdefault(row.get("reference"), []).append(row)
    changed: dict[Any, list[Row]] = {}
    for row in tables.get("answer_changes", []):
        changed.setdefault(row.get("reference"), []).append(row)
    answers: dict[Any, list[Row]] = {}
    for row in tables.get("answers", []):
        answers.setdefault(row.get("application_id"), []).append(row)

    status = w.named({"draft": Text.EXPORT_STATUS_DRAFT, "submitted": Text.EXPORT_STATUS_SUBMITTED})

    def program(key: Any) -> Any:
        found = content.programs.get(str(key)) if key else None
        return found.title.get(w.language) if found else key

    def question(key: Any) -> Any:
        found = content.questions.get(str(key)) if key else None
        return found.label.get(w.language) if found else key

    fields = {
        "reference": (Text.MYDATA_FIELD_REFERENCE, _same),
        "status": (Text.MYDATA_FIELD_STATUS, status),
        "language": (Text.MYDATA_FIELD_LANGUAGE, w.language_name),
        "created_at": (Text.MYDATA_FIELD_STARTED, w.moment),
        "submitted_at": (Text.MYDATA_FIELD_SUBMITTED, w.moment),
        "staff_notified_at": (Text.MYDATA_FIELD_TEAM_NOTIFIED, w.moment),
        "program_key": (Text.MYDATA_FIELD_PROGRAM, program),
        "current_key": (Text.MYDATA_FIELD_NEXT_QUESTION, question),
        "reminders_off_at": (Text.MYDATA_FIELD_REMINDERS_OFF, w.moment),
        "amends": (Text.MYDATA_FIELD_AMENDS, _registration_of(w, tables)),
        "said_under_18_at": (Text.MYDATA_FIELD_SAID_UNDER_18, w.moment),
        "reuses": (Text.MYDATA_FIELD_REUSES, _registration_of(w, tables)),
        "registers_as": (Text.MYDATA_FIELD_REGISTERS_AS, _same),
    }
    optional = (
        "submitted_at",
        "staff_notified_at",
        "program_key",
        "current_key",
        "said_under_18_at",
    )
    shown = []
    for row in tables.get("applications", []):
        choices = {"pending": (Text.MYDATA_FIELD_PENDING, _chosen(w, row.get("current_key")))}
        record = w.record(row, {**fields, **choices}, _FORM_STATE)
        for empty in (*optional, "pending", "reminders_off_at", "amends", "reuses", "registers_as"):
            label = w.say({**fields, **choices}[empty][0])
            # Say nothing of what never happened, nor of the bot's own notes on their texts.
            if not row.get(empty) or (empty == "pending" and bot_note(_decoded(row[empty]))):
                record.pop(label, None)
        reference = row.get("reference")
        if reference in stages:
            record[w.say(Text.MYDATA_FIELD_CURRENT_STAGE)] = _stage(
                w, stages[reference].get("stage")
            )
            record[w.say(Text.MYDATA_FIELD_STAGE_SINCE)] = w.moment(
                stages[reference].get("stage_changed_at")
            )
            if stages[reference].get("talent_withdrawn_at"):  # they cancelled it, or the bot
                minor = reference in as_minor  # under 18, no guardian's consent (s62, N2)
                said = (
                    Text.MYDATA_FIELD_CANCELLED_UNDER_18 if minor else Text.MYDATA_FIELD_CANCELLED
                )
                record[w.say(said)] = w.moment(stages[reference]["talent_withdrawn_at"])
        if history.get(reference):
            record[w.say(Text.MYDATA_FIELD_STAGE_HISTORY)] = [
                {
                    w.say(Text.MYDATA_FIELD_FROM_STAGE): _stage(w, change.get("from_stage")),
                    w.say(Text.MYDATA_FIELD_TO_STAGE): _stage(w, change.get("to_stage")),
                    w.say(Text.MYDATA_FIELD_TOLD): w.yes_no(change.get("talent_told")),
                    w.say(Text.MYDATA_FIELD_TIME): w.moment(change.get("created_at")),
                }
                for change in history[reference]
            ]
        if changed.get(reference):
            record[w.say(Text.MYDATA_FIELD_ANSWER_CHANGES)] = [
                _answer_change(w, item, change)
                for change in changed[reference]
                for item in change.get("detail", {}).get("changes", [])
            ]
        record[w.say(Text.MYDATA_FIELD_ANSWERS)] = [
            _answer(w, answer) for answer in answers.get(row.get("id"), [])
        ]
        shown.append(record)
    return shown


def _decoded(stored: Any) -> Any:
    """A draft's `pending` as the form keeps it (JSON text), else as stored."""
    try:
        return json.loads(stored) if isinstance(stored, str) else stored
    except ValueError:
        return stored


def _chosen(w: _Writer, question_key: Any) -> Callable[[Any], Any]:
    """Choices being picked (stored as JSON text): their labels, as the talent pressed them;
    or the email address typed and the one suggested, while the talent has not chosen."""
    question = w.content.questions.get(str(question_key)) if question_key else None

    def labels(stored: Any) -> Any:
        try:
            value = json.loads(stored) if isinstance(stored, str) else stored
        except ValueError:
            return stored
        suggestion = EmailSuggestion.from_pending(value)
        if suggestion is not None:  # "did you mean …?", not answered yet
            return {
                w.say(Text.MYDATA_FIELD_EMAIL_TYPED): suggestion.typed,
                w.say(Text.MYDATA_FIELD_EMAIL_SUGGESTED): suggestion.suggested,
            }
        if question is None or not value:
            return value
        return form_order.display(question, w.content, value, w.language)

    return labels


def _answer_change(w: _Writer, item: dict[str, Any], change: Row) -> Row:
    """One changed answer: which question, before and after, by whom (never which staff
    member: "you" or "our team"), when."""
    question = w.content.questions.get(str(item.get("key")))

    def shown(value: Any, present: Any) -> Any:
        if not present:
            return None
        return form_order.display(question, w.content, value, w.language) if question else value

    by = Text.MYDATA_BY_YOU if change.get("kind") == "talent_update" else Text.MYDATA_BY_TEAM
    return {
        w.say(Text.MYDATA_FIELD_QUESTION): question.label.get(w.language)
        if question
        else item.get("key"),
        w.say(Text.MYDATA_FIELD_FROM_STAGE): shown(
            item.get("before"), item.get("had_before", True)
        ),
        w.say(Text.MYDATA_FIELD_TO_STAGE): shown(item.get("after"), item.get("has_after", True)),
        w.say(Text.MYDATA_FIELD_CHANGED_BY): w.say(by),
        w.say(Text.MYDATA_FIELD_TIME): w.moment(change.get("created_at")),
    }


def _stage(w: _Writer, key: Any) -> Any:
    """A stage as the talent reads it in /status."""
    stage = w.content.stages.get(str(key)) if key else None
    return stage.talent_label.get(w.language) if stage else key


def _answer(w: _Writer, row: Row) -> Row:
    """One answer: the question's label, the answer as chosen, the stored value if it differs."""
    question = w.content.questions.get(str(row.get("question_key")))
    value = row.get("value")
    shown: Row = {}
    if question is None:  # a question since removed from the form: as stored
        shown[w.say(Text.MYDATA_FIELD_QUESTION)] = row.get("question_key")
        shown[w.say(Text.MYDATA_FIELD_ANSWER)] = value
    else:
        shown[w.say(Text.MYDATA_FIELD_QUESTION)] = question.label.get(w.language)
        display = form_order.display(question, w.content, value, w.language)
        shown[w.say(Text.MYDATA_FIELD_ANSWER)] = display
        if value is not None and display != str(value):
            shown[w.say(Text.MYDATA_FIELD_STORED)] = value
    shown[w.say(Text.MYDATA_FIELD_ANSWERED)] = w.moment(row.get("answered_at"))
    return shown


def _consents(w: _Writer, tables: Tables) -> Section:
    fields = {
        "kind": (Text.MYDATA_FIELD_CONSENT, w.named(_CONSENT_KINDS)),
        "granted": (Text.MYDATA_FIELD_CONSENT_STATE, w.yes_no),
        "application_id": (Text.MYDATA_FIELD_REGISTRATION, _registration_of(w, tables)),
        "notice_version": (Text.MYDATA_FIELD_NOTICE_VERSION, _same),
    }
    rows = []
    for row in tables.get("consents", []):
        shown = w.record(row, fields, hidden=("recipient", "abroad"))
        if row.get("recipient"):  # forwarding: named as it was asked (plain text, not HTML)
            key = (
                Text.CONSENT_KIND_TRANSFER_ABROAD
                if row.get("abroad")
                else Text.CONSENT_KIND_TRANSFER_TO
            )
            template = w.content.messages[key].get(w.language)
            shown[w.say(Text.MYDATA_FIELD_CONSENT)] = template.format(recipient=row["recipient"])
        rows.append(shown)
    return rows


def _age_declaration(w: _Writer, tables: Tables) -> Section:
    """The form that said under 18, kept to ask once about an adult age in a new form: when,
    which form, whether an adult age was confirmed since, and why it is kept."""
    fields = {
        "declared_at": (Text.MYDATA_FIELD_DECLARED_UNDER_18, w.moment),
        "application_id": (Text.MYDATA_FIELD_REGISTRATION, _registration_of(w, tables)),
        "adult_confirmed_at": (Text.MYDATA_FIELD_ADULT_CONFIRMED, w.moment),
    }
    kept = {row.get("id") for row in tables.get("applications", [])}
    rows = []
    for row in tables.get("age_declarations", []):
        shown = w.record(row, fields)
        if not row.get("adult_confirmed_at"):
            shown.pop(w.say(Text.MYDATA_FIELD_ADULT_CONFIRMED), None)
        if row.get("application_id") not in kept:  # that form was deleted (no consent yet)
            shown.pop(w.say(Text.MYDATA_FIELD_REGISTRATION), None)
        shown[w.say(Text.MYDATA_FIELD_NOTE)] = w.say(Text.MYDATA_AGE_DECLARATION_KEPT)
        rows.append(shown)
    return rows


def _reminders(w: _Writer, tables: Tables) -> Section:
    section: dict[str, Any] = {}
    for row in tables.get("reminder_preferences", []):
        section.update(
            w.record(
                row,
                {
                    "enabled": (Text.MYDATA_FIELD_REMINDERS_ENABLED, w.yes_no),
                    "changed_at": (Text.MYDATA_FIELD_CHANGED, w.moment),
                },
            )
        )
    fields = {
        "application_id": (Text.MYDATA_FIELD_REGISTRATION, _registration_of(w, tables)),
        "number": (Text.MYDATA_FIELD_NUMBER, _same),
        "status": (Text.MYDATA_FIELD_STATUS, w.named(_DELIVERY)),
        "questions_left": (Text.MYDATA_FIELD_QUESTIONS_LEFT, _same),
    }
    sent = [w.record(row, fields) for row in tables.get("reminders", [])]
    if sent:
        section[w.say(Text.MYDATA_FIELD_REMINDERS_SENT)] = sent
    return section


def _updates(w: _Writer, tables: Tables) -> Section:
    fields = {
        "application_id": (Text.MYDATA_FIELD_REGISTRATION, _registration_of(w, tables)),
        "stage": (Text.MYDATA_FIELD_STAGE, lambda key: _stage(w, key)),
        "text": (Text.MYDATA_FIELD_MESSAGE, _same),
        "status": (Text.MYDATA_FIELD_STATUS, w.named(_DELIVERY)),
    }
    return [w.record(row, fields) for row in tables.get("talent_updates", [])]


def _announcements(w: _Writer, tables: Tables) -> Section:
    fields = {
        "broadcast_id": (Text.MYDATA_FIELD_ANNOUNCEMENT, lambda number: f"#{number}"),
        "status": (Text.MYDATA_FIELD_STATUS, w.named(_DELIVERY)),
    }
    return [w.record(row, fields) for row in tables.get("broadcast_recipients", [])]


def _questions(w: _Writer, tables: Tables) -> Section:
    section: dict[str, Any] = {}
    for row in tables.get("support_sessions", []):
        fields = {
            "asking": (Text.MYDATA_FIELD_ASKING, w.yes_no),
            "last_relayed_at": (Text.MYDATA_FIELD_LAST_RELAYED, w.moment),
        }
        section.update(w.record(row, fields, _RELAY_WINDOW))

    fields = {
        "kind": (Text.MYDATA_FIELD_KIND, w.named(_RELAYED)),
        "text": (Text.MYDATA_FIELD_MESSAGE, _same),  # an answer's, as the talent got it
    }
    relayed = [
        w.record({key: value for key, value in row.items() if key != "text" or value}, fields)
        for row in tables.get("relayed_messages", [])
    ]
    if relayed:
        section[w.say(Text.MYDATA_FIELD_RELAYED)] = relayed
    topics = [
        w.record(row, {"created_at": (Text.MYDATA_FIELD_TOPIC, w.moment)})
        for row in tables.get("support_topics", [])
    ]
    if topics:
        section[w.say(Text.MYDATA_FIELD_TOPICS)] = topics
    # When the team marked their questions done without a message (answered by phone): the
    # time only; which staff member, as for their answers, is the team's (conversation_log).
    closes = [w.moment(row["closed_at"]) for row in tables.get("question_closes", [])]
    if closes:
        section[w.say(Text.MYDATA_FIELD_QUESTIONS_CLOSED)] = closes
    return section


def conversation_rows(content: Content, language: str, rows: list[Row]) -> list[Any]:
    """Conversation-log rows as the copy's conversation section lays them out: for a copy
    written a part at a time (bot/my_data.py), the log being too long to hold whole."""
    laid_out = _conversation(_Writer(content, language), rows)
    assert isinstance(laid_out, list)
    return laid_out


_BOT_REPLIES = {
    "answered": Text.MYDATA_ASK_ANSWERED,
    "suggested": Text.MYDATA_ASK_SUGGESTED,
    "unanswered": Text.MYDATA_ASK_UNANSWERED,
}


_OWN_WORK = ("via", "confidence", "confirm_shown_at", "form_answer")


def _free_questions(w: _Writer, rows: list[Row]) -> Section:
    """Free questions to the bot; entries named by their title (the key if since removed).
    How sure the bot was, where the question was typed, when its confirmation showed and
    whether it was taken for a paused form's answer are for its own work."""

    def title(ref: Any) -> Any:
        kind, _, key = str(ref).partition(":")
        item, page = w.content.faq.get(key), w.content.programs.get(key)
        if kind == "faq" and item is not None:
            return item.question.get(w.language)
        if kind == "program" and page is not None:
            return page.title.get(w.language)
        return ref

    def titles(refs: Any) -> Any:
        return [title(ref) for ref in json.loads(str(refs or "[]"))]

    fields = {
        "asked_at": (Text.MYDATA_FIELD_TIME, w.moment),
        "text": (Text.MYDATA_FIELD_QUESTION, _same),
        "outcome": (Text.MYDATA_FIELD_BOT_REPLY, w.named(_BOT_REPLIES)),
        "entry": (Text.MYDATA_FIELD_ANSWERED_WITH, title),
        "offered": (Text.MYDATA_FIELD_OFFERED, titles),
        "not_this_at": (Text.MYDATA_FIELD_NOT_THIS, w.moment),
        "opened": (Text.MYDATA_FIELD_OPENED, title),
        "sent_to_staff_at": (Text.MYDATA_FIELD_SENT_TO_STAFF, w.moment),
        "summary": (Text.MYDATA_FIELD_SUMMARY, _same),
    }
    return [w.record(row, fields, _OWN_WORK) for row in rows]


def _conversation(w: _Writer, rows: list[Row]) -> Section:
    fields = {
        "created_at": (Text.MYDATA_FIELD_TIME, w.moment),
        "direction": (
            Text.MYDATA_FIELD_FROM,
            w.named({"in": Text.MYDATA_FROM_YOU, "out": Text.MYDATA_FROM_BOT}),
        ),
        "kind": (Text.MYDATA_FIELD_KIND, lambda kind: kind_label(w.content, w.language, kind)),
        "text": (Text.MYDATA_FIELD_MESSAGE, _same),
    }
    # A staff answer's writer, whether it was a holding reply and which of the talent's
    # messages it answered (when not all) are the team's own workings:
    # the talent got the answer as any other. Its heading is the bot's own line above it
    # (their question in it is listed as their own message).
    hidden = ("answered_by_id", "answered_by", "keeps_waiting", "heading", "answered_only")
    return [w.record(row, fields, hidden) for row in rows]


def _processing(
    w: _Writer, tables: Tables, processed_days: int, request_update: int | None
) -> Section:
    """Messages still waiting hold what was sent; processed ones keep nothing but their id.
    The request for this copy is being processed as it is made: it is not listed."""
    rows = [row for row in tables.get("update_inbox", []) if row.get("update_id") != request_update]
    waiting = [row for row in rows if row.get("payload")]
    emptied = len(rows) - len(waiting)
    section: dict[str, Any] = {}
    if emptied:
        section[w.say(Text.MYDATA_FIELD_PROCESSED)] = w.say(
            Text.MYDATA_PROCESSED_NOTE, count=emptied, days=processed_days
        )
    if waiting:
        section[w.say(Text.MYDATA_FIELD_WAITING)] = [
            {
                w.say(Text.MYDATA_FIELD_TIME): w.moment(row.get("received_at")),
                w.say(Text.MYDATA_FIELD_MESSAGE): row.get("payload"),
            }
            for row in waiting
        ]
    return section
