"""The application flow: consent, one question at a time, review, submit.

Every step is committed before its screen is returned, so the handler that shows
the next question only ever shows what is already stored. The draft's `step`
counter makes buttons from older messages harmless, and `last_update_id` makes a
replayed update take effect once: a user's updates are handled one at a time, so a
replay is always of the last update applied (Telegram's ids are not always increasing:
after a week without updates the next one starts anywhere).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from bot.answers.text import acknowledges
from bot.content import Content, Program, Question, T
from bot.leads import intake, slips
from bot.leads.email_typos import EmailSuggestion, comma_for_dot, suggestion_for
from bot.leads.export import to_wib
from bot.leads.language_wish import OTHER, language_asked
from bot.leads.step_questions import (
    about_the_choices,
    about_the_guardian,
    about_the_step,
    asks_at_choices,
    one_role_only,
)
from bot.parsing import small_int
from bot.settings import Forwarding
from bot.store import Change, Draft, Store
from bot.store.db import ago
from bot.store.records import AnswerChange, TalentLead
from bot.texts import Text

# A talent back at an unpaused form after this long is welcomed back; sooner, it just goes on.
WELCOME_BACK_AFTER = 30 * 60
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


def _offered(pending: object) -> tuple[str, str] | None:
    """The province offered and the place of its city ("" without one), if the draft holds
    one."""
    if not isinstance(pending, str) or not pending.startswith(OFFERED):
        return None
    value, _, city = pending.removeprefix(OFFERED).partition(":")
    return value, city


# A text refused as a question, or as a name unsure in its sentence: the same text sent once
# more is the answer.
_ASKED_BACK = frozenset({Text.INTAKE_A_QUESTION, Text.INTAKE_NAME_UNSURE})
# A text at a question of buttons this soon after a long text's answer, and this long, is the
# rest of that answer, sent as a second message.
CONTINUED_WITHIN = 2 * 60
CONTINUED_WORDS = 3
# The questions whose answer a copy would repeat (not a choice: a copy's label is no answer);
# the optional ones it would fill are slips.FREE_TEXT (a stage name, other links, a note).
_TYPED = frozenset({"short_text", "long_text", "url", "email", "phone", "number"})
# The questions whose answer is the talent's own words (slips.FREE_TEXT): a name or a sentence
# may read as something else ("Film Salah"), so such a text is asked back, not only refused.
# The notes of a typed selection that ticked all it named, nothing left unsaid.
_ALL_TICKED = frozenset({Text.INTAKE_TICKED, Text.INTAKE_TICKED_WITH_OTHER})
# Words in each item of a typed list that "Lainnya" takes as its words ("Sunda", "Bugis"); an
# item of more may be a phrase ("blm tau"), said and not stored.
_PLAIN_ITEM_WORDS = 1
# The questions about the languages the talent works in: a language named there is the answer,
# only a word of changing asks the bot to speak it (a second attacker's review: "Bukan, Inggris
# aja" at the languages switched the bot to English).
_ABOUT_LANGUAGES = frozenset({"languages", "languages_other"})

CONSENT = "consent_processing"
TRANSFER = "consent_transfer"
QUESTION = "question"
GUARDIAN = "guardian"
REVIEW = "review"
EDIT_LIST = "edit_list"
# The buttons under "did you mean ...?" at an email question, or "is your stage name ...?":
# the addresses or names themselves stay with the draft (callback data holds 64 bytes, and no
# personal data).
USE_SUGGESTED = "ms"
KEEP_TYPED = "mt"
_SUGGESTED = frozenset({"email", "short_text"})
_NO_PROVINCE = Text.INTAKE_PROVINCE_NOT_FOUND
# The province of a city typed at the province question, with the city: "<province>:<n>", the
# city's place in the province's `cities` (its name may not fit the data's 64 bytes).
CITY_PROVINCE = "cp"
# A paused new registration thrown away (a talents' review: one started by mistake beside a
# sent one could only be finished or erased with everything else): asked, then done.
DISCARD = "dn"
DISCARD_SURE = "dy"
DISCARD_NOT = "dk"
# An earlier question offered to change, when the talent says it was answered wrong.
GO_BACK_TO = "g"
SECTOR = "sector"  # the field question (music or film), as records.leads_of reads it


@dataclass(frozen=True, slots=True)
class Screen:
    """What the talent should see now, as decided by the flow."""

    # One of the stages above, or submitted, declined, cancelled, guardian_declined, gone,
    # discard_asked, discarded_draft.
    kind: str
    draft: Draft | None = None
    question: Question | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    error: intake.Rejected | None = None
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
    # The question asked after the choices the same message ticked, for the FAQ to answer.
    asking: str | None = None


@dataclass(frozen=True, slots=True)
class Press:
    """A button press inside the flow, decoded from its callback data."""

    application_id: int
    step: int
    action: str
    argument: str = ""


class IntakeFlow:
    """Moves one talent's application forward; all state is in the store."""

    def __init__(
        self,
        store: Store,
        content: Content,
        forwarding: Forwarding | None,
        chatter: Callable[[str], bool] = lambda _: False,
        wish: Callable[[str], bool] = lambda _: False,
    ) -> None:
        self._store = store
        self._applications = store.applications
        self._content = content
        self._forwarding = forwarding  # FORWARD_TO: None, the forwarding consent is never asked
        # Whether a message only says okay or thanks ("sip makasih 🙏"): at an optional free
        # text question it is no answer (a talents' review: it was stored as notable works).
        self._chatter = chatter
        # Whether a message says the talent wants to register ("saya mau daftarkan keponakan
        # saya"): in the form, no answer (an attacker's review: it was stored as the name).
        self._wish = wish

    async def begin(
        self,
        user_id: int,
        language: str,
        update_id: int,
        program_key: str | None = None,
        *,
        fresh: bool = False,
    ) -> Screen:
        """/daftar or an Apply button: resume the open draft; a talent who has submitted is
        offered to update that registration (or, `fresh`, to start a new one)."""
        resumed = await self._resumed(user_id, update_id)
        if resumed is not None:
            return resumed
        if not fresh:
            registrations = await self._store.records.leads_of(user_id)
            if registrations:
                return Screen("choose", registrations=registrations, program=program_key)
        program, presets = self._presets(program_key)
        agreed = await self._agreed(user_id)
        first = intake.next_question(self._content, presets)
        draft = await self._applications.create(
            user_id,
            language,
            QUESTION if agreed else CONSENT,
            current_key=first.key if agreed and first else None,
            program_key=program.key if program else None,
            answers=presets,
            update_id=update_id,
        )
        return await self.current(draft)

    def _presets(self, program_key: str | None) -> tuple[Program | None, dict[str, Any]]:
        """The program a registration begins from (its page's button), and the answer it
        fills in: its field. The program itself is ticked when the programs question is asked
        (a talents' review: answered unasked, the form went from "12 of 17" to "14 of 17" and
        the talent could not add MU:CON)."""
        program = self._content.programs.get(program_key or "")
        if program is None or program.interest == "none":
            return None, {}  # an old button of a page that is no longer a program
        return program, {"sector": program.section}

    async def begin_update(
        self, user_id: int, language: str, update_id: int, lead_id: int
    ) -> Screen:
        """ "Update my registration": the lead's answers in a draft of their own, shown as a
        review (change one answer, or go through them all); the lead changes only when the
        talent saves. An open draft is resumed instead (one at a time)."""
        resumed = await self._resumed(user_id, update_id)
        if resumed is not None:
            return resumed
        stage = REVIEW if await self._agreed(user_id) else CONSENT
        opened = await self._store.records.open_update(user_id, lead_id, language, stage, update_id)
        if opened is None:
            return Screen("update_gone")
        return await self.current(opened)

    async def _resumed(self, user_id: int, update_id: int) -> Screen | None:
        """The open draft's screen (reactivated if paused), or None if there is none."""
        draft = await self._applications.draft_for(user_id)
        if draft is None:
            return None
        if update_id == draft.last_update_id:
            return await self.current(draft)
        if draft.active:
            # Still in the form a moment ago: "welcome back" would greet someone who never left.
            recent = draft.updated_at >= ago(WELCOME_BACK_AFTER)
            note = Text.INTAKE_BACK_TO_FORM if recent else Text.INTAKE_RESUMED
            return await self.current(draft, note=note)
        # The bot's note on a text ("send it once more") was for the talent then, not now
        # (an attacker's review: "makasih" asked back, then a pause and /daftar, then
        # "makasih" became the name); picked choices stay.
        pending = None if bot_note(draft.pending) else draft.pending
        resumed = await self._applications.advance(
            draft, _same(draft, active=True, update_id=update_id, pending=pending)
        )
        return await self.current(resumed or draft, note=Text.INTAKE_RESUMED)

    async def _agreed(self, user_id: int) -> bool:
        """Whether the talent's consent to processing stands for the current notice."""
        consents = await self._applications.consents(user_id)
        processing = consents.get("processing")
        return (
            processing is not None
            and processing.granted
            and processing.notice_version == self._content.privacy.version
        )

    async def current(self, draft: Draft, note: Text | None = None) -> Screen:
        """The screen for where the draft stands."""
        answers = await self._applications.answers(draft.id)
        if draft.stage == TRANSFER and self._forwarding is None:
            # Left at the forwarding question when FORWARD_TO was set; it is unset now, so
            # there is nothing to ask: on to the questions (the same update, no replay).
            return await self._move_on(draft, answers, {}, draft.last_update_id)
        question = self._content.questions.get(draft.current_key or "")
        reference = None
        if draft.amends is not None:
            reference = await self._store.records.amended(draft.id)
        return Screen(draft.stage, draft, question, answers, note=note, reference=reference)

    async def active_draft(self, user_id: int) -> Draft | None:
        """The draft the talent is filling in right now (not paused by Cancel)."""
        draft = await self._applications.draft_for(user_id)
        return draft if draft is not None and draft.active else None

    async def text(
        self,
        draft: Draft,
        text: str,
        update_id: int,
        sent: datetime | None = None,
        language: str | None = None,
    ) -> Screen:
        """A typed answer to the current question (`sent`: the message's date, if known;
        `language`: the one the talent is spoken to in)."""
        if update_id == draft.last_update_id:
            return await self.current(draft)
        question = self._content.questions.get(draft.current_key or "")
        if draft.stage == QUESTION and question is not None:
            # A button's own words typed ("Selesai memilih", "⏸"): as it is pressed (a talents'
            # review: "Selesai memilih" was refused, "⏸" stored as the city).
            action = await self._typed_button(draft, question, text)
            if action is not None:
                return await self.press(
                    draft.user_id, Press(draft.id, draft.step, action), update_id
                )
        wished = await self._language_wished(draft, question, text)
        if wished is not None:  # "apakah bisa pakai bahasa Inggris saja?": never an answer
            if wished == OTHER:  # "ganti bahasa dong"
                wished = "en" if language == "id" else "id"
            await self._store.users.set_language(draft.user_id, wished)
            shown = await self.current(draft, note=Text.INTAKE_LANGUAGE_SWITCHED)
            return replace(shown, language=wished)
        free = draft.stage == QUESTION and _long(question)  # where these may be the answer
        # "Sebentar, saya cek dulu nama resmi PT kami di akta." at a question (a talents'
        # review: stored as the company's name) waits as "later" does.
        checking = draft.stage == QUESTION and intake.looks_it_up(text, only=free)
        # A name may read as a slip or a "later" ("Film Salah", the band "Lihat Aku
        # Sebentar"; an attacker's review: they could only be skipped): asked back, and the
        # same text once more is the answer.
        again = self._said_again(draft, question, text, sent)
        if (checking or intake.says_later(text, only=free)) and not again:  # nothing stored
            later = await self.current(draft, note=Text.INTAKE_LATER)
            return await self._held_back(draft, question, text, update_id, later)
        if self._wish(text) and not free:
            return await self.current(draft, note=Text.INTAKE_REGISTERING_NOW)
        if draft.stage == GUARDIAN and (said := about_the_guardian(text)) is not None:
            return await self.current(draft, note=said)  # "ini wajib ga?", "kenapa harus izin?"
        if draft.stage == REVIEW and intake.says_send(text, update=draft.amends is not None):
            if _at_once(draft, sent):
                # Sent before the review could reach the talent ("Kirim kang" twice at the
                # last question, an attacker's review: sent unseen): the review again.
                return await self.current(draft, note=Text.INTAKE_REVIEW_FIRST)
            # "Kirim kang", "Oke simpan": as the send (save) button; the review comes only
            # after the consent, and its check of what is missing is the button's.
            answers = await self._applications.answers(draft.id)
            send = Press(draft.id, draft.step, "ok")
            return await self._review_press(draft, answers, send, update_id)
        if draft.stage == CONSENT and intake.says_agree(text):  # "Saya setuju."
            return await self.current(draft, note=Text.INTAKE_CONSENT_BY_BUTTON)
        if draft.stage != QUESTION:  # a screen of buttons: as it stands (an update's reference)
            return await self.current(draft, note=Text.INTAKE_USE_BUTTONS)
        answers = await self._applications.answers(draft.id)
        if question is None:
            return Screen(draft.stage, draft, question, answers, note=Text.INTAKE_USE_BUTTONS)
        suggestion = EmailSuggestion.from_pending(draft.pending)
        if question.type in _SUGGESTED and suggestion and _agrees(text, suggestion.suggested):
            # "Iya", "Iya yg gmail" to "Maksudmu …@gmail.com?" (a talents' review: refused as
            # a bad address), as the suggestion's button, and the province's typed yes.
            return await self._answer(draft, question, answers, suggestion.suggested, update_id)
        wrong = None if again else self._picked_wrong(draft, question, answers, text)
        if wrong is not None:  # "Eh salah kak, harusnya musik bukan film": nothing stored
            return await self._held_back(draft, question, text, update_id, wrong)
        if not question.required and intake.says_skip(text):  # as the Skip button does
            return await self._answer(draft, question, answers, None, update_id)
        if (
            not question.required
            and question.type in slips.FREE_TEXT
            and intake.says_send(text, update=draft.amends is not None)
        ):
            # "Kirim kang" at the last (optional) question is no note to the team, and sends
            # nothing: the answer as it stands (none: skipped), then the review (an
            # attacker's review: stored as the note, and a second one sent it unseen).
            if question.key in answers:
                return await self._move_on(draft, answers, {}, update_id, after=question.key)
            skipped = await self._answer(draft, question, answers, None, update_id)
            return _said(skipped, Text.INTAKE_SEND_SKIPS, field=question.label)
        if self._sent_twice(draft, question, answers, text, sent):
            # Noted with the draft: the note invites the talent to send it once more, and
            # that is then their answer.
            told = _same(draft, pending=SENT_TWICE_TOLD, update_id=update_id)
            return _noted(await self._advance(draft, told), question, Text.INTAKE_SENT_TWICE)
        added = await self._links_added(draft, question, answers, text, update_id)
        if added is not None:  # "Sama youtube.com/@x" right after the links: one more link
            return added
        # "hmm" thinks aloud as "ok" only says okay (a talents' review: it was stored as the
        # stage name and as notable works).
        chats = self._chatter(text) or intake.hesitates(text)
        if question.type == "long_text" and not question.required and chats:
            return Screen(QUESTION, draft, question, answers, note=Text.INTAKE_CHATTER)
        if question.type in slips.FREE_TEXT and slips.symbols_only(text):
            # "⏸", "✨" (a talents' review: "⏸" was stored as the city): no answer, however
            # often sent; "-" or "..." at an optional question skipped it above.
            note = Text.INTAKE_CHATTER if not question.required else Text.INTAKE_SYMBOLS_ONLY
            return Screen(QUESTION, draft, question, answers, note=note)
        if question.type == "short_text" and chats:
            # "makasih kak" at the full name was stored as the name "makasih" (a walk-through,
            # session 54): okay, thanks or hello is no name, unless sent once more ("Nanti
            # Lanjut", a band; capitals tell nothing: a phone writes "Makasih", an attacker).
            chatter = intake.Rejected(Text.INTAKE_CHATTER_AT_TEXT)
            asked_back = await self._asked_back(draft, question, text, sent, update_id, chatter)
            if asked_back is not None:
                return asked_back
        # A question at a choice question ("kpop masuk pop atau gaya kpop"): nothing is taken
        # or ticked; one about its choices is answered from them, any other is one to answer
        # as a text question's is (a talents' review: both were ticked).
        asked = question.type in slips.CHOICES and asks_at_choices(
            question, self._content, answers, text
        )
        if asked and (
            of_them := about_the_choices(question, self._content, answers, text)
            or one_role_only(question, self._content, answers, text)
        ):
            return Screen(QUESTION, draft, question, answers, error=of_them)
        closes = question.type == "multi_choice" and not asked and intake.closes_choice(text)
        # "sip", "👍", "ok" too (a talents' review: told to press Done), unless "Lainnya" is
        # ticked and waits for its words.
        closes = closes or (
            question.type == "multi_choice"
            and not asked
            and acknowledges(text)
            and not self._other_waits(question, answers, draft.pending)
        )
        if closes and draft.pending:  # "Udah itu aja", "Sudah.": as Done is pressed
            return await self._done(draft, question, answers, update_id)
        if question.type == "multi_choice":
            typed = None
            before = None if asked else slips.ticked_then_closed(text)
            if before is not None:  # "…film pendek. Itu saja.": ticked, then as Done is pressed
                typed = await self._ticked_then_done(draft, question, answers, before, update_id)
            if not asked and typed is None:
                typed = await self._typed_selection(draft, question, answers, text, update_id)
            elif asked:
                typed = await self._ticked_then_asked(draft, question, answers, text, update_id)
            if typed is not None:
                return typed
            outcome: intake.Outcome = intake.use_buttons(question, self._content)
        elif asked:
            outcome = intake.use_buttons(question, self._content)
        else:
            outcome = intake.check_text(question, self._content, answers, text)
        checked = outcome
        outcome = slips.slip(question, text, outcome)
        if asked and outcome == checked:  # "press a button", to one that asks without a "?"
            outcome = intake.Rejected(Text.INTAKE_A_QUESTION_BUTTONS)
        if isinstance(outcome, intake.Rejected) and outcome.reason in _ASKED_BACK:
            # "Kalau itu memang jawabanmu, kirim sekali lagi": the same text again is the
            # answer ("The Open Call Band?"), as checked; the text is kept as a digest only.
            # So is a name unsure in its sentence ("Budi, band saya namanya Senja"): kept
            # whole, as typed, if sent again.
            # Not a copy sent twice on a weak connection, before the note could be read.
            asked_back = await self._asked_back(draft, question, text, sent, update_id, outcome)
            if asked_back is not None:
                return asked_back
            outcome = checked
        if isinstance(outcome, intake.Rejected) and outcome.reason is _NO_PROVINCE:
            outcome = intake.province_guess(self._content, text) or outcome  # "Jawa Tenggah"
        if question.type == "province" and not isinstance(outcome, intake.Accepted):
            return await self._province_offer(draft, question, answers, text, outcome, update_id)
        if isinstance(outcome, intake.Rejected) and question.type == "single_choice" and not asked:
            other = await self._other_named(draft, question, answers, text, update_id)
            if other is not None:  # "sound engineer, mixing mastering": Lainnya, and what
                return other
            outcome = one_role_only(question, self._content, answers, text) or outcome
        if isinstance(outcome, intake.Rejected) and outcome.reason in slips.BUTTONS and not asked:
            added = self._continued(draft, question, answers, text)
            if added is not None:  # the rest of the text answer before? Not stored: said
                return added
        if isinstance(outcome, intake.Rejected) and outcome.reason is Text.INTAKE_BAD_EMAIL:
            mended = self._comma_for_dot(question, answers, text)
            if mended is not None:  # "putu@gmail,com": "Maksudmu putu@gmail.com?", asked
                pending = mended.as_pending()
                return await self._advance(
                    draft, _same(draft, pending=pending, update_id=update_id)
                )
        if isinstance(outcome, intake.Rejected):
            if outcome.reason is Text.INTAKE_TOO_LONG:
                outcome = self._too_long(question, answers, outcome)
            return Screen(QUESTION, draft, question, answers, error=outcome)
        if isinstance(outcome, intake.Matches):
            return Screen(
                QUESTION,
                draft,
                question,
                answers,
                matches=outcome.values,
                city=outcome.city,
                guessed=outcome.guessed,
            )
        if outcome.more:  # several links at the work's link: the first, the rest carried on
            return await self._links(draft, question, answers, outcome, update_id)
        if outcome.city is not None and question.city_question in self._content.questions:
            both = {question.key: outcome.value, question.city_question: outcome.city}
            return await self._move_on(draft, answers, both, update_id, after=question.key)
        found = slips.stage_name_in(question, text)
        if found is not None and found != outcome.value:  # "…tampil dengan nama Ratna Solo…"
            # Asked back, not taken: a name is the talent's to confirm. Kept with the draft as
            # the email's suggestion is, with the text as typed for "keep it as I typed it".
            pending = EmailSuggestion(str(outcome.value), found).as_pending()
            return await self._advance(draft, _same(draft, pending=pending, update_id=update_id))
        if question.type == "email":
            suggestion = suggestion_for(outcome.value)
            if suggestion is not None:  # "dewi@gmial.com": asked, kept with the draft
                pending = suggestion.as_pending()
                return await self._advance(
                    draft, _same(draft, pending=pending, update_id=update_id)
                )
        answered = await self._answer(draft, question, answers, outcome.value, update_id)
        if outcome.named and answered.note is None:
            # A choice read from a sentence ("grup rebana"), a name cut from one ("nama saya
            # Muh. Rizki Pratama"): said, so a wrong reading is seen and undone with Back (an
            # attacker's review: each was stored without a word).
            labels = dict(intake.choices(question, self._content, answers))
            label = outcome.value if question.type in slips.FREE_TEXT else labels.get(outcome.value)
            if label is not None and outcome.besides:  # "penyanyi sama dancer": "dancer" said
                besides = outcome.besides.capitalize()
                both = {"taken": label, "besides": besides}
                return replace(answered, note=Text.INTAKE_TAKEN_BESIDES, note_values=both)
            if label is not None:
                return replace(answered, note=Text.INTAKE_TAKEN, note_values={"taken": label})
        return answered

    def _comma_for_dot(
        self, question: Question, answers: dict[str, Any], text: str
    ) -> EmailSuggestion | None:
        """The address a refused text meant with a comma for a dot, if it then is one."""
        found = comma_for_dot(text)
        if found is None:
            return None
        mended = intake.check_text(question, self._content, answers, found[1])
        if not isinstance(mended, intake.Accepted):
            return None
        return EmailSuggestion(found[0], str(mended.value), keepable=False)

    async def _asked_back(
        self,
        draft: Draft,
        question: Question,
        text: str,
        sent: datetime | None,
        update_id: int,
        refused: intake.Rejected,
    ) -> Screen | None:
        """The question again with why the text was not taken, its digest kept with the draft;
        None when it is that text sent once more, after the note could be read: the answer."""
        said_again = _asked(text)
        if draft.pending == said_again and not _at_once(draft, sent):
            return None
        kept = _same(draft, pending=said_again, update_id=update_id)
        return _refused(await self._advance(draft, kept), question, refused)

    def _said_again(
        self, draft: Draft, question: Question | None, text: str, sent: datetime | None
    ) -> bool:
        """Whether a text at a text question is the one held back there (_held_back), sent
        once more after the note could be read: the answer."""
        return (
            draft.stage == QUESTION
            and question is not None
            and question.type in slips.FREE_TEXT
            and draft.pending == _asked(text)
            and not _at_once(draft, sent)
        )

    async def _held_back(
        self, draft: Draft, question: Question | None, text: str, update_id: int, held: Screen
    ) -> Screen:
        """`held`, the screen for a text not taken (a "later", a slip); at a text question,
        where it may be the answer all the same, with "send it once more", its digest kept
        with the draft (_said_again)."""
        if draft.stage != QUESTION or question is None or question.type not in slips.FREE_TEXT:
            return held
        kept = await self._advance(draft, _same(draft, pending=_asked(text), update_id=update_id))
        if not _still_at(kept, question):
            return kept
        return replace(
            kept,
            note=held.note,
            note_values=held.note_values,
            offered=held.offered,
            error=intake.Rejected(Text.INTAKE_SEND_AGAIN),
        )

    def _continued(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str
    ) -> Screen | None:
        """A text at a question of buttons, soon after a long text was answered just before
        it: perhaps the rest of that answer, sent as a second message (a talents' review: "Ep
        pertama kita", then "Judulnya Kabut Lembang rilis 2023, …" was refused at the programs
        and lost), perhaps not (an attacker's review: "mau ikut yang ke korea kak", a phone
        number, were added to it). Nothing is stored; the question stays, with how to add it
        (Back, and the whole answer again). None otherwise."""
        before = self._just_answered(draft, question, answers)
        if (
            before is None
            or before[0].holds_links  # links are added (_links_added), not said
            or len(text.split()) < CONTINUED_WORDS
            or intake.about_the_choices(question, self._content, answers, text)
        ):
            return None
        previous, held = before
        joined = intake.check_text(previous, self._content, answers, f"{held}\n{text}")
        if not isinstance(joined, intake.Accepted):
            return None  # too long to be added: refused as before
        values = {"field": previous.label}
        return Screen(
            QUESTION, draft, question, answers, note=Text.INTAKE_NOT_ADDED, note_values=values
        )

    async def _typed_button(self, draft: Draft, question: Question, text: str) -> str | None:
        """The action of the form's button under this question whose label (in either
        language) a text is (slips.types_label), or None."""
        answers = await self._applications.answers(draft.id)
        shown = navigation(self._content, draft, question, answers)
        if question.type == "multi_choice":
            shown.append(("d", Text.BTN_DONE))
        return next(
            (
                action
                for action, key in shown
                for language in ("id", "en")
                if slips.types_label(text, self._content.text(key, language))
            ),
            None,
        )

    def _just_answered(
        self, draft: Draft, question: Question, answers: dict[str, Any]
    ) -> tuple[Question, str] | None:
        """The text question before this one and its answer, when that was given moments ago
        (CONTINUED_WITHIN): a text now may be its second part, sent as a second message."""
        previous = intake.previous_question(self._content, answers, question.key)
        held = answers.get(previous.key) if previous is not None else None
        if (
            previous is None
            or previous.type != "long_text"
            or not isinstance(held, str)
            or not held.strip()
            or draft.updated_at < ago(CONTINUED_WITHIN)
        ):
            return None
        return previous, held

    async def _links_added(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str, update_id: int
    ) -> Screen | None:
        """A text of links only ("Sama youtube.com/@sekaadigital"), soon after the links
        question before this one was answered: the second part of that answer (a talents'
        review: it was stored as the notable works). Added to it, said, and this question
        asked again (Back shows it). None otherwise."""
        before = self._just_answered(draft, question, answers)
        added = slips.only_links(text) if before is not None else None
        if before is None or not before[0].holds_links or added is None:
            return None
        previous, held = before
        typed = intake.check_text(previous, self._content, answers, "\n".join(added))
        if not isinstance(typed, intake.Accepted):
            return None
        lines = [line for line in held.split("\n") if line.strip()]
        new = [line for line in str(typed.value).split("\n") if line not in lines]
        joined = intake.check_text(previous, self._content, answers, "\n".join([*lines, *new]))
        if not isinstance(joined, intake.Accepted):
            return None  # too long to be added: this question's, as before
        values = {"links": str(typed.value).replace("\n", ", "), "field": previous.label}
        if not new:  # all of it there already: nothing to add
            return Screen(
                QUESTION, draft, question, answers, note=Text.INTAKE_LINKS_ADDED, note_values=values
            )
        kept = _same(draft, answers={previous.key: joined.value}, update_id=update_id)
        return _noted(await self._advance(draft, kept), question, Text.INTAKE_LINKS_ADDED, **values)

    def _picked_wrong(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str
    ) -> Screen | None:
        """The question again, with the earlier one a text says was answered wrong offered
        (a talents' review: "Eh salah kak, harusnya musik bukan film" was stored as the
        production house, and Bidang was four Backs away); None if it says no such thing."""
        wrong = slips.picked_wrong(question, self._content, answers, text)
        if wrong is None:
            return None
        labels = dict(intake.choices(wrong.question, self._content, answers))
        values = {"field": wrong.question.label, "choice": labels[wrong.choice]}
        note, offered = Text.INTAKE_PICKED_WRONG, wrong.question.key
        return Screen(
            QUESTION, draft, question, answers, note=note, note_values=values, offered=offered
        )

    async def _province_offer(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        text: str,
        outcome: intake.Rejected | intake.Matches,
        update_id: int,
    ) -> Screen:
        """A text at the province question that names no one province for sure. One province
        offered ("Surabaya ada di Jawa Timur. Betul ini provinsimu?") is kept with the draft,
        so that a typed yes ("iya bener", a talents' review: "province not found", and the
        city forgotten) confirms it as its button does; anything else forgets it."""
        offered = _offered(draft.pending)
        if offered is not None and intake.says_yes(text):
            value, city = offered
            if city:
                return await self._city_province(
                    draft, question, answers, f"{value}:{city}", update_id
                )
            return await self._answer(draft, question, answers, value, update_id)
        offer = None
        if isinstance(outcome, intake.Matches) and len(outcome.values) == 1:
            value = outcome.values[0]
            cities = self._content.provinces[value].cities
            city = str(cities.index(outcome.city)) if outcome.city in cities else ""
            offer = f"{OFFERED}{value}:{city}"
        if offer == draft.pending:
            screen = Screen(QUESTION, draft, question, answers)
        else:
            screen = await self._advance(draft, _same(draft, pending=offer, update_id=update_id))
            if not _still_at(screen, question):
                return screen
        if isinstance(outcome, intake.Rejected):
            return replace(screen, error=outcome)
        return replace(screen, matches=outcome.values, city=outcome.city, guessed=outcome.guessed)

    async def _other_named(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str, update_id: int
    ) -> Screen | None:
        """A text at a choice question that names only what "Lainnya" covers ("sound
        engineer, mixing mastering", a talents' review: told to press a button): "Lainnya",
        with the text as its "which one?", both said (undone with Back). None otherwise."""
        found = intake.other_follow_up(question, self._content)
        if found is None:
            return None
        value, label, later = found
        if intake.named_choices(question, self._content, answers, text) != [value]:
            return None  # "manajer band" names Band/grup too: pressed, not guessed
        kept = slips.slip(later, text, intake.check_text(later, self._content, answers, text))
        if not isinstance(kept, intake.Accepted) or not kept.value:
            return None
        new = {question.key: value, later.key: kept.value}
        moved = await self._move_on(draft, answers, new, update_id, after=question.key)
        return _said(moved, Text.INTAKE_OTHER_TAKEN, other=label, answer=kept.value)

    def _too_long(
        self, question: Question, answers: dict[str, Any], refused: intake.Rejected
    ) -> intake.Rejected:
        """A text over the limit, with where the rest may go: the last question, a free text
        still ahead ("Pesan untuk tim kami"; a talents' review: a 1,531-character bio was only
        asked to be shortened, and the talent found that place herself)."""
        visible = intake.visible_questions(self._content, answers)
        keys = [shown.key for shown in visible]
        last = visible[-1] if visible else None
        if (
            question.type != "long_text"  # a name is shortened, not continued elsewhere
            or question.holds_links
            or last is None
            or last.type != "long_text"
            or last.holds_links
            or last.key in answers
            or question.key not in keys
            or keys.index(question.key) >= len(keys) - 1
        ):
            return refused
        return intake.Rejected(Text.INTAKE_TOO_LONG_REST, {**refused.values, "other": last.label})

    async def _links(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        outcome: intake.Accepted,
        update_id: int,
    ) -> Screen:
        """The first of several links is the answer; the others go to the links question
        after it ("Tautan lain"), added to what it holds, and that is said (undone with Back).
        Without such a question, or if they do not fit it, only the first is kept, as said."""
        count = len(outcome.more)
        merged = {**answers, question.key: outcome.value}
        visible = intake.visible_questions(self._content, merged)
        place = next(i for i, shown in enumerate(visible) if shown.key == question.key)
        later = next((shown for shown in visible[place + 1 :] if shown.holds_links), None)
        if later is not None:
            held = answers.get(later.key)
            lines = [line for line in str(held or "").split("\n") if line.strip()]
            joined = "\n".join([*lines, *(link for link in outcome.more if link not in lines)])
            checked = intake.check_text(later, self._content, answers, joined)
            if isinstance(checked, intake.Accepted):
                new = {question.key: outcome.value, later.key: checked.value}
                moved = await self._move_on(draft, answers, new, update_id, after=question.key)
                return _said(moved, Text.INTAKE_LINKS_CARRIED, count=count, other=later.label)
        answered = await self._answer(draft, question, answers, outcome.value, update_id)
        return _said(answered, Text.INTAKE_FIRST_LINK_KEPT, count=count)

    async def _language_wished(
        self, draft: Draft, question: Question | None, text: str
    ) -> str | None:
        """The language a message asks the bot to speak (language_wish), read where the form
        is: at a free text a sentence may be about a language ("apakah programnya bisa pakai
        bahasa Inggris?", to the team), at the languages question it names the answer."""
        if draft.stage != QUESTION or question is None:
            return language_asked(text)
        if question.key in _ABOUT_LANGUAGES:  # "Bukan, Inggris aja": an answer, however put
            return language_asked(text, names_languages=True)
        if question.type in ("single_choice", "multi_choice"):
            answers = await self._applications.answers(draft.id)
            if intake.named_choices(question, self._content, answers, text):
                return language_asked(text, names_languages=True)  # "bahasa Inggris saja"
        return language_asked(text, strict=question.type == "long_text")

    def _sent_twice(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        text: str,
        sent: datetime | None,
    ) -> bool:
        """Whether a text at an optional free-text question is the previous question's answer
        arriving again within moments (a talents' review, on a weak connection: the name sent
        twice became the stage name, the phone number the note to the team), sent before this
        question could be read. The previous question is the one Back goes to; the answer is
        compared as stored, so "0812-…" matches the "+62812…" it became. A different text is
        always the answer."""
        if question.required or question.type not in slips.FREE_TEXT:
            return False
        if draft.pending == SENT_TWICE_TOLD:  # sent again after the note: meant
            return False
        if draft.updated_at < ago(SENT_TWICE_WITHIN):
            return False
        if sent is not None and not _at_once(draft, sent):
            return False  # typed after the question arrived: the talent's answer to it
        previous = intake.previous_question(self._content, answers, question.key)
        if previous is None or previous.type not in _TYPED or answers.get(previous.key) is None:
            return False
        given = answers[previous.key]
        if text.strip() == str(given).strip():
            return True
        outcome = intake.check_text(previous, self._content, answers, text)
        outcome = slips.slip(previous, text, outcome)
        return isinstance(outcome, intake.Accepted) and outcome.value == given

    async def _typed_selection(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str, update_id: int
    ) -> Screen | None:
        """Text typed at a multiple choice, None when it says nothing the question can use.
        Choices it names are ticked, as pressing them would (within the maximum), and the
        talent still presses Done. With "Lainnya" ticked, a text naming no choice is what
        "Lainnya" is ("Jawa"): kept as the answer of the "which one?" asked after Done, which
        is then not asked (a talents' review: "pilih Lainnya, lalu tulis sendiri" came three
        times to a talent who had). It goes again if "Lainnya" is unticked before Done."""
        if question.key in _ABOUT_LANGUAGES:
            kept_part, learnt = slips.still_learning(text)
            if learnt:  # "korea lg belajar": no language to work in
                return await self._still_learning(
                    draft, question, answers, kept_part, learnt, update_id
                )
        pending = list(draft.pending or [])
        labels = dict(intake.choices(question, self._content, answers))
        offered = list(labels)
        every = question.choices_from == "programs" and intake.says_all(text, len(offered))
        if every:
            named, pending = offered, []  # "Semua", "Dua duanya kang"
        else:
            named, pending = self._changed_choices(question, answers, text, pending)
        if named or pending != list(draft.pending or []):
            selection = [*pending, *(value for value in named if value not in pending)]
            problem = intake.check_added(question, selection) if selection != pending else None
            if problem is not None:  # more than the maximum: nothing ticked
                return Screen(QUESTION, draft, question, answers, error=problem)
            gone = [value for value in draft.pending or [] if value not in selection]
            left = [] if every else intake.unnamed_items(question, self._content, answers, text)
            # "documentery": a choice misspelt, never Lainnya's words (a talents' review had
            # a plural of a choice sent there); asked about instead.
            near = [
                value
                for item in left
                for value in intake.named_choices(
                    question, self._content, answers, item, asked=True
                )
                if value not in selection
            ]
            filled = (
                None if gone or not named or near else self._other_words(question, answers, left)
            )
            kept: dict[str, Any] = {}
            with_other = [*selection, *(() if filled is None else (filled[0],))]
            with_other = list(dict.fromkeys(with_other))
            if filled is not None and intake.check_added(question, with_other) is None:
                # "Indo, sunda, inggris dikit" (a talents' review: told to press Lainnya and
                # type "Sunda" again): Lainnya ticked, the words as what it is.
                selection, kept = with_other, {filled[1].key: filled[2]}
            screen = await self._advance(
                draft, _same(draft, pending=selection, answers=kept, update_id=update_id)
            )
            if not named:  # "Mucon ga jadi": what was unticked said
                return _noted(
                    screen, question, Text.INTAKE_UNTICKED, unticked=_labels(gone, labels)
                )
            ticked = _labels(named, labels)
            if gone:  # "Musisi ke korea aja" with MU:CON ticked: the tick dropped is said
                unticked = _labels(gone, labels)
                return _noted(
                    screen, question, Text.INTAKE_TICKED_ONLY, ticked=ticked, unticked=unticked
                )
            if filled is not None and kept:
                return _noted(
                    screen,
                    question,
                    Text.INTAKE_TICKED_WITH_OTHER,
                    ticked=ticked,
                    left=filled[2],
                    other=filled[1].label,
                )
            if not left:
                return _noted(screen, question, Text.INTAKE_TICKED, ticked=ticked)
            if near:
                near_labels = _labels(list(dict.fromkeys(near)), labels)
                return _noted(
                    screen, question, Text.INTAKE_TICKED_NEAR, ticked=ticked, near=near_labels
                )
            # "Indonesia, inggris, blm tau": "blm tau" is said, with how to add it (a talents'
            # review: an item was dropped without a word). Not ticked as Lainnya: more than a
            # plain word may be read wrongly (_other_words); the talent adds it in two taps.
            other = intake.other_follow_up(question, self._content)
            values = {"ticked": ticked, "left": ", ".join(left)}
            if other is None:
                return _noted(screen, question, Text.INTAKE_TICKED_LEFT, **values)
            note = (
                Text.INTAKE_TICKED_LEFT_TYPE
                if other[0] in selection
                else Text.INTAKE_TICKED_LEFT_OTHER
            )
            return _noted(screen, question, note, other=other[1], **values)
        if pending and (intake.says_done(text) or self._chatter(text)):  # "udah kak", "ok"
            return Screen(QUESTION, draft, question, answers, note=Text.INTAKE_PRESS_DONE)
        other = intake.other_follow_up(question, self._content)
        if other is None or other[0] not in pending or slips.asks(question, text):
            return None
        if about_the_step(question, text) is not None:
            return None  # "ini wajib ga" is about this question, not what "Lainnya" is
        if any(intake.web_link(word) for word in text.split()):
            return None  # a link is no language or genre (an attacker's review)
        _, label, later = other
        outcome = slips.slip(later, text, intake.check_text(later, self._content, answers, text))
        if isinstance(outcome, intake.Rejected):
            return Screen(QUESTION, draft, question, answers, error=outcome)
        if not isinstance(outcome, intake.Accepted):
            return None
        kept = {later.key: outcome.value}
        screen = await self._advance(draft, _same(draft, answers=kept, update_id=update_id))
        return _noted(screen, question, Text.INTAKE_OTHER_KEPT, other=label, answer=outcome.value)

    async def _still_learning(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        kept: str,
        learnt: str,
        update_id: int,
    ) -> Screen:
        """Languages typed with some still being learnt ("Indonesia, inggris dikit, korea lg
        belajar", a talents' review: Korean was ticked as a working language): the others
        ticked as typed alone, the learnt ones not, and that said."""
        labels = dict(intake.choices(question, self._content, answers))
        named = [
            labels[value]
            for value in intake.named_choices(question, self._content, answers, learnt)
        ]
        left = intake.unnamed_items(question, self._content, answers, learnt)
        said = T(
            id=", ".join([*(label.id for label in named), *left]),
            en=", ".join([*(label.en for label in named), *left]),
        )
        not_ticked = intake.Rejected(Text.INTAKE_STILL_LEARNING, {"learning": said})
        typed = None
        if kept:
            typed = await self._typed_selection(draft, question, answers, kept, update_id)
        if typed is None:
            return Screen(QUESTION, draft, question, answers, error=not_ticked)
        return typed if typed.error is not None else replace(typed, error=not_ticked)

    async def _ticked_then_done(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str, update_id: int
    ) -> Screen | None:
        """Choices typed, then "itu saja": ticked, then the choice closed as Done does, what
        was ticked said (undone with Back). The ticks alone when some item was not ticked
        (said, with how to add it); None when the choices part ticks nothing."""
        typed = await self._typed_selection(draft, question, answers, text, update_id)
        if typed is None or typed.note not in _ALL_TICKED or typed.draft is None:
            return typed
        done = await self._done(typed.draft, question, typed.answers, update_id)
        labels = dict(intake.choices(question, self._content, answers))
        said = _labels([value for value in typed.draft.pending or [] if value in labels], labels)
        return _said(done, Text.INTAKE_TAKEN, taken=said)

    async def _ticked_then_asked(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str, update_id: int
    ) -> Screen | None:
        """Choices, then a question, in one message ("Koproduksi film dan BIFF Asian Project
        Market. Apakah BIFF ACF juga menerima proyek dokumenter?", a talents' review: nothing
        was ticked, and the talent typed them again): ticked as typed alone, said, and the
        question carried for the FAQ. None when the first part ticks nothing (all of it asks)."""
        parts = slips.answered_then_asked(text)
        if parts is None or asks_at_choices(question, self._content, answers, parts[0]):
            return None
        typed = await self._typed_selection(draft, question, answers, parts[0], update_id)
        if typed is None or typed.error is not None or typed.note is Text.INTAKE_PRESS_DONE:
            return None  # nothing stored: read as a question, as before
        return replace(typed, asking=parts[1])

    def _other_words(
        self, question: Question, answers: dict[str, Any], left: list[str]
    ) -> tuple[str, Question, str] | None:
        """Items a typed list names no choice for ("Sunda" of "Indo, sunda, inggris dikit",
        "shoegaze"), as what "Lainnya" is: its value, its "which one?" and the words for it,
        when they are plain words (one word each, letters only) and it is not answered
        yet. None otherwise: said, with how to add them, as before."""
        other = intake.other_follow_up(question, self._content)
        if other is None or not left or other[2].key in answers:
            return None
        words = [word for item in left for word in item.split()]
        plain = all(word.replace("-", "").isalpha() for word in words)
        if not plain or any(len(item.split()) > _PLAIN_ITEM_WORDS for item in left):
            return None
        value = ", ".join(left)
        checked = intake.check_text(other[2], self._content, answers, value)
        if not isinstance(checked, intake.Accepted) or not checked.value:
            return None
        return other[0], other[2], str(checked.value)

    def _other_waits(self, question: Question, answers: dict[str, Any], pending: Any) -> bool:
        """Whether "Lainnya" is ticked at a multiple choice and its "which one?" unanswered."""
        other = intake.other_follow_up(question, self._content)
        return other is not None and other[0] in (pending or []) and other[2].key not in answers

    def _changed_choices(
        self, question: Question, answers: dict[str, Any], text: str, pending: list[str]
    ) -> tuple[list[str], list[str]]:
        """The choices a text ticks, and what stays ticked of `pending`: "Musisi ke korea aja"
        (a talents' review: it was added to MU:CON) leaves only what it names; "Mucon ga
        jadi", "bukan mucon" untick what they name; only messages of nothing else
        (intake.only_these, intake.taken_back)."""
        dropped, instead = intake.taken_back(question, self._content, answers, text)
        if dropped:  # "bukan korea, inggris": what is named instead ticked, if it was not
            kept = [value for value in pending if value not in dropped]
            return [value for value in instead if value not in kept], kept
        only = intake.only_these(question, self._content, answers, text)
        if only:
            return only, []
        return intake.named_choices(question, self._content, answers, text), pending

    async def pause(self, user_id: int, update_id: int) -> Screen | None:
        """/batal: pause the open application (kept for /daftar); None if there is none."""
        draft = await self.active_draft(user_id)
        if draft is None:
            return None
        return await self.press(user_id, Press(draft.id, draft.step, "x"), update_id)

    async def not_text(self, draft: Draft) -> Screen:
        """A photo, sticker or file where the flow expects text or a button."""
        answers = await self._applications.answers(draft.id)
        question = self._content.questions.get(draft.current_key or "")
        return Screen(draft.stage, draft, question, answers, note=Text.INTAKE_MEDIA)

    async def press(self, user_id: int, press: Press, update_id: int) -> Screen:
        """A button of the flow; buttons of older steps show the current step instead."""
        draft = await self._applications.draft_for(user_id)
        if draft is None or draft.id != press.application_id:
            return await self._after_the_end(user_id, press, update_id)
        if update_id == draft.last_update_id:
            return await self.current(draft)
        if press.step != draft.step:
            return await self.current(draft, note=Text.INTAKE_STALE)
        answers = await self._applications.answers(draft.id)
        question = self._content.questions.get(draft.current_key or "")
        if press.action == "x" and draft.amends is None and self._untouched(draft, answers):
            # Stopped before any answer (a talents' review: "paused, your answers are saved"
            # came at the consent): nothing to keep, the draft goes, as /dataku then shows.
            await self._applications.delete(draft.id)
            return Screen("stopped")
        if press.action == "x" and draft.stage == CONSENT:
            await self._applications.delete(draft.id)
            return Screen("cancelled")
        if press.action == "ud" and draft.amends is not None:
            await self._applications.delete(draft.id)  # the lead stays exactly as it was
            return Screen("discarded")
        if press.action == "x":
            return await self._advance(draft, _same(draft, active=False, update_id=update_id))
        if not draft.active and draft.amends is None and press.action in _DISCARDING:
            return await self._discard(draft, press.action)
        if draft.stage == GUARDIAN and press.action == "b" and question is not None:
            return await self._ask(draft, question, answers, update_id)  # the age again
        if draft.stage in (CONSENT, TRANSFER, GUARDIAN):
            return await self._consent(draft, answers, press.action == "y", update_id)
        if draft.stage == QUESTION and question is not None:
            return await self._question_press(draft, question, answers, press, update_id)
        if draft.stage == REVIEW:
            return await self._review_press(draft, answers, press, update_id)
        if draft.stage == EDIT_LIST:
            return await self._edit_press(draft, answers, press, update_id)
        return await self.current(draft)

    def _untouched(self, draft: Draft, answers: dict[str, Any]) -> bool:
        """Whether a draft holds no answer of the talent's: at the consent, or with only what
        the program page it began from filled in."""
        if draft.stage == CONSENT:
            return True
        return draft.stage == QUESTION and answers == self._presets(draft.program_key)[1]

    async def _discard(self, draft: Draft, action: str) -> Screen:
        """The paused draft's Discard: asked first; thrown away once sure (its answers go
        with it; sent registrations stay); kept paused otherwise."""
        if action == DISCARD:
            return Screen("discard_asked", draft)
        if action == DISCARD_SURE:
            await self._applications.delete(draft.id)
            return Screen("discarded_draft")
        return Screen("cancelled", draft)

    async def _after_the_end(self, user_id: int, press: Press, update_id: int) -> Screen:
        """A press on an application that is no longer a draft: a replayed submit shows the
        thank-you again (the first reply may never have arrived); anything else is stale."""
        lead = await self._applications.get(press.application_id)
        if lead is None or lead.user_id != user_id or lead.status != "submitted":
            return Screen("gone")
        if lead.last_update_id != update_id:
            return Screen("gone")
        answers = await self._applications.answers(lead.id)
        return Screen("submitted", lead, answers=answers, reference=lead.reference)

    async def _consent(
        self, draft: Draft, answers: dict[str, Any], granted: bool, update_id: int
    ) -> Screen:
        kind = {CONSENT: "processing", TRANSFER: "transfer_korea", GUARDIAN: "guardian"}[
            draft.stage
        ]
        forwarding = self._forwarding
        if kind == "transfer_korea" and forwarding is None:
            return await self.current(draft)  # FORWARD_TO was unset meanwhile: nothing to ask
        await self._applications.record_consent(
            draft.user_id,
            kind,
            granted,
            self._content.privacy.version,
            draft.language,
            None if kind == "processing" and not granted else draft.id,
            (forwarding.recipient, forwarding.abroad)
            if kind == "transfer_korea" and forwarding is not None
            else None,
        )
        if kind == "processing" and not granted:
            await self._applications.delete(draft.id)
            return Screen("declined")
        if kind == "guardian" and not granted:
            await self._applications.delete(draft.id)
            return Screen("guardian_declined")
        if kind == "processing" and forwarding is not None:
            return await self._advance(draft, Change(TRANSFER, update_id=update_id))
        return await self._move_on(draft, answers, {}, update_id)

    async def _question_press(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        press: Press,
        update_id: int,
    ) -> Screen:
        action, argument = press.action, press.argument
        if action == "c":
            outcome = intake.check_choice(question, self._content, answers, argument)
            if isinstance(outcome, intake.Rejected):
                return Screen(QUESTION, draft, question, answers, error=outcome)
            return await self._answer(draft, question, answers, outcome.value, update_id)
        if action == "t" and question.type == "multi_choice":
            allowed = {value for value, _ in intake.choices(question, self._content, answers)}
            if argument not in allowed:
                return await self.current(draft, note=Text.INTAKE_STALE)
            selection = intake.toggle(draft.pending or [], argument)
            added = argument not in (draft.pending or [])
            problem = intake.check_added(question, selection) if added else None
            if problem is not None:  # refused as it is pressed, not at "Done"
                return Screen(QUESTION, draft, question, answers, error=problem)
            return await self._advance(draft, _same(draft, pending=selection, update_id=update_id))
        if action == "d" and question.type == "multi_choice":
            return await self._done(draft, question, answers, update_id)
        if action == CITY_PROVINCE and question.type == "province":
            return await self._city_province(draft, question, answers, argument, update_id)
        if action in (USE_SUGGESTED, KEEP_TYPED) and question.type in _SUGGESTED:
            suggestion = EmailSuggestion.from_pending(draft.pending)
            if suggestion is not None and (action == USE_SUGGESTED or suggestion.keepable):
                chosen = suggestion.suggested if action == USE_SUGGESTED else suggestion.typed
                return await self._answer(draft, question, answers, chosen, update_id)
        if action == GO_BACK_TO:  # offered after "salah, harusnya musik"
            earlier = self._content.questions.get(argument)
            if (
                earlier is not None
                and earlier.key in answers
                and intake.is_visible(earlier, answers)
            ):
                # Changed from the review: a change too, which the review follows (an
                # attacker's review: it dropped the talent into the numbered form).
                return await self._ask(draft, earlier, answers, update_id, editing=draft.editing)
        if action == "p":
            page = small_int(argument) or 0
            return Screen(QUESTION, draft, question, answers, page=page)
        if action == "b":
            previous = intake.previous_question(self._content, answers, question.key)
            if previous is None:
                return Screen(QUESTION, draft, question, answers)
            return await self._ask(draft, previous, answers, update_id)
        if action == "s" and not question.required:
            return await self._answer(draft, question, answers, None, update_id)
        if action == "k" and question.key in answers:
            return await self._move_on(draft, answers, {}, update_id, after=question.key)
        if action == "r" and (draft.editing or draft.amends is not None):
            return await self._advance(draft, Change(REVIEW, update_id=update_id))
        return await self.current(draft, note=Text.INTAKE_STALE)

    async def _done(
        self, draft: Draft, question: Question, answers: dict[str, Any], update_id: int
    ) -> Screen:
        """A multiple choice's Done: what is ticked is the answer, if it is enough."""
        selection = list(draft.pending or [])
        problem = intake.check_selection(question, selection)
        if problem is not None:
            return Screen(QUESTION, draft, question, answers, error=problem)
        return await self._answer(draft, question, answers, selection, update_id)

    async def _review_press(
        self, draft: Draft, answers: dict[str, Any], press: Press, update_id: int
    ) -> Screen:
        if press.action == "w" and draft.amends is not None:  # go through every question
            first = intake.visible_questions(self._content, answers)
            if first:
                return await self._ask(draft, first[0], answers, update_id)
        if press.action == "ok":
            missing = intake.next_question(self._content, answers)
            if missing is not None:
                return await self._ask(draft, missing, answers, update_id)
            drop = intake.obsolete_answers(self._content, answers)
            if draft.amends is not None:
                return await self._save_update(draft, drop, update_id)
            reference = await self._applications.submit(draft, drop, update_id)
            if reference is None:
                fresh = await self._applications.draft_for(draft.user_id)
                return await self.current(fresh) if fresh else Screen("gone")
            kept = {key: value for key, value in answers.items() if key not in drop}
            return Screen("submitted", draft, answers=kept, reference=reference)
        if press.action == "e":
            return await self._advance(draft, Change(EDIT_LIST, update_id=update_id))
        return await self.current(draft, note=Text.INTAKE_STALE)

    async def _save_update(self, draft: Draft, drop: tuple[str, ...], update_id: int) -> Screen:
        """The talent saves their update: the changed answers go onto their lead."""
        result = await self._store.records.apply_update(draft, drop, update_id)
        if result.outcome == "stale":
            fresh = await self._applications.draft_for(draft.user_id)
            return await self.current(fresh, note=Text.INTAKE_STALE) if fresh else Screen("gone")
        if result.outcome == "gone":
            return Screen("update_gone")
        lead = await self._applications.get(result.application_id or 0)
        return Screen(
            "updated" if result.changes else "unchanged",
            lead,
            answers=await self._applications.answers(lead.id) if lead else {},
            reference=result.reference,
            changes=result.changes,
        )

    async def _edit_press(
        self, draft: Draft, answers: dict[str, Any], press: Press, update_id: int
    ) -> Screen:
        question = self._content.questions.get(press.argument)
        if press.action == "e" and question and intake.is_visible(question, answers):
            return await self._ask(draft, question, answers, update_id, editing=True)
        if press.action == "r":
            return await self._advance(draft, Change(REVIEW, update_id=update_id))
        return await self.current(draft, note=Text.INTAKE_STALE)

    async def _city_province(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        argument: str,
        update_id: int,
    ) -> Screen:
        """The province of the city the talent typed, confirmed: both are answered (the city
        as content spells it), so the city question is not asked again."""
        value, _, number = argument.partition(":")
        province = self._content.provinces.get(value)
        index = small_int(number)
        if province is None or index is None or index >= len(province.cities):
            return await self.current(draft, note=Text.INTAKE_STALE)  # a reload changed them
        new: dict[str, Any] = {question.key: value}
        if question.city_question in self._content.questions:
            new[question.city_question] = province.cities[index]
        return await self._move_on(draft, answers, new, update_id, after=question.key)

    async def _answer(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        value: Any,
        update_id: int,
    ) -> Screen:
        """Store an accepted answer, then move to what comes next."""
        if intake.needs_guardian(question, value):
            consents = await self._applications.consents(draft.user_id)
            guardian = consents.get("guardian")
            if guardian is None or not guardian.granted or guardian.application_id != draft.id:
                change = Change(
                    GUARDIAN, question.key, answers={question.key: value}, update_id=update_id
                )
                return await self._advance(draft, change)
        elsewhere = self._city_elsewhere(question, answers, value)
        earlier = await self._same_field(draft, question, answers, value)
        moved_on = await self._move_on(
            draft, answers, {question.key: value}, update_id, after=question.key, drop=elsewhere
        )
        if earlier is not None:
            return replace(moved_on, note=Text.INTAKE_SAME_FIELD, note_values=earlier)
        return replace(moved_on, note=Text.INTAKE_CITY_AGAIN) if elsewhere else moved_on

    async def _same_field(
        self, draft: Draft, question: Question, answers: dict[str, Any], value: Any
    ) -> dict[str, Any] | None:
        """A new registration given the field of one the talent already sent (a talents'
        review: a second music registration began without a word, and "ini jadi dobel dong?"
        went unanswered): that one's reference and date, said once, before the next question;
        None otherwise (an update, a change from the review, the same field picked again)."""
        if question.key != SECTOR or draft.amends is not None or draft.editing:
            return None
        if answers.get(SECTOR) == value:
            return None  # back at the field and the same one picked: said already
        leads = await self._store.records.leads_of(draft.user_id)
        same = next((lead for lead in leads if lead.sector == value), None)
        if same is None:
            return None
        day = to_wib(same.submitted_at).date()
        date = T(id=self._content.date_text(day, "id"), en=self._content.date_text(day, "en"))
        return {"reference": same.reference, "date": date}

    def _city_elsewhere(
        self, question: Question, answers: dict[str, Any], province: Any
    ) -> tuple[str, ...]:
        """A province changed away from the city answered ("Bekasi" after Jawa Barat became
        DKI Jakarta): the city's answer, to be asked again; () when it still fits or the bot
        does not know where that city is."""
        key = question.city_question
        if question.type != "province" or key is None or not isinstance(answers.get(key), str):
            return ()
        found = intake.province_of_city(self._content, answers[key])
        return (key,) if found is not None and found[0] != province else ()

    async def _move_on(
        self,
        draft: Draft,
        answers: dict[str, Any],
        new: dict[str, Any],
        update_id: int,
        *,
        after: str | None = None,
        drop: tuple[str, ...] = (),
    ) -> Screen:
        """Commit new answers (and drop the answers `drop` names) and go to the next unanswered
        question, or the review (an update being gone through goes on to the question `after`
        this one, answered or not). An answer changed from the review that asks for others
        (the field: its role, its genres) asks them as changes too, then the review."""
        merged = {**answers, **new}
        obsolete = (
            *intake.obsolete_answers(self._content, merged),
            *intake.other_field_programs(self._content, merged),
            *drop,
        )
        for key in obsolete:
            merged.pop(key, None)
        following = intake.next_question(self._content, merged)
        if following is None and draft.amends is not None and not draft.editing and after:
            following = intake.question_after(self._content, merged, after)
        if following is None:
            change = Change(REVIEW, answers=new, remove_answers=obsolete, update_id=update_id)
        else:
            change = Change(
                QUESTION,
                following.key,
                editing=draft.editing,
                pending=self._pending_for(following, merged, draft),
                answers=new,
                remove_answers=obsolete,
                update_id=update_id,
            )
        return await self._advance(draft, change)

    async def _ask(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        update_id: int,
        *,
        editing: bool = False,
    ) -> Screen:
        """Go (back) to a given question, its current answer kept for editing."""
        change = Change(
            QUESTION,
            question.key,
            editing=editing,
            pending=self._pending_for(question, answers, draft),
            update_id=update_id,
        )
        return await self._advance(draft, change)

    def _pending_for(self, question: Question, answers: dict[str, Any], draft: Draft) -> Any:
        """A multiple-choice question starts from its current answer; the programs question,
        not answered yet, from the program whose page the registration began from."""
        if question.type != "multi_choice":
            return None
        value = answers.get(question.key)
        if isinstance(value, list):
            return list(value)
        offered = [key for key, _ in intake.choices(question, self._content, answers)]
        from_page = question.choices_from == "programs" and question.key not in answers
        return [draft.program_key] if from_page and draft.program_key in offered else []

    async def _advance(self, draft: Draft, change: Change) -> Screen:
        """Commit one step; if another update moved the draft first, show where it is."""
        moved = await self._applications.advance(draft, change)
        if moved is None:
            fresh = await self._applications.draft_for(draft.user_id)
            return await self.current(fresh, note=Text.INTAKE_STALE) if fresh else Screen("gone")
        if not moved.active:
            return Screen("cancelled", moved)
        return await self.current(moved)


