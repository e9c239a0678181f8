"""A backup is restored only as this bot made it, and a restore keeps the record of processing.

The off-site copy of a backup is the least protected copy of the database: whoever can write
to it could add a trigger that marks carried erasures applied (erased talents come back), a
table erasure never reaches, or drop the audit log's append-only triggers. So a restore
compares the file's schema with the one the migrations make, and daily and manual backups are
signed with a key derived from the erasure key; restore verifies the signature.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.content import Markup
from bot.emulator import EmulatedChat
from bot.store.privacy import subject_hash
from bot.texts import Text
from tests.conftest import ADMIN_ID
from tests.harness import Harness
from tests.leads import MUSICIAN, apply, shown
from tests.processes import run_cli
from tests.restores import BackedUp, two_leads_and_a_backup

TAMPERING = {
    # Marks every carried erasure applied as it arrives: the erased talent stays.
    "keep_erased": "CREATE TRIGGER keep_erased AFTER INSERT ON erasures"
    " BEGIN UPDATE erasures SET applied = 1 WHERE id = NEW.id; END",
    "everyone": "CREATE VIEW everyone AS SELECT * FROM users",
    "shadow_talents": "CREATE TABLE shadow_talents (id INTEGER PRIMARY KEY, name TEXT)",
    "audit_log_no_delete": "DROP TRIGGER audit_log_no_delete",
}


def _changed(path: Path, sql: str) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.executescript(sql)
    finally:
        connection.close()


def _talents(database: Path) -> int:
    connection = sqlite3.connect(database)
    try:
        return int(connection.execute("SELECT COUNT(*) FROM users").fetchone()[0])
    finally:
        connection.close()


def _signature(path: Path) -> Path:
    return path.with_name(path.name + ".sig")


def _untouched(backed_up: BackedUp, talents: int) -> bool:
    """The database was not replaced: no copy kept aside, the same talents."""
    kept = list(backed_up.folder.glob("*.before-restore-*"))
    return not kept and _talents(backed_up.bot.database) == talents


async def test_a_backup_with_a_schema_the_migrations_do_not_make_is_refused(
    make_bot: Callable[..., Any], staff_chat: EmulatedChat, database: Path, tmp_path: Path
) -> None:
    backed_up = await two_leads_and_a_backup(make_bot, database, tmp_path)
    await backed_up.bot.stop()
    talents = _talents(database)
    for name, sql in TAMPERING.items():
        tampered = tmp_path / f"tampered-{name}.db"
        shutil.copyfile(backed_up.backup, tampered)
        _changed(tampered, sql)
        # Unsigned (the attacker has no key): even when the operator accepts that, the
        # schema is refused.
        code, out, err = await backed_up.cli("restore", "--unsigned", str(tampered))
        assert code == 1, (name, out, err)
        assert "Not restored" in err and "schema" in err and name in err, err
        assert _untouched(backed_up, talents), name


async def test_a_changed_byte_or_a_missing_signature_is_refused(
    make_bot: Callable[..., Any], staff_chat: EmulatedChat, database: Path, tmp_path: Path
) -> None:
    backed_up = await two_leads_and_a_backup(make_bot, database, tmp_path)
    await backed_up.bot.stop()
    talents = _talents(database)
    assert _signature(backed_up.backup).is_file()  # kocca-bot backup signs what it writes

    flipped = tmp_path / "flipped.db"
    data = bytearray(backed_up.backup.read_bytes())
    where = data.find(b"Budiman")  # his name in the users table: no integrity check sees it
    data[where + 5] ^= 0x01
    flipped.write_bytes(bytes(data))
    shutil.copyfile(_signature(backed_up.backup), _signature(flipped))
    code, _, err = await backed_up.cli("restore", str(flipped))
    assert code == 1 and "Not restored" in err and "signature does not match" in err, err
    code, _, err = await backed_up.cli("restore", "--unsigned", str(flipped))
    assert code == 1 and "signature does not match" in err, err  # a bad one is never waved on
    assert _untouched(backed_up, talents)

    unsigned = tmp_path / "unsigned.db"
    shutil.copyfile(backed_up.backup, unsigned)
    code, _, err = await backed_up.cli("restore", str(unsigned))
    assert code == 1 and "no signature" in err and "--unsigned" in err, err
    assert _untouched(backed_up, talents)
    code, out, err = await backed_up.cli("restore", "--unsigned", str(unsigned))
    assert code == 0, err
    assert "not signed" in out  # said again in what was done


async def test_the_bot_refuses_a_database_whose_audit_log_is_not_append_only(
    make_bot: Callable[..., Any], staff_chat: EmulatedChat, database: Path, tmp_path: Path
) -> None:
    backed_up = await two_leads_and_a_backup(make_bot, database, tmp_path)
    await backed_up.bot.stop()
    _changed(database, TAMPERING["audit_log_no_delete"])
    nothing_answers = {**backed_up.env, "BOT_API_URL": "http://127.0.0.1:9/bot"}
    for env, command in ((backed_up.env, "audit"), (nothing_answers, "run")):
        code, out, err = await run_cli(tmp_path, env, command)
        assert code == 2, (command, out, err)
        [line] = err.strip().splitlines()
        assert "audit log" in line and "audit_log_no_delete" in line, line


async def test_a_restore_carries_newer_audit_entries_and_is_audited_itself(
    make_bot: Callable[..., Any], staff_chat: EmulatedChat, database: Path, tmp_path: Path
) -> None:
    backed_up = await two_leads_and_a_backup(make_bot, database, tmp_path)
    bot: Harness = backed_up.bot
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/lead KOC-000001")  # Sari's lead, viewed after the backup
    await bot.send(admin, "/lead KOC-000002")
    dewi = bot.user(first_name="Dewi")  # a talent the backup does not have
    await bot.send(dewi, "/start")
    await bot.send(backed_up.sari, "/hapusdata")
    await bot.press(backed_up.sari, "🗑 Ya, hapus semuanya")
    await bot.runner.wait_idle()
    erased = subject_hash(backed_up.sari.id, bot.store.privacy.key)
    await bot.stop()

    code, out, err = await backed_up.cli("restore", str(backed_up.backup))
    assert code == 0, err
    assert "Carried over 2 audit entries made since the backup" in out, out
    # Dewi and the admin first wrote to the bot after the backup.
    assert "2 users and 0 leads of the replaced database are not in the backup" in out, out
    code, printed, err = await backed_up.cli("audit")
    assert code == 0, err
    lines = printed.splitlines()
    viewed = [line for line in lines if " lead_viewed " in line]
    assert len(viewed) == 2
    assert erased in viewed[0] and "KOC-000002" in viewed[1]
    assert "KOC-000001" not in printed  # the erased talent's reference, redacted again
    [restored] = [line for line in lines if " database_restored " in line]
    assert " WIB  cli " in restored  # done on the server's command line
    for detail in (
        f"file={backed_up.backup}",
        "carried_audit_entries=2",
        "carried_erasures=1",
        "erased_again=1",
        "held_stage_messages=0",
        "dropped_users=2",
        "signed=True",
    ):
        assert detail in restored, (detail, restored)


async def test_a_restore_names_the_leads_whose_staff_work_since_the_backup_is_lost(
    make_bot: Callable[..., Any], staff_chat: EmulatedChat, database: Path, tmp_path: Path
) -> None:
    # The staff review s60, M3: a note made after the backup was gone from the restored lead
    # while the audit log (its entries carried over) still showed it, and neither the report
    # nor the staff chat said so. L1: the stray log line said "1 talent(s)".
    backed_up = await two_leads_and_a_backup(make_bot, database, tmp_path)
    bot: Harness = backed_up.bot
    admin = bot.emulator.user(ADMIN_ID)
    await bot.send(admin, "/catatan KOC-000002 catatan setelah backup")
    await bot.send(admin, "/catatan KOC-000001 catatan untuk Sari")
    await bot.send(backed_up.sari, "/hapusdata")  # erased since: her lead is not to redo
    await bot.press(backed_up.sari, "🗑 Ya, hapus semuanya")
    dewi = bot.user(first_name="Dewi")  # a lead the backup lacks: kept database only
    assert await apply(bot, dewi, MUSICIAN) == "KOC-000003"
    await bot.send(admin, "/catatan KOC-000003 catatan untuk Dewi")
    await bot.runner.wait_idle()
    await bot.stop()

    code, out, err = await backed_up.cli("restore", str(backed_up.backup))
    assert code == 0, err
    [lost] = [line for line in out.splitlines() if line.startswith("NOT in the restored")]
    assert "staff work made since the backup on 1 lead (notes, stage moves" in lost, lost
    assert lost.count("KOC-") == 1 and ": KOC-000002. Check each and redo" in lost, lost
    assert "Erased again 1 talent: the talent asked for erasure" in err, err
    assert "(s)" not in out + err
    code, printed, err = await backed_up.cli("audit", "--changes")
    assert code == 0, err
    [restored] = [line for line in printed.splitlines() if " database_restored " in line]
    assert "work_lost_on_leads=1" in restored and "other_work_lost=0" in restored, restored

    mark = staff_chat.mark()
    await bot.start()
    # What was held, Sari's lead erased again, then the staff work to redo.
    messages = await staff_chat.wait_for_messages(mark, 3)
    references = Markup("<code>KOC-000002</code>")
    # Its gist under it for staff who read English (the staff chat is shared).
    gloss = shown(Text.RESTORE_LOST_GLOSS, "en")
    expected = f"{shown(Text.RESTORE_LOST_LEADS, references=references)}\n{gloss}"
    assert [m.text for m in messages if m.text.startswith("⚠️")] == [expected]
