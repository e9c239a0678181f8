"""Announcements in chat: talents opt in and out; staff compose, preview, send or schedule.

The draft of an announcement is a broadcasts row in status 'composing' whose
`step` says what the bot waits for; delivery is bot.outreach.broadcast's worker's job.
"""

from __future__ import annotations

import logging
from typing import Literal

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop, ChatMemberHandler

from bot.content import Markup
from bot.leads.export import wib_words
from bot.outreach import audience as audiences
from bot.outreach.audience import EVERYONE, FILTERS, Audience, AudienceError, parse_audience
from bot.outreach.broadcast import example_wib, parse_wib, send_preview, tag_refusal, time_refused
from bot.outreach.control import (
    cancel_broadcast,
    describe,
    prompt_expired,
    queue_broadcast,
    reschedule_broadcast,
    scheduled,
)
from bot.outreach.offer_reply import OfferReply, okay_to_offer, reply_to_offer
from bot.parsing import small_int
from bot.store import Broadcast, Version, utc_now
from bot.store.audit import Actor
from bot.store.db import ago
from bot.telegram_html import typed_html, typed_markup
from bot.texts import Text
from bot.transport.failures import explain
from handlers import menu, views
from handlers.common import BotContext, answer_query, reply, show
from handlers.fallback import stale_button
from handlers.guard import staff_only
from handlers.views import button, pairs

log = logging.getLogger(__name__)

# Talents' answers to the offer made after an application.
OFFER_YES = "sub:offer:y"
OFFER_NO = "sub:offer:n"
OFFER_FRESH = 24 * 60 * 60  # seconds after registering that a typed yes may answer the offer
_UNDER_OFFER = 8  # the talent's messages read back for whether an okay is still under it
# Staff buttons: bc:<action>[:<broadcast id>[:<argument>]].
STAFF = "bc:"
NEW = "bc:new"
# What a draft waits for.
CONTENT = "content"
ENGLISH = "english"
CONTENT_EN = "content_en"
AUDIENCE = "audience"
CONFIRM = "confirm"
SCHEDULE = "schedule"
INPUT_STEPS = (CONTENT, CONTENT_EN, SCHEDULE)  # steps that wait for a message, not a button
CALLBACK_LIMIT = 64  # bytes of callback data Telegram accepts
# What Telegram's app marks by itself in plain text; anything else is formatting chosen there.
_PLAIN_ENTITIES = {"url", "mention", "hashtag", "cashtag", "bot_command", "email", "phone_number"}


# ----- talents ---------------------------------------------------------------------------------


async def subscribe_command(update: Update, context: BotContext) -> None:
    """/langganan (/subscribe): announcements on, confirmed in one line."""
    await _set_subscription(update, context, subscribed=True)
    await reply(update, context.text(Text.SUBSCRIBED))


async def unsubscribe_command(update: Update, context: BotContext) -> None:
    """/berhenti (/unsubscribe, /stop): announcements off, confirmed in one line."""
    await _set_subscription(update, context, subscribed=False)
    await reply(update, context.text(Text.UNSUBSCRIBED))


async def toggle_button(update: Update, context: BotContext) -> None:
    """The main menu's announcements button: switch, confirm, show the menu with the new state."""
    query = update.callback_query
    if query is None:
        return
    subscribed = query.data == views.SUBSCRIBE_ON
    await _set_subscription(update, context, subscribed=subscribed)
    confirmation = context.text(Text.SUBSCRIBED if subscribed else Text.UNSUBSCRIBED)
    text, markup = menu.main_menu(context, context.language(update), subscribed=subscribed)
    await show(update, f"{confirmation}\n\n{text}", markup)


async def offer_subscription(update: Update, context: BotContext) -> None:
    """After an application: ask whether the talent wants announcements, unless they do."""
    if views.is_subscribed(context.talent):
        return
    await reply(update, context.text(Text.SUBSCRIBE_OFFER), _offer_buttons(context))


