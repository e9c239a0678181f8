"""Whom leads are passed on to is the deployment's fact (FORWARD_TO, FORWARD_ABROAD), and
talents are greeted by their first name (issue 24).

Driven through the emulator the way a talent and an admin would: with FORWARD_TO unset the
forwarding consent is never asked and the stage refuses every lead; set, every text names the
recipient, and says "outside Indonesia" only when FORWARD_ABROAD is true.
"""

from __future__ import annotations

import asyncio
import json
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from bot import cli
from bot.content_checks import forwarding_notes
from bot.emulator import EmulatedUser
from bot.leads.pipeline_stages import message_for
from bot.names import first_name
from bot.ops.doctor import forwarding_check
from bot.outreach import reminders as worker
from bot.settings import Forwarding, Settings, SettingsError, load_settings
from bot.store import Store
from bot.store.pipeline import LeadState
from bot.texts import Text
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.harness import TEST_FORWARDING, Harness
from tests.leads import (
    CONTENT,
    MUSICIAN,
    Seed,
    answer,
    apply,
    copy_label,
    edit_content,
    realistic,
    section,
    seed,
    shown,
    where,
)
from tests.subscribers import wait_until
from tests.test_pipeline import admin_of, label, rows, t, visible
from tests.upgrades import made_before

JAKARTA = Forwarding("KOCCA Indonesia (Jakarta)", abroad=False)
RINA = {**MUSICIAN, "full_name": "Rina Ayu Pratiwi"}
# Words only a text about passing data on uses, in either language.
FORWARDING_WORDS = ("teruskan", "penerusan", "forward", "luar indonesia", "outside indonesia")


def _forwarding_words(text: str) -> list[str]:
    lowered = text.lower()
    return [word for word in FORWARDING_WORDS if word in lowered]


async def _staff_bot(make_bot: Any, forwarding: Forwarding | None, **settings: Any) -> Harness:
    bot: Harness = await make_bot(
        **settings,
        admin_ids=frozenset({ADMIN_ID}),
        staff_chat_id=STAFF_CHAT_ID,
        forward_to=forwarding.recipient if forwarding else None,
        forward_abroad=forwarding.abroad if forwarding else False,
    )
    return bot


async def _texts_before_the_form(bot: Harness, talent: EmulatedUser, language: str) -> list[str]:
    """The privacy notice, the consent screen and what follows "I agree", as the talent reads
    them; leaves the talent at the first question or at the forwarding question."""
    privacy, register = ("/privasi", "/daftar") if language == "id" else ("/privacy", "/register")
    (notice,) = await bot.send(talent, privacy)
    (consent,) = await bot.send(talent, register)
    (after,) = await bot.press(talent, CONTENT.text(Text.BTN_AGREE, language))
    return [notice.text, consent.text, after.text]


