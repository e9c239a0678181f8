"""/stats and `kocca-bot stats`: what talents asked the bot this week, what it could not
answer and which answers they rejected (as masked summaries: e-mail addresses, phone numbers,
long digit runs, @handles, links and the talent's own names are masked; another name a talent
typed is not, as nothing tells names reliably from words)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.answers.desk import entry
from bot.answers.text import ELLIPSIS, content_stems, masked_again, words
from bot.answers.verdict import Outcome, Thresholds, decide
from bot.content import Content, FaqItem, Markup
from bot.store import Store
from bot.store.questions import FreeQuestions, Listed, Listing, Week, Wording
from bot.texts import Text

if TYPE_CHECKING:  # numpy and bm25s: imported by the matcher, and only where it is built
    from bot.answers.matcher import Matcher

AnswerNow = Callable[[str], str | None]  # a question's text -> the entry answering it now
WEEK = timedelta(days=7)
TOP_UNANSWERED = 10
# Questions of one list staff can see in all, on asking for more than its ten (the workspace's
# Stats tab): beyond them, the least asked are counted, not shown.
MOST_LISTED = 200
# Wordings read to make the lists, the most asked first: beyond them (a week of more than
# 2,000 ways of asking), the least asked are left out, each asked by one talent.
WORDINGS_READ = 2000
EACH_TALENTS = 20  # a talent's newest questions read for them: a flood is one talent's 20
OTHERS_SHOWN = 5  # other wordings named under a listed question (all are counted)
TYPED_MATCHED = 5  # texts talents typed, of a listed question, matched again for "now answered"
# What summary() writes where it masked something (bot/answers/text.py).
_MASKS = re.compile(r"<(?:name|email|handle|link|number)>")


async def compute(store: Store, now: datetime, staff: Iterable[int]) -> Week:
    """The last seven days, read from a snapshot of their own (off the talents' reader);
    `staff` (ADMIN_IDS) trying the bot are not counted.

    The listed summaries are masked again with today's rules: one stored by an older version
    of the bot, whose rules missed some numbers or addresses ("WA081234567890", "sari @
    gmail.com"), must not show them now.
    """
    since = (now - WEEK).isoformat(timespec="microseconds")
    async with store.db.snapshot() as view:
        week = await FreeQuestions.week(view, since, staff)
        lists = {
            listing: await FreeQuestions.wordings(
                view, since, staff, listing, most=WORDINGS_READ, each=EACH_TALENTS
            )
            for listing in Listing
        }
    grouped = {listing: together(lists[listing]) for listing in Listing}
    return replace(
        week,
        top_unanswered=grouped[Listing.UNANSWERED][:TOP_UNANSWERED],
        top_suggested=grouped[Listing.SUGGESTED][:TOP_UNANSWERED],
        top_not_this=grouped[Listing.REJECTED][:TOP_UNANSWERED],
        more={listing: max(len(items) - TOP_UNANSWERED, 0) for listing, items in grouped.items()},
        further={listing: items[TOP_UNANSWERED:MOST_LISTED] for listing, items in grouped.items()},
    )


def together(wordings: Iterable[Wording], top: int | None = None) -> list[Listed]:
    """The wordings of one question as one line, counted by the talents who asked it in any
    of them: the same content words, stemmed ("tiket pesawat ditanggung gak?", "apakah tiket
    pesawatnya ditanggung kak"), in any order; for a rejected answer, the same entry too. The
    most asked first, and each shown in its wording most talents used (the shortest of
    those: text added to a question's words, such as a run of letters no word has, does not
    make it the one staff read). A wording of masks alone is left out (`only_masks`)."""
    groups: dict[tuple[frozenset[str] | str, str | None], list[Wording]] = {}
    for wording in wordings:
        masked = replace(wording, summary=masked_again(wording.summary))
        if only_masks(masked.summary):
            continue  # counted in the week's figures, listed nowhere
        stems = frozenset(content_stems(words(masked.summary)))
        # A question of chat words only ("gimana kak?") has no stems: by its wording alone.
        key = (stems or masked.summary.casefold().strip(" ?!."), masked.entry)
        groups.setdefault(key, []).append(masked)
    listed = []
    for group in groups.values():
        group.sort(key=lambda w: (-len(w.talents), len(w.summary), w.summary))
        talents = frozenset[int]().union(*(wording.talents for wording in group))
        shown = group[0].summary
        others = tuple(dict.fromkeys(w.summary for w in group[1:] if w.summary != shown))
        chosen, chosen_by = _most_chosen(group)
        typed = tuple(dict.fromkeys(text for wording in group for text in wording.typed))
        listed.append(
            Listed(
                shown,
                len(talents),
                group[0].entry,
                others[:OTHERS_SHOWN],
                1 + len(others),
                chosen,
                chosen_by,
                typed[:TYPED_MATCHED],
            )
        )
    listed.sort(key=lambda item: (-item.count, item.question))
    return listed[:top]


def only_masks(summary: str) -> bool:
    """Whether a summary is masks and nothing else ("<name><email>", "<number>": a talent's
    contact typed into the chat): no one can read what was asked, nor teach the bot its
    answer (a staff review found such lines on top of the list, each with "Ajari bot")."""
    return not any(character.isalnum() for character in _MASKS.sub("", summary))


def _most_chosen(group: Iterable[Wording]) -> tuple[str | None, int]:
    """The entry offered that the most talents who asked a question opened, and how many (a
    talent counted once per entry, however often they opened it); ties go to the first
    entry in order, so the same lists show the same."""
    talents: dict[str, set[int]] = {}
    for wording in group:
        for talent, ref in wording.opened:
            talents.setdefault(ref, set()).add(talent)
    if not talents:
        return None, 0
    ref = min(talents, key=lambda key: (-len(talents[key]), key))
    return ref, len(talents[ref])


def answers_now(content: Content, matcher: Matcher, needed: Thresholds) -> AnswerNow:
    """What the content served now answers a text with, if directly (`answer_now`): what
    staff's new phrasings (and /reload) have answered since it was asked."""
    return lambda text: answer_now(text, content, matcher, needed)


def unmasked(summary: str) -> str:
    """A listed question as words to match: without its masks (the talent's number or name
    was never a word to match on, and "<number>" read as "number" matched the contacts page
    better than what the talent typed: a staff review s63) and without a word its cut left
    half ("apakah saya bis…")."""
    if summary.endswith(ELLIPSIS):
        summary = summary.removesuffix(ELLIPSIS).rpartition(" ")[0]
    return " ".join(_MASKS.sub(" ", summary).split())


def answer_now(text: str, content: Content, matcher: Matcher, needed: Thresholds) -> str | None:
    """The entry the content served now answers a text with directly, if any."""
    verdict = decide(matcher.match(text), needed)
    ref = verdict.entry if verdict.outcome is Outcome.ANSWERED else None
    return ref if ref is not None and entry(content, ref) is not None else None


def newly_answered(
    now: AnswerNow, question: str, rejected: str | None = None, typed: Iterable[str] = ()
) -> str | None:
    """The entry the content now answers a listed question with directly, as talents typed
    it (`typed`: their texts, as kept; without any, its summary without the masks): one entry
    for each of them, else none (a staff review s63: "apakah nomor 0813-9999-1234 itu nomor
    resmi kantor kocca jakarta?" still got suggestions, while its masked summary matched the
    contacts page, and the list said ✅). None too if it is the entry a talent rejected ("Bukan
    ini"): then nothing has changed for it."""
    texts = tuple(typed) or (unmasked(question),)
    answered = {now(text) for text in texts}
    ref = answered.pop() if len(answered) == 1 else None
    return ref if ref != rejected else None


def title(content: Content, ref: str, language: str) -> str:
    """An entry as talents see it named: the FAQ question, or the program page's title."""
    found = entry(content, ref)
    if found is None:  # a reload removed it since
        return content.text(Text.STATS_ENTRY_GONE, language)
    return (found.question if isinstance(found, FaqItem) else found.title).get(language)


def report(
    week: Week,
    content: Content,
    language: str,
    now: AnswerNow = lambda _: None,
    *,
    workspace: bool = False,
) -> str:
    """The questions section of the statistics; `now`: `answers_now` of the content served;
    `workspace`: the deployment has the staff workspace, whose Stats tab teaches the bot."""
    text = content.text(
        Text.STATS_QUESTIONS,
        language,
        answered=week.answered,
        suggested=week.suggested,
        unanswered=week.unanswered,
        not_this=week.not_this,
    )
    parts = [text]
    # Under each list, how many more it leaves out, and where staff see them.
    left_out = (
        Text.STATS_QUESTIONS_LEFT_OUT_WORKSPACE if workspace else Text.STATS_QUESTIONS_LEFT_OUT
    )

    def more(listing: Listing) -> list[str]:
        count = week.more.get(listing, 0)
        return [content.text(left_out, language, count=count)] if count else []

    for heading, items, listing in (
        (Text.STATS_QUESTIONS_TOP, week.top_unanswered, Listing.UNANSWERED),
        (Text.STATS_QUESTIONS_SUGGESTED_TOP, week.top_suggested, Listing.SUGGESTED),
    ):
        if items:
            lines = [
                _listed(
                    content,
                    language,
                    Text.STATS_QUESTIONS_LINE,
                    item,
                    newly_answered(now, item.question, typed=item.typed),
                )
                for item in items
            ]
            parts.append(_section(content, language, heading, lines + more(listing)))
    if week.top_not_this:
        lines = [
            _listed(
                content,
                language,
                Text.STATS_QUESTIONS_NOT_THIS_LINE,
                item,
                newly_answered(now, item.question, item.entry, item.typed),
                entry=title(content, item.entry, language) if item.entry else "",
            )
            for item in week.top_not_this
        ]
        lines += more(Listing.REJECTED)
        parts.append(_section(content, language, Text.STATS_QUESTIONS_NOT_THIS_TOP, lines))
    if workspace and len(parts) > 1:  # a list to act on: the easy way first
        parts.insert(1, content.text(Text.STATS_QUESTIONS_TEACH, language))
    return "\n\n".join(parts)


def _listed(
    content: Content, language: str, key: Text, item: Listed, now: str | None, **values: str
) -> str:
    """One listed question: how many talents asked it, in how many other wordings, and what
    answers it now, if anything."""
    line = content.text(key, language, count=item.count, question=item.question, **values)
    if item.wordings > 1:
        line += " " + content.text(Text.STATS_QUESTIONS_WORDINGS, language, count=item.wordings - 1)
    if now is None:
        return line
    answer = title(content, now, language)
    return f"{line} {content.text(Text.STATS_QUESTIONS_NOW, language, entry=answer)}"


def _section(content: Content, language: str, key: Text, lines: list[str]) -> str:
    return content.text(key, language, lines=Markup("\n".join(lines)))
