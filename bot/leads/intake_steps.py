"""The form's steps as they are committed: a button pressed (the consent, a choice, Done,
Back, the review, the list of answers to change), an answer stored, and the move to the next
question or the review. The base of IntakeFlow (bot.leads.intake_flow), which reads typed
text on top of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from bot.content import Content, Program, Question, T
from bot.leads import (
    answer_outcomes,
    cancelling,
    field_checks,
    form_order,
    places,
    retired_choices,
)
from bot.leads.email_typos import EmailSuggestion
from bot.leads.export import to_wib
from bot.leads.intake_screens import (
    AGE_CHECK,
    CITY_PROVINCE,
    CONSENT,
    DISCARD,
    DISCARD_SURE,
    DISCARDING,
    EDIT_LIST,
    GO_BACK_TO,
    GUARDIAN,
    GUARDIAN_WITHDRAWN,
    HELD_AGE,
    KEEP_TYPED,
    QUESTION,
    REVIEW,
    SECTOR,
    TRANSFER,
    USE_CARRIED,
    USE_SUGGESTED,
    Listed,
    Press,
    Screen,
    carried_offer,
    in_place,
)
from bot.parsing import small_int
from bot.settings import Forwarding
from bot.store import Change, Draft, Store
from bot.store.applications import AgeDeclaration
from bot.texts import Text

SUGGESTED = frozenset({"email", "short_text"})
# The draft's `pending` at the guardian's consent: the age that asks for it, stored once given.
HELD_FOR_GUARDIAN = "guardian_for"


LEAVING = frozenset({"x", "ud", *DISCARDING})  # a pause, or the draft thrown away


class IntakeSteps:
    """The flow's store and content, and the steps every reading of a message ends in."""

    def __init__(
        self,
        store: Store,
        content: Content,
        forwarding: Forwarding | None,
        chatter: Callable[[str], bool] = lambda _: False,
        wish: Callable[[str], bool] = lambda _: False,
        new_per_day: int | None = None,
    ) -> None:
        self._store = store
        self._new_per_day = new_per_day  # REGISTRATIONS_PER_DAY (None: no limit)
        self._applications = store.applications
        self._content = content
        self._forwarding = forwarding  # FORWARD_TO: None, the forwarding consent is never asked
        # Whether a message only says okay or thanks ("sip makasih 🙏"): at an optional free
        # text question it is no answer (a talents' review: it was stored as notable works).
        self._chatter = chatter
        # Whether a message says the talent wants to register ("saya mau daftarkan keponakan
        # saya"): in the form, no answer (an attacker's review: it was stored as the name).
        self._wish = wish

    def _presets(self, program_key: str | None) -> tuple[Program | None, dict[str, Any]]:
        """The program a registration begins from (its page's button), and the answer it
        fills in: its field. The program itself is ticked when the programs question is asked
        (a talents' review: answered unasked, the form went from "12 of 17" to "14 of 17" and
        the talent could not add MU:CON)."""
        program = self._content.programs.get(program_key or "")
        if program is None or program.interest == "none":
            return None, {}  # an old button of a page that is no longer a program
        return program, {"sector": program.section}

    async def current(self, draft: Draft, note: Text | None = None) -> Screen:
        """The screen for where the draft stands."""
        answers = await self._applications.answers(draft.id)
        if draft.stage == TRANSFER and self._forwarding is None:
            # Left at the forwarding question when FORWARD_TO was set; it is unset now, so
            # there is nothing to ask: on to the questions (the same update, no replay).
            return await self._move_on(draft, answers, {}, draft.last_update_id)
        question = self._content.questions.get(draft.current_key or "")
        reference, others = None, tuple[str, ...]()
        if draft.amends is not None:
            reference = await self._store.records.amended(draft.id)
        if draft.amends is not None and draft.stage == GUARDIAN:  # "no" leaves these open
            found = await cancelling.adult_open(
                self._store, self._content, draft.user_id, but=draft.amends
            )
            others = tuple(item.reference for item in found)
        return Screen(
            draft.stage, draft, question, answers, note=note, reference=reference, others=others
        )

    async def press(self, user_id: int, press: Press, update_id: int) -> Screen:
        """A button of the flow; buttons of older steps show the current step instead."""
        draft = await self._applications.draft_for(user_id)
        if draft is None or draft.id != press.application_id:
            return await self._after_the_end(user_id, press, update_id)
        if update_id == draft.last_update_id:
            return await self.current(draft)
        # Pausing or throwing the draft away goes on as asked (/batal too); any other press
        # is where a choice a reload removed is let go, and said.
        answers = await self._applications.answers(draft.id)
        if press.action not in LEAVING:
            let_go = await self._retired_let_go(draft, answers, update_id)
            if let_go is not None:
                return let_go
        if press.step != draft.step:
            return await self.current(draft, note=Text.INTAKE_STALE)
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
            return await self._advance(draft, in_place(draft, active=False, update_id=update_id))
        if not draft.active and draft.amends is None and press.action in DISCARDING:
            return await self._discard(draft, press.action)
        if draft.stage in (GUARDIAN, AGE_CHECK) and press.action == "b" and question is not None:
            # The age again; reached from the review's list, the list's edit of it (a
            # talents' review: Back showed the numbered form's question).
            return await self._ask(draft, question, answers, update_id, editing=draft.editing)
        if draft.stage == AGE_CHECK and question is not None and press.action in ("y", "n"):
            return await self._age_checked(draft, question, answers, press.action, update_id)
        if draft.stage in (CONSENT, TRANSFER, GUARDIAN):
            return await self._consent(draft, answers, press.action == "y", update_id)
        if draft.stage == QUESTION and question is not None:
            return await self._question_press(draft, question, answers, press, update_id)
        if draft.stage == REVIEW:
            return await self._review_press(draft, answers, press, update_id)
        if draft.stage == EDIT_LIST:
            return await self._edit_press(draft, answers, press, update_id)
        return await self.current(draft)

    async def _retired_let_go(
        self, draft: Draft, answers: dict[str, Any], update_id: int
    ) -> Screen | None:
        """A draft holding choices the form no longer offers (a /reload removed them): they
        are let go, answers and unconfirmed ticks, and the talent told which, instead of the
        press (None if it holds none). A question left unanswered is asked before sending."""
        kept: dict[str, Any] = {}
        removed: list[str] = []
        dropped: list[T | str] = []
        for key, value in answers.items():
            left, gone = retired_choices.held(self._content, key, value)
            if gone:
                dropped += [retired_choices.said(self._content, key, item) for item in gone]
                if left in (None, []):
                    removed.append(key)
                else:
                    kept[key] = left
        pending = draft.pending
        if isinstance(pending, list) and draft.current_key:
            key = draft.current_key
            pending, gone = retired_choices.held(self._content, key, pending)
            dropped += [retired_choices.said(self._content, key, item) for item in gone]
        if not dropped:
            return None
        change = in_place(draft, pending=pending, update_id=update_id)
        change = replace(change, answers=kept, remove_answers=tuple(removed))
        fresh = await self._applications.advance(draft, change)
        if fresh is None:
            fresh = await self._applications.draft_for(draft.user_id)
            return await self.current(fresh) if fresh else Screen("gone")
        screen = await self.current(fresh, note=Text.INTAKE_RETIRED)
        return replace(screen, note_values={"dropped": Listed(tuple(dict.fromkeys(dropped)))})

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
        if kind == "guardian" and not granted and draft.amends is not None:
            return await self._withdrawn_as_minor(draft)
        if kind == "guardian" and not granted:
            stopped = await cancelling.stop_news_as_minor(
                self._store, self._content, draft.user_id, draft.language
            )
            await self._applications.delete(draft.id)
            return Screen("guardian_declined", news_stopped=stopped)
        if kind == "processing" and forwarding is not None:
            return await self._advance(draft, Change(TRANSFER, update_id=update_id))
        held = draft.pending if isinstance(draft.pending, dict) else {}
        new: dict[str, Any] = {}
        if kind == "guardian" and HELD_FOR_GUARDIAN in held and draft.current_key:
            new = {draft.current_key: held[HELD_FOR_GUARDIAN]}  # the age, given the consent
        return await self._move_on(draft, answers, new, update_id)

    async def _withdrawn_as_minor(self, draft: Draft) -> Screen:
        """An update whose age went under 18, and no guardian's consent yet: the sent
        registration is cancelled (its update's draft with it) and marked, staff are told
        (GUARDIAN_WITHDRAWN), and the talent is told so, not that the answers were deleted
        (a talents' review s62, H1), with the account's other registrations sent as an
        adult's, left open (a review s62, H2: they may be other people's). Erased or cancelled
        meanwhile: the draft goes, as a new form's."""
        lead_id, user_id = draft.amends or 0, draft.user_id
        done = await cancelling.cancel_as_minor(
            self._store, self._content, user_id, lead_id, draft.language
        )
        if done.lead.outcome != "cancelled" or done.lead.lead is None:
            await self._applications.delete(draft.id)
            return Screen("guardian_declined", news_stopped=done.news_stopped)
        lead = await self._applications.get(lead_id)
        return Screen(
            GUARDIAN_WITHDRAWN,
            lead,
            reference=done.lead.lead.reference,
            others=tuple(item.reference for item in done.others),
            news_stopped=done.news_stopped,
        )

    async def _age_checked(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        action: str,
        update_id: int,
    ) -> Screen:
        """The age check's answer: the adult age picked, confirmed ("y"; the form marked for
        staff with when the account said it was under 18), or under 18 after all ("n": the
        guardian's consent, as the under-18 button asks it)."""
        held = draft.pending if isinstance(draft.pending, dict) else {}
        under = form_order.guardian_choice(question)
        if action == "n" and under is not None:
            return await self._answer(draft, question, answers, under, update_id)
        if HELD_AGE not in held:
            return await self.current(draft, note=Text.INTAKE_STALE)
        declared = await self._applications.age_declaration(draft.user_id)
        said = None if declared is None else declared.declared_at  # None: erased meanwhile
        new = {question.key: held[HELD_AGE]}
        return await self._move_on(
            draft, answers, new, update_id, after=question.key, said_under_18_at=said
        )

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
            outcome = field_checks.check_choice(question, self._content, answers, argument)
            if isinstance(outcome, answer_outcomes.Rejected):
                return Screen(QUESTION, draft, question, answers, error=outcome)
            return await self._answer(draft, question, answers, outcome.value, update_id)
        if action == "t" and question.type == "multi_choice":
            allowed = {value for value, _ in form_order.choices(question, self._content, answers)}
            if argument not in allowed:
                return await self.current(draft, note=Text.INTAKE_STALE)
            selection = field_checks.toggle(draft.pending or [], argument)
            added = argument not in (draft.pending or [])
            problem = field_checks.check_added(question, selection) if added else None
            if problem is not None:  # refused as it is pressed, not at "Done"
                return Screen(QUESTION, draft, question, answers, error=problem)
            return await self._advance(
                draft, in_place(draft, pending=selection, update_id=update_id)
            )
        if action == "d" and question.type == "multi_choice":
            return await self._done(draft, question, answers, update_id)
        if action == CITY_PROVINCE and question.type == "province":
            return await self._city_province(draft, question, answers, argument, update_id)
        if action in (USE_SUGGESTED, KEEP_TYPED) and question.type in SUGGESTED:
            suggestion = EmailSuggestion.from_pending(draft.pending)
            if suggestion is not None and (action == USE_SUGGESTED or suggestion.keepable):
                chosen = suggestion.suggested if action == USE_SUGGESTED else suggestion.typed
                return await self._answer(draft, question, answers, chosen, update_id)
        if action == USE_CARRIED and (offered := carried_offer(draft.pending)) is not None:
            return await self._carried_taken(draft, question, answers, offered, update_id)
        if action == GO_BACK_TO:  # offered after "salah, harusnya musik"
            earlier = self._content.questions.get(argument)
            if (
                earlier is not None
                and earlier.key in answers
                and form_order.is_visible(earlier, answers)
            ):
                # Changed from the review: a change too, which the review follows (an
                # attacker's review: it dropped the talent into the numbered form). Ticks not
                # yet confirmed are kept, as on Back (a talents' review s61, M7: lost).
                held = self._ticks_held(draft, question, answers)
                return await self._ask(
                    draft, earlier, {**answers, **held}, update_id, editing=draft.editing, held=held
                )
        if action == "p":
            page = small_int(argument) or 0
            return Screen(QUESTION, draft, question, answers, page=page)
        if action == "b":
            previous = form_order.previous_question(self._content, answers, question.key)
            if previous is None:
                return Screen(QUESTION, draft, question, answers)
            # Ticks not yet confirmed with Done are kept as the answer, shown again on the way
            # forward (_move_on; a talents' review: they were gone after Back).
            held = self._ticks_held(draft, question, answers)
            return await self._ask(draft, previous, {**answers, **held}, update_id, held=held)
        if action == "s" and not question.required:
            return await self._answer(draft, question, answers, None, update_id)
        if action == "k" and question.key in answers:
            return await self._move_on(draft, answers, {}, update_id, after=question.key)
        if action == "r" and (draft.editing or draft.amends is not None):
            return await self._advance(draft, Change(REVIEW, update_id=update_id))
        return await self.current(draft, note=Text.INTAKE_STALE)

    async def _carried_taken(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        offered: str,
        update_id: int,
    ) -> Screen:
        """The value a wish to change carried, said yes to: read as if typed, so by the flow
        that reads typed text (IntakeFlow, the only class these steps are used through)."""
        raise NotImplementedError

    async def _done(
        self, draft: Draft, question: Question, answers: dict[str, Any], update_id: int
    ) -> Screen:
        """A multiple choice's Done: what is ticked is the answer, if it is enough."""
        selection = list(draft.pending or [])
        problem = field_checks.check_selection(question, selection)
        if problem is not None:
            return Screen(QUESTION, draft, question, answers, error=problem)
        return await self._answer(draft, question, answers, selection, update_id)

    async def _review_press(
        self, draft: Draft, answers: dict[str, Any], press: Press, update_id: int
    ) -> Screen:
        if press.action == "w" and draft.amends is not None:  # go through every question
            first = form_order.visible_questions(self._content, answers)
            if first:
                return await self._ask(draft, first[0], answers, update_id)
        if press.action == "ok":
            missing = form_order.next_question(self._content, answers)
            if missing is not None:
                return await self._ask(draft, missing, answers, update_id)
            drop = form_order.obsolete_answers(self._content, answers)
            if draft.amends is not None:
                return await self._save_update(draft, drop, update_id)
            reference = await self._applications.submit(draft, drop, update_id)
            if reference is None:
                fresh = await self._applications.draft_for(draft.user_id)
                return await self.current(fresh) if fresh else Screen("gone")
            kept = {key: value for key, value in answers.items() if key not in drop}
            return Screen("submitted", draft, answers=kept, reference=reference)
        if press.action == "e" and press.argument:  # "Saya ingin mengubah usia saya." typed
            return await self._edit_press(draft, answers, press, update_id)
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
        if press.action == "e" and question and form_order.is_visible(question, answers):
            left = self._content.questions.get(draft.current_key or "")
            held = {} if left is None else self._ticks_held(draft, left, answers)
            return await self._ask(
                draft, question, {**answers, **held}, update_id, editing=True, held=held
            )
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
        number, _, kind = number.partition(":")  # "Kabupaten" typed before the city
        province = self._content.provinces.get(value)
        index = small_int(number)
        if province is None or index is None or index >= len(province.cities):
            return await self.current(draft, note=Text.INTAKE_STALE)  # a reload changed them
        new: dict[str, Any] = {question.key: value}
        if question.city_question in self._content.questions:
            city = province.cities[index]
            new[question.city_question] = f"{kind} {city}" if kind in places.KINDS else city
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
        if form_order.needs_guardian(question, value):
            consents = await self._applications.consents(draft.user_id)
            guardian = consents.get("guardian")
            if guardian is None or not guardian.granted or guardian.application_id != draft.id:
                # Held with the draft, not stored, until the guardian's consent is given:
                # Back, then "Pakai jawaban ini" or "Kembali ke ringkasan", kept an under-18
                # age stored without it (found beside a talents' review of the edit's Back).
                change = Change(
                    GUARDIAN,
                    question.key,
                    editing=draft.editing,  # Back goes to the edit it came from
                    pending={HELD_FOR_GUARDIAN: value},
                    update_id=update_id,
                    declares_under_18=True,
                )
                return await self._advance(draft, change)
        said = await self._said_under_18(draft, question, value)
        if said is not None and said.adult_confirmed_at is None and said.application_id != draft.id:
            # Said under 18 in an earlier form, now an adult age: asked once, kindly (a
            # talents' review s60, H1: "Belum ada persetujuan", then 18-24 in a new form).
            change = Change(
                AGE_CHECK,
                question.key,
                editing=draft.editing,
                pending={HELD_AGE: value},
                update_id=update_id,
            )
            return await self._advance(draft, change)
        elsewhere = self._city_elsewhere(question, answers, value)
        earlier = await self._same_field(draft, question, answers, value)
        moved_on = await self._move_on(
            draft,
            answers,
            {question.key: value},
            update_id,
            after=question.key,
            drop=elsewhere,
            # Confirmed in an earlier form already, or said in this one: not asked (again),
            # marked all the same.
            said_under_18_at=None if said is None else said.declared_at,
        )
        if earlier is not None:
            return replace(moved_on, note=Text.INTAKE_SAME_FIELD, note_values=earlier)
        return replace(moved_on, note=Text.INTAKE_CITY_AGAIN) if elsewhere else moved_on

    async def _said_under_18(
        self, draft: Draft, question: Question, value: Any
    ) -> AgeDeclaration | None:
        """The account's latest form that said under 18, when this answer is an adult age
        given since (not in an update of a sent form, not in a form marked already); None
        otherwise. A new form asks about it once; this same form (under 18, then ⬅️ Back and
        an adult age) is marked without asking (a re-check s60, M1: "17" typed, ⏸ Jeda,
        /daftar, Back, 18-24 went unmarked). Nothing stored tells a mistapped button from a
        typed "17" or one kept over a pause (both store the same choice and declaration), and
        the mark is true either way: staff check the age once; a minor unmarked is the
        UU PDP Pasal 25 risk."""
        under = form_order.guardian_choice(question)
        if under is None or value in (under, None) or draft.amends is not None:
            return None
        if draft.said_under_18_at is not None:
            return None  # asked in this form already (the age changed again since)
        return await self._applications.age_declaration(draft.user_id)

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
        found = places.province_of_city(self._content, answers[key])
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
        said_under_18_at: str | None = None,
    ) -> Screen:
        """Commit new answers (and drop the answers `drop` names) and go to the next unanswered
        question, or the review (an update being gone through goes on to the question `after`
        this one, answered or not). An answer changed from the review that asks for others
        (the field: its role, its genres) asks them as changes too, then the review."""
        merged = {**answers, **new}
        obsolete = (
            *form_order.obsolete_answers(self._content, merged),
            *form_order.other_field_programs(self._content, merged),
            *drop,
        )
        for key in obsolete:
            merged.pop(key, None)
        following = form_order.next_question(self._content, merged)
        if following is None and draft.amends is not None and not draft.editing and after:
            following = form_order.question_after(self._content, merged, after)
        elif after and not draft.editing:
            following = self._ticked_ahead(merged, after, following) or following
        if following is None:
            change = Change(
                REVIEW,
                answers=new,
                remove_answers=obsolete,
                update_id=update_id,
                said_under_18_at=said_under_18_at,
            )
        else:
            change = Change(
                QUESTION,
                following.key,
                editing=draft.editing,
                pending=self._pending_for(following, merged, draft),
                answers=new,
                remove_answers=obsolete,
                update_id=update_id,
                said_under_18_at=said_under_18_at,
            )
        moved = await self._advance(draft, change)
        if draft.reuses is None or draft.editing:
            return moved
        return await self._reused_note(moved, draft)

    async def _reused_note(self, screen: Screen, draft: Draft) -> Screen:
        """Where a new registration begun from a cancelled one's answers arrives on its own
        (not an edit from the review): the review, or a question asked again, with a line on
        where the answers came from."""
        if draft.reuses is None or screen.note is not None:
            return screen
        if screen.kind == REVIEW:
            note = Text.INTAKE_REUSED_REVIEW
        elif screen.kind == QUESTION and screen.question is not None:
            age = any(choice.guardian for choice in screen.question.choices or [])
            note = Text.INTAKE_REUSED_AGE if age else Text.INTAKE_REUSED_ASKED
        else:
            return screen
        lead = await self._store.cancellations.own_lead(draft.user_id, draft.reuses)
        if lead is None:  # erased in between: nothing to name
            return screen
        return replace(screen, note=note, note_values={"reference": lead.reference})

    def _ticked_ahead(
        self, answers: dict[str, Any], after: str, following: Question | None
    ) -> Question | None:
        """On the way forward after Back, the multiple choice right after `after` with an
        answer (its ticks kept on Back: _ticks_held): shown again, ticked, to go on from as
        the talent left it, not skipped (a talents' review: the ticks were gone). Only the
        one right after: a change offered further back ("usia saya salah" at the city) goes
        on where the talent was."""
        visible = form_order.visible_questions(self._content, answers)
        keys = [question.key for question in visible]
        if after not in keys or (
            following is not None and keys.index(following.key) < keys.index(after)
        ):
            return None
        ahead = visible[keys.index(after) + 1 : keys.index(after) + 2]
        if ahead and ahead[0].key in answers and ahead[0].type == "multi_choice":
            return ahead[0]
        # An earlier answer changed from a multiple choice not yet done (its ticks kept as
        # its answer, _ticks_held; a talents' review s61, M7): that choice, where the talent
        # was, not the question after it. It is the last before the one to answer, but for
        # its own "which one?" (Lainnya's words).
        if following is None:
            return None
        between = visible[keys.index(after) + 1 : keys.index(following.key)]
        if len(between) > 1:
            other = form_order.other_follow_up(between[-2], self._content)
            if other is not None and other[2].key == between[-1].key:
                between = between[:-1]
        if between and between[-1].key in answers and between[-1].type == "multi_choice":
            return between[-1]
        return None

    async def _ask(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        update_id: int,
        *,
        editing: bool = False,
        held: dict[str, Any] | None = None,
    ) -> Screen:
        """Go (back) to a given question, its current answer kept for editing (and `held`,
        answers committed on the way)."""
        change = Change(
            QUESTION,
            question.key,
            editing=editing,
            pending=self._pending_for(question, answers, draft),
            answers=held or {},
            update_id=update_id,
        )
        return await self._advance(draft, change)

    def _ticks_held(
        self, draft: Draft, question: Question, answers: dict[str, Any]
    ) -> dict[str, Any]:
        """The ticks of a multiple choice left with Back before Done, as its answer, when
        they are other than its answer and would do for Done; {} otherwise."""
        ticks = draft.pending if isinstance(draft.pending, list) else None
        if question.type != "multi_choice" or not ticks or ticks == answers.get(question.key):
            return {}
        if field_checks.check_selection(question, ticks) is not None:
            return {}
        return {question.key: list(ticks)}

    def _pending_for(self, question: Question, answers: dict[str, Any], draft: Draft) -> Any:
        """A multiple-choice question starts from its current answer; the programs question,
        not answered yet, from the program whose page the registration began from."""
        if question.type != "multi_choice":
            return None
        value = answers.get(question.key)
        if isinstance(value, list):
            return list(value)
        offered = [key for key, _ in form_order.choices(question, self._content, answers)]
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
