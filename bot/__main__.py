"""`python -m bot` does what the `kocca-bot` command does."""

from bot.cli import main

raise SystemExit(main())
