"""`kocca-bot chat` shows everything a Telegram user would see, through the real command line:
files and photos saved and named, toasts, a simulated staff group with lead alerts and
questions answered from the same terminal, "still working…" on a slow reply, log lines in
a file, and terminal codes in talents' words shown, never obeyed."""

from __future__ import annotations

import asyncio
import re
import socket
import stat
from pathlib import Path

from bot.leads.pipeline_stages import stage_label
from bot.store import Store
from bot.texts import Text
from tests.browser import Chromium
from tests.leads import CONTENT, MUSICIAN, Seed, opening, read_csv, seed, shown
from tests.processes import START_TIMEOUT, call_cli, clean_env, start_cli

ADMIN = {"ADMIN_IDS": "1001"}  # the chat's own user (the default --user-id)
# Typed as a person answers the questionnaire in the chat: numbers press buttons; '2 is the
# answer 2 to "how many years?", whose message has a button [2] too (Pause).
APPLICATION = [
    "/daftar", "1", "1", "Musik", "3", "Sari Dewi", "2", "Band / grup", "1", "14",
    "Jabar", "Bandung", "'2", "youtube.com/@sari", "2", "2", "1", "3",
    "1", "5", "sari@example.com", "0812 3456 7801", "2", "1",
]  # fmt: skip
ESCAPES = "\x1b]0;owned\x07\x1b[2J"  # set the window title, clear the screen
SAVED = re.compile(r"\[(file|photo): (.+)\]")


def _chat(folder: Path, *lines: str, **env: str) -> tuple[int, str, str]:
    """`kocca-bot chat ARGS` with these lines typed, in this process (`call_cli`: no bot runs
    in the test's loop); it must end with status 0."""
    args = env.pop("args", "").split()
    code, out, err = call_cli(
        folder, clean_env(folder, **env), "chat", *args, stdin="\n".join(lines).encode()
    )
    assert code == 0, out + err
    return code, out, err


def _saved(out: str) -> dict[str, Path]:
    """What the chat said it saved, by file suffix ("csv", "png")."""
    return {Path(path).suffix[1:]: Path(path) for _, path in SAVED.findall(out)}


def test_files_photos_toasts_and_the_lead_alert_in_the_staff_group(tmp_path: Path) -> None:
    files = tmp_path / "sent"
    lines = [
        *APPLICATION,
        "/export",
        "/stats",
        "/lead KOC-000001",
        "1",
        "g99",
        "/earlier g",
        "/help",
    ]
    _, out, err = _chat(tmp_path, *lines, "/quit", args=f"--files {files}", **ADMIN)

    alert = out.index(opening(Text.STAFF_NEW_LEAD, reference="KOC-000001"))
    assert re.search(r"═══ staff group #\d+ ═+\n$", out[:alert])
    saved = _saved(out)
    assert sorted(saved) == ["csv", "png", "xlsx"]
    for path in saved.values():
        assert path.parent == files
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    header, lead = read_csv(saved["csv"].read_bytes())
    assert lead[0] == "KOC-000001" and "Sari Dewi" in lead
    assert lead[header.index("Tahun aktif")] == "2"
    assert saved["png"].read_bytes().startswith(b"\x89PNG")
    assert f"[file: {saved['csv']}]" in out and f"[photo: {saved['png']}]" in out
    # The lead's current stage pressed again: Telegram shows a toast, and so does the chat.
    stage = stage_label(CONTENT, next(iter(CONTENT.stages)), "id")  # where every lead starts
    there = shown(Text.PIPELINE_ALREADY_THERE, reference="KOC-000001", stage=stage)
    assert f"[toast: {there}]" in out
    # A staff group button that is not there is said, not sent to the bot as text (a staff
    # review s55: "g10" got the talent menu); /earlier g looks in the group (one alert there).
    assert "No button g99 in the staff group now" in out
    assert "No earlier message with buttons here (1 with buttons in this chat)." in out
    assert "Maaf" not in out[out.index("No button g99") :]
    # An admin's /help lists the staff group's commands too.
    helped = out[out.index("This chat's own commands") :]
    assert "\n  /as-staff-group reply N TEXT  answer message #N" in helped
    assert "\n  g1, g2, …  press its buttons" in helped
    assert err == ""


