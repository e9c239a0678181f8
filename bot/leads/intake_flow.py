"""The application flow: consent, one question at a time, review, submit.

Every step is committed before its screen is returned, so the handler that shows
the next question only ever shows what is already stored. The draft's `step`
counter makes buttons from older messages harmless, and `last_update_id` makes a
replayed update take effect once: a user's updates are handled one at a time, so a
replay is always of the last update applied (Telegram's ids are not always increasing:
after a week without updates the next one starts anywhere).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.answers.text import acknowledges
from bot.content import Question
from bot.leads import (
    answer_outcomes,
    asked_questions,
    field_checks,
    form_order,
    form_wishes,
    intent_words,
    places,
    registration_limit,
    reused_answers,
    sentence_names,
    slips,
)
from bot.leads.email_typos import EmailSuggestion, suggestion_for
from bot.leads.form_exits import FormExits
from bot.leads.form_greetings import greeting_back, signs_off
from bot.leads.intake_screens import (
    AGE_CHECK,
    CARRIED,
    CONSENT,
    EDIT_LIST,
    GUARDIAN,
    QUESTION,
    REUSE,
    REVIEW,
    SENT_TWICE_TOLD,
    Press,
    Screen,
    at_once,
    bot_note,
    carried_offer,
    in_place,
    noted_at,
    with_note,
)
from bot.leads.intake_steps import SUGGESTED
from bot.leads.language_wish import OTHER
from bot.leads.link_remarks import link_remark
from bot.leads.sentence_names import FULL_NAME
from bot.leads.step_questions import (
    about_the_choices,
    about_the_guardian,
    another_role,
    asks_at_choices,
    one_role_only,
)
from bot.leads.typed_answers import TypedAnswers
from bot.leads.typed_choices import TypedChoices
from bot.leads.unmarked_questions import thinks_first
from bot.leads.web_links import AROUND_LINK, web_link
from bot.store import Change, Draft
from bot.store.db import ago
from bot.store.records import TalentLead
from bot.texts import Text
from bot.wib import to_wib

# A talent back at an unpaused form after this long is welcomed back; sooner, it just goes on.
WELCOME_BACK_AFTER = 30 * 60


# A text refused as a question, or as a name unsure in its sentence: the same text sent once
# more is the answer.
_ASKED_BACK = frozenset(
    {
        Text.INTAKE_A_QUESTION,
        Text.INTAKE_NAME_UNSURE,
        Text.INTAKE_ANSWER_ONLY,
        Text.INTAKE_ONE_PLACE,
        Text.INTAKE_ONE_PLACE_ELSEWHERE,
        Text.INTAKE_CITY_ELSEWHERE,
        Text.INTAKE_EMAIL_EARLY,
        Text.INTAKE_EXAMPLE_EMAIL,
        Text.INTAKE_EXAMPLE_PHONE,
        Text.INTAKE_LINK_EARLY,
        Text.INTAKE_NOTE_DATA_ASKED,
    }
)


_NO_PROVINCE = Text.INTAKE_PROVINCE_NOT_FOUND
# The name questions where a talent says they register an artist as its manager ("Ratna
# Handayani (manajer)", "Orkes Bengawan Sari (manajer)"; a talents' review s61, L7).
_SAYS_WHOSE = frozenset({FULL_NAME, sentence_names.STAGE_NAME})


class IntakeFlow(FormExits, TypedAnswers, TypedChoices):
    """Moves one talent's application forward; all state is in the store."""

    async def begin(
        self,
        user_id: int,
        language: str,
        update_id: int,
        program_key: str | None = None,
        *,
        fresh: bool = False,
        scratch: bool = False,
    ) -> Screen:
        """/daftar or an Apply button: resume the open draft; a talent who has submitted is
        offered to update that registration (or, `fresh`, to start a new one), only to update
        one after REGISTRATIONS_PER_DAY new ones in 24 hours. A new one, for a talent who
        cancelled one, is offered to begin from its answers (`scratch`: declined, from the
        start); also when another is open (a desk review s61: "new" from the update-or-new
        choice went straight to the first question)."""
        resumed = await self._resumed(user_id, update_id)
        if resumed is not None:
            return resumed
        registrations = await self._store.records.leads_of(user_id)
        limited = await self._limited(user_id, language, registrations)
        if limited is not None:
            return limited
        if registrations and not fresh:
            return Screen("choose", registrations=registrations, program=program_key)
        cancelled = None if scratch else await self._store.cancellations.latest_cancelled(user_id)
        if cancelled is not None:  # begin from the cancelled one's answers, or afresh?
            return Screen(
                REUSE,
                reference=cancelled.reference,
                reuses=cancelled.application_id,
                reuses_reason=cancelled.reason,
                program=program_key,
            )
        program, presets = self._presets(program_key)
        agreed = await self._agreed(user_id)
        first = form_order.next_question(self._content, presets)
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

    async def _limited(
        self, user_id: int, language: str, registrations: list[TalentLead]
    ) -> Screen | None:
        """After REGISTRATIONS_PER_DAY new ones in 24 hours: only updating one, for now (those
        an erasure deleted count too: none may be left); None below the limit."""
        limit = self._new_per_day
        if limit is None:
            return None
        again = await registration_limit.new_again_at(self._store, user_id, limit)
        if again is None:
            return None
        when = self._content.moment_text(to_wib(again), language)
        values = {"limit": limit, "when": when}
        return Screen(
            "limited", registrations=registrations, note=Text.UPDATE_LIMITED, note_values=values
        )

    async def begin_reused(
        self, user_id: int, language: str, update_id: int, lead_id: int
    ) -> Screen:
        """ "Pakai jawaban lama": a new registration begun from the answers of one the talent
        cancelled (bot/leads/reused_answers.py), the review next (after the consent, if it
        does not stand, and what is asked again); it is sent as a new lead, the cancelled one
        stays cancelled. An open draft is resumed instead; the day's limit holds as for any
        new one; gone (an erasure) or not theirs: said."""
        resumed = await self._resumed(user_id, update_id)
        if resumed is not None:
            return resumed
        limited = await self._limited(
            user_id, language, await self._store.records.leads_of(user_id)
        )
        if limited is not None:
            return limited
        kept = await self._store.cancellations.kept_answers(user_id, lead_id)
        if kept is None:
            return Screen("reuse_gone")
        answers = reused_answers.reusable(self._content, kept[1])
        if await self._applications.age_declaration(user_id) is not None:
            # Said under 18 in a form since (the final review s60: the reused adult age
            # skipped the ask and the staff mark): the age is asked again, as typed it is.
            answers = reused_answers.without_age(self._content, answers)
        agreed = await self._agreed(user_id)
        first = form_order.next_question(self._content, answers)
        stage = CONSENT if not agreed else QUESTION if first is not None else REVIEW
        draft = await self._applications.create(
            user_id,
            language,
            stage,
            current_key=first.key if agreed and first else None,
            answers=answers,
            update_id=update_id,
            reuses=lead_id,
        )
        if draft.reuses != lead_id:  # another draft opened in between: that one
            return await self.current(draft)
        return await self._reused_note(await self.current(draft), draft)

    async def begin_update(
        self,
        user_id: int,
        language: str,
        update_id: int,
        lead_id: int,
        carried: tuple[str, str] | None = None,
    ) -> Screen:
        """ "Update my registration": the lead's answers in a draft of their own, shown as a
        review (change one answer, or go through them all); the lead changes only when the
        talent saves. An open draft is resumed instead (one at a time). `carried`: a new
        phone number or email the talent's wish held (question key, value), offered at its
        question as a change from the review; taken only when the talent says yes."""
        resumed = await self._resumed(user_id, update_id)
        if resumed is not None:
            return resumed
        stage = REVIEW if await self._agreed(user_id) else CONSENT
        opened = await self._store.records.open_update(user_id, lead_id, language, stage, update_id)
        if opened is None:
            return Screen("update_gone")
        question = self._content.questions.get(carried[0]) if carried else None
        if carried is None or question is None or opened.stage != REVIEW:
            return await self.current(opened)
        answers = await self._applications.answers(opened.id)
        if answers.get(question.key) == carried[1] or not form_order.is_visible(question, answers):
            return await self.current(opened)  # the same as sent: nothing to offer
        offer = Change(
            QUESTION, question.key, editing=True, pending={CARRIED: carried[1]}, update_id=update_id
        )
        return await self._advance(opened, offer)

    async def _resumed(self, user_id: int, update_id: int) -> Screen | None:
        """The open draft's screen (reactivated if paused), or None if there is none."""
        draft = await self._applications.draft_for(user_id)
        if draft is None:
            return None
        if update_id == draft.last_update_id:
            return await self.current(draft)
        if draft.active and draft.stage == CONSENT:
            # Nothing to go on with yet (a talents' review: "Kita lanjutkan pendaftaranmu"
            # above the consent): the consent first.
            return await self.current(draft, note=Text.INTAKE_CONSENT_FIRST)
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
            draft, in_place(draft, active=True, update_id=update_id, pending=pending)
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
        asked_now = question if draft.stage == QUESTION else None
        if slips.password_kept_nowhere(asked_now, text):
            # A password the form keeps nowhere, masked where the message is kept before
            # anything is made of it (an attacker's review s62, M1: a copy sent twice, a slip,
            # a skip, a question kept it in clear), however the message is then read.
            await self._store.mask_incoming(draft.user_id, update_id, slips.without_password)
        left = form_wishes.left_for(text)
        if left is not None:  # "batal", "menu" without the slash (a talents' review s63, H1)
            return await self._left(draft, asked_now, text, left, update_id)
        wishing = _without_data(text)  # "reset.band@gmail.com": an address, no wish (s64, H1)
        over = form_wishes.start_over(wishing)
        if over is not None and not (_long(asked_now) and "?" not in wishing):
            # "restart form nya bisa ga?" (s63, M2: a wrong FAQ entry); at the note to the
            # team, "kami memulai dari awal lagi" may be its answer: only asked there.
            typed_as = _typed_as(draft, asked_now)
            if over == form_wishes.ALONE and typed_as == "short_text":
                # "Reset" at the stage name (an attacker's review s64, M1: the form paused, its
                # discard offered, the band's name never taken, quoted or not): as "Stop" is,
                # paused, and said how to give it as the name (in quotes, then stored).
                left_as = await self._left(draft, asked_now, text, form_wishes.PAUSE, update_id)
                return with_note(left_as, Text.INTAKE_WORD_NOT_NAME, typed=" ".join(text.split()))
            if over != form_wishes.NAMED or typed_as == "data":
                # "Restart Pictures", "PT Reset Studio" at a text or a screen of buttons: a
                # name (stored, or told to use the buttons), never a wish to start over.
                return await self._started_over(draft, update_id)
        if draft.stage == QUESTION and question is not None:
            # A button's own words typed ("Selesai memilih", "⏸"): as it is pressed (a talents'
            # review: "Selesai memilih" was refused, "⏸" stored as the city).
            action = await self._typed_button(draft, question, text)
            # At a text question, a name may be a button's words (a band called "Kembali",
            # an attacker's review: it went back without a word, and was stored when
            # editing): asked back, and the same text once more is the answer.
            # A word of skipping ("skip", "Lewati") skips as it did (a talents' review: "skip"
            # was stored as a stage name).
            named = (
                question.type in slips.FREE_TEXT
                and slips.names_a_button(text, self._navigation_labels())
                and not intent_words.says_skip(text)
            )
            if named and not self._said_again(draft, question, text, sent):
                held = await self.current(draft, note=Text.INTAKE_TYPED_BUTTON)
                return await self._held_back(draft, question, text, update_id, held)
            if action is not None and not named:
                return await self.press(
                    draft.user_id, Press(draft.id, draft.step, action), update_id
                )
        wished = await self._language_wished(draft, question, text)
        only_named = self._language_only_named(draft, question, text, language)
        if wished is None:  # "In English" at the stage name: a wish, or the name
            wished = only_named
        if wished is not None and (only_named or self._may_be_named(draft, question, text)):
            # "English Please" at the stage name (an attacker's review, s59: the language
            # switched, nothing stored): "switch, or is that the name?", the language's
            # button offered, and the same text once more is the name.
            if not self._said_again(draft, question, text, sent):
                button = Text.BTN_LANGUAGE_EN if wished == "en" else Text.BTN_LANGUAGE_ID
                held = await self.current(draft, note=Text.INTAKE_LANGUAGE_OR_NAME)
                held = replace(held, note_values={"switch_to": self._content.text(button, "id")})
                doubted = await self._held_back(draft, question, text, update_id, held)
                return replace(doubted, language_offered=wished)
            wished = None
        if wished is not None:  # "apakah bisa pakai bahasa Inggris saja?": never an answer
            if wished == OTHER:  # "ganti bahasa dong"
                wished = "en" if language == "id" else "id"
            await self._store.users.set_language(draft.user_id, wished)
            shown = await self.current(draft, note=Text.INTAKE_LANGUAGE_SWITCHED)
            return replace(shown, language=wished)
        overlong = field_checks.too_long_at_buttons(question, text)
        if draft.stage == QUESTION and overlong is not None:  # no reading of it at all
            answers = await self._applications.answers(draft.id)
            story = await self._province_told(draft, question, answers, text, update_id)
            if story is not None:  # a long story naming where the talent lives: that offered
                return story
            return Screen(QUESTION, draft, question, answers, error=overlong)
        free = draft.stage == QUESTION and _long(question)  # where these may be the answer
        # "Sebentar, saya cek dulu nama resmi PT kami di akta." at a question (a talents'
        # review: stored as the company's name) waits as "later" does.
        checking = draft.stage == QUESTION and intent_words.looks_it_up(text, only=free)
        # A name may read as a slip or a "later" ("Film Salah", the band "Lihat Aku
        # Sebentar"; an attacker's review: they could only be skipped): asked back, and the
        # same text once more is the answer.
        again = self._said_again(draft, question, text, sent)
        paused = None if again else await self._paused(draft, question, text, update_id)
        if paused is not None:  # "Maaf, saya lanjutkan nanti saja. Ada rapat.": as ⏸
            return paused
        if (checking or intent_words.says_later(text, only=free)) and not again:  # nothing stored
            later = await self.current(draft, note=Text.INTAKE_LATER)
            return await self._held_back(draft, question, text, update_id, later)
        if self._wish(text) and not free:
            return await self.current(draft, note=Text.INTAKE_REGISTERING_NOW)
        greeted = await self._greeted(draft, question, text, sent, update_id)
        if greeted is not None:  # "SELAMAT SORE": "Selamat sore! 😊", the question below
            return greeted
        if draft.stage == GUARDIAN and (said := about_the_guardian(text)) is not None:
            return await self.current(draft, note=said)  # "ini wajib ga?", "kenapa harus izin?"
        pressed = None
        if draft.stage in (REVIEW, EDIT_LIST):  # "Ubah jawaban", "Usia", "mau ubah usia"
            pressed = await self._typed_at_review(draft, text)
        sends = pressed is not None and pressed[0] == "ok"
        if draft.stage == REVIEW and (
            sends or intent_words.says_send(text, update=draft.amends is not None)
        ):
            if at_once(draft, sent):
                # Sent before the review could reach the talent ("Kirim kang" twice at the
                # last question, an attacker's review: sent unseen): the review again.
                return await self.current(draft, note=Text.INTAKE_REVIEW_FIRST)
            # "Kirim kang", "Oke simpan": as the send (save) button; the review comes only
            # after the consent, and its check of what is missing is the button's.
            answers = await self._applications.answers(draft.id)
            send = Press(draft.id, draft.step, "ok")
            return await self._review_press(draft, answers, send, update_id)
        if pressed is not None and pressed[2] is not None:  # "nama PH ganti jadi X": X offered
            carry = Change(
                QUESTION,
                pressed[1],
                editing=True,
                pending={CARRIED: pressed[2]},
                update_id=update_id,
            )
            return await self._advance(draft, carry)
        if pressed is not None:  # as its button, or as the answer's button on the list
            press = Press(draft.id, draft.step, pressed[0], pressed[1])
            return await self.press(draft.user_id, press, update_id)
        if draft.stage == CONSENT and intent_words.says_agree(text):  # "Saya setuju."
            return await self.current(draft, note=Text.INTAKE_CONSENT_BY_BUTTON)
        rest = await self._links_at_review(draft, text, update_id) or await self._rest_at_review(
            draft, text, update_id
        )
        if rest is not None:  # the rest of the answer before, sent apart: offered to add
            return rest
        if draft.stage != QUESTION:  # a screen of buttons: as it stands (an update's reference)
            return await self.current(draft, note=Text.INTAKE_USE_BUTTONS)
        answers = await self._applications.answers(draft.id)
        if question is None:
            return Screen(draft.stage, draft, question, answers, note=Text.INTAKE_USE_BUTTONS)
        offered = carried_offer(draft.pending)
        if offered is not None and _agrees(text, offered):  # "iya" to "Pakai 0813…?"
            return await self._carried_taken(draft, question, answers, offered, update_id)
        suggestion = EmailSuggestion.from_pending(draft.pending)
        if question.type in SUGGESTED and suggestion and _agrees(text, suggestion.suggested):
            # "Iya", "Iya yg gmail" to "Maksudmu …@gmail.com?" (a talents' review: refused as
            # a bad address), as the suggestion's button, and the province's typed yes.
            return await self._answer(draft, question, answers, suggestion.suggested, update_id)
        wrong = None if again else self._picked_wrong(draft, question, answers, text)
        if wrong is not None:  # "Eh salah kak, harusnya musik bukan film": nothing stored
            return await self._held_back(draft, question, text, update_id, wrong)
        if not question.required and intent_words.says_skip(text):  # as the Skip button does
            return await self._answer(draft, question, answers, None, update_id)
        if (
            not question.required
            and question.type in slips.FREE_TEXT
            and intent_words.says_send(text, update=draft.amends is not None)
        ):
            # "Kirim kang" at the last (optional) question is no note to the team, and sends
            # nothing: the answer as it stands (none: skipped), then the review (an
            # attacker's review: stored as the note, and a second one sent it unseen).
            if question.key in answers:
                return await self._move_on(draft, answers, {}, update_id, after=question.key)
            skipped = await self._answer(draft, question, answers, None, update_id)
            return with_note(skipped, Text.INTAKE_SEND_SKIPS, field=question.label)
        if self._sent_twice(draft, question, answers, text, sent):
            # Noted with the draft: the note invites the talent to send it once more, and
            # that is then their answer.
            told = in_place(draft, pending=SENT_TWICE_TOLD, update_id=update_id)
            return noted_at(await self._advance(draft, told), question, Text.INTAKE_SENT_TWICE)
        added = await self._links_added(draft, question, answers, text, update_id)
        if added is not None:  # "Sama youtube.com/@x" right after the links: one more link
            return added
        roles = another_role(question, self._content, answers, text)
        if roles is not None:  # "saya juga penulis skenario" after the role: where it goes
            return Screen(QUESTION, draft, question, answers, note=roles[0], note_values=roles[1])
        profile = await self._profile_asked_back(draft, question, answers, text, sent, update_id)
        if profile is not None:  # "Instagram: instagram.com/x" at the works: the links'?
            return profile
        profile = await self._profile_at_buttons(draft, question, answers, text, update_id)
        if profile is not None:  # "soundcloud.com/x" at the programs: the links', said
            return profile
        # "hmm" thinks aloud as "ok" only says okay (a talents' review: it was stored as the
        # stage name and as notable works).
        chats = self._chatter(text) or intent_words.hesitates(text)
        if question.type == "long_text" and not question.required and chats:
            return Screen(QUESTION, draft, question, answers, note=Text.INTAKE_CHATTER)
        no_name = question.key == FULL_NAME and slips.no_letters(text)  # "4", "12"
        if question.type in slips.FREE_TEXT and (slips.symbols_only(text) or no_name):
            # "⏸", "✨" (a talents' review: "⏸" was stored as the city): no answer, however
            # often sent; "-" or "..." at an optional question skipped it above.
            # A name ("!!!", "🎬" at the stage name) is asked in letters, never "Siap! 😊" (an
            # attacker's review); an optional long text gets the chatter note.
            optional_long = not question.required and question.type == "long_text"
            note = Text.INTAKE_CHATTER if optional_long else Text.INTAKE_SYMBOLS_ONLY
            return Screen(QUESTION, draft, question, answers, note=note)
        if question.type in slips.FREE_TEXT and thinks_first(
            text, alone=question.welcomes_questions
        ):
            # "hmm wait, I need to think about this" (a talents' review s65, F1: stored as the
            # city): take your time; sent once more, it is the answer.
            thinking = answer_outcomes.Rejected(Text.INTAKE_THINKING)
            asked_back = await self._asked_back(draft, question, text, sent, update_id, thinking)
            if asked_back is not None:
                return asked_back
        if question.type == "short_text" and (chats or signs_off(text)):
            # "makasih kak" at the full name was stored as the name "makasih" (a walk-through,
            # session 54): okay, thanks or hello is no name, unless sent once more ("Nanti
            # Lanjut", a band; capitals tell nothing: a phone writes "Makasih", an attacker).
            # Nor a letter's sign-off ("Salam hormat,", a talents' review s60: stored as the
            # production house).
            chatter = answer_outcomes.Rejected(Text.INTAKE_CHATTER_AT_TEXT)
            asked_back = await self._asked_back(draft, question, text, sent, update_id, chatter)
            if asked_back is not None:
                return asked_back
        # A question at a choice question ("kpop masuk pop atau gaya kpop"): nothing is taken
        # or ticked; one about its choices is answered from them, any other is one to answer
        # as a text question's is (a talents' review: both were ticked).
        asked = question.type in slips.CHOICES and asks_at_choices(
            question, self._content, answers, text
        )
        if asked and question.type == "multi_choice":
            # "Pop dan rock. Apakah genre religi juga bisa?" (an attacker's review: nothing
            # ticked, the question answered from the buttons, not the FAQ): the choices
            # ticked, the question for the FAQ, at every multiple choice.
            typed = await self._ticked_then_asked(draft, question, answers, text, update_id)
            if typed is not None:
                return typed
        if asked and (
            of_them := about_the_choices(question, self._content, answers, text)
            or one_role_only(question, self._content, answers, text)
        ):
            return Screen(QUESTION, draft, question, answers, error=of_them)
        closes = question.type == "multi_choice" and not asked and intent_words.closes_choice(text)
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
            if typed is not None:
                return typed
            outcome: answer_outcomes.Outcome = field_checks.use_buttons(question, self._content)
        elif asked:
            outcome = field_checks.use_buttons(question, self._content)
        else:
            outcome = field_checks.check_text(question, self._content, answers, text)
        if question.type == "short_text" and asked_questions.programs_asked(self._content, text):
            # "ACF itu apa sih", "BCWW kapan?" at a name, a company or a city (a final review
            # s58: stored as the full name): a question on a program, answered above; never
            # the answer, nor kept if sent again.
            refused = answer_outcomes.Rejected(Text.INTAKE_A_QUESTION)
            return Screen(QUESTION, draft, question, answers, error=refused)
        checked = outcome
        outcome = slips.slip(question, text, outcome)
        outcome = field_checks.example_copied(question, outcome) or outcome  # "0812 3456 7890"
        if question.key in _SAYS_WHOSE and draft.registers_as is None:
            managing = sentence_names.managing_role(text)
            if managing is not None:  # "Ratna Handayani (manajer)": later steps' words fit it
                await self._store.applications.note_registers_as(draft.id, managing)
                draft = replace(draft, registers_as=managing)
        if asked and outcome == checked:  # "press a button", to one that asks without a "?"
            outcome = answer_outcomes.Rejected(Text.INTAKE_A_QUESTION_BUTTONS)
        matched = outcome if isinstance(outcome, answer_outcomes.Matches) else None
        if question.type == "province" and matched and asked_questions.asks(question, text):
            # "aku di Medan kak, btw … harus bisa bahasa Korea ga?" (a re-check s60, M2: only
            # Medan's province offered, the question without a word): as a province named
            # beside a question, just below.
            outcome = answer_outcomes.Rejected(Text.INTAKE_A_QUESTION)
        if (
            question.type == "province"
            and isinstance(outcome, answer_outcomes.Rejected)
            and outcome.reason in asked_questions.READ_AS_ASKED
        ):
            # "tiang di Gianyar, Bali nggih. oh ya apakah gamelan bisa …?" (a talents' review,
            # s60: Bali dropped): the province offered, the question answered above it.
            place = places.province_in_message(self._content, text) or matched
            if place is not None:
                offer = await self._province_offer(draft, question, answers, text, place, update_id)
                return replace(offer, error=outcome) if offer.matches else offer
        if isinstance(outcome, answer_outcomes.Rejected) and outcome.reason in _ASKED_BACK:
            # "Kalau itu memang jawabanmu, kirim sekali lagi": the same text again is the
            # answer ("The Open Call Band?"), as checked; the text is kept as a digest only.
            # So is a name unsure in its sentence ("Budi, band saya namanya Senja"): kept
            # whole, as typed, if sent again.
            # Not a copy sent twice on a weak connection, before the note could be read.
            asked_back = await self._asked_back(draft, question, text, sent, update_id, outcome)
            if asked_back is not None and outcome.reason is Text.INTAKE_CITY_ELSEWHERE:
                # The province one tap away, as after "salah, harusnya musik".
                return replace(asked_back, offered=self._province_of(question))
            if asked_back is not None:
                return asked_back
            outcome = slips.sent_again(question, text, checked)
        if isinstance(outcome, answer_outcomes.Accepted) and question.type == "single_choice":
            outcome = one_role_only(question, self._content, answers, text) or outcome
        if isinstance(outcome, answer_outcomes.Rejected) and outcome.reason is _NO_PROVINCE:
            outcome = places.province_guess(self._content, text) or outcome  # "Jawa Tenggah"
        if question.type == "province" and not isinstance(outcome, answer_outcomes.Accepted):
            return await self._province_offer(draft, question, answers, text, outcome, update_id)
        if (
            isinstance(outcome, answer_outcomes.Rejected)
            and question.type == "single_choice"
            and not asked
        ):
            other = await self._other_named(draft, question, answers, text, update_id)
            if other is not None:  # "sound engineer, mixing mastering": Lainnya, and what
                return other
            outcome = one_role_only(question, self._content, answers, text) or outcome
        if (
            isinstance(outcome, answer_outcomes.Rejected)
            and outcome.reason in slips.BUTTONS
            and not asked
        ):
            added = await self._continued(draft, question, answers, text)
            if added is not None:  # the rest of the text answer before? Not stored: said
                return added
        if (
            isinstance(outcome, answer_outcomes.Rejected)
            and outcome.reason in slips.BUTTONS
            and self._email_early(answers, text)
        ):
            # "kevin@gmail.com" at the languages (a talents' review s62, L10: the buttons'
            # hint alone): its own question comes later, as at a text question (soon after
            # a long answer, `_continued` has said what became of it).
            outcome = answer_outcomes.Rejected(Text.INTAKE_EMAIL_EARLY_AT_BUTTONS)
        if (
            isinstance(outcome, answer_outcomes.Rejected)
            and outcome.reason is Text.INTAKE_BAD_EMAIL
        ):
            mended = self._comma_for_dot(question, answers, text)
            if mended is not None:  # "putu@gmail,com": "Maksudmu putu@gmail.com?", asked
                pending = mended.as_pending()
                return await self._advance(
                    draft, in_place(draft, pending=pending, update_id=update_id)
                )
        if isinstance(outcome, answer_outcomes.Rejected):
            if outcome.reason is Text.INTAKE_TOO_LONG:
                outcome = self._no_link(question, answers, text, outcome) or self._too_long(
                    question, answers, outcome
                )
            if outcome.reason is Text.INTAKE_TWO_PHONES and draft.registers_as is not None:
                # To a manager: another number is the artist's own, not "nomor manajermu".
                outcome = answer_outcomes.Rejected(Text.INTAKE_TWO_PHONES_MANAGER)
            return Screen(QUESTION, draft, question, answers, error=outcome)
        if isinstance(outcome, answer_outcomes.Matches):
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
            moved = await self._move_on(draft, answers, both, update_id, after=question.key)
            # Said, as a city taken from a sentence is ("Saya tinggal di Bantul, Jogja"): the
            # city question is not asked, so a wrong reading is seen and undone with Back.
            province = self._content.provinces[outcome.value].label.get(draft.language)
            return with_note(moved, Text.INTAKE_TAKEN, taken=f"{outcome.city}, {province}")
        found = sentence_names.stage_name_in(question, text)
        if found is not None and found != outcome.value:  # "…tampil dengan nama Ratna Solo…"
            # Asked back, not taken: a name is the talent's to confirm. Kept with the draft as
            # the email's suggestion is, with the text as typed for "keep it as I typed it".
            pending = EmailSuggestion(str(outcome.value), found).as_pending()
            return await self._advance(draft, in_place(draft, pending=pending, update_id=update_id))
        if question.type == "email":
            suggestion = suggestion_for(outcome.value)
            if suggestion is not None:  # "dewi@gmial.com": asked, kept with the draft
                pending = suggestion.as_pending()
                return await self._advance(
                    draft, in_place(draft, pending=pending, update_id=update_id)
                )
        # (A password left out was masked where the message is kept as it was read.)
        answered = await self._answer(draft, question, answers, outcome.value, update_id)
        if answered.kind == AGE_CHECK:  # the age asked about first: nothing taken to note yet
            return answered
        ahead = slips.named_later(question, self._content, answers, text)
        if ahead is not None and answered.note is None:
            # "umur 26 thn, nama lengkap Bonar Sitompul": the age taken, the name said as not.
            # As the review shows it: a province's name, not its key (a re-check: "jawa_timur").
            as_shown = form_order.display(question, self._content, outcome.value, draft.language)
            taken = {"taken": as_shown, "field": ahead.label}
            return replace(answered, note=Text.INTAKE_TAKEN_NOT_YET, note_values=taken)
        if outcome.password_left and answered.note is None:  # the link, not its password
            return replace(answered, note=Text.INTAKE_LINK_KEPT_NO_PASSWORD)
        if question.type == "phone" and outcome.besides and answered.note is None:
            # "0813 3000 4455 (mas Bayu manajer)": the number kept, the remark said as not
            # (a talents' review: dropped without a word, whose number it is with it).
            remark = {"remark": outcome.besides}
            return replace(answered, note=Text.INTAKE_PHONE_REMARK, note_values=remark)
        if answered.note is None and (besides := link_remark(question, text)) is not None:
            # "https://youtu.be/… ini waktu kami tampil di pesta gotilon": so for the link (a
            # talents' review s62, L1: only the link kept, the words dropped without a word).
            remark = {"remark": besides}
            return replace(answered, note=Text.INTAKE_LINK_REMARK, note_values=remark)
        if outcome.named and answered.note is None and answered.kind != GUARDIAN:
            # (Not at the guardian's consent: the age waits for it, nothing is noted yet.)
            # A choice read from a sentence ("grup rebana"), a name cut from one ("nama saya
            # Muh. Rizki Pratama"): said, so a wrong reading is seen and undone with Back (an
            # attacker's review: each was stored without a word).
            labels = dict(form_order.choices(question, self._content, answers))
            label = outcome.value if question.type in slips.FREE_TEXT else labels.get(outcome.value)
            if label is not None and outcome.besides and question.type in slips.FREE_TEXT:
                # "Ratna Handayani (manajer)": the role said, and where it can go.
                role = {"taken": label, "role": outcome.besides}
                return replace(answered, note=Text.INTAKE_TAKEN_ROLE, note_values=role)
            if label is not None and outcome.besides:  # "penyanyi sama dancer": "dancer" said
                besides = outcome.besides.capitalize()
                both = {"taken": label, "besides": besides}
                return replace(answered, note=Text.INTAKE_TAKEN_BESIDES, note_values=both)
            if label is not None:
                return replace(answered, note=Text.INTAKE_TAKEN, note_values={"taken": label})
        return answered

    def _email_early(self, answers: dict[str, Any], text: str) -> bool:
        """Whether a text typed at a question of buttons is an email address the form asks
        for later (its question not answered yet: not when an update changes a choice)."""
        if "@" not in text:
            return False  # most texts: nothing read
        return any(
            isinstance(
                field_checks.check_text(later, self._content, answers, text),
                answer_outcomes.Accepted,
            )
            for later in self._content.questions.values()
            if later.type == "email" and later.key not in answers
        )

    async def _carried_taken(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        offered: str,
        update_id: int,
    ) -> Screen:
        """The value a wish to change carried ("kotanya ganti jadi Bandung"), said yes to: read
        as if typed, through every check of the question (a re-check s61, M1: the press stored
        Bandung under Sulawesi Selatan, where typing it asked which is right)."""
        del answers  # read again, as typed
        unoffered = replace(draft, pending=None, current_key=question.key)
        return await self.text(unoffered, offered, update_id, language=draft.language)

    async def _province_told(
        self,
        draft: Draft,
        question: Question | None,
        answers: dict[str, Any],
        text: str,
        update_id: int,
    ) -> Screen | None:
        """A text too long for the province question that names where the talent lives (a
        talents' review, s60: a 371-character story with Bali in it was refused by its
        length): that province offered, and where the story and a question in it may go.
        None for any other text (refused by its length, as before)."""
        if question is None or question.type != "province":
            return None
        named = places.province_in_message(self._content, text)
        if named is None:
            return None
        offered = await self._province_offer(draft, question, answers, text, named, update_id)
        if not offered.matches:
            return offered
        visible = form_order.visible_questions(self._content, answers)
        last = visible[-1].label if visible and visible[-1].type == "long_text" else None
        if last is None:
            return offered
        return replace(offered, note=Text.INTAKE_PLACE_FROM_LONG, note_values={"other": last})

    def _province_of(self, question: Question) -> str | None:
        """The province question whose city question this is, if it is one."""
        questions = self._content.questions.values()
        return next((q.key for q in questions if q.city_question == question.key), None)

    async def _paused(
        self, draft: Draft, question: Question | None, text: str, update_id: int
    ) -> Screen | None:
        """A text saying the talent carries on later, at any step: the form paused, as ⏸
        pressed (a talents' review: "Maaf, saya lanjutkan nanti saja. Ada rapat." at the links
        was refused as no link). Its bare words ("Nanti Saja", a band?) where a text goes are
        asked back: the same text once more is the answer. None for any other text."""
        said = intent_words.says_pause(text)
        if said is None:
            return None
        at_text = draft.stage == QUESTION and question is not None
        if (
            said == intent_words.BARE
            and at_text
            and question is not None
            and question.type in slips.FREE_TEXT
        ):
            later = await self.current(draft, note=Text.INTAKE_LATER)
            return await self._held_back(draft, question, text, update_id, later)
        return await self.press(draft.user_id, Press(draft.id, draft.step, "x"), update_id)

    async def _greeted(
        self,
        draft: Draft,
        question: Question | None,
        text: str,
        sent: datetime | None,
        update_id: int,
    ) -> Screen | None:
        """A greeting at a question, greeted back as the talent greeted (a talents' review:
        "SELAMAT SORE" got "Siap! 😊"); at a name or a city asked back, as chat is there (the
        same text once more is the answer). None for any other text."""
        said = greeting_back(text) if draft.stage == QUESTION and question is not None else None
        if said is None or question is None:
            return None
        values = {"greeting": self._content.messages[said]}
        if question.type == "short_text":
            refused = answer_outcomes.Rejected(Text.INTAKE_GREETED_AT_TEXT, values)
            return await self._asked_back(draft, question, text, sent, update_id, refused)
        answers = await self._applications.answers(draft.id)
        return Screen(
            QUESTION, draft, question, answers, note=Text.INTAKE_GREETED, note_values=values
        )

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


