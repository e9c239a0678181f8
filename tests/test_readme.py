"""What README's own commands do, run as README gives them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from bot.settings import PACKAGED_CONTENT_DIR, Settings
from tests.processes import call_cli, clean_env

ROOT = Path(__file__).resolve().parent.parent
INSTALL = "python3 -m venv .venv && . .venv/bin/activate && pip install -e . && "
RUN = " && kocca-bot run"


def _install_and_run() -> str:
    """README's install-and-run command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [command] = [line for line in readme.splitlines() if line.startswith(INSTALL)]
    return command


def test_the_install_command_makes_a_private_env_file_and_keeps_an_existing_one(
    tmp_path: Path,
) -> None:
    command = _install_and_run()
    assert command.endswith(RUN)
    settings_step = command.removeprefix(INSTALL).removesuffix(RUN)
    shutil.copy(ROOT / "config.example.env", tmp_path / "config.example.env")
    (tmp_path / "config.example.env").chmod(0o644)
    env = {"PATH": os.environ["PATH"]}

    def run() -> None:
        subprocess.run(
            ["/bin/sh", "-c", f"umask 022; {settings_step}"], cwd=tmp_path, env=env, check=True
        )

    run()
    made = tmp_path / ".env"
    assert made.stat().st_mode & 0o777 == 0o600  # it will hold BOT_TOKEN
    assert made.read_text() == (ROOT / "config.example.env").read_text()

    made.write_text("BOT_TOKEN=123:abc\n")
    run()  # a second run never overwrites the operator's settings
    assert made.read_text() == "BOT_TOKEN=123:abc\n"


def test_ci_runs_the_readme_install_and_test_command_verbatim() -> None:
    """`.ci/run` promises README's install-and-test step, word for word (pytest's options,
    workers included, live in pyproject.toml, read by both)."""
    venv = "python3 -m venv .venv && . .venv/bin/activate && "
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    [command] = [line for line in readme if line.startswith(venv + "pip install -e '.[dev]'")]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    marker = ci.index("# --- the README's install-and-test command, verbatim ---")
    assert ci[marker + 1] == command.removeprefix(venv)


def _settings_table() -> dict[str, str]:
    """README's configuration table: each setting's name -> its default as the table says."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("| name | meaning | default |")
    rows = readme[start : readme.index("\n\n", start)].splitlines()[2:]
    table = {}
    for row in rows:
        names_cell, *_, default_cell = row.strip("|").split(" | ")
        names = re.findall(r"`([A-Z_]+)`", names_cell)
        defaults = default_cell.split(", ") if len(names) > 1 else [default_cell]
        for name, default in zip(names, defaults + [""] * len(names), strict=False):
            table[name] = default.strip(" `")
    return table


def _example_env() -> dict[str, str]:
    """config.example.env's settings, given or commented out: name -> value."""
    text = (ROOT / "config.example.env").read_text(encoding="utf-8")
    return dict(re.findall(r"^#? ?([A-Z][A-Z_]+)=(.*)$", text, re.MULTILINE))


def test_every_setting_is_in_readmes_table_and_the_example_env_with_its_number() -> None:
    """An operator reads the settings in README's table and config.example.env: each one the
    bot reads is in both, and a number the bot defaults to is the number both give (the
    table once lacked REGISTRATIONS_PER_DAY, FLOOD_LIMIT and FLOOD_WINDOW_SECONDS)."""
    table, example = _settings_table(), _example_env()
    for field, info in Settings.model_fields.items():
        name = field.upper()
        assert name in table, f"{name} is not in README's configuration table"
        assert name in example, f"{name} is not in config.example.env"
        if isinstance(info.default, int | float) and not isinstance(info.default, bool):
            assert float(table[name]) == info.default, name
            assert float(example[name]) == info.default, name


def _example_comment(name: str) -> str:
    """The comment above a setting in config.example.env, as one line."""
    text = (ROOT / "config.example.env").read_text(encoding="utf-8")
    found = re.search(rf"^#? ?{name}=", text, re.MULTILINE)
    assert found is not None, name
    block = text[: found.start()].split("\n\n")[-1]
    return " ".join(line.removeprefix("#").strip() for line in block.splitlines())


def test_the_example_env_says_what_readme_says_and_what_the_bot_does(tmp_path: Path) -> None:
    """A new operator's review s58, L10: the example's DIGEST_TIME lacked the questions waiting
    for the team that README's table names, and `# CONTENT_DIR=content`, uncommented, is read
    from the working directory, which its comment did not say."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    [row] = [line for line in readme if line.startswith("| `DIGEST_TIME` |")]
    assert "questions waiting for the team" in row
    assert "questions waiting for the team" in _example_comment("DIGEST_TIME")
    said = _example_comment("CONTENT_DIR")
    assert "Left unset" in said and "the content/ folder shipped with it" in said
    assert "A relative path is read from the working directory" in said
    # ...as it is: the example's value works in a folder holding content/, and only there.
    env = clean_env(tmp_path, CONTENT_DIR="content")
    code, _, err = call_cli(tmp_path, env, "check-content")
    assert code == 2 and "folder content does not exist" in err
    shutil.copytree(ROOT / "content", tmp_path / "content")
    code, out, err = call_cli(tmp_path, env, "check-content")
    assert code == 0, err
    assert out.startswith("content is valid")


def test_an_empty_content_dir_in_env_means_the_packaged_content(tmp_path: Path) -> None:
    """s58: `CONTENT_DIR=` (an empty line in .env, or in the environment) read the working
    directory, so check-content said messages.yaml was missing from "."; empty means what
    unset means, as the example says."""
    said = _example_comment("CONTENT_DIR")
    assert "Left unset or empty" in said
    (tmp_path / ".env").write_text("CONTENT_DIR=\n", encoding="utf-8")
    (tmp_path / ".env").chmod(0o600)
    for env in (clean_env(tmp_path), clean_env(tmp_path, CONTENT_DIR=" ")):
        code, out, err = call_cli(tmp_path, env, "check-content")
        assert code == 0, err
        assert out.startswith(f"{ROOT / 'content'} is valid")  # the packaged folder


def test_readmes_stage_table_is_stages_yaml() -> None:
    """README pairs each stage's key with its Indonesian and English labels (a staff review
    s59, L3: "Tidak dilanjutkan", "Closed" and `selesai` were three names for one stage): the
    table is content/stages.yaml's stages, in its order, with whether each sends a message."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("| key | Indonesian | English | message to the talent |")
    rows = readme[start : readme.index("\n\n", start)].splitlines()[2:]
    table = [tuple(cell.strip(" `") for cell in row.strip("|").split("|")) for row in rows]
    stages = yaml.safe_load((PACKAGED_CONTENT_DIR / "stages.yaml").read_text(encoding="utf-8"))
    assert table == [
        (
            stage["key"],
            stage["label"]["id"],
            stage["label"]["en"],
            "yes" if stage.get("message") else "no",
        )
        for stage in stages["stages"]
    ]
