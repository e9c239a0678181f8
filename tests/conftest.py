"""Fixtures: a running bot on a temporary SQLite file, talking to the local emulator."""

from __future__ import annotations

import asyncio
import os
import shutil
import threading

# python-telegram-bot 22 warns unless told to give retry_after as a timedelta (v23 behaviour).
os.environ.setdefault("PTB_TIMEDELTA", "true")

from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot import content_live
from bot.answers.matcher import Matcher, words_said
from bot.content import Content, load_content
from bot.emulator import BotAPIEmulator
from bot.settings import PACKAGED_CONTENT_DIR
from bot.store.db import Database
from tests import processes
from tests.browser import Chromium, cancel_left, need_chromium
from tests.harness import IN_THE_LOOP, Harness

ADMIN_ID = 9001
STAFF_CHAT_ID = -1001234567890


@pytest.fixture(autouse=True)
async def _no_process_outlives_its_test() -> AsyncIterator[None]:
    """A test that fails while a bot process runs (or a CLI hangs) still ends it."""
    yield
    await processes.end_all()


# How many built indexes `_one_index_per_content` keeps: one is about 16 MB, and nearly every
# test bot serves the packaged content with nothing taught.
INDEXES_KEPT = 4


@pytest.fixture(scope="session", autouse=True)
def _one_index_per_content() -> Iterator[None]:
    """Hundreds of test bots start on the same content, and building its free-question index
    (and the list of words it says) took most of a bot's start-up: both are built once per
    Content object and taught phrasings, and handed to every bot starting on them. Neither is
    changed after it is built, and a reload or a taught phrasing brings a new Content or new
    phrasings, so the bot builds anew exactly when it would without this."""
    build, say = Matcher.build, words_said
    indexes: OrderedDict[tuple[int, tuple[tuple[str, str], ...]], tuple[Content, Matcher]] = (
        OrderedDict()
    )
    words: OrderedDict[int, tuple[Content, frozenset[str]]] = OrderedDict()
    lock = threading.Lock()  # a reload or a taught phrasing builds in a worker thread

    def built(content: Content, taught: Iterable[tuple[str, str]] = ()) -> Matcher:
        pairs = tuple(taught)
        key = (id(content), pairs)
        with lock:
            kept = indexes.get(key)
            if kept is None or kept[0] is not content:  # an id is only reused once freed
                kept = indexes[key] = (content, build(content, pairs))
            indexes.move_to_end(key)
            while len(indexes) > INDEXES_KEPT:
                indexes.popitem(last=False)
            return kept[1]

    def said(content: Content) -> frozenset[str]:
        with lock:
            kept = words.get(id(content))
            if kept is None or kept[0] is not content:
                kept = words[id(content)] = (content, say(content))
            words.move_to_end(id(content))
            while len(words) > INDEXES_KEPT:
                words.popitem(last=False)
            return kept[1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Matcher, "build", staticmethod(built))
        patch.setattr(content_live, "words_said", said)
        yield


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def _one_chromium() -> AsyncIterator[Chromium]:
    """Headless Chromium and Playwright's driver, once per test process (launched for its
    first browser test), closed at its end."""
    need_chromium()
    browser = Chromium()
    await browser.running()
    yield browser
    await browser.close()


@pytest_asyncio.fixture(loop_scope="session")
async def chromium(_one_chromium: Chromium) -> AsyncIterator[Chromium]:
    """The test process's Chromium: `chromium.context()` is a new, empty browser context in
    it. Whatever context the test left open is closed after it."""
    yield _one_chromium
    await _one_chromium.close_contexts()


@pytest.fixture
def _function_scoped_runner(
    request: pytest.FixtureRequest, _function_scoped_runner: asyncio.Runner
) -> Iterator[asyncio.Runner]:
    """pytest-asyncio's event loop of a test, except for a browser test (one that uses
    `chromium`): Playwright's objects belong to the loop its driver started in, so a browser
    test, with its bot and every async fixture, runs in the process's one session loop (an
    asyncio marker would move the test alone, leaving `bot` on a loop of its own). What the
    test leaves running there is cancelled after it, as closing its own loop would."""
    if "chromium" not in request.fixturenames:
        yield _function_scoped_runner
        return
    runner: asyncio.Runner = request.getfixturevalue("_session_scoped_runner")
    browser: Chromium = request.getfixturevalue("_one_chromium")
    loop = runner.get_loop()
    before = asyncio.all_tasks(loop)
    yield runner
    cancel_left(loop, before | browser.tasks)


