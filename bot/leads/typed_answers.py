"""Typed text the form reads for more than its answer (IntakeFlow): a button's words, a copy
sent twice, the rest of the answer before, links added, a choice said to be wrong, a province
offered, "Lainnya" named, too long a text, several links, a wish for another language.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.content import Question
from bot.leads import (
    answer_outcomes,
    change_wish,
    choice_words,
    field_checks,
    form_order,
    intent_words,
    places,
    slips,
    web_links,
)
from bot.leads.change_wish import CHANGING, WRONG
from bot.leads.email_typos import EmailSuggestion, comma_for_dot
from bot.leads.intake_screens import (
    OFFERED,
    QUESTION,
    REVIEW,
    SENT_TWICE_TOLD,
    SENT_TWICE_WITHIN,
    Screen,
    asked_once,
    at_once,
    in_place,
    navigation,
    noted_at,
    offered_province,
    refused_at,
    still_at,
    with_note,
)
from bot.leads.intake_steps import IntakeSteps
from bot.leads.language_wish import language_asked, language_named, may_be_a_name
from bot.leads.sentence_names import FULL_NAME, NAME_QUESTIONS, without_particles
from bot.leads.typed_choices import ABOUT_LANGUAGES
from bot.store import Draft
from bot.store.db import ago
from bot.texts import Text

# A text at a question of buttons this soon after a long text's answer, and this long, is the
# rest of that answer, sent as a second message.
CONTINUED_WITHIN = 2 * 60
CONTINUED_WORDS = 3
# How a text of links starts that adds them to the links before ("Sama youtube.com/@x", "and
# tiktok @x", "+ ig @x"); a link alone at the works is the works (an attacker's review).
_ADDING = re.compile(r"\s*(?:\+|&|(?:sama|sm|ama|and|also|juga|jg|dan|plus|terus|trs)\b)", re.I)
# The questions whose answer a copy would repeat (not a choice: a copy's label is no answer);
# the optional ones it would fill are slips.FREE_TEXT (a stage name, other links, a note).
_TYPED = frozenset({"short_text", "long_text", "url", "email", "phone", "number"})
# A typed no to the province offered besides DENIALS' ("salah", "nope", Javanese "mboten",
# Sundanese "sanes"; a talents' review: the offer was kept, "salah" read as no place at all).
_NOT_SO = WRONG | {"incorrect", "nope", "mboten", "boten", "sanes"}


# Where a profile link is asked back (_profile_asked_back).
_FREE = frozenset({"short_text", "long_text"})


class TypedAnswers(IntakeSteps):
    """Reading a typed text around the answer it may be."""

    def _comma_for_dot(
        self, question: Question, answers: dict[str, Any], text: str
    ) -> EmailSuggestion | None:
        """The address a refused text meant with a comma for a dot, if it then is one."""
        found = comma_for_dot(text)
        if found is None:
            return None
        mended = field_checks.check_text(question, self._content, answers, found[1])
        if not isinstance(mended, answer_outcomes.Accepted):
            return None
        return EmailSuggestion(found[0], str(mended.value), keepable=False)

    async def _asked_back(
        self,
        draft: Draft,
        question: Question,
        text: str,
        sent: datetime | None,
        update_id: int,
        refused: answer_outcomes.Rejected,
    ) -> Screen | None:
        """The question again with why the text was not taken, its digest kept with the draft;
        None when it is that text sent once more, after the note could be read: the answer."""
        said_again = asked_once(text)
        if draft.pending == said_again and not at_once(draft, sent):
            return None
        kept = in_place(draft, pending=said_again, update_id=update_id)
        return refused_at(await self._advance(draft, kept), question, refused)

    def _said_again(
        self, draft: Draft, question: Question | None, text: str, sent: datetime | None
    ) -> bool:
        """Whether a text at a text question is the one held back there (_held_back), sent
        once more after the note could be read: the answer."""
        return (
            draft.stage == QUESTION
            and question is not None
            and question.type in slips.FREE_TEXT
            and draft.pending == asked_once(text)
            and not at_once(draft, sent)
        )

    async def _held_back(
        self, draft: Draft, question: Question | None, text: str, update_id: int, held: Screen
    ) -> Screen:
        """`held`, the screen for a text not taken (a "later", a slip); at a text question,
        where it may be the answer all the same, with "send it once more", its digest kept
        with the draft (_said_again)."""
        if draft.stage != QUESTION or question is None or question.type not in slips.FREE_TEXT:
            return held
        kept = await self._advance(
            draft, in_place(draft, pending=asked_once(text), update_id=update_id)
        )
        if not still_at(kept, question):
            return kept
        return replace(
            kept,
            note=held.note,
            note_values=held.note_values,
            offered=held.offered,
            error=answer_outcomes.Rejected(Text.INTAKE_SEND_AGAIN),
        )

    async def _continued(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str
    ) -> Screen | None:
        """A text at a question of buttons, soon after a long text was answered just before
        it: perhaps the rest of that answer, sent as a second message (a talents' review: "Ep
        pertama kita", then "Judulnya Kabut Lembang rilis 2023, …" was refused at the programs
        and lost), perhaps not (an attacker's review: "mau ikut yang ke korea kak", a phone
        number, were added to it). Nothing is stored; the question stays, with how to add it
        (Back, and the whole answer again). None otherwise."""
        before = await self._just_answered(draft, question, answers)
        if (
            before is None
            or before[0].holds_links  # links are added (_links_added), not said
            or len(text.split()) < CONTINUED_WORDS
            or choice_words.about_the_choices(question, self._content, answers, text)
        ):
            return None
        previous, held = before
        joined = field_checks.check_text(previous, self._content, answers, f"{held}\n{text}")
        if not isinstance(joined, answer_outcomes.Accepted):
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

    async def _typed_at_review(self, draft: Draft, text: str) -> tuple[str, str, str | None] | None:
        """At the review or the list of answers to change, the press a text means: a button's
        label typed ("Ubah jawaban", "Usia"), or, at the review, a wish to change one answer
        it names ("Saya ingin mengubah usia saya."; a talents' review had both refused, where
        typed labels work everywhere else in the form), with the new value it says, to be
        offered ("nama PH ganti jadi Lontara Pictures"). None otherwise."""
        answers = await self._applications.answers(draft.id)
        shown = [
            question
            for question in form_order.visible_questions(self._content, answers)
            if question.key in answers
        ]
        keys = [("r", Text.BTN_TO_REVIEW)]
        if draft.stage == REVIEW:
            submit = Text.BTN_SUBMIT if draft.amends is None else Text.BTN_UPDATE_SAVE
            keys = [("ok", submit), ("e", Text.BTN_EDIT), ("x", Text.BTN_PAUSE)]
            if draft.amends is not None:
                keys.append(("w", Text.BTN_UPDATE_WALK))
        languages = ("id", "en")
        buttons = [
            (action, "", self._content.text(key, lang))
            for action, key in keys
            for lang in languages
        ]
        if draft.stage != REVIEW:  # the answers' buttons
            buttons += [("e", q.key, q.label.get(lang)) for q in shown for lang in languages]
        for action, argument, label in buttons:
            if slips.types_label(text, label):
                return action, argument, None
        spaced = one_space(text)
        becomes = _BECOMES.search(spaced)
        said = spaced if becomes is None else spaced[: becomes.start()] + spaced[becomes.end() :]
        named = choice_words.named_questions(shown, said)
        others = [question for question in shown if question.key in _OTHER_NAMES]
        bare = [question.key for question in named] == [FULL_NAME] and choice_words.names_bare(said)
        if bare and others:  # "kami baru ganti nama": whose name? asked
            named = [*named, *others]
        words = set(intent_words.fold(text).split())
        if draft.stage == REVIEW and not named and _only_changing(words) and "?" not in text:
            return "e", "", None  # "ubah", "edit dong", "mau ganti kak": as Ubah jawaban (a review)
        if draft.stage == REVIEW and not intent_words.SEND.isdisjoint(words):
            return None  # "kirim aja kak, nanti kalau ganti nomor HP saya kabari": no change
        contact = self._contact_typed(shown, answers, text)
        if contact is not None:  # "laras.anim8@gmail.com", "yang bener …@gmail.com": offered
            return contact
        # A correction too ("kota saya tulis kepanjangan, harusnya Bantul saja", "NAMA BAND NYA
        # SALAH"; a talents' review: told to use the buttons): that answer's edit.
        changing = draft.stage != REVIEW or not CHANGING.isdisjoint(words) or slips.corrects(text)
        if not changing or "?" in text or not named:
            return None
        if len(named) > 1:  # "rumah produksi dan nama saya salah": which, asked (the list)
            return ("e", "", None) if draft.stage == REVIEW else None
        # "mau ganti kota", "Usia saya"; "nama PH ganti jadi Lontara Pictures": offered.
        [question] = named
        new = None if becomes is None else self._new_value(question, answers, becomes["value"])
        return "e", question.key, new

    def _contact_typed(
        self,
        shown: list[Question],
        answers: dict[str, Any],
        text: str,
    ) -> tuple[str, str, str | None] | None:
        """The edit of the email or the phone number a text at the review holds, alone or in
        a sentence that names no other answer ("laras.anim8@gmail.com", "+62-857-1234-5678",
        "emailku salah, yang bener …"; a talents' review s62, M5: "use the buttons", or the
        edit opened without it), with it offered as the new one: not when it is the one
        already given, nor the hint's example. None for any other text."""
        found = None if "?" in text else change_wish.carried(self._content, text)
        if found is None:
            return None
        key, value = found
        question = self._content.questions[key]
        # The words beside it, without the address ("nama.band@gmail.com" names no name).
        beside = " ".join(word for word in text.split() if "@" not in word)
        named = choice_words.named_questions(shown, beside)
        if key not in {shown.key for shown in shown} or any(q.key != key for q in named):
            return None
        copied = field_checks.example_copied(question, answer_outcomes.Accepted(value))
        return "e", key, None if value == answers.get(key) or copied is not None else value

    def _new_value(self, question: Question, answers: dict[str, Any], said: str) -> str | None:
        """The new name a wish to change says ("… ganti jadi Lontara Pictures"), as the
        question would take it, or None."""
        value = without_particles(said.strip(_QUOTES + " ")).strip(_QUOTES + " ")
        if question.type not in _NEW_VALUE_TYPES or len(value.split()) > _NEW_VALUE_WORDS:
            return None
        outcome = field_checks.check_text(question, self._content, answers, value)
        if not isinstance(outcome, answer_outcomes.Accepted) or not isinstance(outcome.value, str):
            return None
        return None if outcome.value == answers.get(question.key) else outcome.value

    def _navigation_labels(self) -> list[str]:
        """The labels, in both languages, of every button that moves through the form."""
        return [
            self._content.text(key, language)
            for key in (Text.BTN_BACK, Text.BTN_SKIP, Text.BTN_PAUSE, Text.BTN_TO_REVIEW)
            for language in ("id", "en")
        ]

    async def _just_answered(
        self, draft: Draft, question: Question, answers: dict[str, Any]
    ) -> tuple[Question, str] | None:
        """The text question before this one and its answer, when that answer was given
        moments ago (CONTINUED_WITHIN) and this question was asked right after it, going on
        through the form: a text now may be its second part, sent as a second message. Not
        when editing, nor after any step since (an attacker's review: a press, "Ubah
        jawaban" or Back, 130 s after the links, had a link at the works moved to them)."""
        previous = form_order.previous_question(self._content, answers, question.key)
        held = answers.get(previous.key) if previous is not None else None
        if (
            draft.editing
            or previous is None
            or previous.type != "long_text"
            or not isinstance(held, str)
            or not held.strip()
        ):
            return None
        given = await self._applications.answered_at(draft.id, previous.key)
        # The step that stored it is stamped just before it; any later one after it.
        if given is None or given < ago(CONTINUED_WITHIN) or draft.updated_at > given:
            return None
        return previous, held

    async def _links_added(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str, update_id: int
    ) -> Screen | None:
        """A text of links only ("Sama youtube.com/@sekaadigital"), soon after the links
        question before this one was answered: the second part of that answer (a talents'
        review: it was stored as the notable works). So is one of profiles only, without
        a word of adding ("Instagram: instagram.com/tobasinema", sent as the second of a
        burst; a talents' review s65, F2). Added to it, said, and this question asked again
        (Back shows it). None otherwise."""
        added = slips.named_links(text)
        adds = added and (_ADDING.match(text) or web_links.profile_addresses(added))
        before = await self._just_answered(draft, question, answers) if adds else None
        if before is None or not before[0].holds_links:
            return None  # a link alone ("youtube.com/…", a work) is this question's answer
        previous = before[0]
        read = field_checks.links_joined(previous, self._content, answers, added)
        if read is None:
            return None  # too long to be added: this question's, as before
        links, joined = read
        values = {"links": links.replace("\n", ", "), "field": previous.label}
        if joined is None:  # all of it there already: nothing to add
            return Screen(
                QUESTION, draft, question, answers, note=Text.INTAKE_LINKS_ADDED, note_values=values
            )
        kept = in_place(draft, answers={previous.key: joined}, update_id=update_id)
        return noted_at(
            await self._advance(draft, kept), question, Text.INTAKE_LINKS_ADDED, **values
        )

    async def _profile_asked_back(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        text: str,
        sent: datetime | None,
        update_id: int,
    ) -> Screen | None:
        """A text of profile links only ("Instagram: instagram.com/tobasinema") at a free
        text after the links question, past the moments after it (_links_added): asked back
        with where it belongs (a talents' review s65, F2: stored as the proudest work); the
        same text once more is this answer. Not at the note to the team, which takes
        anything. None otherwise."""
        if question.type not in _FREE or question.holds_links or question.welcomes_questions:
            return None
        if not web_links.profile_addresses(slips.named_links(text)):
            return None
        links = form_order.links_before(self._content, answers, question.key)
        if links is None:
            return None  # the links still ahead, or none
        refused = answer_outcomes.Rejected(Text.INTAKE_PROFILE_LINK_HERE, {"field": links.label})
        return await self._asked_back(draft, question, text, sent, update_id, refused)

    async def _profile_at_buttons(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        text: str,
        update_id: int,
    ) -> Screen | None:
        """A text of profile links only at a question of buttons after the links question
        (a newcomers' review s65, F1: the last of a burst of links reached the programs and
        got only "pilih dari tombol", lost): added to the links when they were answered
        moments ago (CONTINUED_WITHIN, steps since or not: no button takes a link) and said;
        later, when editing, or too long together, where they belong. The buttons stay as
        they are (what is ticked too). None otherwise."""
        if question.type not in slips.CHOICES:
            return None
        added = slips.named_links(text)
        if not web_links.profile_addresses(added):
            return None
        links = form_order.links_before(self._content, answers, question.key)
        if links is None:
            return None  # the links still ahead ("nanti ada pertanyaannya"), or none
        given = await self._applications.answered_at(draft.id, links.key)
        read = field_checks.links_joined(links, self._content, answers, added)
        if given is None or given < ago(CONTINUED_WITHIN) or read is None or draft.editing:
            refused = answer_outcomes.Rejected(
                Text.INTAKE_PROFILE_LINK_AT_BUTTONS, {"field": links.label}
            )
            return Screen(QUESTION, draft, question, answers, error=refused)
        said, joined = read
        kept = {} if joined is None else {links.key: joined}
        screen = await self._advance(draft, in_place(draft, answers=kept, update_id=update_id))
        added_to = {"field": links.label, "links": said.replace("\n", ", ")}
        return noted_at(screen, question, Text.INTAKE_LINKS_ADDED_AT_BUTTONS, **added_to)

    def _picked_wrong(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str
    ) -> Screen | None:
        """The question again, with the earlier one a text says was answered wrong offered
        (a talents' review: "Eh salah kak, harusnya musik bukan film" was stored as the
        production house, and Bidang was four Backs away); None if it says no such thing."""
        wrong = slips.picked_wrong(question, self._content, answers, text)
        if wrong is None:
            return None
        note, offered = Text.INTAKE_PICKED_WRONG, wrong.question.key
        values: dict[str, Any] = {"field": wrong.question.label}
        if wrong.choice is None:  # "usia saya salah, seharusnya 35-44" at the city
            note = Text.INTAKE_CHANGE_EARLIER
        else:
            values["choice"] = dict(form_order.choices(wrong.question, self._content, answers))[
                wrong.choice
            ]
        return Screen(
            QUESTION, draft, question, answers, note=note, note_values=values, offered=offered
        )

    async def _province_offer(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        text: str,
        outcome: answer_outcomes.Rejected | answer_outcomes.Matches,
        update_id: int,
    ) -> Screen:
        """A text at the province question that names no one province for sure. One province
        offered ("Surabaya ada di Jawa Timur. Betul ini provinsimu?") is kept with the draft,
        so that a typed yes ("iya bener", a talents' review: "province not found", and the
        city forgotten) confirms it as its button does; a text naming no place (and no "no") keeps
        it; anything else forgets it."""
        offered = offered_province(draft.pending)
        if offered is not None and intent_words.says_yes(text, already=True):  # "udah bener"
            value, city = offered
            if city:
                return await self._city_province(
                    draft, question, answers, f"{value}:{city}", update_id
                )
            return await self._answer(draft, question, answers, value, update_id)
        denies = not (choice_words.DENIALS | _NOT_SO).isdisjoint(intent_words.fold(text).split())
        if offered is not None and isinstance(outcome, answer_outcomes.Rejected) and not denies:
            # A text naming no place, nor saying no ("baru 2 thn kak", the next question's
            # answer; a talents' review: the offer was gone, the whole list back): why, and
            # the offer kept.
            value, place = offered
            place = place.partition(":")[0]  # without the kind ("3:Kabupaten")
            known = self._content.provinces[value].cities
            named = known[int(place)] if place.isdigit() and int(place) < len(known) else None
            screen = Screen(QUESTION, draft, question, answers, error=outcome)
            return replace(screen, matches=[value], city=named)
        offer = None
        if isinstance(outcome, answer_outcomes.Matches) and len(outcome.values) == 1:
            value = outcome.values[0]
            cities = self._content.provinces[value].cities
            city = str(cities.index(outcome.city)) if outcome.city in cities else ""
            # "Kab. Bandung": the kind kept beside the city's place in the list
            kind = places.kind_typed(text, outcome.city) if city and outcome.city else ""
            offer = f"{OFFERED}{value}:{city}" + (f":{kind}" if kind else "")
        if offer == draft.pending:
            screen = Screen(QUESTION, draft, question, answers)
        else:
            screen = await self._advance(draft, in_place(draft, pending=offer, update_id=update_id))
            if not still_at(screen, question):
                return screen
        if isinstance(outcome, answer_outcomes.Rejected):
            return replace(screen, error=outcome)
        return replace(screen, matches=outcome.values, city=outcome.city, guessed=outcome.guessed)

    def _too_long(
        self, question: Question, answers: dict[str, Any], refused: answer_outcomes.Rejected
    ) -> answer_outcomes.Rejected:
        """A text over the limit, with where the rest may go: the last question, a free text
        still ahead ("Pesan untuk tim kami"; a talents' review: a 1,531-character bio was only
        asked to be shortened, and the talent found that place herself)."""
        visible = form_order.visible_questions(self._content, answers)
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
        return answer_outcomes.Rejected(
            Text.INTAKE_TOO_LONG_REST, {**refused.values, "other": last.label}
        )

    async def _links(
        self,
        draft: Draft,
        question: Question,
        answers: dict[str, Any],
        outcome: answer_outcomes.Accepted,
        update_id: int,
    ) -> Screen:
        """The first of several links is the answer; the others go to the links question
        after it ("Tautan lain"), added to what it holds, and that is said (undone with Back).
        Without such a question, or if they do not fit it, only the first is kept, as said.
        A password beside them is left out (masked where the message is kept as it was read:
        IntakeFlow.text), and said."""
        count = len(outcome.more)
        carried, first = (
            (Text.INTAKE_LINKS_CARRIED_NO_PASSWORD, Text.INTAKE_FIRST_LINK_NO_PASSWORD)
            if outcome.password_left
            else (Text.INTAKE_LINKS_CARRIED, Text.INTAKE_FIRST_LINK_KEPT)
        )
        merged = {**answers, question.key: outcome.value}
        visible = form_order.visible_questions(self._content, merged)
        place = next(i for i, shown in enumerate(visible) if shown.key == question.key)
        later = next((shown for shown in visible[place + 1 :] if shown.holds_links), None)
        if later is not None:
            held = answers.get(later.key)
            lines = [line for line in str(held or "").split("\n") if line.strip()]
            joined = "\n".join([*lines, *(link for link in outcome.more if link not in lines)])
            checked = field_checks.check_text(later, self._content, answers, joined)
            if isinstance(checked, answer_outcomes.Accepted):
                new = {question.key: outcome.value, later.key: checked.value}
                moved = await self._move_on(draft, answers, new, update_id, after=question.key)
                return with_note(moved, carried, count=count, other=later.label)
        answered = await self._answer(draft, question, answers, outcome.value, update_id)
        return with_note(answered, first, count=count)

    async def _language_wished(
        self, draft: Draft, question: Question | None, text: str
    ) -> str | None:
        """The language a message asks the bot to speak (language_wish), read where the form
        is: at a free text a sentence may be about a language ("apakah programnya bisa pakai
        bahasa Inggris?", to the team), at the languages question it names the answer."""
        if draft.stage != QUESTION or question is None:
            return language_asked(text)
        if question.key in ABOUT_LANGUAGES:  # "Bukan, Inggris aja": an answer, however put
            return language_asked(text, names_languages=True)
        if question.type in ("single_choice", "multi_choice"):
            answers = await self._applications.answers(draft.id)
            if choice_words.named_choices(question, self._content, answers, text):
                return language_asked(text, names_languages=True)  # "bahasa Inggris saja"
        return language_asked(text, strict=question.type == "long_text")

    @staticmethod
    def _may_be_named(draft: Draft, question: Question | None, text: str) -> bool:
        """Whether a text asking for a language, at a name, may be the name ("English
        Please", a band's), to be asked about rather than switched (may_be_a_name)."""
        return (
            draft.stage == QUESTION
            and question is not None
            and question.key in NAME_QUESTIONS
            and may_be_a_name(text)
        )

    @staticmethod
    def _language_only_named(
        draft: Draft, question: Question | None, text: str, language: str | None
    ) -> str | None:
        """The other language a text at a name is nothing but the name of ("In English",
        "bahasa indonesia" in English; a talents' re-check, s59: stored as the stage name), to
        be asked about as "English Please" is; None for anything else."""
        named = language_named(text)
        at_a_name = (
            draft.stage == QUESTION and question is not None and question.key in NAME_QUESTIONS
        )
        return named if at_a_name and named != language else None

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
        if sent is not None and not at_once(draft, sent):
            return False  # typed after the question arrived: the talent's answer to it
        previous = form_order.previous_question(self._content, answers, question.key)
        if previous is None or previous.type not in _TYPED or answers.get(previous.key) is None:
            return False
        given = answers[previous.key]
        if text.strip() == str(given).strip():
            return True
        outcome = field_checks.check_text(previous, self._content, answers, text)
        outcome = slips.slip(previous, text, outcome)
        return isinstance(outcome, answer_outcomes.Accepted) and outcome.value == given


