"""A talent's own registrations: /status, and under the answer that says how to follow one."""

from __future__ import annotations

from bot.answers.text import (
    about_old_data,
    about_own_data,
    asks_to_register_again,
    asks_whats_kept,
    asks_whats_left,
    references_in,
    regrets_erasure,
)
from bot.content import FaqItem, Markup, Program
from bot.data_copy import moment_text
from bot.leads import registration_limit
from bot.leads.export import to_wib
from bot.leads.pipeline_stats import short_day
from bot.store.applications import REFERENCE_FORMAT
from bot.store.db import ago
from bot.store.pipeline import Registration
from bot.support import still_waiting
from bot.texts import Text
from handlers import pipeline_views, talent_cancel
from handlers.common import BotContext
from handlers.views import Screen

# How long after an erasure a wish to undo it ("bisa dibalikin ga min") is read as one (a
# recheck review s61, M2): a regret comes at once or once slept on, within the day that the
# erased registrations still count against the day's limit (the regret's text says so);
# later, "kembalikan …" is more likely about something else, and "is my data still kept?" is
# still told that it was erased.
REGRET_FOR = 24 * 60 * 60


async def status_screen(context: BotContext, user_id: int, language: str) -> Screen:
    """Their registrations with reference, date and stage (never notes), a paused form, and
    their questions to the team (counted). With registrations, also when the talent last
    updated one and whether program news is on (a talents' review: after an update, /status
    showed only the day it was sent)."""
    store = context.services.store
    registrations = await store.pipeline.registrations(user_id)
    unfinished = await store.applications.draft_for(user_id) is not None
    own = await _updates_and_news(context, user_id, language, registrations)
    cancel = talent_cancel.cancel_rows(context, language, registrations)
    text, markup = pipeline_views.status_screen(
        context.content, language, registrations, unfinished, own, cancel
    )
    asked = await questions_line(context, user_id, language)
    if registrations or unfinished:
        return "\n\n".join(part for part in (text, asked) if part), markup
    # Nothing kept because they asked for erasure: said so, not "you haven't registered yet"
    # (a talents' review); or because they withdrew consent (when, and the day's limit).
    text = (
        await _erased_line(context, user_id, language)
        or await _withdrawn_line(context, user_id, language)
        or text
    )
    return "\n\n".join(part for part in (text, asked) if part), markup


async def _updates_and_news(
    context: BotContext, user_id: int, language: str, registrations: list[Registration]
) -> str:
    """A line for each registration the talent updated after sending it (the day of their
    latest change), and whether they get program news, with the command that changes it;
    "" without registrations."""
    if not registrations:
        return ""
    content = context.content
    lines = []
    for item in registrations:
        if item.updated_at is not None:
            day = content.date_text(to_wib(item.updated_at).date(), language)
            lines.append(
                content.text(Text.STATUS_UPDATED, language, reference=item.reference, date=day)
            )
    store = context.services.store
    talent = await store.users.get(user_id)
    if talent is None or not talent.subscribed:
        lines.append(content.text(Text.STATUS_NEWS_OFF, language))
    elif kept := await store.broadcasts.news_elsewhere(user_id):
        # a staff review s56: "news on" on an account every announcement leaves out
        lines.append(content.text(Text.STATUS_NEWS_ELSEWHERE, language, reference=kept))
    else:
        lines.append(content.text(Text.STATUS_NEWS_ON, language))
    return "\n".join(lines)


async def limited_until(context: BotContext, user_id: int) -> tuple[int, str] | None:
    """While REGISTRATIONS_PER_DAY holds for this account (the registrations an erasure or a
    withdrawal deleted count too, bot/leads/registration_limit.py): the limit and when /daftar
    starts a new registration again (a stored time); None: it does now."""
    limit = context.services.settings.registrations_per_day
    again = await registration_limit.new_again_at(context.services.store, user_id, limit)
    return None if again is None else (limit, again)


