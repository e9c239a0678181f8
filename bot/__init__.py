"""KOCCA Talent Desk: the core of the bot (no Telegram handler code lives here)."""