async def typed_to_offer(update: Update, context: BotContext, text: str) -> OfferReply | None:
    """A message that opens with a yes or a no ("Ya, saya bersedia", "👍", "yesss mau bgt 🙌"),
    or an okay as the first message after it ("sip"), while the offer waits unanswered: what
    it says after that (answered as any message, then `offer_again`, or, after a clear no,
    `decline_typed`); None if it is no answer to the offer. Typing subscribes no one."""
    user = update.effective_user
    if user is None or views.is_subscribed(context.talent):
        return None
    said = reply_to_offer(text)
    store = context.services.store.broadcasts
    if said is None:
        # "sip" right under the offer: read as a yes by who types it (a talents' review:
        # "Siap!" and nothing recorded), so the offer again; a later okay is small talk.
        if not okay_to_offer(text) or not await _under_the_offer(context, user.id):
            return None  # most messages: no read of the store
        said = OfferReply("")
    # Only while the offer is fresh: a "ya" days later answers something else.
    if not await store.offer_unanswered(user.id, ago(OFFER_FRESH)):
        return None
    return said


async def _under_the_offer(context: BotContext, user_id: int) -> bool:
    """Whether the talent's latest message sits right under the offer: since registering
    they sent only okays, or only okays since a typed yes or no, which brought the offer back
    (a talents' review, s55: a second "sip" under the offer shown again got "Siap!"). Any
    other message (a question, thanks, a press) moved on: an okay after it is small talk."""
    said = await context.services.store.broadcasts.said_since_registering(user_id, _UNDER_OFFER)
    for earlier in said[1:]:
        if earlier is not None and reply_to_offer(earlier) is not None:
            return True  # the offer came back under it
        if earlier is None or not okay_to_offer(earlier):
            return False
    return len(said) < _UNDER_OFFER  # okays only, back to the offer itself


async def offer_again(update: Update, context: BotContext) -> None:
    """The offer again, at the bottom, to press (after a typed yes or no to it)."""
    said = f"{context.text(Text.SUBSCRIBE_OFFER_PRESS)}\n\n{context.text(Text.SUBSCRIBE_OFFER)}"
    await reply(update, said, _offer_buttons(context))


async def decline_typed(update: Update, context: BotContext) -> None:
    """A clear no typed to the offer: recorded and answered as its No button."""
    await _set_subscription(update, context, subscribed=False)
    await reply(update, context.text(Text.SUBSCRIBE_DECLINED))


async def news_choice(update: Update, context: BotContext, wish: Literal["on", "off"]) -> None:
    """A wish in words to get program news or to stop it ("berhenti langganan", "aku mau
    dapet info program"; bot.outreach.news_wish): one line and the button that does it, or
    that it is so already. Typing alone changes nothing: a consent is a press."""
    subscribed = views.is_subscribed(context.talent)
    if wish == "on" and subscribed:
        await reply(update, context.text(Text.NEWS_ALREADY_ON))
    elif wish == "off" and not subscribed:
        await reply(update, context.text(Text.NEWS_ALREADY_OFF))
    elif wish == "on":
        press = button(context.text(Text.BTN_SUBSCRIBE_ON), views.SUBSCRIBE_ON)
        await reply(update, context.text(Text.NEWS_WISH_ON), InlineKeyboardMarkup([[press]]))
    else:
        press = button(context.text(Text.BTN_SUBSCRIBE_OFF), views.SUBSCRIBE_OFF)
        await reply(update, context.text(Text.NEWS_WISH_OFF), InlineKeyboardMarkup([[press]]))


def _offer_buttons(context: BotContext) -> InlineKeyboardMarkup:
    """Yes and No to program news."""
    yes = button(context.text(Text.BTN_YES), OFFER_YES)
    return InlineKeyboardMarkup([[yes, button(context.text(Text.BTN_NO), OFFER_NO)]])


async def offer_button(update: Update, context: BotContext) -> None:
    """Yes or No to the offer; either answer is recorded as a consent choice."""
    query = update.callback_query
    if query is None:
        return
    subscribed = query.data == OFFER_YES
    await _set_subscription(update, context, subscribed=subscribed)
    await show(update, context.text(Text.SUBSCRIBED if subscribed else Text.SUBSCRIBE_DECLINED))


async def _set_subscription(update: Update, context: BotContext, *, subscribed: bool) -> None:
    """Store the choice and its consent record in one commit (before the bot confirms it)."""
    user = update.effective_user
    if user is None:
        return
    await context.services.store.broadcasts.set_subscription(
        user.id, subscribed, context.content.privacy.version, context.language(update)
    )
    # No Telegram id: an erasure cannot reach the log (a review s63, L6).
    log.info("A talent turned announcements %s", "on" if subscribed else "off")