@pytest.fixture
def emulator() -> BotAPIEmulator:
    """A fresh fake Telegram."""
    return BotAPIEmulator()


@pytest.fixture(scope="session")
def _migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database the bot made (every migration applied), once per test process."""
    path = tmp_path_factory.mktemp("migrated") / "kocca.db"

    async def make() -> None:
        await (await Database.open(path)).close()

    asyncio.run(make())
    assert not path.with_name("kocca.db-wal").exists(), "the copy would miss what the WAL holds"
    return path


@pytest.fixture
def database(tmp_path: Path, _migrated: Path) -> Path:
    """A SQLite file path in a temporary folder: a copy of an empty database the bot made.

    Migrating a new file took a quarter of a typical test's time, and the copy is the very
    file the bot makes on its first start (tests/upgrades.py and test_file_modes.py start from
    no file or an old one)."""
    path = tmp_path / "kocca.db"
    shutil.copyfile(_migrated, path)
    path.chmod(0o600)
    return path


@pytest.fixture
async def make_bot(emulator: BotAPIEmulator, database: Path) -> AsyncIterator[Callable[..., Any]]:
    """Start a bot with extra settings; every bot started is stopped at the end."""
    started: list[Harness] = []

    async def start(**overrides: Any) -> Harness:
        harness = Harness(emulator, database, **overrides)
        started.append(harness)
        return await harness.start()

    yield start
    for harness in started:
        await harness.stop()
    assert emulator.unknown_calls == [], "the bot called Bot API methods the emulator lacks"


@pytest.fixture
async def bot(make_bot: Callable[..., Any], staff_chat: Any) -> Harness:
    """A running bot with one admin and a staff chat."""
    harness: Harness = await make_bot(admin_ids=frozenset({ADMIN_ID}), staff_chat_id=STAFF_CHAT_ID)
    return harness


@pytest.fixture
def staff_chat(emulator: BotAPIEmulator) -> Any:
    """The staff group, with the admin in it."""
    chat = emulator.group(STAFF_CHAT_ID, title="KOCCA Talent Desk staff")
    admin = emulator.user(ADMIN_ID, first_name="Admin", language_code="id")
    chat.add_member(admin)
    emulator.add_bot_to_group(chat, by=admin)
    return chat


@pytest.fixture
async def served() -> AsyncIterator[tuple[BotAPIEmulator, str]]:
    """The emulator on a loopback port, for bot processes (tests/processes.py)."""
    emulator = BotAPIEmulator(token="777000:CRASH-TEST-TOKEN-abcdefghijklmnop")
    url = await emulator.serve()
    IN_THE_LOOP.add(emulator)  # a command run meanwhile must not block the loop (run_cli)
    yield emulator, url
    await emulator.aclose()  # webhook delivery too, if a test set one
    IN_THE_LOOP.discard(emulator)


@pytest.fixture
def content_folder(tmp_path: Path) -> Path:
    """A copy of the packaged content, to edit or break."""
    folder = tmp_path / "content"
    shutil.copytree(PACKAGED_CONTENT_DIR, folder)
    return folder


@pytest.fixture(scope="session")
def content() -> Content:
    """The packaged content, loaded once."""
    return load_content(PACKAGED_CONTENT_DIR)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests on the emulator served over HTTP (bot processes, a browser: the slowest) run
    first, in file order: with several workers (-n) none of them starts last while the
    other workers have nothing left to do."""
    items.sort(key=lambda item: "served" not in getattr(item, "fixturenames", ()))


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: three workers for every two cores. Tests spend much of their time waiting on
    bot processes, Chromium and the emulator's sockets, so a third worker fills the waits: on
    2 cores the suite took 412 s with three workers against 507 s with two (session 64, both
    idle, all 4,025 passed)."""
    return max(2, (os.cpu_count() or 1) * 3 // 2)


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--workspace-screens DIR`: keep the staff workspace's screenshots there (docs/)."""
    parser.addoption(
        "--workspace-screens",
        default=None,
        help="keep the staff workspace's screenshots in this folder (default: none are taken)",
    )


@pytest.fixture
def screens(pytestconfig: pytest.Config) -> Path | None:
    """Where a browser test's screenshots go: `--workspace-screens DIR`, else none are taken.
    Nothing in a test reads them back (they are for people, docs/), and the walks take
    dozens: a third of a walk's time went into encoding pictures nobody would look at."""
    chosen = pytestconfig.getoption("--workspace-screens")
    if chosen is None:
        return None
    folder = Path(chosen)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
