"""`kocca-bot chat`: a person talks to the real bot in a terminal, through the emulator.

`session` starts the bot and a simulated staff group; `places` says where the database,
the files the bot sends and the log go; `guard` refuses a database with other people's
data; `screen` prints what the bot shows (escaped, files saved); `keys` reads what the
person types.
"""

from bot.chat.guard import ChatRefused
from bot.chat.session import chat

__all__ = ["ChatRefused", "chat"]