async def membership(update: Update, context: BotContext) -> None:
    """A talent blocked the bot ("kicked") or unblocked it ("member") in their private chat."""
    change = update.my_chat_member
    if change is None:
        return
    status = change.new_chat_member.status
    if status in ("kicked", "member"):
        await context.services.store.users.set_blocked(change.chat.id, status == "kicked")
        log.info(
            "User %d %s the bot", change.chat.id, "blocked" if status == "kicked" else "unblocked"
        )


class PrivateMembershipHandler(ChatMemberHandler[BotContext, None]):
    """my_chat_member updates of private chats; those of groups go on to the group handler."""

    def check_update(self, update: object) -> bool:
        """Only the bot's own membership in a private chat."""
        chat = update.effective_chat if isinstance(update, Update) else None
        return chat is not None and chat.type == "private" and bool(super().check_update(update))


# ----- staff: the list, and starting a draft -----------------------------------------------------


@staff_only
async def broadcast_command(update: Update, context: BotContext) -> None:
    """/broadcast: running and scheduled announcements with Cancel buttons, else a new draft."""
    active = await context.services.store.broadcasts.active()
    if not active:
        await _start(update, context)
        return
    lines: list[str] = []
    rows: list[list[InlineKeyboardButton]] = []
    for item in active:
        lines.append(await _describe(context, item))
        view = button(context.text(Text.BTN_BROADCAST_VIEW, id=item.id), f"{STAFF}view:{item.id}")
        stop = button(context.text(Text.BTN_BROADCAST_STOP, id=item.id), f"{STAFF}ask:{item.id}")
        rows.append([view, stop])
    rows.append([button(context.text(Text.BTN_BROADCAST_NEW), NEW)])
    text = context.text(Text.BROADCAST_ACTIVE, items=Markup("\n".join(lines)))
    await show(update, text, InlineKeyboardMarkup(rows))


async def _describe(context: BotContext, item: Broadcast) -> str:
    """One line of the list: how far a running one is, or when a scheduled one goes out."""
    return await describe(context.services.store, context.content, item, context.language())


async def _start(update: Update, context: BotContext, *, anew: bool = False) -> None:
    """A new draft (replacing this admin's unfinished one): ask for the announcement."""
    user = update.effective_user
    if user is None:
        return
    draft = await context.services.store.broadcasts.start_composing(user.id, CONTENT)
    text, markup = context.text(Text.BROADCAST_ASK_CONTENT), _cancel_markup(context, draft.id)
    if anew:
        await reply(update, text, markup)
    else:
        await show(update, text, markup)


def _cancel_markup(context: BotContext, broadcast_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_cancel_button(context, broadcast_id)]])


def _cancel_button(context: BotContext, broadcast_id: int) -> InlineKeyboardButton:
    return button(context.text(Text.BTN_CANCEL), f"{STAFF}drop:{broadcast_id}")


# ----- staff: what they type or send while composing --------------------------------------------


async def compose_input(update: Update, context: BotContext) -> None:
    """The announcement, its English version or the time, while a draft waits for one."""
    user, message = update.effective_user, update.message
    if user is None or message is None or not context.services.settings.is_admin(user.id):
        return
    broadcasts = context.services.store.broadcasts
    asked = await broadcasts.time_asked(user.id)
    if asked is not None:
        await broadcasts.forget_time_asked(user.id)
        if not prompt_expired(asked[1]):
            await _reschedule_at(update, context, asked[0], message.text or "")
            raise ApplicationHandlerStop
    draft = await broadcasts.composing_for(user.id)
    if draft is None or draft.step not in INPUT_STEPS:
        return  # not composing: the message goes on to the usual handlers
    if draft.step == SCHEDULE:
        await _schedule_at(update, context, draft, message.text or "")
    else:
        await _take_content(update, context, draft, message, english=draft.step == CONTENT_EN)
    raise ApplicationHandlerStop