async def _erased_text(
    context: BotContext, user_id: int, language: str, key: Text, limited: Text, erased: str
) -> str:
    """`key`'s text on an erasure or a withdrawal (its time), or `limited`'s while the day's
    limit holds, saying from when /daftar starts a new registration (not "type /daftar": it
    would not)."""
    content = context.content
    when = moment_text(content, language, erased)
    held = await limited_until(context, user_id)
    if held is None:
        return content.text(key, language, when=when)
    limit, again = held
    return content.text(
        limited, language, when=when, limit=limit, again=moment_text(content, language, again)
    )


async def _erased_line(context: BotContext, user_id: int, language: str) -> str | None:
    """ "No registration is kept. We deleted all your data on …" to a talent who had their
    data erased (the latest erasure's date); None if they never did."""
    erased = await context.services.store.privacy.was_erased(user_id)
    if not erased:
        return None
    limited = Text.STATUS_ERASED_LIMITED
    return await _erased_text(context, user_id, language, Text.STATUS_ERASED, limited, erased[-1])


async def _withdrawn_line(context: BotContext, user_id: int, language: str) -> str | None:
    """To a talent whose registrations went when they withdrew consent to processing (and who
    has not given it again): when they did; while the day's limit holds (the deleted ones
    count for 24 hours), from when /daftar starts a new registration, not "type /daftar" (it
    would be refused). None otherwise: never withdrawn (declining it on a first form is not
    withdrawing), or given again since."""
    consent = (await context.services.store.applications.consents(user_id)).get("processing")
    if consent is None or consent.granted:
        return None
    withdrawn = await context.services.store.privacy.was_withdrawn(user_id)
    if not withdrawn:
        return None
    limited = Text.STATUS_WITHDRAWN_LIMITED
    return await _erased_text(
        context, user_id, language, Text.STATUS_WITHDRAWN, limited, withdrawn[-1]
    )


async def after_erasure(context: BotContext, user_id: int, language: str, text: str) -> str | None:
    """To a talent whose data was erased, asking about it: while nothing was registered
    since, /status's line saying so (to one asking about registering again: that it starts
    from scratch, with a new number; to one asking whether their data is still kept: what
    is, as /dataku says; to one asking about the old data or number: that it is no longer
    used); once something was, to one asking about the OLD data or naming a number
    not theirs now, that it went with its number (a talents' review: "not sure"). None
    otherwise; one read for a talent who never erased (the erasure records)."""
    erased = await context.services.store.privacy.was_erased(user_id)
    if not erased:
        return None
    content, store = context.content, context.services.store
    when = moment_text(content, language, erased[-1])
    registrations = await store.pipeline.registrations(user_id)
    named = {REFERENCE_FORMAT.format(number) for number in references_in(text)}
    current = {item.reference for item in registrations}
    old = bool(named - current) if named else about_old_data(text)
    if registrations or await store.applications.draft_for(user_id) is not None:
        return content.text(Text.ERASED_OLD_DATA, language, when=when) if old else None
    if asks_to_register_again(text):
        again, limited = Text.ERASED_REGISTER_AGAIN, Text.ERASED_REGISTER_AGAIN_LIMITED
        return await _erased_text(context, user_id, language, again, limited, erased[-1])
    if regrets_erasure(text):  # "eh jangan dihapus", "bisa dibalikin?": gone for good
        if erased[-1] >= ago(REGRET_FOR):
            regret, limited = Text.ERASED_REGRET, Text.ERASED_REGRET_LIMITED
            return await _erased_text(context, user_id, language, regret, limited, erased[-1])
        if not (old or about_own_data(text) or asks_whats_left(text) or asks_whats_kept(text)):
            return None  # a day on, it is rarely the erasure: answered as any message
    # "data saya masih ada yang tersimpan?": what is, not "nothing"; not "Nomor KOC-000001
    # masih berlaku?" (that number, not theirs: /status's line and its word on it); and its
    # bare follow-up, "jadi yang tersisa apa aja?"
    if (about_own_data(text) or asks_whats_left(text) or asks_whats_kept(text)) and not named:
        line = await _kept_since(context, user_id, language, when)
    else:
        line = await _erased_text(
            context, user_id, language, Text.STATUS_ERASED, Text.STATUS_ERASED_LIMITED, erased[-1]
        )
    return f"{line}\n{content.text(Text.ERASED_OLD_NUMBER, language)}" if old else line


