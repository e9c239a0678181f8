"""A local fake of the Telegram Bot API for tests, the terminal chat and benchmarks.

Typical test::

    emulator = BotAPIEmulator()
    bot = Bot(emulator.token, request=emulator.request(), get_updates_request=emulator.request())
    user = emulator.user(first_name="Sari")
    mark = user.mark()
    user.send("/start")                       # queues an update for the bot to poll
    (reply,) = await user.wait_for_messages(mark)
    user.press("Musik")                       # a callback_query for the newest matching button
"""

from bot.emulator.chats import EmulatedChat
from bot.emulator.client import EmulatedUser
from bot.emulator.core import BotAPIEmulator
from bot.emulator.transport import EmulatorRequest
from bot.emulator.views import BotMessage, Button, CallbackAnswer, EmulatorEvent, RecordedCall

__all__ = [
    "BotAPIEmulator",
    "BotMessage",
    "Button",
    "CallbackAnswer",
    "EmulatedChat",
    "EmulatedUser",
    "EmulatorEvent",
    "EmulatorRequest",
    "RecordedCall",
]