class Terminal:
    """`kocca-bot chat` as a person uses it: type a line, read until the bot has answered."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.seen = ""

    def type(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")

    async def read_until(self, pattern: str) -> re.Match[str]:
        """Read the output until `pattern` matches what came after the last match."""
        assert self.process.stdout is not None
        start = len(self.seen)
        while (found := re.compile(pattern).search(self.seen, start)) is None:
            line = await asyncio.wait_for(self.process.stdout.readline(), START_TIMEOUT)
            assert line, f"the chat ended before {pattern!r}:\n{self.seen}"
            self.seen += line.decode()
        return found

    async def quit(self) -> tuple[int, str]:
        """/quit; the exit status and stderr."""
        self.type("/quit")
        _, err = await asyncio.wait_for(self.process.communicate(), START_TIMEOUT)
        assert self.process.returncode is not None
        return self.process.returncode, err.decode()

    async def end(self) -> None:
        """After a failure: the chat does not outlive its test."""
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()


async def test_a_question_is_answered_from_the_simulated_staff_group(tmp_path: Path) -> None:
    env = clean_env(tmp_path, **ADMIN)
    process = await start_cli(tmp_path, env, "chat", "--name", f"Sari{ESCAPES}")
    terminal = Terminal(process)
    try:
        await terminal.read_until("/quit to leave")
        terminal.type("/start")
        await terminal.read_until("Halo, Sari")
        terminal.type("/tanya")
        await terminal.read_until(re.escape(opening(Text.SUPPORT_INVITE).removeprefix("💬 ")))
        # A question for people, not one the content answers (that would be answered first).
        terminal.type(f"Kapan tim bisa telepon saya?{ESCAPES}")
        copy = await terminal.read_until(r"═══ staff group #(\d+), reply to #\d+ ═+\nKapan tim")
        number = copy.group(1)
        await terminal.read_until(re.escape("[bot reacted 👌 to your message]"))  # passed on
        terminal.type(f"/as-staff-group reply {number} Ada, cek /program ya.")
        await terminal.read_until(
            rf"═══ you in the staff group #\d+, reply to #{number} ═+\nAda, cek /program ya."
        )
        # The answer starts with a line naming it the team's answer (her words are not quoted:
        # she is an admin here, whose words the log does not keep).
        heading = re.escape(shown(Text.SUPPORT_ANSWER_HEADING_PLAIN))
        await terminal.read_until(rf"─── bot ─+\n{heading}\n\nAda, cek /program ya.")
        await terminal.read_until(r"═══ staff group #\d+, reply to #\d+ ═+\n✅")
        terminal.type("/as-staff-group reply 999 Halo")
        await terminal.read_until("The staff group has no message #999.")
        code, err = await terminal.quit()
    finally:
        await terminal.end()
    assert code == 0, err
    # The talent's name and words reach the terminal escaped, never as codes it obeys.
    assert "Halo, Sari\\x1b]0;owned\\x07\\x1b[2J!" in terminal.seen
    assert "Kapan tim bisa telepon saya?\\x1b]0;owned\\x07\\x1b[2J" in terminal.seen
    assert "\x1b" not in terminal.seen and "\x07" not in terminal.seen


async def test_a_slow_reply_says_still_working_and_gets_there(tmp_path: Path) -> None:
    database = tmp_path / "many.db"
    await (await Store.open(database)).close()  # the tables
    talents = (Seed(user_id=5_000_000 + number, answers=MUSICIAN) for number in range(300))
    seed(database, talents)
    # Told to be impatient (a hidden flag): every wait for the bot says it is still working.
    args = f"--database {database} --allow-real-talents --patience 0"
    _, out, _ = _chat(tmp_path, "/export", "/start", "/quit", args=args, **ADMIN)
    waiting = out.index("still working…")
    assert waiting < out.index("[file: ")
    assert len(read_csv(_saved(out)["csv"].read_bytes())) == 301  # the header and 300 leads
    assert _saved(out)["csv"].parent == tmp_path / "many-files"  # beside the database
    assert "Halo, Staf!" in out[waiting:]  # and the chat goes on (the admin: "Staf (kamu)")


def test_log_lines_go_to_a_file_and_the_staff_group_needs_an_admin(tmp_path: Path) -> None:
    database = tmp_path / "mine.db"
    lines = ["/start", "/as-staff-group reply 1 Halo", "/help", "/quit"]
    _, out, err = _chat(tmp_path, *lines, args=f"--database {database}", LOG_LEVEL="DEBUG")
    log = tmp_path / "mine-chat.log"
    assert out.count(f"Log: {log}") == 1
    assert "Log:" in out.split("Halo, Kamu!")[0]  # at the start
    assert err == ""
    assert " DEBUG " not in out and " INFO " not in out
    written = log.read_text(encoding="utf-8")
    assert " INFO bot" in written and " DEBUG " in written
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert "There is no staff group in this chat" in out
    assert "ADMIN_IDS=1001 kocca-bot chat" in out
    assert "staff group #" not in out
    # /help: the bot's commands, then the chat's own (a new staff coordinator's review s58, L8:
    # those were in the start banner only, long scrolled away).
    helped = out[out.index(opening(Text.HELP)) :]
    own = helped.index("This chat's own commands (not sent to the bot):")
    assert "/bantuan" in helped[:own]
    for command in ("/as-talent NAME [en]", "/as-me", "/earlier [N]", "/quit"):
        assert f"\n  {command}  " in helped[own:]
    assert "An admin's chat also has a simulated staff group: ADMIN_IDS=1001" in helped[own:]

    code, out, _ = call_cli(tmp_path, clean_env(tmp_path), "chat", "--help")
    assert code == 0
    said = " ".join(out.split())
    assert "--files DIR" in said and "[file: PATH]" in said and "[toast: …]" in said
    assert "/as-staff-group reply N TEXT" in said and "log lines go to a file" in said


def test_a_taken_web_port_gives_the_workspace_another(tmp_path: Path) -> None:
    with socket.socket() as held:  # another program (or chat) listens on WEB_PORT
        held.bind(("127.0.0.1", 0))
        held.listen()
        taken = held.getsockname()[1]
        _, out, _ = _chat(tmp_path, "/quit", WEB_PORT=str(taken), **ADMIN)
    found = re.search(r"http://127\.0\.0\.1:(\d+)/staff/#tgWebAppData=", out)
    assert found is not None and int(found.group(1)) != taken


def test_an_earlier_messages_buttons_can_be_pressed_again(tmp_path: Path) -> None:
    """A staff member's review: only the newest message's buttons could be pressed, so
    "Balas tim kami" under an older answer could not be tried. /earlier shows the one before
    again, and a number then presses its buttons, as scrolling up in Telegram does."""
    lines = ["/start", "/program", "/earlier", "2", "/earlier 9", "/earlier -1", "/quit"]
    _, out, _ = _chat(tmp_path, *lines)
    again = out.index("─── bot (earlier message, shown again)")
    assert "Halo, Kamu" in out[again : out.index("\n[1]", again)]  # the menu of /start
    # Its second button pressed: the menu becomes the FAQ list.
    title = re.escape(shown(Text.FAQ_INTRO).split("\n")[0])
    assert re.search(rf"─── bot \(edited\) ─+\n{title}\n", out[again:])
    assert "No earlier message with buttons here" in out[again:]
    assert "/earlier N the Nth before it (N a number from 1)" in out[again:]  # not "1"


def test_a_kept_databases_earlier_questions_are_said_to_be_answered_in_the_workspace(
    tmp_path: Path,
) -> None:
    """A new staff member's review s57, M6: each chat has a staff group of its own, so a
    question relayed in an earlier chat on a kept --database got only "The staff group has
    no message #4.", though the workspace's Questions tab still lists it."""
    database = tmp_path / "kept.db"
    asking = ["/as-talent Budi", "/tanya", "Perlu daftar ulang kalau pindah?", "/quit"]
    _, out, _ = _chat(tmp_path, *asking, args=f"--database {database}", **ADMIN)
    number = re.findall(r"═══ staff group #(\d+), reply to #\d+ ═+\nPerlu daftar ulang", out)[0]
    lines = [f"/as-staff-group reply {number} Tidak perlu, kak.", "/quit"]
    _, out, _ = _chat(tmp_path, *lines, args=f"--database {database}", **ADMIN)
    said = out[out.index(f"The staff group has no message #{number}.") :].split("\n")[0]
    assert "a question relayed in an earlier chat on this database" in said
    assert "Questions tab (Pertanyaan): its link is printed at the start." in said
    # With WEB_URL set, no workspace runs here: said so at the start, and here.
    env = {**ADMIN, "WEB_URL": "https://desk.example.org"}
    _, out, _ = _chat(tmp_path, *lines, args=f"--database {database}", **env)
    assert "Staff workspace: not started offline because WEB_URL is set" in out
    assert "http://127.0.0.1" not in out
    assert "(it is not started offline while WEB_URL is set)." in out
    # A chat on a throw-away database has no earlier chats: the number alone.
    _, out, _ = _chat(tmp_path, "/as-staff-group reply 99 Halo", "/quit", **ADMIN)
    assert "The staff group has no message #99.\n" in out


