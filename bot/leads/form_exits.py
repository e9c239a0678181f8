"""Ways out of the form and back into it that a talent types or presses (IntakeFlow): a
command's word without its slash ("batal", "menu"), a wish to start over, an old button of a
registration already sent, and the rest of a long answer sent as a second message at the
review.

A talents' review s63: H1 ("batal" stored as the full name), M2 ("mau ulang dari awal" got a
wrong FAQ entry), M3 (an old "🚀 Kirim pendaftaran" overwrote the summary with "…sudah tidak
berlaku"), M5 (a synopsis's second half dropped at the review without a word; at the link, a
synopsis was only asked to be shortened).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.content import Question
from bot.leads import answer_outcomes, field_checks, form_order, form_wishes, slips
from bot.leads.intake_screens import (
    ADD_REST,
    ADDING,
    ADDING_TO,
    DISCARDED_UNSENT,
    MENU,
    QUESTION,
    REVIEW,
    SENT_BEFORE,
    Press,
    Screen,
    held_rest,
    in_place,
    with_note,
)
from bot.leads.intake_steps import IntakeSteps
from bot.leads.sentence_names import NAME_QUESTIONS
from bot.store import Draft
from bot.store.conversation import size_over_budget
from bot.store.db import ago
from bot.texts import Text

# A text at the review this soon after the last free-text answer, and this long, may be the
# rest of that answer (as typed_answers.CONTINUED_WITHIN, CONTINUED_WORDS at a question).
REST_WITHIN = 2 * 60
REST_WORDS = 3
# ...and long enough itself, or after an answer long enough, to be a long answer cut in two: a
# short remark after a short note is about the review ("email sudah benar, ga ada yang salah",
# a final review s58: no edit opened, nothing offered).
REST_LONG = 80
HELD_LONG = 300
# The held text is among the talent's last messages (a press follows it at once, mostly).
_HELD_AMONG = 20


class FormExits(IntakeSteps):
    """Leaving the form, starting it over, and what comes after it was sent."""

    async def _left(
        self, draft: Draft, question: Question | None, text: str, left: str, update_id: int
    ) -> Screen:
        """ "batal", "keluar", "stop" (form_wishes.PAUSE): as /batal, the form paused; "menu":
        as /menu, the main menu (the form stays open). At a name, how to give such a word as
        the name all the same: in quotes (form_wishes reads a quoted word as itself)."""
        named = draft.stage == QUESTION and question is not None and question.key in NAME_QUESTIONS
        values = {"typed": " ".join(text.split())}
        if left == form_wishes.MENU:
            menu = Screen(MENU, draft)
            return (
                replace(menu, note=Text.INTAKE_WORD_NOT_NAME, note_values=values) if named else menu
            )
        paused = await self.press(draft.user_id, Press(draft.id, draft.step, "x"), update_id)
        return with_note(paused, Text.INTAKE_WORD_NOT_NAME, **values) if named else paused

    async def _started_over(self, draft: Draft, update_id: int) -> Screen:
        """ "mau ulang dari awal": the form paused as /batal does, and its discard asked at
        once (an update's draft: paused, with its own discard button); nothing answered yet:
        stopped, as /batal says, with /daftar to begin."""
        paused = await self.press(draft.user_id, Press(draft.id, draft.step, "x"), update_id)
        if paused.kind != "cancelled" or paused.draft is None:
            return paused  # nothing kept to throw away ("stopped"), or a stale step
        if paused.draft.amends is None:
            return Screen("discard_asked", paused.draft, note=Text.INTAKE_START_OVER)
        return replace(paused, note=Text.INTAKE_START_OVER_UPDATE)

    async def press(self, user_id: int, press: Press, update_id: int) -> Screen:
        """A button of the flow, with what comes after the form: a draft thrown away by one who
        sent none (no "update" in its words), a button of a registration already sent (said
        so, its summary left as it is), the rest of an answer added at the review."""
        if press.action == ADD_REST:
            added = await self._rest_added(user_id, press, update_id)
            if added is not None:
                return added
        screen = await super().press(user_id, press, update_id)
        if screen.kind == "discarded_draft":
            if await self._applications.submitted_count(user_id) == 0:
                return Screen(DISCARDED_UNSENT)
        elif screen.kind == "gone":
            lead = await self._applications.get(press.application_id)
            if lead is not None and lead.user_id == user_id and lead.status == "submitted":
                return Screen(SENT_BEFORE, lead, reference=lead.reference)
        return screen

    async def _last_free_text(
        self, draft: Draft, answers: dict[str, Any]
    ) -> tuple[Question, str] | None:
        """The free-text question (no links) answered moments ago (REST_WITHIN), with no step
        since, and its answer: the review came right after it."""
        for question in reversed(form_order.visible_questions(self._content, answers)):
            held = answers.get(question.key)
            if question.type != "long_text" or question.holds_links or not isinstance(held, str):
                continue
            given = await self._applications.answered_at(draft.id, question.key)
            # The step that stored it is stamped just before it; any later one after it.
            if given is not None and given >= ago(REST_WITHIN) and draft.updated_at <= given:
                return question, held
        return None

    async def _rest_at_review(self, draft: Draft, text: str, update_id: int) -> Screen | None:
        """A text at the review right after a free-text answer: perhaps its rest, sent as a
        second message. Offered to add (its button), kept with the draft until then; too
        long together, said as not saved, with how to change that answer. None otherwise."""
        if draft.stage != REVIEW or len(text.split()) < REST_WORDS:
            return None
        answers = await self._applications.answers(draft.id)
        last = await self._last_free_text(draft, answers)
        if last is None:
            return None
        question, held = last
        if len(text.strip()) < REST_LONG and len(held) < HELD_LONG:
            return None
        joined = field_checks.check_text(question, self._content, answers, f"{held}\n{text}")
        field = {"field": question.label}
        if isinstance(joined, answer_outcomes.Accepted):
            if await self._held_text(draft.user_id, update_id) is None:  # the log keeps no text
                refused = answer_outcomes.Rejected(Text.INTAKE_REST_NOT_KEPT, field)
                return replace(await self.current(draft), error=refused)
            kept = {ADDING: update_id, ADDING_TO: question.key}
            offer = in_place(draft, pending=kept, update_id=update_id)
            offered = await self._advance(draft, offer)
            if offered.kind != REVIEW:
                return offered  # a stale step: where the draft is
            return replace(offered, note=Text.INTAKE_REST_OFFERED, note_values=field)
        if isinstance(joined, answer_outcomes.Rejected) and joined.reason is Text.INTAKE_TOO_LONG:
            refused = answer_outcomes.Rejected(
                Text.INTAKE_REST_TOO_LONG, {**joined.values, **field}
            )
            return replace(await self.current(draft), error=refused)
        return None

    async def _links_at_review(self, draft: Draft, text: str, update_id: int) -> Screen | None:
        """A text of links only at the review, moments after the links question was answered
        there (changed from it), with no step since: the second message of a burst, added to
        that answer and said (a talents' review s65, F2: "Di sini pakai tombol", the link
        lost). None otherwise."""
        added = slips.named_links(text) if draft.stage == REVIEW else None
        if not added:
            return None
        answers = await self._applications.answers(draft.id)
        shown = form_order.visible_questions(self._content, answers)
        links = next((question for question in shown if question.holds_links), None)
        given = None if links is None else await self._applications.answered_at(draft.id, links.key)
        # The step that stored it is stamped just before it; any later one after it.
        if links is None or given is None or given < ago(REST_WITHIN) or draft.updated_at > given:
            return None
        read = field_checks.links_joined(links, self._content, answers, added)
        if read is None:
            return None
        said, joined = read
        kept = {} if joined is None else {links.key: joined}
        review = await self._advance(draft, in_place(draft, answers=kept, update_id=update_id))
        if review.kind != REVIEW:
            return review  # a stale step: where the draft is
        values = {"links": said.replace("\n", ", "), "field": links.label}
        return replace(review, note=Text.INTAKE_LINKS_ADDED_REVIEW, note_values=values)

    async def _rest_added(self, user_id: int, press: Press, update_id: int) -> Screen | None:
        """The button to add: the text held at the review added to the free-text answer before it
        (on a line of its own), the review again with it. None when it is no longer offered
        (the flow's own answer to a stale press)."""
        draft = await self._applications.draft_for(user_id)
        if (
            draft is None
            or draft.id != press.application_id
            or draft.step != press.step
            or draft.stage != REVIEW
            or update_id == draft.last_update_id
        ):
            return None
        offered = held_rest(draft.pending)
        question = self._content.questions.get(offered[1]) if offered is not None else None
        rest = await self._held_text(user_id, offered[0]) if offered is not None else None
        answers = await self._applications.answers(draft.id)
        held = answers.get(question.key) if question is not None else None
        if question is None or not isinstance(held, str):
            return None
        if rest is None:  # erased, past retention or over the day's budget since the offer
            dropped = in_place(draft, pending=None, update_id=update_id)
            review = await self._advance(draft, dropped)
            refused = answer_outcomes.Rejected(Text.INTAKE_REST_NOT_KEPT, {"field": question.label})
            return review if review.kind != REVIEW else replace(review, error=refused)
        joined = field_checks.check_text(question, self._content, answers, f"{held}\n{rest}")
        if not isinstance(joined, answer_outcomes.Accepted):
            return None
        change = in_place(
            draft, pending=None, update_id=update_id, answers={question.key: joined.value}
        )
        added = await self._advance(draft, change)
        return with_note(added, Text.INTAKE_REST_ADDED, field=question.label)

    async def _held_text(self, user_id: int, update_id: int | None) -> str | None:
        """The text of the talent's update `update_id`, as the conversation log keeps it (None
        once it holds none: erased, past retention, over the day's budget)."""
        if update_id is None:
            return None
        for entry in await self._store.log.latest_in(user_id, _HELD_AMONG):
            if entry.update_id == update_id and entry.kind == "text":
                # As ConversationLog.text_in reads it: a placeholder is no text of hers.
                text = entry.text
                return None if text is None or size_over_budget(text) is not None else text
        return None

    def _no_link(
        self, question: Question, answers: dict[str, Any], text: str, refused: Any
    ) -> answer_outcomes.Rejected | None:
        """A long text with no link in it at a link question ("Jawabanmu 1.228 karakter,
        maksimal 500. Bisa dipersingkat?" to a synopsis: shortening it makes no link): a link
        is asked for here, and the story may go in the last question. None otherwise."""
        if (
            not isinstance(refused, answer_outcomes.Rejected)
            or refused.reason is not Text.INTAKE_TOO_LONG
            or not (question.type == "url" or question.holds_links)
            or slips.links_in(text)
        ):
            return None
        visible = form_order.visible_questions(self._content, answers)
        last = visible[-1] if visible else None
        if last is None or last.type != "long_text" or last.holds_links or last.key in answers:
            return answer_outcomes.Rejected(Text.INTAKE_NO_LINK_LONG, refused.values)
        values = {**refused.values, "other": last.label}
        return answer_outcomes.Rejected(Text.INTAKE_NO_LINK_LONG_REST, values)
