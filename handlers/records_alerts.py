"""Who hears of a new lead or of a talent's update, and an admin's mute button.

With a staff chat (STAFF_CHAT_ID), alerts go there. Without one, a new lead goes to each
admin's private chat, except admins who muted those alerts (a button under each; the choice
is kept); a talent's update goes to the admin handling the lead, else to those admins too.
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.content import Markup, other_language
from bot.leads import form_order
from bot.leads.intake_screens import Screen
from bot.leads.records import change_line
from bot.message_parts import split_message
from bot.texts import Text
from handlers.common import BotContext, answer_query, reply, sender_name
from handlers.guard import staff_only
from handlers.pipeline_views import open_button
from handlers.staff_views import consent_lines
from handlers.views import button

log = logging.getLogger(__name__)

MUTE = "rc:mute:"  # rc:mute:<1 mute | 0 unmute>


async def alert_chats(context: BotContext, assignee: int | None = None) -> list[int]:
    """Where an alert goes: the staff chat; else the assignee (if any); else every admin who
    has not muted new-lead alerts."""
    settings = context.services.settings
    if settings.staff_chat_id is not None:
        return [settings.staff_chat_id]
    if assignee is not None and settings.is_admin(assignee):
        return [assignee]
    muted = await context.services.store.waiting.alerts_muted()
    return sorted(admin for admin in settings.admin_ids if admin not in muted)


async def send_alert(
    context: BotContext, chats: list[int], text: str, opener: InlineKeyboardButton
) -> bool:
    """Send to each chat (a private chat also gets the mute button); whether any got it all.

    A long alert (every answer at its longest) goes in several messages, the buttons under
    the last."""
    staff_chat = context.services.settings.staff_chat_id
    language = context.services.settings.default_language
    mute = button(context.content.text(Text.BTN_MUTE_ALERTS, language), f"{MUTE}1")
    parts = split_message(text)
    arrived = False
    for chat in chats:
        rows = [[opener]] if chat == staff_chat else [[opener], [mute]]
        try:
            for part in parts[:-1]:
                await context.bot.send_message(chat, part)
            await context.bot.send_message(chat, parts[-1], reply_markup=InlineKeyboardMarkup(rows))
        except TelegramError as error:  # an admin who never opened the bot, say
            log.warning("Could not send an alert to chat %s: %s", chat, error)
            continue
        arrived = True
    return arrived


async def notify_update(update: Update, context: BotContext, screen: Screen) -> None:
    """Tell staff which answers a talent changed, before and after."""
    lead, user = screen.draft, update.effective_user
    if lead is None or user is None or not screen.changes:
        return
    state = await context.services.store.pipeline.state(lead.id)
    chats = await alert_chats(context, state.assignee_id if state else None)
    language = context.services.settings.default_language
    content = context.content
    lines = "\n".join(change_line(content, language, item, talent=False) for item in screen.changes)
    text = content.text(
        Text.RECORDS_UPDATE_ALERT,
        language,
        reference=screen.reference or "",
        name=sender_name(update),
        user_id=str(user.id),
        # The gist in the other language: the group is shared by staff who read Indonesian
        # and staff who read English (s60).
        gloss=Markup(content.text(Text.RECORDS_UPDATE_ALERT_GLOSS, other_language(language))),
        changes=Markup(lines),
    )
    text += await _consents_line(context, language, screen)
    opener = open_button(content, language, screen.reference or "", lead.id, anew=True)
    await send_alert(context, chats, text, opener)


async def _consents_line(context: BotContext, language: str, screen: Screen) -> str:
    """Under an update that made the talent under 18: the consents as they stand, the
    guardian's among them, as the new-lead alert says them (a talents' review s62, L7:
    "Usia: 18-24 → Di bawah 18" and not a word of the consent just given); "" for any
    other update."""
    content, lead = context.content, screen.draft
    to_minor = any(
        form_order.needs_guardian(question, change.after)
        for change in screen.changes
        if (question := content.questions.get(change.key)) is not None
    )
    if lead is None or not to_minor:
        return ""
    consents = await context.services.store.applications.consents(lead.user_id)
    given: dict[str, bool | None] = {kind: item.granted for kind, item in consents.items()}
    forwards = context.services.settings.forwarding() is not None
    lines = consent_lines(content, language, given, forwards=forwards, minor=True)
    return "\n\n" + content.text(
        Text.LEAD_ALERT_CONSENTS, language, consents=Markup(" · ".join(lines))
    )


@staff_only
async def mute_button(update: Update, context: BotContext) -> None:
    """Mute or unmute new-lead alerts in this admin's private chat (kept)."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None:
        return
    on = (query.data or "").removeprefix(MUTE) != "1"
    await context.services.store.waiting.set_alerts(user.id, on)
    key = Text.RECORDS_ALERTS_UNMUTED if on else Text.RECORDS_ALERTS_MUTED
    toggle = Text.BTN_MUTE_ALERTS if on else Text.BTN_UNMUTE_ALERTS
    markup = InlineKeyboardMarkup([[button(context.text(toggle), f"{MUTE}{int(on)}")]])
    await answer_query(update)
    await reply(update, context.text(key), markup)  # the alert itself stays as it was