def navigation(
    content: Content, draft: Draft, question: Question, answers: dict[str, Any]
) -> list[tuple[str, Text]]:
    """The buttons under a question that move through the form, in their order: each one's
    action and label."""
    shown = []
    if draft.editing:
        shown.append(("r", Text.BTN_TO_REVIEW))
    elif intake.previous_question(content, answers, question.key) is not None:
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


def _noted(screen: Screen, question: Question, note: Text, **values: Any) -> Screen:
    """The question shown again with a note of what was done, if the step was taken (a
    stale step keeps its own note)."""
    if not _still_at(screen, question):
        return screen
    return replace(screen, note=note, note_values=values)


def _refused(screen: Screen, question: Question, refused: intake.Rejected) -> Screen:
    """The question shown again with why the text was not taken, if the step was taken (a
    stale step keeps its own note)."""
    return replace(screen, error=refused) if _still_at(screen, question) else screen


def _still_at(screen: Screen, question: Question) -> bool:
    """Whether a step kept the draft at this question, with no note of its own."""
    shown = screen.question.key if screen.question is not None else None
    return screen.kind == QUESTION and screen.note is None and shown == question.key


def _labels(values: list[str], labels: dict[str, T]) -> T:
    """The labels of choices, as one text of each language."""
    return T(
        id=", ".join(labels[value].id for value in values),
        en=", ".join(labels[value].en for value in values),
    )