async def test_open_in_workspace_offline_prints_the_link_at_that_lead(
    tmp_path: Path, chromium: Chromium
) -> None:
    """A new staff member's review s57, L9: pressing "🗂 Buka di ruang kerja" under /lead only
    pointed at the link printed at the start, which opens the list."""
    process = await start_cli(tmp_path, clean_env(tmp_path, **ADMIN), "chat")
    terminal = Terminal(process)
    try:
        await terminal.read_until("/quit to leave")
        for line in APPLICATION:
            terminal.type(line)
        await terminal.read_until(re.escape(opening(Text.STAFF_NEW_LEAD, reference="KOC-000001")))
        terminal.type("/lead KOC-000001")
        opener = await terminal.read_until(r"\[(\d+)\] 🗂 [^\n]+ → web app")
        terminal.type(opener.group(1))
        link = (await terminal.read_until(r"Offline, open: (http://127\.0\.0\.1\S+)")).group(1)
        assert "#lead/KOC-000001&tgWebAppData=" in link
        async with chromium.context() as context:
            page = await context.new_page()
            await page.goto(link)
            head = page.locator(".lead-head .reference", has_text="KOC-000001")
            await head.wait_for()
        code, err = await terminal.quit()
    finally:
        await terminal.end()
    assert code == 0, err