async def _kept_since(context: BotContext, user_id: int, language: str, when: str | None) -> str:
    """What is kept of a talent who had their data erased and registered nothing since, as
    /dataku and the erasure prompt say (a talents' review s58, M3: "Semua datamu sudah kami
    hapus" while /dataku showed the profile and the messages since): their profile and
    messages since, as anyone's; the erasure's coded record; while they are kept, the send
    times of the registrations it deleted (the day's limit)."""
    content = context.content
    kept = [Text.ERASED_KEPT_SINCE, Text.ERASED_KEPT_RECORD]
    if await context.services.store.privacy.sent_before_erasure(user_id, ""):
        kept.append(Text.ERASED_KEPT_SENT)
    lines = Markup("\n".join(content.text(key, language) for key in kept))
    return content.text(Text.ERASED_KEPT, language, when=when, kept=lines)


async def questions_line(context: BotContext, user_id: int, language: str) -> str:
    """A line on the talent's own messages to the team (a talents' review: /status said
    "belum mendaftar" to one whose question was answered and whose reply waited), also the
    reply to "Sudah ada balasan?" (handlers.answers): how many
    wait and since when, else how many were answered; "" if they never asked. Never their
    words, nor who answered."""
    own = await context.services.store.support.own_questions(user_id)
    content = context.content
    waiting = still_waiting(own)
    if waiting:
        since = short_day(content, to_wib(min(waiting)).date(), language)
        count = len(waiting)
        return content.text(Text.STATUS_QUESTIONS_WAITING, language, count=count, since=since)
    if own.answered:
        return content.text(Text.STATUS_QUESTIONS_ANSWERED, language, count=own.answered)
    return ""


async def registered_for(
    context: BotContext, user_id: int | None, item: FaqItem | Program | None
) -> list[str]:
    """The references of the talent's sent registrations not cancelled, for an FAQ answer with
    a `registered_line`; [] for any other entry (nothing read)."""
    if not isinstance(item, FaqItem) or item.registered_line is None or user_id is None:
        return []
    registrations = await context.services.store.pipeline.registrations(user_id)
    return [sent.reference for sent in registrations if sent.withdrawn_at is None]


async def with_status(
    context: BotContext,
    user_id: int | None,
    language: str,
    item: FaqItem | Program | None,
    page: str,
    references: list[str],
) -> str:
    """An entry's page; an FAQ answer with `shows_status` followed by the reader's own
    status: who asks whether their registration arrived reads that it did, and its stage (a
    talents' review: the same general answer three times, "Formulirnya belum selesai
    diisi?" after sending). An answer's `registered_line` ("…daftarkan minatmu lewat
    /daftar…") reads "you are registered (KOC-…)" to a talent with a sent registration
    (`references`: `registered_for`, read once by the caller for the page's button too)."""
    if isinstance(item, FaqItem) and item.registered_line is not None and references:
        line = item.registered_line.get(language)
        told = context.content.text(
            Text.FAQ_REGISTERED_LINE, language, references=", ".join(references)
        )
        page = "\n".join(told if shown == line else shown for shown in page.split("\n"))
    if not isinstance(item, FaqItem) or not item.shows_status or user_id is None:
        return page
    own, _ = await status_screen(context, user_id, language)
    replaced = item.status_line.get(language) if item.status_line is not None else None
    if replaced:  # "Formulirnya belum selesai diisi?": the status says it, if it is so
        page = "\n".join(line for line in page.split("\n") if line != replaced)
    return f"{page}\n\n{own}"
