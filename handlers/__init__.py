"""Telegram-facing glue. `register` is the one place where handlers are added, in order."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import commands
from bot.outreach.reminders import CONTINUE, LATER, STOP
from handlers import (
    answers,
    broadcast,
    content_admin,
    fallback,
    flood,
    intake,
    jobs,
    pipeline,
    privacy,
    programs,
    records,
    reminders,
    scope,
    staff_questions,
    start,
    support,
    support_edits,
    support_holding,
    talent_cancel,
    views,
)
from handlers.common import BotApplication, BotContext, record_incoming
from handlers.errors import on_error
from handlers.guard import Callback
from handlers.staff import handlers as staff_handlers

log = logging.getLogger(__name__)

PRIVATE = filters.ChatType.PRIVATE
RECORD_GROUP = -100  # runs before everything else
FLOOD_GROUP = -90  # after the update is logged, before any reply
SCOPE_GROUP = -80  # talent buttons work in private chats only
ASK_EXIT_GROUP = -50  # ends ask mode before a command or the menu button runs
ASK_NOTE_GROUP = 10  # after a command: says ask mode goes on, if it does
NOTE_GROUP = -45  # an admin's note after pressing Note: takes their message, or lets it pass
COMPOSE_GROUP = -40  # staff composing an announcement: takes their message, or lets it pass
# Staff-chat messages that may answer a talent: not commands, not service messages.
STAFF_ANSWER = filters.UpdateType.MESSAGE & ~filters.COMMAND & ~filters.StatusUpdate.ALL
# A talent's command, sent new: an edit ("/hapusdata" made of an old message) runs nothing, as
# an edited message of words is not answered either (an attacker's review, s58); it stays in
# the conversation log as an edit.
NEW_PRIVATE_COMMAND = PRIVATE & filters.COMMAND & filters.UpdateType.MESSAGE
# Edited messages that may change what went across the question relay: a staff answer, or
# a talent's relayed message (not commands: an edited command runs nothing).
STAFF_EDIT = filters.UpdateType.EDITED_MESSAGE & ~filters.COMMAND & ~filters.StatusUpdate.ALL
PRIVATE_EDIT = PRIVATE & filters.UpdateType.EDITED_MESSAGE & ~filters.COMMAND


def register(application: BotApplication) -> None:
    """Add every handler to the application, in the order they must be tried."""
    application.add_handler(TypeHandler(Update, record_incoming), group=RECORD_GROUP)
    application.add_handler(TypeHandler(Update, flood.throttle), group=FLOOD_GROUP)
    application.add_handler(CallbackQueryHandler(scope.private_buttons_only), group=SCOPE_GROUP)
    application.add_handlers(
        [
            MessageHandler(NEW_PRIVATE_COMMAND, support.leave_ask_mode),
            # Any button but ask mode's own (apply, a question, the menu…) leaves ask mode; a
            # cancelling's leave it once it is done, and say so (handlers/talent_cancel.py).
            CallbackQueryHandler(
                support.leave_ask_mode,
                pattern=f"^(?!{views.ASK}(:|$)|{talent_cancel.PREFIX})",
            ),
        ],
        group=ASK_EXIT_GROUP,
    )
    settings = application.bot_data["services"].settings
    admins = filters.User(user_id=settings.admin_ids)
    application.add_handler(
        MessageHandler(admins & filters.UpdateType.MESSAGE, pipeline.note_input),
        group=NOTE_GROUP,
    )
    application.add_handler(
        MessageHandler(
            PRIVATE & admins & filters.UpdateType.MESSAGE & ~filters.COMMAND,
            broadcast.compose_input,
        ),
        group=COMPOSE_GROUP,
    )
    staff_chat = settings.staff_chat_id

    def command(spec: commands.Command, callback: Callback) -> CommandHandler[BotContext, None]:
        return CommandHandler(spec.names, callback, filters=PRIVATE & filters.UpdateType.MESSAGE)

    application.add_handlers(
        [
            command(commands.START, start.start),
            command(commands.MENU, start.menu),
            command(commands.HELP, start.help_command),
            command(commands.LANGUAGE, start.language_menu),
            command(commands.PROGRAMS, programs.programs),
            command(commands.FAQ, programs.faq),
            command(commands.PRIVACY, privacy.notice),
            command(commands.MY_DATA, privacy.send_my_data),
            command(commands.DELETE_DATA, privacy.ask_delete),
            command(commands.APPLY, intake.apply_command),
            command(commands.CANCEL, intake.cancel_command),
            CallbackQueryHandler(intake.apply_button, pattern=f"^{views.APPLY}(:[a-z0-9_]+)?$"),
            CallbackQueryHandler(intake.flow_button, pattern="^i:"),
            CallbackQueryHandler(
                intake.registration_button,
                pattern="^rg:(u:[0-9]+(:[0-9]+)?|v:[0-9]+|r:[0-9]+|[nm](:[a-z0-9_]+)?)$",
            ),
            CallbackQueryHandler(talent_cancel.pressed, pattern=talent_cancel.PATTERN),
            CallbackQueryHandler(reminders.continue_button, pattern=f"^{CONTINUE}[0-9]+$"),
            CallbackQueryHandler(reminders.later_button, pattern=f"^{LATER}[0-9]+$"),
            CallbackQueryHandler(reminders.stop_button, pattern=f"^{STOP}$"),
            CallbackQueryHandler(start.menu, pattern=f"^{views.MENU}$"),
            CallbackQueryHandler(start.language_menu, pattern=f"^{views.LANGUAGE}$"),
            CallbackQueryHandler(start.set_language, pattern=f"^{views.LANGUAGE_SET}(id|en)$"),
            CallbackQueryHandler(programs.programs, pattern=f"^{views.PROGRAMS}$"),
            CallbackQueryHandler(programs.section, pattern=f"^{views.SECTION}"),
            CallbackQueryHandler(programs.program, pattern=f"^{views.PROGRAM}"),
            CallbackQueryHandler(programs.faq, pattern=f"^{views.FAQ}$"),
            CallbackQueryHandler(programs.faq_item, pattern=f"^{views.FAQ_ITEM}"),
            CallbackQueryHandler(privacy.notice, pattern=f"^{views.PRIVACY}$"),
            CallbackQueryHandler(privacy.consents, pattern=f"^{privacy.CONSENTS}$"),
            CallbackQueryHandler(privacy.toggle_consent, pattern=f"^{privacy.TOGGLE}"),
            CallbackQueryHandler(privacy.toggle_reminders, pattern=f"^{privacy.REMINDERS}"),
            CallbackQueryHandler(privacy.send_my_data, pattern=f"^{privacy.MY_DATA}$"),
            CallbackQueryHandler(privacy.ask_delete, pattern=f"^{privacy.DELETE}$"),
            CallbackQueryHandler(privacy.delete_confirmed, pattern=privacy.DELETE_YES_PATTERN),
            CallbackQueryHandler(privacy.delete_cancelled, pattern=f"^{privacy.DELETE_NO}$"),
            command(commands.ASK, answers.ask_command),
            CallbackQueryHandler(support.ask, pattern=f"^({views.ASK}|{views.ASK_AGAIN})$"),
            CallbackQueryHandler(intake.ask_done, pattern=f"^{views.ASK_DONE}$"),
            # filters.Chat(None) matches nothing: without a staff chat nobody answers.
            MessageHandler(filters.Chat(staff_chat) & STAFF_ANSWER, support.staff_message),
            # Edits in the question relay: passed on when what was edited went across, else
            # skipped and logged (handlers/support_edits.py).
            MessageHandler(filters.Chat(staff_chat) & STAFF_EDIT, support_edits.staff_edit),
            MessageHandler(PRIVATE_EDIT, support_edits.talent_edit),
            *staff_handlers(),
            # staff_desk decides where it works; an edited "/reload" must not reload again.
            CommandHandler(
                commands.RELOAD.names,
                content_admin.reload_command,
                filters=filters.UpdateType.MESSAGE,
            ),
            *pipeline.handlers(),
            *records.handlers(),
            CallbackQueryHandler(support_holding.mark, pattern=support_holding.PATTERN),
            CallbackQueryHandler(staff_questions.close, pattern=staff_questions.PATTERN),
            command(commands.SUBSCRIBE, broadcast.subscribe_command),
            command(commands.UNSUBSCRIBE, broadcast.unsubscribe_command),
            command(commands.BROADCAST, broadcast.broadcast_command),
            CallbackQueryHandler(
                broadcast.toggle_button, pattern=f"^({views.SUBSCRIBE_ON}|{views.SUBSCRIBE_OFF})$"
            ),
            CallbackQueryHandler(
                broadcast.offer_button, pattern=f"^({broadcast.OFFER_YES}|{broadcast.OFFER_NO})$"
            ),
            CallbackQueryHandler(broadcast.staff_button, pattern=f"^{broadcast.STAFF}"),
            broadcast.PrivateMembershipHandler(broadcast.membership),
            ChatMemberHandler(fallback.bot_added_to_group, ChatMemberHandler.MY_CHAT_MEMBER),
            MessageHandler(NEW_PRIVATE_COMMAND, fallback.unknown_command),
            MessageHandler(
                filters.Chat(staff_chat) & filters.COMMAND & filters.UpdateType.MESSAGE,
                fallback.staff_group_command,
            ),
            MessageHandler(PRIVATE & filters.UpdateType.MESSAGE, intake.private_message),
            CallbackQueryHandler(answers.button, pattern=f"^{answers.QA}"),
            CallbackQueryHandler(fallback.stale_button),
        ]
    )
    # After /status: that a conversation with the team it kept goes on (support.leave_ask_mode).
    application.add_handler(
        MessageHandler(PRIVATE & filters.COMMAND, support.still_asking), group=ASK_NOTE_GROUP
    )
    application.add_error_handler(on_error)
    jobs.schedule(application)
