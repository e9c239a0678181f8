"""The helpers every file the bot writes goes through: 0600 files, 0700 folders."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.private_files import open_private, private_file, private_folder


def mode(path: Path) -> int:
    """The permission bits of a file or folder."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask of most servers (022), under which open() makes world-readable files."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("usual_umask")
def test_new_folders_are_0700_and_existing_ones_are_left_alone(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    target = tmp_path / "data" / "backups"
    assert private_folder(target) == target
    assert mode(tmp_path / "data") == 0o700
    assert mode(target) == 0o700
    assert mode(tmp_path) == 0o755  # not created by the bot: its owner chose that mode


@pytest.mark.usefixtures("usual_umask")
def test_files_are_0600_when_created_and_tightened_when_they_existed(tmp_path: Path) -> None:
    fresh = private_file(tmp_path / "new" / "kocca.db")
    assert fresh.read_bytes() == b"" and mode(fresh) == 0o600
    assert mode(fresh.parent) == 0o700
    old = tmp_path / "old.csv"
    old.write_text("kept")
    assert mode(old) == 0o644
    private_file(old)
    assert old.read_text() == "kept" and mode(old) == 0o600


@pytest.mark.usefixtures("usual_umask")
def test_open_private_writes_from_the_start_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    path.write_text("an older, longer export")
    with open_private(path, "w", encoding="utf-8", newline="") as file:
        file.write("new")
    assert path.read_text() == "new" and mode(path) == 0o600
    with open_private(tmp_path / "part.001") as binary:
        binary.write(b"\x00\x01")
    assert (tmp_path / "part.001").read_bytes() == b"\x00\x01"
    with pytest.raises(ValueError, match="only writes"):
        open_private(path, "r")


def test_a_symlink_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("untouched")
    link = tmp_path / "export.csv"
    link.symlink_to(victim)
    with pytest.raises(OSError, match="symbolic links"):
        open_private(link, "w")
    assert victim.read_text() == "untouched"
