"""Runs a bot with chosen functions counted apart under callgrind: benchmarks only.

    python benchmarks/update_cost.py --callgrind --pieces --keep DIR --bots full,no-matcher
    python benchmarks/_pieces.py --table UPDATES DIR/full.callgrind.*.1 DIR/no-matcher.callgrind.*.1

Python 3.11 runs every Python function inside the interpreter's one C loop, so callgrind
cannot tell them apart. Here each chosen function is called through a C function of its
own, `piece_<name>` (a small extension module compiled with gcc at start, needing the Python
headers); callgrind's inclusive cost of `piece_<name>` is that function's cost with
everything it calls. A coroutine's steps (each `send`, up to its next real wait) go through
it too: the coroutine's own work and what it awaits inline count, the event loop's waiting
and other coroutines' work do not. Work handed to another thread (SQLite's commit) is not
counted under any piece. The calls through the pieces add a little to every bot alike.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import inspect
import re
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable, Coroutine, Generator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Last, not first: with `--baseline`, PYTHONPATH names the other checkout, whose `bot` must
    # be the one measured (first, this checkout's code ran as the baseline too).
    sys.path.append(str(ROOT))

from benchmarks._profiled import run_as_python  # noqa: E402 - needs ROOT on the path

# (module, attribute path, piece): every name under which a handler reaches the function.
PIECES: tuple[tuple[str, str, str], ...] = (
    ("telegram.ext", "Application.process_update", "process_update"),
    ("handlers.common", "record_incoming", "record_incoming"),
    ("handlers", "record_incoming", "record_incoming"),
    ("handlers.intake", "private_message", "private_message"),
    ("handlers.support", "asking", "support_asking"),
    ("bot.leads.intake_flow", "IntakeFlow.active_draft", "active_draft"),
    ("handlers.answers", "free_text", "free_text"),
    ("handlers.fallback", "unknown_text", "unknown_text"),
    ("handlers.answers", "_question", "question"),
    # The checks a free message passes before the match (each a word check, most no read).
    ("handlers.answers", "follow_written_language", "follow_language"),
    ("handlers.answers", "_typed_confirmation", "typed_confirmation"),
    ("handlers.privacy", "typed_keep", "typed_keep"),
    ("handlers.broadcast", "typed_to_offer", "typed_to_offer"),
    ("handlers.answers", "_typed_wish", "typed_wish"),
    ("handlers.answers", "only_links", "only_links"),
    ("handlers.answers", "says_not_this", "says_not_this"),
    ("handlers.answers", "_status_asked", "status_asked"),
    ("handlers.talent_status", "with_status", "with_status"),
    ("handlers.answers", "_action_rows", "action_rows"),
    ("handlers.answers", "thresholds", "thresholds"),
    ("handlers.answers", "_desk", "desk"),
    ("bot.answers.desk", "AnswerDesk.verdict", "verdict"),
    ("bot.answers.matcher", "Matcher.match", "match"),
    ("bot.answers.matcher", "words", "words"),
    ("bot.answers.matcher", "Matcher._stems", "stems"),
    ("bot.answers.matcher", "Matcher._scored", "scored"),
    ("bot.answers.matcher", "Matcher._fits", "fits"),
    ("bot.answers.text", "_visible", "visible"),
    ("bot.answers.text", "without_controls", "without_controls"),
    ("bot.answers.desk", "decide", "decide"),
    ("bot.answers.desk", "AnswerDesk.considered", "considered"),
    ("bot.store.questions", "FreeQuestions.rejected_lately", "rejected_lately"),
    ("handlers.talent_status", "registered_for", "registered_for"),
    ("bot.store.db", "Database.lookup", "lookup"),
    ("bot.answers.desk", "AnswerDesk.record", "record"),
    ("bot.answers.desk", "summary", "summary"),
    ("bot.store.questions", "FreeQuestions.record", "questions_insert"),
    ("handlers.answers", "_answer", "answer_page"),
    ("handlers.answers", "_entry_rows", "entry_rows"),
    ("handlers.answers", "_with_team", "with_team"),
    ("handlers.answers", "_nothing", "nothing"),
    ("handlers.menu", "main_menu", "main_menu"),
    ("handlers.common", "BotContext.text", "context_text"),
    ("handlers.common", "BotContext.language", "context_language"),
    ("handlers.answers", "reply", "reply"),
    ("handlers.fallback", "reply", "reply"),
    ("handlers.common", "send_text", "send_text"),
    ("bot.transport.sending", "markup_json", "markup_json"),
    ("bot.transport.outgoing", "RecordingRequest.do_request", "do_request"),
    ("bot.transport.outgoing", "RecordingRequest._record", "outgoing_log"),
    ("bot.transport.outgoing", "_entry", "outgoing_entry"),
    ("bot.store.questions", "utc_now", "utc_now"),
    ("bot.store.db", "Transaction.fetch_one", "tx_fetch_one"),
    ("bot.store.db", "Database._begin", "tx_begin"),
    ("bot.store.db", "Database._blocking", "commit_thread"),
    ("bot.store.db", "_WriteTransaction.__aenter__", "tx_enter"),
    ("bot.store.db", "_WriteTransaction.__aexit__", "tx_exit"),
    ("bot.transport.runner", "Runner._poll", "poll"),
    ("bot.transport.runner", "Runner.feed", "feed"),
    ("bot.transport.runner", "Runner._process", "runner_process"),
    ("bot.store.inbox", "UpdateInbox.finish", "inbox_finish"),
    ("telegram", "Update.de_json", "update_de_json"),
)

_SOURCE = """
#include <Python.h>
#define PIECE(name) \\
    __attribute__((noinline)) PyObject *piece_##name( \\
        PyObject *self, PyObject *const *args, Py_ssize_t nargs) { \\
        return PyObject_Vectorcall(args[0], args + 1, nargs - 1, NULL); }