# Words around a yes to a suggestion ("iya yg gmail", "yes, that one").
_POINTING = frozenset("yg yang itu pakai pake the one that".split())  # noqa: SIM905 -- a word list reads best as words


def _agrees(text: str, suggested: str) -> bool:
    """Whether a typed text says yes to the suggested address or name, perhaps naming it or
    part of it ("Iya yg gmail")."""
    named = set(intake.fold(suggested).split()) | _POINTING
    said = [word for word in intake.fold(text).split() if word not in named]
    return bool(said) and intake.says_yes(" ".join(said))


def _at_once(draft: Draft, sent: datetime | None) -> bool:
    """Whether a message was sent before the draft's last step could reach the talent."""
    return sent is not None and sent.timestamp() <= _moment(draft.updated_at) + SENT_TWICE_GRACE


def _asked(text: str) -> str:
    """What the draft keeps of a text refused as a question, to know it when sent again."""
    digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]
    return f"{ASKED_ONCE}{digest}"


def _said(screen: Screen, note: Text, **values: Any) -> Screen:
    """The screen after a step, with a note of what was done (a stale step keeps its own)."""
    return screen if screen.note is not None else replace(screen, note=note, note_values=values)


def _moment(stored: str) -> float:
    """A time as the store writes it, in seconds since the epoch."""
    return datetime.fromisoformat(stored).timestamp()


def _same(draft: Draft, **changes: Any) -> Change:
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


_DISCARDING = frozenset({DISCARD, DISCARD_SURE, DISCARD_NOT})


def press_data(draft: Draft, action: str, argument: str = "") -> str:
    """Callback data for a button of the draft's current step."""
    data = f"i:{draft.id}:{draft.step}:{action}"
    return f"{data}:{argument}" if argument else data


def _long(question: Question | None) -> bool:
    """A free text where "nanti kami lanjutkan kolaborasinya" may well be the answer."""
    return question is not None and question.type == "long_text"
