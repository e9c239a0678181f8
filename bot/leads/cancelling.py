"""A talent cancelling a submitted registration (/status, /batal, or in words): which of theirs
are still open, where the lead goes, and the cancelling itself (bot/store/cancellations.py).

What "cancelled" means: the team does not follow the registration up any more. The lead is
closed, not deleted: staff see that the talent cancelled it, and when, on the lead and in its
history, and are told in their chat; no stage moves it again, so no stage message reaches the
talent about it, and those not sent yet are dropped. Its answers stay on record as the privacy
notice says of a submitted registration (until consent is withdrawn or the data erased: /hapusdata
is named in the question). Sending it counted toward the day's limit, and still does.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.content import Content
from bot.leads import form_order
from bot.store import Store
from bot.store.cancellations import Cancelled
from bot.store.pipeline import Registration

CLOSED = "selesai"  # content/stages.yaml: "Tidak dilanjutkan / Closed"


def closed_stage(content: Content) -> str | None:
    """The stage a cancelled lead is closed at: `selesai` (Closed), else the last outcome stage
    that needs no consent; None: none, and the lead stays at its stage, marked."""
    if CLOSED in content.stages:
        return CLOSED
    ends = [key for key, stage in content.stages.items() if stage.outcome and not stage.consent]
    return ends[-1] if ends else None


def still_open(registrations: list[Registration]) -> list[Registration]:
    """The registrations the talent may still cancel (not cancelled already)."""
    return [item for item in registrations if item.withdrawn_at is None]


async def open_registrations(store: Store, user_id: int) -> list[Registration]:
    """The talent's registrations they may still cancel, newest first."""
    return still_open(await store.pipeline.registrations(user_id))


async def cancel(store: Store, content: Content, user_id: int, application_id: int) -> Cancelled:
    """Cancel one of the talent's registrations, at their word (a confirmation pressed)."""
    return await store.cancellations.cancel(user_id, application_id, closed_stage(content))


@dataclass(frozen=True, slots=True)
class WithdrawnAsMinor:
    """What an update's "Belum ada persetujuan" did: the lead updated, cancelled (or not:
    erased or cancelled meanwhile), the talent's other open registrations cancelled with it
    (their references), and whether program news was stopped."""

    lead: Cancelled
    others: tuple[str, ...] = ()
    news_stopped: bool = False


async def adult_open(
    store: Store, content: Content, user_id: int, but: int | None = None
) -> list[Registration]:
    """The talent's open registrations sent with an adult age (but the one `but` names): those
    an under-18 "no guardian's consent yet" cancels. One sent as under 18 came with its own
    guardian's consent, and stays."""
    found = []
    for item in await open_registrations(store, user_id):
        answers = await store.applications.answers(item.application_id)
        if item.application_id != but and not form_order.minor(content, answers):
            found.append(item)
    return found


async def cancel_as_minor(
    store: Store, content: Content, user_id: int, application_id: int, language: str
) -> WithdrawnAsMinor:
    """Cancel a registration sent with an adult age whose update said under 18, and no
    guardian's consent yet ("Belum ada persetujuan"; a talents' review s62, H1: the update's
    draft went, "Jawaban formulir ini sudah kami hapus", and the lead stayed an adult's,
    staff untold). Its data may not be processed without that consent (UU PDP Pasal 25):
    closed as a cancel closes it, and marked with when the account said under 18 (the
    declaration the age step just kept), so staff read the lead as a minor's. The same goes
    for the talent's other registrations sent with an adult age (`adult_open`), and for
    program news, stopped as /berhenti stops it (s62: a minor kept getting it, on a consent
    no guardian gave); the history of each lead says why."""
    declared = await store.applications.age_declaration(user_id)
    said = None if declared is None else declared.declared_at
    others = await adult_open(store, content, user_id, but=application_id)
    ids = [application_id, *(item.application_id for item in others)]
    news = (content.privacy.version, language)
    done, stopped = await store.cancellations.cancel_as_minor(
        user_id, ids, closed_stage(content), said, news
    )
    cancelled = tuple(
        item.lead.reference for item in done[1:] if item.outcome == "cancelled" and item.lead
    )
    return WithdrawnAsMinor(done[0], cancelled, stopped)


async def stop_news_as_minor(store: Store, content: Content, user_id: int, language: str) -> bool:
    """A new form's under 18 and "Belum ada persetujuan": program news stopped, as an
    update's (`cancel_as_minor`); whether it was on. A talent may subscribe (/langganan, the
    menu) before registering: news is data processed on a consent no guardian gave."""
    news = (content.privacy.version, language)
    return (await store.cancellations.cancel_as_minor(user_id, [], None, None, news))[1]
