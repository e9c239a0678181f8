"""A free question's way through the bot: matched, decided, recorded before the reply."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.answers.text import MAX_CHARACTERS, asks_something, summary, words
from bot.answers.verdict import ALTERNATIVES, SUGGESTIONS, Outcome, Thresholds, Verdict, decide
from bot.answers.words import STOPWORDS
from bot.content import Content, FaqItem, Program
from bot.settings import Settings
from bot.store import Store
from bot.store.questions import Asked

if TYPE_CHECKING:  # numpy and bm25s: imported by the matcher, and only where it is built
    from bot.answers.matcher import Matcher

Entry = FaqItem | Program
# An answer the talent said was not what they asked is not given again to them this soon
# for the same question asked again (a talents' review: rephrased, the question got the
# rejected answer back); another question it answers still gets it (a later review: one
# "Not this" hid the entry on how to register from every question after it).
REJECTED_FOR = 60 * 60  # seconds
_NOT_QUESTIONS = (Outcome.GREETING, Outcome.THANKS, Outcome.NUDGE, Outcome.DOUBT)
# With a paused registration, what no entry answers may be the form's answer (a staff review
# s56: "Juara 1 lomba gamelan pelajar 2025" typed to a paused form, listed as a question).
_MAYBE_FORM_ANSWERS = (Outcome.SUGGESTED, Outcome.UNANSWERED)


def thresholds(settings: Settings, *, relay: bool = False) -> Thresholds:
    """The confidence a match needs; after /tanya, an answer needs ASK_RELAY_CONFIDENCE."""
    answer = settings.ask_relay_confidence if relay else settings.ask_answer_confidence
    return Thresholds(answer, min(settings.ask_suggest_confidence, answer))


def entry(content: Content, ref: str) -> Entry | None:
    """The FAQ entry or program page an entry reference names, if the content still has it."""
    kind, _, key = ref.partition(":")
    if kind == "faq":
        return content.faq.get(key)
    if kind == "program":
        return content.programs.get(key)
    return None


@dataclass(frozen=True, slots=True)
class Question:
    """A free message as the handler passes it on."""

    user_id: int
    update_id: int
    message_id: int | None
    language: str
    text: str
    names: tuple[str, ...] = ()  # the talent's names on Telegram: who asks, not what


@dataclass(frozen=True, slots=True)
class Reply:
    """What to answer: the verdict, and the id of the recorded question (for its buttons)."""

    verdict: Verdict
    question_id: int | None = None


class AnswerDesk:
    """Free questions against the content served now."""

    def __init__(self, store: Store, content: Content, matcher: Matcher) -> None:
        self._store = store
        self._content = content
        self._matcher = matcher

    def taught(self, text: str) -> bool:
        """Whether staff taught this wording an entry the content still has (it then wins
        over reading the message as a wish to register: "anak saya mau daftar" taught for the
        parents' entry opened the form, a staff review)."""
        if not self._matcher.teaches:
            return False  # nothing taught: no match needed (this is asked before the match)
        match = self._matcher.match(text)
        return (
            match.taught and match.best is not None and entry(self._content, match.best) is not None
        )

    def verdict(self, text: str, needed: Thresholds, names: tuple[str, ...] = ()) -> Verdict:
        """What the bot would do with this message (only entries the content still has);
        under a direct answer, the entries its `see_also:` names come first."""
        verdict = decide(self._matcher.match(text, names), needed)
        answered = entry(self._content, verdict.entry) if verdict.entry is not None else None
        if verdict.entry is not None and answered is None:
            return Verdict(Outcome.UNANSWERED, confidence=verdict.confidence)
        curated = tuple(answered.see_also) if answered is not None else ()
        others = tuple(
            ref
            for ref in dict.fromkeys((*verdict.also, *curated, *verdict.others))
            if ref != verdict.entry and entry(self._content, ref) is not None
        )[:ALTERNATIVES]
        if others == verdict.others:
            return verdict  # nothing curated, and the content has them all (the rule)
        return Verdict(verdict.outcome, verdict.entry, others, verdict.confidence, verdict.also)

    def considered(self, question: Question, needed: Thresholds) -> Verdict:
        """`verdict` for this talent: not an answer they said "Not this" to lately (the other
        entries that fit the question are offered instead, or nothing if none does)."""
        verdict = self.verdict(question.text, needed, question.names)
        answered = verdict.entry
        if answered is None:
            return verdict
        rejected = self._store.questions.rejected_lately(question.user_id, answered, REJECTED_FOR)
        if not rejected:  # nearly always: no read (`SaidNotThis`), no word read again
            return verdict
        if self._named(question.text, answered) or not asked_again(question.text, rejected):
            return verdict
        others = self.others_than(question.text, answered, needed, question.names)
        if others:
            return Verdict(Outcome.SUGGESTED, None, others[:ALTERNATIVES], verdict.confidence)
        return Verdict(Outcome.UNANSWERED, confidence=verdict.confidence)

    def offered(self, question: Question, verdict: Verdict, needed: Thresholds) -> Verdict:
        """A direct answer made an offer: its entry first among the entries that fit the
        question (not its `see_also:`, which follow an answer given)."""
        if verdict.entry is None:
            return verdict
        others = self.others_than(question.text, verdict.entry, needed, question.names)
        offered = (verdict.entry, *others)[:SUGGESTIONS]
        return Verdict(Outcome.SUGGESTED, None, offered, verdict.confidence)

    def _named(self, text: str, ref: str) -> bool:
        """Whether the message is the entry's own question or title, in either language (a
        talent who typed it means that entry, whatever they said of it before)."""
        found = entry(self._content, ref)
        if found is None:
            return False
        name = found.question if isinstance(found, FaqItem) else found.title
        said = words(text)
        return said in (words(name.id), words(name.en))

    async def ask(self, question: Question, needed: Thresholds, *, paused: bool = False) -> Reply:
        """Match a free message; record it (not greetings and thanks) before any reply.
        `paused`: the talent's registration is paused, so a message no entry answers may be
        an answer for the form (the reply says so): recorded as that, not as a question."""
        verdict = self.considered(question, needed)
        # A message that asks ("Kapan pengumuman hasilnya?") is a question all the same (an
        # attacker's review s56: clear questions left /stats).
        asks = "?" in question.text or asks_something(question.text)
        form_answer = paused and verdict.outcome in _MAYBE_FORM_ANSWERS and not asks
        return await self.record(question, verdict, "chat", form_answer=form_answer)

    async def record(
        self, question: Question, verdict: Verdict, via: str, *, form_answer: bool = False
    ) -> Reply:
        """Record a question and the verdict on it (greetings, thanks and "hmm" are not
        questions, nor is asking back); `form_answer`: see `Asked.form_answer`."""
        if verdict.outcome in _NOT_QUESTIONS:
            return Reply(verdict)
        shortened = summary(question.text, question.names)
        if not shortened:
            return Reply(verdict)  # nothing visible (zero-width characters): nothing to list
        question_id = await self._store.questions.record(
            Asked(
                user_id=question.user_id,
                update_id=question.update_id,
                message_id=question.message_id,
                language=question.language,
                via=via,
                # As far as the matcher reads ("Not this" matches it again); the whole
                # message is in the conversation log and goes to staff as sent.
                text=question.text[:MAX_CHARACTERS],
                summary=shortened,
                outcome=verdict.outcome.value,
                entry=verdict.entry,
                offered=verdict.others,
                confidence=verdict.confidence,
                form_answer=form_answer,
            )
        )
        return Reply(verdict, question_id)

    def others_than(
        self, text: str, answered: str | None, needed: Thresholds, names: tuple[str, ...] = ()
    ) -> tuple[str, ...]:
        """After "Not this": the entries that fit the question, the one answered left out."""
        match = self._matcher.match(text, names)
        close = (ref for ref, fit in match.ranked if fit >= needed.suggest and ref != answered)
        return tuple(ref for ref in close if entry(self._content, ref) is not None)[:SUGGESTIONS]


def asked_again(text: str, earlier: Iterable[str]) -> bool:
    """Whether a message asks again what one of the earlier ones asked: it has at least half
    of that one's words (chat words such as "kak", "gimana" aside)."""
    said = set(words(text)) - STOPWORDS
    for before in earlier:
        asked = set(words(before)) - STOPWORDS
        if asked and 2 * len(asked & said) >= len(asked):
            return True
    return False