async def test_without_forward_to_no_talent_text_mentions_forwarding_and_the_stage_refuses(
    make_bot: Any, staff_chat: Any, content_folder: Path
) -> None:
    bot = await _staff_bot(make_bot, None, content_dir=content_folder)
    for language in ("id", "en"):
        talent = bot.user(first_name="Rina", language_code=language)
        notice, consent, after = await _texts_before_the_form(bot, talent, language)
        assert await where(bot, talent) == "sector"  # no forwarding question: the form starts
        for text in (notice, consent, after):
            assert _forwarding_words(text) == [], text
        assert "Telegram" in notice  # messages travel through Telegram, named as a recipient
        assert "telegram.org/privacy" in notice
        assert "staf di Indonesia" not in notice and "staff in Indonesia" not in notice
    talent = bot.user(first_name="Sari")
    reference = await apply(bot, talent, MUSICIAN)  # the drafts above took numbers too
    await bot.send(talent, "/privasi")
    (screen,) = await bot.press(talent, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
    assert _forwarding_words(screen.text) == []  # nothing was asked, nothing to show
    assert all(_forwarding_words(button) == [] for button in screen.button_texts)

    admin = admin_of(staff_chat)
    (page,) = await bot.send(admin, f"/lead {reference}")
    stage = label("diteruskan")
    assert visible(t(Text.PIPELINE_WARNING_FORWARDING_OFF, stages=stage)) in page.text
    told = len(talent.messages)
    # The button is marked closed, as the workspace greys it out; pressed, an alert says why
    # (the workspace's words) and what to do in words a staff member in Telegram can act on
    # (no file of the repository to open), over the lead's page, which stays as it was.
    closed = t(Text.BTN_STAGE_CLOSED, label=stage)
    assert closed in page.button_texts and stage not in page.button_texts
    assert await bot.press(admin, closed) == []
    alert = admin.callback_answers[-1]
    assert alert.show_alert and alert.text == visible(t(Text.PIPELINE_CLOSED_ALERT, stage=stage))
    assert "docs/" not in alert.text and ".md" not in alert.text and "FORWARD_TO" in alert.text
    assert admin.last_message == page  # not edited, nothing sent under it
    # A forged confirm (the preview's Send update) is refused by the store as well.
    found = await bot.store.leads.by_reference(reference)
    assert found is not None
    number = found.application_id
    await bot.act(admin, admin.press_raw, page.message_id, f"pl:c:{number}:diteruskan:0:1")
    assert admin.last_message.text == visible(
        t(Text.PIPELINE_FORWARDING_OFF, reference=reference, stage=stage)
    )
    state = await bot.store.pipeline.state(number)
    assert state is not None and state.stage == "baru"
    assert len(talent.messages) == told
    reasons = await asyncio.to_thread(
        rows,
        bot.database,
        "SELECT detail FROM audit_log WHERE action = 'stage_change_refused' ORDER BY id",
    )
    assert [json.loads(detail)["reason"] for (detail,) in reasons] == ["forwarding_off"] * 2
    # Move all's stage picker marks it the same way (closed to every lead here).
    await bot.send(admin, "/leads baru")  # a filtered list offers Move all
    (picker,) = await bot.press(admin, t(Text.BTN_BULK_MOVE, count=1))
    assert closed in picker.button_texts and stage not in picker.button_texts
    assert label("ditinjau") in picker.button_texts  # an open stage stays as it is
    # Pressed, the same alert, and the picker stays to choose another (a staff review s56:
    # a dead end with only Cancel, saying twice that nothing could be moved).
    assert await bot.press(admin, closed) == []
    alert = admin.callback_answers[-1]
    assert alert.show_alert and alert.text == visible(t(Text.PIPELINE_CLOSED_ALERT, stage=stage))
    assert admin.last_message == picker
    mark = admin.mark()
    await bot.press(admin, label("ditinjau"))
    (preview,) = admin.find("→ Ditinjau", since=mark)  # the move goes on to another stage
    assert "1 pendaftar" in preview.text

    # A stage named at such length that the reason would not fit an alert (200 characters):
    # the whole reason comes under the page, which stays.
    long = "Diteruskan ke mitra program di Korea Selatan"
    edit_content(content_folder, "stages.yaml", partial(_rename_stage, "diteruskan", long))
    await bot.send(admin, "/reload")
    (page,) = await bot.send(admin, f"/lead {reference}")
    (why,) = await bot.press(admin, t(Text.BTN_STAGE_CLOSED, label=long))
    assert why.text == visible(t(Text.PIPELINE_CLOSED_ALERT, stage=long))
    assert why.message_id != page.message_id and admin.messages[-2] == page


def _rename_stage(key: str, label: str, data: dict[str, Any]) -> None:
    """stages.yaml: the stage `key` is called `label` in Indonesian."""
    (stage,) = [stage for stage in data["stages"] if stage["key"] == key]
    stage["label"]["id"] = label


async def test_forward_to_in_indonesia_is_named_everywhere_and_never_abroad(
    make_bot: Any, staff_chat: Any
) -> None:
    bot = await _staff_bot(make_bot, JAKARTA)
    for language, outside in (("id", "luar Indonesia"), ("en", "outside Indonesia")):
        talent = bot.user(first_name="Budi", language_code=language)
        notice, consent, question = await _texts_before_the_form(bot, talent, language)
        assert await where(bot, talent) == "consent_transfer"
        for text in (notice, consent, question):
            assert JAKARTA.recipient in text, text
            assert outside not in text, text
        assert question == visible(
            CONTENT.forwarding_question(language, bot.settings.privacy_facts()) or ""
        )

    rina = bot.user(first_name="Rina Ayu Pratiwi")  # her Telegram name is her full name
    reference = await apply(bot, rina, RINA)  # saying yes to the forwarding question
    consents = await bot.store.applications.consents(rina.id)
    forwarding = consents["transfer_korea"]
    assert forwarding.granted and (forwarding.recipient, forwarding.abroad) == (
        JAKARTA.recipient,
        False,
    )

    # /dataku names the recipient the consent was given for.
    mark = rina.mark()
    await bot.send(rina, "/dataku")
    document = next(m for m in rina.messages_since(mark) if m.document)
    assert document.document is not None
    copy = json.loads(document.document[1])
    kinds = {
        row[copy_label(Text.MYDATA_FIELD_CONSENT)]
        for row in section(copy, Text.MYDATA_SECTION_CONSENTS)
    }
    assert shown(Text.CONSENT_KIND_TRANSFER_TO, recipient=JAKARTA.recipient) in kinds

    # The stage message names the recipient and greets her by her first name only.
    admin = admin_of(staff_chat)
    await bot.send(admin, f"/lead {reference}")
    preview = (await bot.press(admin, label("diteruskan")))[-1]
    assert JAKARTA.recipient in preview.text and "luar Indonesia" not in preview.text
    assert "Rina" in preview.text and "Rina Ayu" not in preview.text
    talent_mark = rina.mark()
    await bot.press(admin, t(Text.BTN_SEND_UPDATE))
    [update] = await rina.wait_for_messages(talent_mark)
    assert update.html == preview.html
    lead = await bot.store.leads.by_reference(reference)
    assert lead is not None
    state = await bot.store.pipeline.state(lead.application_id)
    assert state is not None and state.stage == "diteruskan"


async def test_forward_abroad_says_outside_indonesia_in_both_languages(make_bot: Any) -> None:
    abroad = Forwarding("KOCCA, Korea Selatan", abroad=True)
    bot: Harness = await make_bot(forward_to=abroad.recipient, forward_abroad=True)
    for language, outside in (("id", "di luar Indonesia"), ("en", "outside Indonesia")):
        talent = bot.user(first_name="Ani", language_code=language)
        notice, consent, question = await _texts_before_the_form(bot, talent, language)
        for text in (notice, consent, question):
            assert abroad.recipient in text and outside in text, text
        assert "56" in notice  # UU PDP Pasal 56: the transfer abroad is named as such


async def test_a_consent_keeps_the_recipient_it_was_given_for(
    make_bot: Any, staff_chat: Any
) -> None:
    """FORWARD_TO changes: the talent still reads what they agreed to, and that consent does
    not let staff forward the lead to the new recipient until the talent agrees again."""
    first = await _staff_bot(make_bot, TEST_FORWARDING)
    sari = first.user(first_name="Sari")
    assert await apply(first, sari, MUSICIAN) == "KOC-000001"
    await first.stop()
    bot = await _staff_bot(make_bot, JAKARTA)  # the same database and the same talent
    await bot.send(sari, "/privasi")
    (screen,) = await bot.press(sari, CONTENT.text(Text.BTN_MY_CONSENTS, "id"))
    given_for = shown(Text.CONSENT_KIND_TRANSFER_ABROAD, recipient=TEST_FORWARDING.recipient)
    assert given_for in screen.text and JAKARTA.recipient not in screen.text

    admin = admin_of(staff_chat)
    await bot.send(admin, "/lead KOC-000001")
    assert await bot.press(admin, t(Text.BTN_STAGE_CLOSED, label=label("diteruskan"))) == []
    assert admin.callback_answers[-1].text == visible(
        t(Text.PIPELINE_WARNING_CONSENT, stages=label("diteruskan"), recipient=JAKARTA.recipient)
    )
    # The talent withdraws the old consent and gives it for the recipient named now.
    kind = CONTENT.text(Text.CONSENT_KIND_TRANSFER, "id")
    await bot.press(sari, CONTENT.text(Text.BTN_WITHDRAW, "id", kind=kind))
    (screen,) = await bot.press(sari, CONTENT.text(Text.BTN_GRANT, "id", kind=kind))
    assert shown(Text.CONSENT_KIND_TRANSFER_TO, recipient=JAKARTA.recipient) in screen.text
    await bot.send(admin, "/lead KOC-000001")
    preview = (await bot.press(admin, label("diteruskan")))[-1]
    assert JAKARTA.recipient in preview.text  # previewed: the consent now covers it


async def test_consents_from_before_the_setting_are_kept_as_kocca_outside_indonesia(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They were asked as "ke KOCCA di Korea": that is what stays recorded."""
    database = tmp_path / "old.db"
    await made_before(database, monkeypatch, "recipient")
    await asyncio.to_thread(seed, database, [Seed(801, realistic(__import__("random").Random(3)))])
    store = await Store.open(database)
    try:
        forwarding = (await store.applications.consents(801))["transfer_korea"]
        assert (forwarding.recipient, forwarding.abroad) == ("KOCCA", True)
        processing = (await store.applications.consents(801))["processing"]
        assert processing.recipient is None
    finally:
        await store.close()


def test_settings_check_forwarding_and_check_content_and_doctor_say_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SettingsError, match="FORWARD_ABROAD=true needs FORWARD_TO"):
        load_settings(_env_file=None, forward_abroad=True)
    with pytest.raises(SettingsError, match="FORWARD_TO must be"):
        load_settings(_env_file=None, forward_to="K" * 61)
    with pytest.raises(SettingsError, match="placeholder"):
        load_settings(_env_file=None, forward_to="[perlu dikonfirmasi]")
    assert load_settings(_env_file=None, forward_to="  ").forwarding() is None

    unset = Settings(_env_file=None, database_path=tmp_path / "bot.db")  # type: ignore[call-arg]
    [note] = forwarding_notes(CONTENT, None)
    assert "stages[diteruskan]" in note and "FORWARD_TO is not set" in note
    assert forwarding_notes(CONTENT, JAKARTA) == []
    check = forwarding_check(unset)
    assert check.ok and "FORWARD_TO is not set" in check.found
    assert label("diteruskan", "en") in check.found
    # Says which stage, not as if it passed leads on (a review: "(it passes leads on)").
    stage = label("diteruskan", "en")
    assert f"stage {stage} refuses every lead (the stage that passes leads on)" in check.found
    set_ = Settings(  # type: ignore[call-arg]
        _env_file=None, database_path=tmp_path / "bot.db", forward_to="KOCCA", forward_abroad=True
    )
    check = forwarding_check(set_)
    assert check.ok and "KOCCA" in check.found and "outside Indonesia" in check.found

    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.delenv("FORWARD_TO", raising=False)
    assert cli.main(["check-content"]) == 0
    out = capsys.readouterr().out
    assert "Leads are not passed on (FORWARD_TO is not set)" in out and "note:" in out
    monkeypatch.setenv("FORWARD_TO", JAKARTA.recipient)
    assert cli.main(["check-content"]) == 0
    out = capsys.readouterr().out
    assert f"passed on to {JAKARTA.recipient} (in Indonesia)" in out and "note:" not in out


# ----- first names -------------------------------------------------------------------------


def test_the_first_name_is_the_first_word_never_the_full_name() -> None:
    assert first_name("Rina Ayu Pratiwi") == "Rina"
    assert first_name("", "Rina Ayu Pratiwi") == "Rina"
    assert first_name(None, "  Budi  Santoso ") == "Budi"
    assert first_name("M. Rizky Ramadhan") == "Rizky"  # an initial is not a name
    assert first_name("Sari", "Sari Dewi Lestari") == "Sari"
    assert first_name("", "") == ""


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_stage_message_greets_by_first_name(language: str) -> None:
    for telegram, given in (("Rina Ayu Pratiwi", "Rina Ayu Pratiwi"), ("", "Rina Ayu Pratiwi")):
        lead = LeadState(
            application_id=1,
            reference="KOC-000001",
            user_id=1,
            submitted_at="",
            language=language,
            first_name=telegram,
            full_name=given,
            blocked=False,
            stage="baru",
            version=0,
            assignee_id=None,
            stage_changed_at="",
            transfer=None,
        )
        with_message = [key for key, stage in CONTENT.stages.items() if stage.message]
        assert with_message  # the default stages do message the talent
        for key in with_message:
            message = message_for(CONTENT, key, lead, JAKARTA)
            assert message is not None
            assert "Rina" in message.text and "Ayu" not in message.text, (key, message.text)
            assert "{" not in message.text  # every placeholder filled in


async def test_reminders_greet_by_first_name(
    make_bot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "POLL_SECONDS", 0.05)
    bot: Harness = await make_bot(reminder_delays="2s", quiet_hours="")
    for language in ("id", "en"):
        rina = bot.user(first_name="Rina Ayu Pratiwi", language_code=language)
        await bot.send(rina, "/daftar" if language == "id" else "/register")
        await bot.press(rina, CONTENT.text(Text.BTN_AGREE, language))
        await bot.press(rina, CONTENT.text(Text.BTN_YES, language))
        await answer(bot, rina, "sector", "music", language)
        button = CONTENT.text(Text.BTN_REMINDER_CONTINUE, language)

        async def reminded(talent: EmulatedUser = rina, button: str = button) -> bool:
            return any(button in message.button_texts for message in talent.messages)

        await wait_until(reminded)
        reminder = next(m for m in rina.messages if button in m.button_texts)
        assert "Rina" in reminder.text and "Ayu" not in reminder.text, reminder.text