def _version(message: Message) -> Version | None:
    """The announcement as Telegram HTML, so bold, italics and links survive.

    Formatting comes from the Telegram app (bold, italics, links made there), or from HTML
    tags typed by hand (`<b>…</b>`): typed tags are taken as formatting, never sent to
    talents as literal tags (`typed_html` refuses tags Telegram would not accept)."""
    typed = message.caption if message.photo else message.text
    if typed is not None and typed_html(typed):
        body = typed_markup(typed)
    elif message.photo:
        body = message.caption_html or ""
    elif message.text:
        body = message.text_html
    else:
        return None
    if message.photo:
        return Version("photo", body, message.photo[-1].file_id)
    return Version("text", body)


def _typed_html_problem(context: BotContext, message: Message) -> Text | str | None:
    """Why typed HTML cannot be sent as formatting: mixed with the app's own formatting
    (which of the two was meant is unclear), or tags Telegram would refuse; None if fine."""
    typed = message.caption if message.photo else message.text
    if typed is None or not typed_html(typed):
        return None
    entities = message.caption_entities if message.photo else message.entities
    if any(entity.type not in _PLAIN_ENTITIES for entity in entities):
        return Text.BROADCAST_MIXED_FORMATTING
    return tag_refusal(context.content, typed_markup(typed), context.language())


async def _take_content(
    update: Update, context: BotContext, draft: Broadcast, message: Message, *, english: bool
) -> None:
    """Store the main or English version, then ask the next question."""
    version = _version(message)
    if version is None:
        await reply(update, context.text(Text.BROADCAST_UNSUPPORTED))
        return
    problem = _typed_html_problem(context, message)
    if isinstance(problem, Text):
        await reply(update, context.text(problem), _cancel_markup(context, draft.id))
        return
    if problem is not None:
        refusal = context.text(Text.BROADCAST_BAD_HTML, problem=problem)
        await reply(update, refusal, _cancel_markup(context, draft.id))
        return
    step, next_step = (CONTENT_EN, AUDIENCE) if english else (CONTENT, ENGLISH)
    stored = await context.services.store.broadcasts.set_version(
        draft.id, step, version, english=english, next_step=next_step
    )
    if not stored:
        return
    if english:
        await _ask_audience(update, context, draft.id)
        return
    markup = InlineKeyboardMarkup(
        [
            [
                button(context.text(Text.BTN_BROADCAST_ADD_ENGLISH), f"{STAFF}en:{draft.id}:y"),
                button(context.text(Text.BTN_BROADCAST_SAME), f"{STAFF}en:{draft.id}:n"),
            ],
            [_cancel_button(context, draft.id)],
        ]
    )
    await reply(update, context.text(Text.BROADCAST_ASK_ENGLISH), markup)


async def _schedule_at(update: Update, context: BotContext, draft: Broadcast, text: str) -> None:
    """A WIB time: queue the draft for then."""
    send_at = parse_wib(text)
    if send_at is None or send_at <= utc_now():
        refused = _time_refused(context, text, send_at)
        await reply(update, refused, _cancel_markup(context, draft.id))
        return
    count = await _queue(context, draft, SCHEDULE, send_at)
    if count is None:
        return
    when = wib_words(context.content, send_at, context.language())
    await reply(update, context.text(Text.BROADCAST_SCHEDULED, id=draft.id, when=when, count=count))


def _time_refused(context: BotContext, typed: str, send_at: str | None) -> str:
    """Why a typed time cannot be used: no such date or time, not a time at all, or past."""
    return time_refused(context.content, typed, send_at, context.language())


async def _queue(context: BotContext, draft: Broadcast, step: str, send_at: str) -> int | None:
    """Freeze the recipients and queue the draft; None if it moved on meanwhile."""
    actor = Actor.staff(draft.created_by or 0)
    services = context.services
    return await queue_broadcast(services.store, context.content, actor, draft, step, send_at)


# ----- staff: buttons -----------------------------------------------------------------------------