%(pieces)s
static PyMethodDef methods[] = {
%(methods)s
    {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_cgpieces", NULL, -1, methods};
PyMODINIT_FUNC PyInit__cgpieces(void) { return PyModule_Create(&module); }
"""


def _compiled(names: list[str]) -> ModuleType:
    """The extension module with one C function per piece, built in a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="cgpieces-"))
    source = folder / "_cgpieces.c"
    source.write_text(
        _SOURCE
        % {
            "pieces": "\n".join(f"PIECE({name})" for name in names),
            "methods": "\n".join(
                f'    {{"{name}", (PyCFunction)(void (*)(void))piece_{name}, METH_FASTCALL, NULL}},'
                for name in names
            ),
        }
    )
    library = folder / f"_cgpieces{sysconfig.get_config_var('EXT_SUFFIX')}"
    include = sysconfig.get_paths()["include"]
    subprocess.run(  # noqa: S603 - gcc on the file written just above
        ["gcc", "-O1", "-shared", "-fPIC", f"-I{include}", str(source), "-o", str(library)],  # noqa: S607
        check=True,
    )
    spec = importlib.util.spec_from_file_location("_cgpieces", library)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Driven:
    """Awaits a coroutine, each of its steps run through a piece."""

    __slots__ = ("_coroutine", "_piece")

    def __init__(self, coroutine: Coroutine[Any, Any, Any], piece: Callable[..., Any]) -> None:
        self._coroutine, self._piece = coroutine, piece

    def __await__(self) -> Generator[Any, Any, Any]:
        coroutine, piece = self._coroutine, self._piece
        step: Callable[[Any], Any] = coroutine.send
        value: Any = None
        while True:
            try:
                waited = piece(step, value)
            except StopIteration as done:
                return done.value
            try:
                value, step = (yield waited), coroutine.send
            except BaseException as error:
                value, step = error, coroutine.throw


def _wrapped(function: Callable[..., Any], piece: Callable[..., Any]) -> Callable[..., Any]:
    """The function, called through its piece (a coroutine function: each step of it)."""
    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def driven(*args: Any, **kwargs: Any) -> Any:
            return await _Driven(function(*args, **kwargs), piece)

        return driven

    @functools.wraps(function)
    def called(*args: Any, **kwargs: Any) -> Any:
        return (
            piece(functools.partial(function, *args, **kwargs))
            if kwargs
            else piece(function, *args)
        )

    return called


def install() -> None:
    """Put every function of PIECES behind its piece (missing ones are said and skipped)."""
    names = sorted({piece for _, _, piece in PIECES})
    pieces = _compiled(names)
    for module_name, path, piece in PIECES:
        owner: Any = importlib.import_module(module_name)
        *parents, attribute = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        function = owner.__dict__.get(attribute) if isinstance(owner, type) else None
        function = function or getattr(owner, attribute, None)
        if isinstance(function, classmethod):  # wrapped as the function it holds
            wrapped = _wrapped(function.__func__, getattr(pieces, piece))
            setattr(owner, attribute, classmethod(wrapped))
            continue
        if function is None or isinstance(function, staticmethod):
            print(f"_pieces: no {module_name}.{path}", file=sys.stderr)
            continue
        setattr(owner, attribute, _wrapped(function, getattr(pieces, piece)))


def inclusive(dump: Path) -> dict[str, int]:
    """Instructions per piece (inclusive, all calls) and the total, from one callgrind dump."""
    annotated = subprocess.run(  # noqa: S603 - valgrind's own tool, on a dump of ours
        ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(dump)],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found: dict[str, int] = {}
    for count, name in re.findall(
        r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+\S*:piece_(\w+?)(?:'\d+)?\b", annotated, re.M
    ):
        found[name] = max(found.get(name, 0), int(count.replace(",", "")))
    total = re.search(r"^\s*([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", annotated, re.M)
    found["(total)"] = int(total.group(1).replace(",", "")) if total else 0
    return found


def table(dumps: list[Path], updates: int) -> None:
    """Print instructions per update for each piece, one column per dump, and their difference
    (first column less second)."""
    columns = [inclusive(dump) for dump in dumps]
    names = sorted(set().union(*columns), key=lambda name: -columns[0].get(name, 0))
    print(f"{'piece':<20}" + "".join(f"{dump.name[:18]:>20}" for dump in dumps) + f"{'diff':>12}")
    for name in names:
        values = [column.get(name, 0) / updates for column in columns]
        shown = "".join(f"{value:>20,.0f}" for value in values)
        diff = values[0] - values[1] if len(values) > 1 else 0.0
        print(f"{name:<20}{shown}{diff:>+12,.0f}")


def main() -> None:
    """Install the pieces, then run the module or script as `python` would; or, with
    `--table UPDATES DUMP [DUMP]`, print the pieces of callgrind dumps per update."""
    if sys.argv[1:2] == ["--table"]:
        table([Path(dump) for dump in sys.argv[3:]], int(sys.argv[2]))
        return
    install()
    run_as_python(sys.argv[1:])


if __name__ == "__main__":
    main()