# "ubah", "mau edit kak", "change please" typed at the review: the Ubah jawaban button's press
# (a talents' review: "use the buttons"). Words of changing only, with chat around them.
_CHANGE_ONLY = frozenset(
    "ubah ubahin rubah diubah edit ngedit ganti gantiin diganti change koreksi ralat revisi"  # noqa: SIM905 -- a word list reads best as words
    " perbaiki benerin betulin".split()
)
_AROUND_CHANGE = frozenset(
    "mau pengen ingin boleh tolong please dulu jawaban jawabannya jawabanku want to like answer"  # noqa: SIM905 -- a word list reads best as words
    " answers something an yg yang ada kang d".split()
)


# The new value a wish to change says after it ("nama PH ganti jadi Lontara Pictures", "change
# the band name to Kalasenja", "kotaku salah, yang bener Bantul"), up to its sentence's end or
# a comma.
# Searched in the text with each run of white space one character (`one_space`): no run of
# spaces for its quantifiers to split many ways (a final review s61: 0.3 s on 4,096 spaces).
_BECOMES = re.compile(
    r"\s(?:jadi|menjadi|jd|ke|to|into|(?:yang|yg) (?:bener|benar|betul)|(?:se)?harusnya"
    r"|should be)\s(?P<value>[^,;!?\n]+?)\s?(?=[,;!?\n]|\.(?:\s|$)|$)",
    re.I,
)
_SPACES = re.compile(r"\s+")


def one_space(text: str) -> str:
    """A text with each run of white space one character: a line break if it holds one."""
    return _SPACES.sub(lambda run: "\n" if "\n" in run.group() else " ", text)


_NEW_VALUE_TYPES = frozenset({"short_text", "email", "phone"})
_NEW_VALUE_WORDS = 6
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
# The name questions other than the full name, which a bare "nama" may mean.
_OTHER_NAMES = NAME_QUESTIONS - {FULL_NAME}


def _only_changing(words: set[str]) -> bool:
    """Whether folded words only ask to change an answer, naming none ("mau ubah dulu")."""
    said = words - intent_words.CHAT_WORDS - _AROUND_CHANGE
    return bool(said) and said <= _CHANGE_ONLY