@staff_only
async def staff_button(update: Update, context: BotContext) -> None:
    """Every button of the announcement screens: bc:<action>[:<id>[:<argument>]]."""
    query = update.callback_query
    if query is None:
        return
    parts = (query.data or "").split(":", 3)
    if query.data == NEW:
        await _start(update, context)
        return
    number = small_int(parts[2]) if len(parts) >= 3 else None
    if number is None:
        await stale_button(update, context)
        return
    action, broadcast_id = parts[1], number
    argument = parts[3] if len(parts) > 3 else ""
    if action in QUEUED_ACTIONS:
        await QUEUED_ACTIONS[action](update, context, broadcast_id)
        return
    draft = await context.services.store.broadcasts.get(broadcast_id)
    mine = draft is not None and draft.created_by == query.from_user.id
    if draft is None or not mine or draft.status != "composing":
        await stale_button(update, context)
        return
    if action == "drop":
        await context.services.store.broadcasts.discard(draft.id)
        await show(update, context.text(Text.BROADCAST_DISCARDED))
    elif action == "en" and draft.step == ENGLISH:
        await _english_choice(update, context, draft, add=argument == "y")
    elif action == "aud" and draft.step == AUDIENCE:
        await _audience_choice(update, context, draft, argument)
    elif action == "val" and draft.step == AUDIENCE:
        await _value_choice(update, context, draft, argument)
    elif action == "send" and draft.step == CONFIRM:
        count = await _queue(context, draft, CONFIRM, utc_now())
        if count is None:
            await stale_button(update, context)
            return
        await show(update, context.text(Text.BROADCAST_QUEUED, id=draft.id, count=count))
    elif action == "sched" and draft.step == CONFIRM:
        await context.services.store.broadcasts.set_step(draft.id, CONFIRM, SCHEDULE)
        ask = context.text(Text.BROADCAST_ASK_TIME, example=example_wib(context.language()))
        await show(update, ask, _cancel_markup(context, draft.id))
    else:
        await stale_button(update, context)


async def _stop(update: Update, context: BotContext, broadcast_id: int) -> None:
    """Cancel a scheduled or running announcement (the worker stops within a second)."""
    user = update.effective_user
    actor = Actor.staff(user.id if user else 0)
    if await cancel_broadcast(context.services.store, actor, broadcast_id):
        await show(update, context.text(Text.BROADCAST_STOPPED, id=broadcast_id))
    else:
        await show(update, context.text(Text.BROADCAST_ALREADY_ENDED, id=broadcast_id))


async def _ask_stop(update: Update, context: BotContext, broadcast_id: int) -> None:
    """Cancel, asked once: what would stop, with Yes and No."""
    item = await context.services.store.broadcasts.get(broadcast_id)
    if item is None or item.status not in ("queued", "sending"):
        await show(update, context.text(Text.BROADCAST_ALREADY_ENDED, id=broadcast_id))
        return
    question = context.text(Text.BROADCAST_STOP_CONFIRM, item=await _describe(context, item))
    markup = InlineKeyboardMarkup(
        [
            [
                button(context.text(Text.BTN_BROADCAST_STOP_YES), f"{STAFF}stop:{broadcast_id}"),
                button(context.text(Text.BTN_BROADCAST_KEEP), f"{STAFF}list:{broadcast_id}"),
            ]
        ]
    )
    await show(update, question, markup)


async def _view(update: Update, context: BotContext, broadcast_id: int) -> None:
    """One queued announcement: each version as recipients get it, then when, to whom, and
    Reschedule (while it waits for its time), Cancel and Back."""
    item = await context.services.store.broadcasts.get(broadcast_id)
    if item is None or item.status not in ("queued", "sending"):
        await show(update, context.text(Text.BROADCAST_ALREADY_ENDED, id=broadcast_id))
        return
    await answer_query(update)
    if not await _send_versions(update, context, item):
        return
    actions = []
    if scheduled(item):
        actions.append(
            button(context.text(Text.BTN_BROADCAST_RESCHEDULE), f"{STAFF}resched:{item.id}")
        )
    actions.append(
        button(context.text(Text.BTN_BROADCAST_STOP, id=item.id), f"{STAFF}ask:{item.id}")
    )
    back = button(context.text(Text.BTN_BACK), f"{STAFF}list:{item.id}")
    audience = audiences.stored_in_words(item.audience, context.content, context.language(update))
    text = context.text(Text.BROADCAST_VIEW, item=await _describe(context, item), audience=audience)
    if scheduled(item):  # a staff review s61 (L2): how a typo is fixed, said where it is seen
        text += "\n\n" + context.text(Text.BROADCAST_VIEW_FIX_TEXT, id=item.id)
    await reply(update, text, InlineKeyboardMarkup([actions, [back]]))