# Words around a yes to a suggestion ("iya yg gmail", "yes, that one").
_POINTING = frozenset("yg yang itu pakai pake the one that".split())  # noqa: SIM905 -- a word list reads best as words


def _agrees(text: str, suggested: str) -> bool:
    """Whether a typed text says yes to the suggested address or name, perhaps naming it or
    part of it ("Iya yg gmail")."""
    named = set(intent_words.fold(suggested).split()) | _POINTING
    said = [word for word in intent_words.fold(text).split() if word not in named]
    return bool(said) and intent_words.says_yes(" ".join(said))


def _typed_as(draft: Draft, question: Question | None) -> str:
    """What a message typed now answers: "short_text" (a name, a city, an "other" text), "data"
    (a link, an address, a number, a province), or "buttons" (a choice, a screen of buttons;
    a long text too: where words beside a wish to start over are no wish's, they are not
    one)."""
    if draft.stage != QUESTION or question is None or question.type == "long_text":
        return "buttons"
    if question.type in slips.CHOICES:
        return "buttons"
    return "short_text" if question.type == "short_text" else "data"


def _without_data(text: str) -> str:
    """A typed text without its words that read as data: an email address, an @handle, a web
    link. The band Reset's "reset.band@gmail.com", "instagram.com/reset.band" or
    "youtu.be/watch?v=restart_live" (its "?" too) say no wish to start over, at whatever step
    they are typed (a new staff review s64, H1: at the email and the link the form offered to
    throw the draft away, for as long as she tried)."""
    return " ".join(word for word in text.split() if not _data_word(word.strip(AROUND_LINK)))


def _data_word(word: str) -> bool:
    return _HANDLE_OR_ADDRESS.search(word) is not None or web_link(word) is not None


_HANDLE_OR_ADDRESS = re.compile(r"@\w")  # "@reset.band", "reset.band@gmail.com"


def _long(question: Question | None) -> bool:
    """A free text where "nanti kami lanjutkan kolaborasinya" may well be the answer."""
    return question is not None and question.type == "long_text"
