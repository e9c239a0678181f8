"""Text typed at a multiple choice (IntakeFlow): the choices it ticks or unticks, "Lainnya"'s
words, languages still being learnt, choices then "itu saja" or then a question.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.content import Question, T
from bot.leads import (
    answer_outcomes,
    asked_questions,
    choice_words,
    field_checks,
    form_order,
    intent_words,
    slips,
    web_links,
)
from bot.leads.intake_screens import (
    QUESTION,
    Listed,
    Screen,
    choice_labels,
    in_place,
    noted_at,
    with_note,
)
from bot.leads.intake_steps import IntakeSteps
from bot.leads.intent_words import fold
from bot.leads.sentence_names import chat_particle, emoji_only
from bot.leads.step_questions import (
    about_the_step,
    asks_at_choices,
)
from bot.store import Draft
from bot.terminal_text import without_controls
from bot.texts import Text

# The questions whose answer is the talent's own words (slips.FREE_TEXT): a name or a sentence
# may read as something else ("Film Salah"), so such a text is asked back, not only refused.
# The notes of a typed selection that ticked all it named, nothing left unsaid.
_ALL_TICKED = frozenset({Text.INTAKE_TICKED, Text.INTAKE_TICKED_WITH_OTHER})
# Words in each item of a typed list that "Lainnya" takes as its words ("Sunda", "Bugis"), and
# beside it a word of a name ("Video musik", "Bahasa isyarat"); an item of more may be a phrase
# ("blm tau"), said and not stored.
_PLAIN_ITEM_WORDS = 1
# A text that is only such items, naming no choice ("music videos", "film eksperimental"):
# a few words each, and none of not or not knowing ("belum tau", "ga ada", "nanti aja").
_ALONE_ITEM_WORDS = 3
_NOT_AN_ITEM = frozenset(
    "belum blm tidak tdk gak ga gk g nggak ngga enggak ndak bukan gatau gatahu gtau tau tahu"  # noqa: SIM905 -- a word list reads best as words
    " bingung ragu lupa nanti ntar entar dulu mungkin kayaknya sepertinya entah pilih pilihan"
    " lewat lewati skip next lanjut selesai done no not none nothing dont unsure maybe later"
    " idk dunno know sure which yg yang itu ini mana apa tombol button lainnya other lain"
    " gimana how what terserah serah bebas pusing puyeng mumet bikin buat garap".split()
)
# The questions about the languages the talent works in: a language named there is the answer,
# only a word of changing asks the bot to speak it (a second attacker's review: "Bukan, Inggris
# aja" at the languages switched the bot to English).
ABOUT_LANGUAGES = frozenset({"languages", "languages_other"})


# Words around a role typed at a role question, not part of it ("aku dancer sih actually,
# cover kpop 💃"; a talents' review s63, L4: refused, the FAQ's own example): who says it, at
# its start ("aku", "saya seorang", "I'm a")...
_ROLE_LEAD = frozenset(
    "aku saya sy gue gw i i'm im am kalau kalo klo tuh itu seorang sebagai jadi a an just"  # noqa: SIM905 -- a word list reads best as words
    " cuma cuman basically actually sebenernya sebenarnya aslinya".split()
)
# ...and chat anywhere in it, with laughter and emoji (sentence_names.chat_particle).
_ROLE_CHAT = frozenset(
    "kak kakak kk bang min ya yaa sih deh dong nih kok actually basically literally tbh btw"  # noqa: SIM905 -- a word list reads best as words
    " sebenernya sebenarnya aslinya".split()
)
_AROUND_WORD = ",.;:!?~"
# A role no choice names that the answers tell the talent to type as "Lainnya" ("Dancer atau
# peran lain yang tidak ada di pilihan? Pilih Lainnya, lalu tulis sendiri, misalnya “dancer,
# cover K-pop”", kpop_auditions): taken as it, said. Not among "Lainnya"'s words, which only
# stop a wrong pick: "Aku penyanyi sama dancer" is the singer, with where the dancer goes.
_UNLISTED_ROLE = re.compile(r"\b(?:dancer|penari|dance\s+cover|cover\s+dance)s?\b")
# ...unless it asks, with no "?" ("dancer bisa daftar ga", "penari termasuk ga"): never stored
# as the role; pick a button, as before.
_ASKS_OF_IT = frozenset(
    "bisa bs boleh blh gimana gmn bagaimana apa apakah kah ga gak gk nggak ngga enggak tidak"  # noqa: SIM905 -- a word list reads best as words
    " ndak mana masuk termasuk ikut daftar can could may how what which".split()
)


def said_role(text: str) -> str:
    """A role typed at a role question without the chat around it ("aku dancer sih
    actually, cover kpop 💃": "dancer, cover kpop"); a comma after a word left out stays
    after the word before it. The text as typed when nothing else is left."""
    kept: list[str] = []
    for word in without_controls(text).split():
        core = word.strip(_AROUND_WORD)
        folded = core.casefold()
        chat = (
            folded in _ROLE_CHAT
            or chat_particle(folded)
            or (not kept and folded in _ROLE_LEAD)
            or emoji_only(core)
        )
        if not chat:
            kept.append(word)
        elif kept and word.endswith(","):
            kept[-1] = kept[-1].rstrip(_AROUND_WORD) + ","
    role = " ".join(kept).strip(_AROUND_WORD + " ")
    return role or text


def _named_by(item: str) -> list[str]:
    """An item's words but those that may be part of any name ("Video musik": "video")."""
    return [word for word in item.split() if intent_words.fold(word) not in choice_words.NAME_WORDS]


def _with_other(
    screen: Screen, question: Question, ticked: Listed, filled: tuple[str, Question, str]
) -> Screen:
    """A screen with what was ticked said, and the words kept as what "Lainnya" is."""
    return noted_at(
        screen,
        question,
        Text.INTAKE_TICKED_WITH_OTHER,
        ticked=ticked,
        left=filled[2],
        other=filled[1].label,
    )


class TypedChoices(IntakeSteps):
    """Reading text typed at a multiple choice."""

    async def _typed_selection(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str, update_id: int
    ) -> Screen | None:
        """Text typed at a multiple choice, None when it says nothing the question can use.
        Choices it names are ticked, as pressing them would (within the maximum), and the
        talent still presses Done. With "Lainnya" ticked, a text naming no choice is what
        "Lainnya" is ("Jawa"): kept as the answer of the "which one?" asked after Done, which
        is then not asked (a talents' review: "pilih Lainnya, lalu tulis sendiri" came three
        times to a talent who had). It goes again if "Lainnya" is unticked before Done."""
        if question.key in ABOUT_LANGUAGES:
            kept_part, learnt = slips.still_learning(text)
            if learnt:  # "korea lg belajar": no language to work in
                return await self._still_learning(
                    draft, question, answers, kept_part, learnt, update_id
                )
        pending = list(draft.pending or [])
        labels = dict(form_order.choices(question, self._content, answers))
        offered = list(labels)
        every = question.choices_from == "programs" and intent_words.says_all(text, len(offered))
        if every:
            named, pending = offered, []  # "Semua", "Dua duanya kang"
        else:
            named, pending = self._changed_choices(question, answers, text, pending)
        if named or pending != list(draft.pending or []):
            selection = [*pending, *(value for value in named if value not in pending)]
            problem = (
                field_checks.check_added(question, selection) if selection != pending else None
            )
            if problem is not None:  # more than the maximum: nothing ticked
                return Screen(QUESTION, draft, question, answers, error=problem)
            gone = [value for value in draft.pending or [] if value not in selection]
            left = [
                item_kept
                for item in (
                    ()
                    if every
                    else choice_words.unnamed_items(question, self._content, answers, text)
                )
                if not choice_words.filler_item(item)  # "Pop, rock, wkwk": no item
                and (item_kept := choice_words.without_swears(item))  # "boom bap jancok"
            ]
            # "documentery": a choice misspelt, never Lainnya's words (a talents' review had
            # a plural of a choice sent there); asked about instead.
            near = [
                value
                for item in left
                for value in (
                    choice_words.named_choices(question, self._content, answers, item, asked=True)
                    or choice_words.near_choices(question, self._content, answers, item)
                )
                if value not in selection
            ]
            filled = (
                None if gone or not named or near else self._other_words(question, answers, left)
            )
            kept: dict[str, Any] = {}
            with_other = [*selection, *(() if filled is None else (filled[0],))]
            with_other = list(dict.fromkeys(with_other))
            if filled is not None and field_checks.check_added(question, with_other) is None:
                # "Indo, sunda, inggris dikit" (a talents' review: told to press Lainnya and
                # type "Sunda" again): Lainnya ticked, the words as what it is.
                selection, kept = with_other, {filled[1].key: filled[2]}
            screen = await self._advance(
                draft, in_place(draft, pending=selection, answers=kept, update_id=update_id)
            )
            if not named:  # "Mucon ga jadi": what was unticked said
                return noted_at(
                    screen, question, Text.INTAKE_UNTICKED, unticked=choice_labels(gone, labels)
                )
            ticked = choice_labels(named, labels)
            if gone:  # "Musisi ke korea aja" with MU:CON ticked: the tick dropped is said
                unticked = choice_labels(gone, labels)
                return noted_at(
                    screen, question, Text.INTAKE_TICKED_ONLY, ticked=ticked, unticked=unticked
                )
            if filled is not None and kept:
                return _with_other(screen, question, ticked, filled)
            if not left:
                return noted_at(screen, question, Text.INTAKE_TICKED, ticked=ticked)
            if near:
                near_labels = choice_labels(list(dict.fromkeys(near)), labels)
                return noted_at(
                    screen, question, Text.INTAKE_TICKED_NEAR, ticked=ticked, near=near_labels
                )
            # "Indonesia, inggris, blm tau": "blm tau" is said, with how to add it (a talents'
            # review: an item was dropped without a word). Not ticked as Lainnya: more than a
            # plain word may be read wrongly (_other_words); the talent adds it in two taps.
            other = form_order.other_follow_up(question, self._content)
            values = {"ticked": ticked, "left": Listed(tuple(left))}
            if other is None:
                return noted_at(screen, question, Text.INTAKE_TICKED_LEFT, **values)
            note = (
                Text.INTAKE_TICKED_LEFT_TYPE
                if other[0] in selection
                else Text.INTAKE_TICKED_LEFT_OTHER
            )
            return noted_at(screen, question, note, other=other[1], **values)
        if pending and (intent_words.says_done(text) or self._chatter(text)):  # "udah kak", "ok"
            return Screen(QUESTION, draft, question, answers, note=Text.INTAKE_PRESS_DONE)
        if not named and not every and pending == list(draft.pending or []):
            alone = await self._other_alone(draft, question, answers, text, update_id)
            if alone is not None:  # "music videos" at the formats: "Lainnya", with it
                return alone
        other = form_order.other_follow_up(question, self._content)
        if other is None or other[0] not in pending or asked_questions.asks(question, text):
            return None
        if about_the_step(question, text) is not None:
            return None  # "ini wajib ga" is about this question, not what "Lainnya" is
        if any(web_links.web_link(word) for word in text.split()):
            return None  # a link is no language or genre (an attacker's review)
        _, label, later = other
        outcome = slips.slip(
            later, text, field_checks.check_text(later, self._content, answers, text)
        )
        if isinstance(outcome, answer_outcomes.Rejected):
            return Screen(QUESTION, draft, question, answers, error=outcome)
        if not isinstance(outcome, answer_outcomes.Accepted):
            return None
        kept = {later.key: outcome.value}
        screen = await self._advance(draft, in_place(draft, answers=kept, update_id=update_id))
        return noted_at(screen, question, Text.INTAKE_OTHER_KEPT, other=label, answer=outcome.value)

    async def _other_named(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str, update_id: int
    ) -> Screen | None:
        """A text at a choice question that names only what "Lainnya" covers ("sound
        engineer, mixing mastering", a talents' review: told to press a button): "Lainnya",
        with the text as its "which one?", without the chat around it (said_role), both said
        (undone with Back). None otherwise."""
        found = form_order.other_follow_up(question, self._content)
        if found is None:
            return None
        value, label, later = found
        named = choice_words.named_choices(question, self._content, answers, text)
        folded = fold(text)
        unlisted = not named and _UNLISTED_ROLE.search(folded) is not None
        if named != [value] and not (unlisted and _ASKS_OF_IT.isdisjoint(folded.split())):
            # "manajer band" names Band/grup too: pressed, not guessed. A dancer is named by
            # no choice, "Lainnya"'s words neither (_UNLISTED_ROLE).
            return None
        role = said_role(text)
        kept = slips.slip(later, role, field_checks.check_text(later, self._content, answers, role))
        if not isinstance(kept, answer_outcomes.Accepted) or not kept.value:
            return None
        new = {question.key: value, later.key: kept.value}
        moved = await self._move_on(draft, answers, new, update_id, after=question.key)
        return with_note(moved, Text.INTAKE_OTHER_TAKEN, other=label, answer=kept.value)

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
        labels = dict(form_order.choices(question, self._content, answers))
        named = [
            labels[value]
            for value in choice_words.named_choices(question, self._content, answers, learnt)
        ]
        left = choice_words.unnamed_items(question, self._content, answers, learnt)
        said = Listed((*named, *left))
        not_ticked = answer_outcomes.Rejected(Text.INTAKE_STILL_LEARNING, {"learning": said})
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
        labels = dict(form_order.choices(question, self._content, answers))
        if typed.note is Text.INTAKE_TICKED_WITH_OTHER:  # "…, shoegaze. Itu saja": what
            # "Lainnya" was filled with is said too (an attacker's review: it was stored unsaid)
            other = form_order.other_follow_up(question, self._content)
            words = typed.note_values["left"]
            if other is not None:
                label = labels[other[0]]
                labels[other[0]] = T(id=f"{label.id} ({words})", en=f"{label.en} ({words})")
        said = choice_labels(
            [value for value in typed.draft.pending or [] if value in labels], labels
        )
        closed = with_note(done, Text.INTAKE_TAKEN, taken=said)
        if typed.error is not None and closed.error is None:  # "korea lagi belajar. Itu saja":
            # why it was not ticked still said (an attacker's review: the note was lost)
            return replace(closed, error=typed.error)
        return closed

    async def _ticked_then_asked(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str, update_id: int
    ) -> Screen | None:
        """Choices, then a question, in one message ("Koproduksi film dan BIFF Asian Project
        Market. Apakah BIFF ACF juga menerima proyek dokumenter?", a talents' review: nothing
        was ticked, and the talent typed them again): ticked as typed alone, said, and the
        question carried for the FAQ. None when the first part ticks nothing (all of it asks)."""
        parts = asked_questions.answered_then_asked(text)
        if parts is None or asks_at_choices(question, self._content, answers, parts[0]):
            return None
        typed = await self._typed_selection(draft, question, answers, parts[0], update_id)
        if typed is None or typed.error is not None or typed.note is Text.INTAKE_PRESS_DONE:
            return None  # nothing stored: read as a question, as before
        return replace(typed, asking=parts[1])

    async def _other_alone(
        self, draft: Draft, question: Question, answers: dict[str, Any], text: str, update_id: int
    ) -> Screen | None:
        """A short text at a multiple choice that names no choice, with "Lainnya" not ticked
        ("music videos" at the formats, "Jawa" at the languages; a talents' review s64, L7:
        refused with the buttons' hint): "Lainnya" ticked, the text as what it is, as beside
        a choice typed (_other_words), and said (untick it with a tap). None for a question,
        chat, a word of not or not knowing ("belum tau"), a sentence, or what no "Lainnya"
        is: the buttons' hint, as before."""
        other = form_order.other_follow_up(question, self._content)
        if (
            other is None
            or other[0] in (draft.pending or [])
            or self._chatter(text)
            or intent_words.hesitates(text)
            or asked_questions.asks(question, text)
            or about_the_step(question, text) is not None
            or not _NOT_AN_ITEM.isdisjoint(fold(text).split())
        ):
            return None
        parts = [part for part in choice_words.list_items(text) if part.strip(" .!")]
        left = choice_words.unnamed_items(question, self._content, answers, text)
        if not left or len(left) != len(parts):  # a part of more words: a sentence
            return None
        if any(
            choice_words.filler_item(item) or choice_words.without_swears(item) != item
            for item in left
        ):
            return None  # "wkwk", "makasih kak": no item
        filled = self._other_words(question, answers, left, words_at_most=_ALONE_ITEM_WORDS)
        selection = [*(draft.pending or []), other[0]]
        if filled is None or field_checks.check_added(question, selection) is not None:
            return None
        kept = {filled[1].key: filled[2]}
        screen = await self._advance(
            draft, in_place(draft, pending=selection, answers=kept, update_id=update_id)
        )
        labels = dict(form_order.choices(question, self._content, answers))
        return _with_other(screen, question, choice_labels([other[0]], labels), filled)

    def _other_words(
        self,
        question: Question,
        answers: dict[str, Any],
        left: list[str],
        *,
        words_at_most: int = _PLAIN_ITEM_WORDS,
    ) -> tuple[str, Question, str] | None:
        """Items a typed list names no choice for ("Sunda" of "Indo, sunda, inggris dikit",
        "shoegaze"), as what "Lainnya" is: its value, its "which one?" and the words for it,
        when they are plain words (one word each, letters only; `words_at_most` each) and
        it is not answered yet. None otherwise: said, with how to add them, as before."""
        other = form_order.other_follow_up(question, self._content)
        if other is None or not left or other[2].key in answers:
            return None
        words = [word for item in left for word in item.split()]
        plain = all(word.replace("-", "").isalpha() for word in words)
        if not plain or any(len(_named_by(item)) > words_at_most for item in left):
            return None
        if not all(choice_words.plausible_other(self._content, question, item) for item in left):
            return None  # "Indonesia, inggris, pelajar": said as not ticked, never stored
        value = ", ".join(left)
        checked = field_checks.check_text(other[2], self._content, answers, value)
        if not isinstance(checked, answer_outcomes.Accepted) or not checked.value:
            return None
        return other[0], other[2], str(checked.value)

    def _other_waits(self, question: Question, answers: dict[str, Any], pending: Any) -> bool:
        """Whether "Lainnya" is ticked at a multiple choice and its "which one?" unanswered."""
        other = form_order.other_follow_up(question, self._content)
        return other is not None and other[0] in (pending or []) and other[2].key not in answers

    def _changed_choices(
        self, question: Question, answers: dict[str, Any], text: str, pending: list[str]
    ) -> tuple[list[str], list[str]]:
        """The choices a text ticks, and what stays ticked of `pending`: "Musisi ke korea aja"
        (a talents' review: it was added to MU:CON) leaves only what it names; "Mucon ga
        jadi", "bukan mucon" untick what they name; only messages of nothing else
        (choice_words.only_these, choice_words.taken_back)."""
        dropped, instead = choice_words.taken_back(question, self._content, answers, text)
        if dropped:  # "bukan korea, inggris": what is named instead ticked, if it was not
            kept = [value for value in pending if value not in dropped]
            return [value for value in instead if value not in kept], kept
        only = choice_words.only_these(question, self._content, answers, text)
        if only:
            return only, []
        return choice_words.named_choices(question, self._content, answers, text), pending
