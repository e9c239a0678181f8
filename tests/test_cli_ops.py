"""The command line as an operator uses it: in pipes, with wrong values, on other databases."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings
from bot.store import Store
from bot.store.migrations import MIGRATIONS
from tests.leads import CONTENT, Seed, as_in_csv, read_csv, seed
from tests.processes import call_cli, clean_env
from tests.subscribers import complete_answers
from tests.upgrades import OLD_LEAD, OLD_RELEASE_AT, migrations_applied, old_release_database


@pytest.fixture
async def folder(tmp_path: Path) -> Path:
    """A deployment folder with a database the bot has run on."""
    await (await Store.open(tmp_path / "bot.db")).close()
    return tmp_path


@pytest.mark.parametrize("command", ["audit", "stats"])
def test_a_reader_that_stops_early_gets_no_traceback(folder: Path, command: str) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "bot", command],
        cwd=folder,
        env=clean_env(folder),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # as `kocca-bot stats | head` does once it has its lines
        errors = process.stderr.read().decode()
        process.wait(timeout=60)
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors


@pytest.mark.parametrize(
    ("env", "args", "said"),
    [
        ({"BROADCAST_RATE": "31"}, ["stats"], "BROADCAST_RATE must be at most 30 (not 31)"),
        ({"BROADCAST_RATE": "fast"}, ["stats"], "BROADCAST_RATE must be a number (not fast)"),
        (
            {"BACKUP_KEEP": "0"},
            ["stats"],
            "BACKUP_KEEP must be a whole number of backups to keep, 1 or more (not 0)",
        ),
        ({}, ["purge", "--draft-days", "0"], "--draft-days must be at least 1 (not 0)"),
        ({}, ["purge", "--log-days", "-3"], "--log-days must be at least 1 (not -3)"),
    ],
)
def test_a_wrong_value_is_one_sentence_naming_what_was_typed(
    folder: Path, env: dict[str, str], args: list[str], said: str
) -> None:
    code, _, err = call_cli(folder, clean_env(folder, **env), *args)
    assert code == 2
    assert err == f"Configuration error: {said}\n"


async def test_every_command_that_opens_the_database_takes_database(folder: Path) -> None:
    other = folder / "elsewhere" / "other.db"
    other.parent.mkdir()
    await (await Store.open(other)).close()
    seed(other, [Seed(7001, complete_answers(CONTENT, full_name="Budi Santoso"))])
    env = clean_env(folder)  # DATABASE_PATH is folder/bot.db, which has no leads

    code, _, err = call_cli(folder, env, "export", "--format", "csv", "--output", "a.csv")
    assert code == 0, err
    assert len(read_csv((folder / "a.csv").read_bytes())) == 1  # the header only
    code, _, err = call_cli(
        folder, env, "export", "--format", "csv", "--output", "b.csv", "--database", str(other)
    )
    assert code == 0, err
    [_, budi] = as_in_csv(read_csv((folder / "b.csv").read_bytes()))
    assert "Budi Santoso" in budi

    # A relative BACKUP_DIR (the default, `backups`) is beside the database in use.
    code, _, err = call_cli(folder, env, "backup", "--database", str(other))
    assert code == 0, err
    [made] = (other.parent / "backups").iterdir()
    assert made.name.startswith("other")
    assert not (folder / "backups").exists()

    missing = folder / "nowhere.db"
    code, _, err = call_cli(folder, env, "stats", "--database", str(missing))
    assert code == 2
    assert err == f"No database at {missing}: check --database.\n"


def test_a_relative_backup_dir_is_read_from_the_database_folder(tmp_path: Path) -> None:
    def settings(database: Path, backup_dir: str) -> Settings:
        values: dict[str, Any] = {"database_path": database, "backup_dir": Path(backup_dir)}
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    assert settings(tmp_path / "db" / "k.db", "backups").backup_dir == tmp_path / "db" / "backups"
    assert settings(tmp_path / "k.db", "/srv/kocca-backups").backup_dir == Path(
        "/srv/kocca-backups"
    )
    # An .env copied from the example before this change says data/backups, meaning the
    # folder beside data/kocca.db.
    assert settings(Path("data/kocca.db"), "data/backups").backup_dir == Path("data/backups")


def test_broadcasts_are_listed_and_cancelled_from_the_command_line(folder: Path) -> None:
    seed(folder / "bot.db", [Seed(7001 + n, None, subscribed=True) for n in range(2)])
    text = folder / "news.html"
    text.write_text("<b>MU:CON</b> news", encoding="utf-8")
    env = clean_env(folder)
    code, out, _ = call_cli(folder, env, "broadcast", "--list")
    assert (code, out) == (0, "No announcement is scheduled or being sent.\n")

    at = "2099-01-02 10:00"
    code, out, err = call_cli(
        folder, env, "broadcast", "--text-file", str(text), "--at", at, "--yes"
    )
    assert code == 0, err
    assert "2 subscribers would receive this announcement" in out
    # No bot runs on this database: the operator is told it waits for one.
    assert "No bot is running on this database: it goes out once the bot starts." in out

    code, out, _ = call_cli(folder, env, "broadcast", "--list")
    assert code == 0
    assert out.splitlines()[0] == f"#1  scheduled for {at} WIB; audience all, 2 recipients"

    code, out, _ = call_cli(folder, env, "broadcast", "--cancel", "1")
    assert (code, out) == (0, "Announcement #1 cancelled: nothing more of it is sent.\n")
    code, _, err = call_cli(folder, env, "broadcast", "--cancel", "1")
    assert (code, err) == (1, "Announcement #1 is not scheduled or running (cancelled).\n")
    code, _, err = call_cli(folder, env, "broadcast", "--cancel", "9")
    assert (code, err) == (1, "There is no announcement #9.\n")
    code, out, _ = call_cli(folder, env, "audit", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(row["via"], row["action"]) for row in rows] == [
        ("cli", "broadcast_queued"),
        ("cli", "broadcast_cancelled"),  # once: the refused second cancel is no action
    ]
    assert json.loads(rows[1]["detail"]) == {"broadcast": 1}


# The commands an operator runs beside the bot, reading or writing its data, never its schema.
BESIDE_THE_BOT = [
    ["status"],
    ["status", "--json"],
    ["export", "--format", "csv", "--output", "leads.csv"],
    ["audit"],
    ["stats"],
    ["purge"],
    ["broadcast", "--list"],
    ["lead", OLD_LEAD],
    ["lead", OLD_LEAD, "--note", "called her"],
]


@pytest.mark.parametrize("args", BESIDE_THE_BOT, ids=" ".join)
async def test_a_command_beside_the_bot_leaves_an_older_releases_database_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    # The staff's review s62, M3: each of them upgraded the database of an older release in
    # place, silently, with no backup first, while that release's bot may still run on it.
    database = tmp_path / "bot.db"
    await old_release_database(database, monkeypatch)
    before = database.read_bytes()
    code, out, err = call_cli(tmp_path, clean_env(tmp_path), *args)
    assert (code, out) == (2, "")
    assert err == (
        f"Not opening {database}: it is at migration {OLD_RELEASE_AT}, and this release makes"
        f" {MIGRATIONS[-1][0]}. This command does not upgrade a database (a bot of the older"
        " release may still run on it). To upgrade: stop the bot, back it up (kocca-bot"
        " backup), then start this release: its first start upgrades the database"
        " (docs/operations.md, 'Upgrading').\n"
    )
    assert migrations_applied(database) == 9
    assert database.read_bytes() == before
    assert not (tmp_path / "leads.csv").exists()


async def test_an_older_releases_database_is_backed_up_then_upgraded_by_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # docs/operations.md, "Upgrading": stop the bot, back it up, start this release.
    database = tmp_path / "bot.db"
    await old_release_database(database, monkeypatch)
    env = clean_env(tmp_path)
    code, out, err = call_cli(tmp_path, env, "backup", "--output", "before-upgrade.db")
    assert code == 0, err
    assert out.startswith("Backup written to before-upgrade.db: ")
    assert ", 1 talent, 1 lead, integrity ok, " in out
    assert "(Not noted in the database: an older release made it;" in err
    assert migrations_applied(database) == migrations_applied(tmp_path / "before-upgrade.db") == 9

    await (await Store.open(database)).close()  # the bot's start (kocca-bot run)
    assert migrations_applied(database) == len(MIGRATIONS)
    code, _, err = call_cli(tmp_path, env, "export", "--format", "csv", "--output", "a.csv")
    assert code == 0, err
    [_, hana] = as_in_csv(read_csv((tmp_path / "a.csv").read_bytes()))
    assert "Hana Kusuma" in hana