async def _ask_new_time(update: Update, context: BotContext, broadcast_id: int) -> None:
    """Reschedule: the bot waits for the new time (PROMPT_MINUTES at most)."""
    item = await context.services.store.broadcasts.get(broadcast_id)
    user = update.effective_user
    if item is None or user is None or not scheduled(item) or item.send_at is None:
        await show(update, context.text(Text.BROADCAST_NOT_SCHEDULED, id=broadcast_id))
        return
    await context.services.store.broadcasts.ask_time(user.id, broadcast_id)
    text = context.text(
        Text.BROADCAST_ASK_NEW_TIME,
        id=broadcast_id,
        when=wib_words(context.content, item.send_at, context.language()),
        example=example_wib(context.language()),
    )
    await show(update, text)


async def _reschedule_at(update: Update, context: BotContext, broadcast_id: int, text: str) -> None:
    """The new time typed after Reschedule: move the announcement, or say why not."""
    user = update.effective_user
    send_at = parse_wib(text)
    if send_at is None or send_at <= utc_now():
        again = button(
            context.text(Text.BTN_BROADCAST_RESCHEDULE), f"{STAFF}resched:{broadcast_id}"
        )
        refused = _time_refused(context, text, send_at)
        await reply(update, refused, InlineKeyboardMarkup([[again]]))
        return
    actor = Actor.staff(user.id if user else 0)
    if await reschedule_broadcast(context.services.store, actor, broadcast_id, send_at):
        when = wib_words(context.content, send_at, context.language())
        await reply(update, context.text(Text.BROADCAST_RESCHEDULED, id=broadcast_id, when=when))
    else:
        await reply(update, context.text(Text.BROADCAST_NOT_SCHEDULED, id=broadcast_id))


async def _back_to_list(update: Update, context: BotContext, broadcast_id: int) -> None:
    """Back (or No, keep it): the list of running and scheduled announcements again."""
    await broadcast_command(update, context)


QUEUED_ACTIONS = {
    "view": _view,
    "ask": _ask_stop,
    "stop": _stop,
    "resched": _ask_new_time,
    "list": _back_to_list,
}


async def _english_choice(
    update: Update, context: BotContext, draft: Broadcast, *, add: bool
) -> None:
    """Add an English version, or send the same to everyone."""
    broadcasts = context.services.store.broadcasts
    if add:
        await broadcasts.set_step(draft.id, ENGLISH, CONTENT_EN)
        text = context.text(Text.BROADCAST_ASK_ENGLISH_CONTENT)
        await show(update, text, _cancel_markup(context, draft.id))
        return
    await broadcasts.set_step(draft.id, ENGLISH, AUDIENCE)
    await _ask_audience(update, context, draft.id)


async def _ask_audience(
    update: Update, context: BotContext, broadcast_id: int, note: Text | None = None
) -> None:
    """All subscribers, or one group of them."""
    broadcasts = context.services.store.broadcasts
    total = await audiences.count(broadcasts, EVERYONE)
    everyone = button(context.text(Text.BTN_AUDIENCE_ALL, count=total), _aud(broadcast_id, "all"))
    groups = [button(context.text(key), _aud(broadcast_id, kind)) for kind, key in FILTERS]
    rows = [[everyone], *pairs(groups), [_cancel_button(context, broadcast_id)]]
    text = context.text(Text.BROADCAST_ASK_AUDIENCE, count=total)
    left_out = await audiences.left_out(broadcasts, EVERYONE)
    if left_out:  # why fewer than /stats counts, as the preview says it (a staff review s55)
        text += "\n" + context.text(Text.BROADCAST_LEFT_OUT_DUPLICATES, count=left_out)
    if note is not None:
        text = f"{context.text(note)}\n\n{text}"
    await show(update, text, InlineKeyboardMarkup(rows))


def _aud(broadcast_id: int, kind: str) -> str:
    return f"{STAFF}aud:{broadcast_id}:{kind}"


