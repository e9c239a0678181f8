"""The staff workspace: a Telegram Mini App served by the bot's own process (aiohttp).

web -> core and store, never core -> web; it never goes through Telegram handlers.
"""
