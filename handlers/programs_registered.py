"""A program page that takes registrations (`interest: page`), read by a talent with a sent
registration: its last line says they are registered and its button is their status, wherever
the page is shown (/program, a free question's answer, an offered entry opened). A talents'
review s62, L9: registered talents were told "Daftarkan minatmu dengan tombol di bawah…"."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.content import Program
from bot.texts import Text
from handlers import menu, views
from handlers.common import BotContext


async def references(context: BotContext, user_id: int | None, program: Program) -> list[str]:
    """The references of the talent's sent registrations not cancelled, for a page whose
    register button does not resume an unfinished form; [] for any other page (nothing
    read)."""
    if user_id is None or program.interest != "page" or menu.resumes(context):
        return []
    registrations = await context.services.store.pipeline.registrations(user_id)
    return [sent.reference for sent in registrations if sent.withdrawn_at is None]


def registered_line(
    context: BotContext, language: str, program: Program, page: str, registered: list[str]
) -> str:
    """The page with the last line of its "what you can do" ("Daftarkan minatmu dengan tombol
    di bawah…") saying the talent is registered (`registered`: `references`) and how to add a
    program."""
    if not registered:
        return page
    invite = program.how.get(language).split("\n")[-1]
    told = context.content.text(
        Text.PROGRAM_REGISTERED_LINE, language, references=", ".join(registered)
    )
    return "\n".join(told if line == invite else line for line in page.split("\n"))


def status_button(
    markup: InlineKeyboardMarkup, program: Program, status: tuple[str, str]
) -> InlineKeyboardMarkup:
    """A program page's buttons with its register button replaced by `status` (label, data)."""
    register = f"{views.APPLY_PROGRAM}{program.key}"
    rows = [
        [views.button(*status) if key.callback_data == register else key for key in row]
        for row in markup.inline_keyboard
    ]
    return InlineKeyboardMarkup(rows)