async def _audience_choice(
    update: Update, context: BotContext, draft: Broadcast, kind: str
) -> None:
    """Everyone goes straight to the preview; a filter first lists its groups."""
    if kind == "all":
        await _preview(update, context, draft, EVERYONE)
        return
    if kind not in dict(FILTERS):
        await _ask_audience(update, context, draft.id)
        return
    language = context.language(update)
    found = await audiences.groups(context.services.store.broadcasts, context.content, kind)
    buttons = []
    for value, count in found:
        data = f"{STAFF}val:{draft.id}:{kind}:{value}"
        if len(data.encode()) > CALLBACK_LIMIT:
            continue  # an unusually long deep-link source: reachable from the CLI
        name = audiences.label(kind, value, context.content, language)
        buttons.append(button(context.text(Text.BTN_AUDIENCE_VALUE, label=name, count=count), data))
    if not buttons:
        await _ask_audience(update, context, draft.id, note=Text.BROADCAST_NO_VALUES)
        return
    back = button(context.text(Text.BTN_BACK), _aud(draft.id, "menu"))
    rows = [*pairs(buttons), [back, _cancel_button(context, draft.id)]]
    await show(update, context.text(Text.BROADCAST_ASK_VALUE), InlineKeyboardMarkup(rows))


async def _value_choice(
    update: Update, context: BotContext, draft: Broadcast, argument: str
) -> None:
    """One group chosen: preview for it."""
    kind, _, value = argument.partition(":")
    try:
        chosen = parse_audience(f"{kind}={value}", context.content)
    except AudienceError:
        await stale_button(update, context)
        return
    await _preview(update, context, draft, chosen)


# ----- staff: preview and confirmation -----------------------------------------------------------


async def _preview(update: Update, context: BotContext, draft: Broadcast, chosen: Audience) -> None:
    """Send the announcement itself to the admin, then the count and Send / Schedule / Cancel."""
    broadcasts = context.services.store.broadcasts
    count = await audiences.count(broadcasts, chosen)
    if count == 0:
        await _ask_audience(update, context, draft.id, note=Text.BROADCAST_EMPTY_AUDIENCE)
        return
    if not await broadcasts.set_step(draft.id, AUDIENCE, CONFIRM, audience=str(chosen)):
        await stale_button(update, context)
        return
    await answer_query(update)
    await reply(update, context.text(Text.BROADCAST_PREVIEW_INTRO))
    if not await _send_versions(update, context, draft):
        await _start(update, context, anew=True)
        return
    english = (await audiences.by_language(broadcasts, chosen)).get("en", 0)
    split = ""
    left_out = await audiences.left_out(broadcasts, chosen)
    if left_out:  # said, as the workspace's preview does (/stats counts them)
        split = "\n" + context.text(Text.BROADCAST_LEFT_OUT_DUPLICATES, count=left_out)
    if draft.english is not None:
        split += "\n" + context.text(
            Text.BROADCAST_CONFIRM_SPLIT, main=count - english, english=english
        )
    elif english:  # they get the main version (a staff review: nothing said so)
        split += "\n" + context.text(Text.BROADCAST_CONFIRM_NO_ENGLISH, english=english)
    text = context.text(
        Text.BROADCAST_CONFIRM,
        count=count,
        audience=audiences.in_words(chosen, context.content, context.language(update)),
        split=Markup(split),
    )
    markup = InlineKeyboardMarkup(
        [
            [
                button(context.text(Text.BTN_BROADCAST_SEND), f"{STAFF}send:{draft.id}"),
                button(context.text(Text.BTN_BROADCAST_SCHEDULE), f"{STAFF}sched:{draft.id}"),
            ],
            [_cancel_button(context, draft.id)],
        ]
    )
    await reply(update, text, markup)


async def _send_versions(update: Update, context: BotContext, draft: Broadcast) -> bool:
    """Each version exactly as recipients get it; False (with the reason) if Telegram refuses."""
    chat = update.effective_chat
    if chat is None or draft.main is None:
        return False
    try:
        await send_preview(
            context.bot,
            context.content,
            draft,
            chat.id,
            language=context.language(),
            default_language=context.services.settings.default_language,
        )
    except BadRequest as error:
        log.info("Telegram refused the preview of broadcast %d: %s", draft.id, error.message)
        await reply(update, context.text(Text.BROADCAST_REJECTED, error=explain(error)))
        return False
    return True
