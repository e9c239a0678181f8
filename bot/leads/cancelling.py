"""A talent cancelling a submitted registration (/status, /batal, or in words): which of theirs
are still open, where the lead goes, and the cancelling itself (bot/store/cancellations.py).

What "cancelled" means: the team does not follow the registration up any more. The lead is
closed, not deleted: staff see that the talent cancelled it, and when, on the lead and in its
history, and are told in their chat; no stage moves it again, so no stage message reaches the
talent about it, and those not sent yet are dropped. Its answers stay on record as the privacy
notice says of a submitted registration (until consent is withdrawn or the data erased: /hapusdata
is named in the question). Sending it counted toward the day's limit, and still does.

The bot cancels one too, when an update says the talent is under 18 and there is no guardian's
consent yet (`cancel_as_minor`): its audit entry says why (cancellations.UNDER_18), and every
text that names who cancelled a lead says so for it (`as_minor`; a re-check s62, N2). A cancel
recorded before that reason existed (session 62) has none, and reads as the talent's own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from bot.content import Content
from bot.leads import form_order
from bot.store import Store
from bot.store.cancellations import UNDER_18, Cancelled, OwnLead
from bot.store.leads import Lead
from bot.store.pipeline import LeadState, Registration

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


def as_minor(reason: str | None) -> bool:
    """Whether a cancel's reason (OwnLead.reason, Registration.withdrawn_reason) says the bot
    cancelled it: under 18, no guardian's consent yet. None: the talent's own wish, or a
    cancel recorded before the reason was (its texts stay the talent's, as they were)."""
    return reason == UNDER_18


async def cancelled_as_minor(store: Store, lead: LeadState) -> bool:
    """Whether this lead was cancelled by the bot, as a minor's without a guardian's consent
    (False for one open, or cancelled at the talent's word)."""
    if lead.withdrawn_at is None:
        return False
    return bool(await minor_cancels(store, [(lead.user_id, lead.application_id)]))


async def minor_cancels(store: Store, cancelled: Iterable[tuple[int, int]]) -> set[int]:
    """Of these cancelled leads (Telegram id, application id), the application ids of those
    the bot cancelled as a minor's: one read each, so give only the cancelled ones."""
    found = set()
    for user_id, application_id in cancelled:
        own = await store.cancellations.own_lead(user_id, application_id)
        if own is not None and as_minor(own.reason):
            found.add(application_id)
    return found


async def minor_cancels_among(store: Store, leads: Iterable[Lead]) -> set[int]:
    """The same of a list's leads (/leads, a search, the export): only those cancelled read."""
    return await minor_cancels(
        store, [(lead.user_id, lead.application_id) for lead in leads if lead.withdrawn]
    )


async def minor_cancels_of(store: Store, states: Iterable[LeadState]) -> set[int]:
    """The same of leads as the pipeline reads them (a bulk move's)."""
    return await minor_cancels(
        store,
        [(lead.user_id, lead.application_id) for lead in states if lead.withdrawn_at is not None],
    )


async def minor_cancels_by_id(store: Store, application_ids: Collection[int]) -> set[int]:
    """The same by application id (the workspace's rows carry no Telegram id: give only those
    marked cancelled, so a page without one reads nothing)."""
    if not application_ids:
        return set()
    return await minor_cancels_of(store, await store.pipeline.chosen(list(application_ids)))


async def cancel(store: Store, content: Content, user_id: int, application_id: int) -> Cancelled:
    """Cancel one of the talent's registrations, at their word (a confirmation pressed)."""
    return await store.cancellations.cancel(user_id, application_id, closed_stage(content))


@dataclass(frozen=True, slots=True)
class WithdrawnAsMinor:
    """What an update's "Belum ada persetujuan" did: the lead updated, cancelled (or not:
    erased or cancelled meanwhile), the account's other open registrations sent with an adult
    age, left open (`adult_open`), and whether program news was stopped."""

    lead: Cancelled
    others: tuple[OwnLead, ...] = ()
    news_stopped: bool = False


async def adult_open(
    store: Store, content: Content, user_id: int, but: int | None = None
) -> list[OwnLead]:
    """The account's open registrations sent with an adult age (but the one `but` names),
    oldest first. An update's under-18 "no guardian's consent yet" leaves them open: one
    Telegram account may register several people (a parent herself and her son, a manager
    their artists: a review s62, H2), so staff are asked to check whose they are. One sent
    as under 18 came with its own guardian's consent, and is not named."""
    found = []
    for item in await store.cancellations.open_leads(user_id):
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
    declaration the age step just kept), so staff read the lead as a minor's; its history
    says why. That one only: the account's other registrations may be other people's (a
    review s62, H2: a mother's own was cancelled as a minor's); they are named for staff to
    check (`adult_open`). Program news stops as /berhenti stops it (s62: the account said a
    minor uses it, on a consent no guardian gave)."""
    declared = await store.applications.age_declaration(user_id)
    said = None if declared is None else declared.declared_at
    news = (content.privacy.version, language)
    done, stopped = await store.cancellations.cancel_as_minor(
        user_id, application_id, closed_stage(content), said, news
    )
    others = await adult_open(store, content, user_id, but=application_id)
    return WithdrawnAsMinor(done, tuple(others), stopped)


async def stop_news_as_minor(store: Store, content: Content, user_id: int, language: str) -> bool:
    """A new form's under 18 and "Belum ada persetujuan": program news stopped, as an
    update's (`cancel_as_minor`); whether it was on. A talent may subscribe (/langganan, the
    menu) before registering: news is data processed on a consent no guardian gave."""
    news = (content.privacy.version, language)
    return (await store.cancellations.cancel_as_minor(user_id, None, None, None, news))[1]
