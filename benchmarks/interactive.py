"""Interactive load: N talents at once; the full bot against bare echo bots.

    python benchmarks/interactive.py [--talents 50] [--rounds 3] [--bots full,ptb-echo,...]
    python benchmarks/interactive.py --workload free-text --talents 1000 [--texts 5]
        [--bots full,no-matcher,aiogram-echo] [--repeat 5] [--baseline ../other-checkout]

Two workloads. `intake` (the default): each talent completes the whole application
(/start, then every question). `free-text`: each talent sends /start, then `--texts`
questions in their own words, those of tests/data/questions.yaml (each talent starting at
another place in the list; greetings, thanks and off-topic ones included): every one goes
through the free-question matcher (bot/answers), the hot path of issue 23.

`no-matcher` is the same full bot with the matcher switched off (`_no_matcher.py`): free text
gets the fallback line and the menu, as before the matcher. `--baseline CHECKOUT` adds that
checkout's full bot (run with this environment) to the comparison, e.g. main before a change.
`--repeat K` runs the whole list of bots K times over, interleaved (a b c a b c ...), each
time a fresh process: on a shared machine the load drifts, and bots measured side by side in
time compare more fairly. Each bot's figures are then over all its rounds (median, and the
range of the rounds' rates), and each ratio is the median of the K ratios of one repeat.

Every bot runs in a subprocess of its own and talks to the same emulator, served on loopback
by this process, over real HTTP. Each talent waits for the bot's reply before its next step
(a new message or an edit in its chat, seen through an emulator subscription). Figures per
bot: updates per second, and p50/p99 of the time from an update being queued in the emulator
to the bot's reply; the bot's CPU time per update; the ratio of the full bot to each echo bot.
"bot CPU" is the bot process's CPU use while measured, "driver" this process's and "others"
that of every other process on the machine, in % of one core (the highest of the rounds for
the last two): a busy machine shows there, not in silence. A bot that uses far less than a
core while talents wait is waiting for something other than the processor.

The echo bots get the same number of updates per talent, of the same kinds: /start, then a
text for each text the talent types (echoed back with sendMessage), and a press of the echo
bot's inline button for each button pressed (answered with editMessageText). They use their
framework's defaults, except that python-telegram-bot's echo bot handles updates concurrently
(`concurrent_updates(True)`), as the full bot does across talents; aiogram does so by default.
`ptb-echo-aiohttp` is the same python-telegram-bot echo bot on this project's AiohttpRequest.
The aiogram echo bot runs only where aiogram is installed (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _driver import (
    BotProcess,
    Replies,
    Step,
    base_env,
    cpu_seconds,
    forget,
    full_bot,
    load_average,
    machine,
    machine_busy_seconds,
    median,
    percentile,
    served_emulator,
    talent_walks,
    walk,
)

from bot.emulator import BotAPIEmulator

ECHO_BUTTON = "Tekan"
ECHO_GREETING = "Halo! Tulis apa saja."
BOTS = ("full", "no-matcher", "ptb-echo", "ptb-echo-aiohttp", "aiogram-echo")
# This checkout's bot, the same with the matcher off, and another checkout's (--baseline).
FULL_BOTS = ("full", "no-matcher", "baseline")
QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "data" / "questions.yaml"
NO_MATCHER = Path(__file__).resolve().parent / "_no_matcher.py"


@dataclass
class Round:
    """One measured round of one bot."""

    updates: int
    seconds: float
    latencies: list[float]
    bot_cpu: float
    driver_cpu: float
    other_cpu: float  # other processes of the machine: load that was not ours

    @property
    def rate(self) -> float:
        """Updates per second."""
        return self.updates / self.seconds


def free_text_walks(texts: int) -> list[list[Step]]:
    """Walks of /start and `texts` questions of the labelled set, each further down the list
    (all of it is asked, by one talent or another)."""
    questions = [item["q"] for item in yaml.safe_load(QUESTIONS.read_text("utf-8"))["questions"]]
    return [
        [Step("send", "/start")]
        + [Step("send", questions[(start + index) % len(questions)]) for index in range(texts)]
        for start in range(0, len(questions), texts)
    ]


def echo_steps(steps: list[Step]) -> list[Step]:
    """The echo bots' workload: as many updates as the talent's walk, of the same kinds."""
    echoed = [Step("send", "/start")]
    for step in steps[1:]:
        if step.kind == "send":
            echoed.append(Step("send", step.value.lstrip("/") or "teks"))
        else:
            echoed.append(Step("press", ECHO_BUTTON))
    return echoed


def bot_process(
    name: str, emulator: BotAPIEmulator, url: str, folder: Path, baseline: Path | None = None
) -> BotProcess:
    """The subprocess for one bot under test ("baseline": the full bot of that checkout)."""
    if name in FULL_BOTS:
        bot = full_bot(emulator, url, folder, baseline if name == "baseline" else None)
        if name == "no-matcher":
            bot.argv = [sys.executable, str(NO_MATCHER)]
        return bot
    env = base_env(BOT_TOKEN=emulator.token, BOT_API_URL=url)
    return BotProcess([sys.executable, __file__, "--serve", name], env, folder)


async def measure(
    emulator: BotAPIEmulator,
    replies: Replies,
    bot: BotProcess,
    walks: list[list[Step]],
    talents: int,
    *,
    check_submitted: bool,
) -> Round:
    """All talents walk at once; time it."""
    users = [emulator.user(first_name=f"Talenta {index}") for index in range(talents)]
    bot_cpu, driver_cpu, busy = cpu_seconds(bot.pid), time.process_time(), machine_busy_seconds()
    started = time.perf_counter()
    results = await asyncio.gather(
        *(walk(replies, user, walks[index % len(walks)]) for index, user in enumerate(users))
    )
    seconds = time.perf_counter() - started
    bot_cpu, driver_cpu = cpu_seconds(bot.pid) - bot_cpu, time.process_time() - driver_cpu
    other_cpu = max(0.0, machine_busy_seconds() - busy - bot_cpu - driver_cpu)
    if check_submitted:
        unfinished = [
            user.id for user in users if not any("KOC-" in m.text for m in user.messages[-2:])
        ]
        if unfinished:
            raise RuntimeError(f"{len(unfinished)} talent(s) did not get a reference number")
    for user in users:
        forget(emulator, user)  # the driver stays small over many rounds
    latencies = [latency for result in results for latency in result]
    return Round(len(latencies), seconds, latencies, bot_cpu, driver_cpu, other_cpu)


async def run_bot(
    name: str,
    emulator: BotAPIEmulator,
    url: str,
    walks: list[list[Step]],
    args: argparse.Namespace,
) -> list[Round]:
    """Start one bot, warm it up, measure a few rounds, stop it."""
    replies = Replies(emulator)
    if name not in FULL_BOTS:
        walks = [echo_steps(steps) for steps in walks]
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as folder:
        bot = bot_process(name, emulator, url, Path(folder), args.baseline)
        emulator.updates.drop_pending()  # nothing left over from the previous bot
        await bot.start(emulator)
        try:
            await measure(emulator, replies, bot, walks, args.warmup, check_submitted=False)
            rounds = []
            for _ in range(args.rounds):
                rounds.append(
                    await measure(
                        emulator,
                        replies,
                        bot,
                        walks,
                        args.talents,
                        check_submitted=name in FULL_BOTS and args.workload == "intake",
                    )
                )
        except BaseException:
            print(bot.tail(), file=sys.stderr)
            raise
        finally:
            await bot.stop()
            replies.close()
    # The full bot follows each submission with the announcements offer: one extra message
    # per talent is expected; anything beyond that means a step drew a stray reply, but for a
    # reply that came after a step was taken as answered by the language notice alone (its
    # reply beside the notice was slower than ASIDE_ALONE: under load, session 62's run 2).
    offers = name in FULL_BOTS and args.workload == "intake"
    expected = args.talents * len(rounds) + args.warmup if offers else 0
    if replies.unexpected > expected + replies.settled_by_aside:
        stray = replies.unexpected - expected - replies.settled_by_aside
        raise RuntimeError(f"{name} sent {stray} reply(ies) nobody waited for")
    if replies.asides:
        print(f"{name}: {replies.asides} talent(s) told once that it follows their language")
    if replies.unexpected > expected:
        late = replies.unexpected - expected
        print(
            f"{name}: {late} reply(ies) came after the language notice alone had answered"
            f" the step (of {replies.settled_by_aside} step(s) it answered alone)"
        )
    return rounds


def report(name: str, rounds: list[Round]) -> dict[str, float]:
    """Print one bot's figures over all its rounds; return them."""
    latencies = [latency for one in rounds for latency in one.latencies]
    updates = sum(one.updates for one in rounds)
    rates = [one.rate for one in rounds]
    figures = {
        "rate": median(rates),
        "p50": percentile(latencies, 0.50) * 1000,
        "p99": percentile(latencies, 0.99) * 1000,
        "cpu": sum(one.bot_cpu for one in rounds) / updates * 1000,
        "bot": sum(one.bot_cpu for one in rounds) / sum(one.seconds for one in rounds) * 100,
        "driver": max(one.driver_cpu / one.seconds for one in rounds) * 100,
        "others": max(one.other_cpu / one.seconds for one in rounds) * 100,
    }
    print(
        f"{name:<16} {figures['rate']:>9.0f} {figures['p50']:>8.1f} {figures['p99']:>8.1f}"
        f" {figures['cpu']:>11.2f} {figures['bot']:>7.0f}% {figures['driver']:>7.0f}%"
        f" {figures['others']:>7.0f}%"
        f"   {min(rates):.0f}-{max(rates):.0f} updates/s in {len(rates)} round(s):"
        f" {', '.join(f'{rate:.0f}' for rate in rates)}",
        flush=True,
    )
    return figures


def ratios(runs: list[dict[str, list[Round]]], name: str, other: str) -> list[tuple[float, float]]:
    """Per repeat: the full bot's rate and CPU per update over another bot's, side by side."""
    paired = []
    for run in runs:
        ours, theirs = run[name], run[other]
        rate = median([one.rate for one in ours]) / median([one.rate for one in theirs])
        cpu = _cpu_per_update(ours) / _cpu_per_update(theirs)
        paired.append((rate, cpu))
    return paired


def _cpu_per_update(rounds: list[Round]) -> float:
    return sum(one.bot_cpu for one in rounds) / sum(one.updates for one in rounds)


async def benchmark(args: argparse.Namespace) -> None:
    """Run every requested bot (`--repeat` times, interleaved) and print the comparison."""
    intake = args.workload == "intake"
    walks = await talent_walks() if intake else free_text_walks(args.texts)
    emulator, url = await served_emulator()
    per_talent = sum(len(steps) for steps in walks) / len(walks)
    what = "a whole application" if intake else f"/start and {args.texts} free questions"
    print(f"Machine: {machine()}; load average {load_average()}")
    print(
        f"{args.talents} talents at once, {per_talent:.1f} updates each ({what}),"
        f" {args.rounds} round(s) per bot after {args.warmup} warm-up talents,"
        f" {args.repeat} time(s) over: {', '.join(args.bots)}\n"
    )
    runs: list[dict[str, list[Round]]] = []
    try:
        for repeat in range(args.repeat):
            run: dict[str, list[Round]] = {}
            for name in args.bots:
                run[name] = await run_bot(name, emulator, url, walks, args)
                rates = ", ".join(f"{one.rate:.0f}" for one in run[name])
                print(f"  {repeat + 1}/{args.repeat} {name}: {rates} updates/s", flush=True)
            runs.append(run)
    finally:
        await emulator.aclose()
    print()
    header = ("bot", "updates/s", "p50 ms", "p99 ms", "CPU ms/upd", "bot CPU", "driver", "others")
    print("{:<16} {:>9} {:>8} {:>8} {:>11} {:>8} {:>8} {:>8}".format(*header))
    for name in args.bots:
        report(name, [one for run in runs for one in run[name]])
    if "full" in args.bots:
        for name in args.bots:
            if name != "full":
                paired = ratios(runs, "full", name)
                rate = [one for one, _ in paired]
                cpu = [one for _, one in paired]
                print(
                    f"ratio full / {name}: {median(rate):.2f} updates per second"
                    f" ({min(rate):.2f}-{max(rate):.2f}),"
                    f" {median(cpu):.2f} CPU per update ({min(cpu):.2f}-{max(cpu):.2f})"
                )
    print(f"load average at the end: {load_average()}")


# ----- the echo bots, each run in a subprocess by `--serve NAME` ---------------------------------


def serve_ptb_echo(token: str, url: str, *, aiohttp: bool = False) -> None:
    """A bare python-telegram-bot echo bot: /start, echo texts, edit on a button press.

    With `aiohttp`, the same bot on this project's AiohttpRequest instead of HTTPXRequest.
    """
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
    from telegram.ext import (
        ApplicationBuilder,
        CallbackQueryHandler,
        CommandHandler,
        ContextTypes,
        MessageHandler,
        filters,
    )

    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton(ECHO_BUTTON, callback_data="echo")]])

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(ECHO_GREETING, reply_markup=keyboard)

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "")

    async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        await update.callback_query.edit_message_text(
            f"{ECHO_BUTTON} #{update.update_id}", reply_markup=keyboard
        )

    builder = ApplicationBuilder().token(token).base_url(url).concurrent_updates(True)
    if aiohttp:
        from bot.transport.aiohttp_request import AiohttpRequest

        builder = builder.request(AiohttpRequest()).get_updates_request(AiohttpRequest())
    application = builder.build()
    application.add_handler(CommandHandler("start", start))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.add_handler(CallbackQueryHandler(press))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


def serve_aiogram_echo(token: str, url: str) -> None:
    """A bare aiogram 3 echo bot: /start, echo texts, edit on a button press."""
    from aiogram import Bot, Dispatcher, F
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.filters import CommandStart
    from aiogram.types import (
        CallbackQuery,
        InlineKeyboardButton,
        InlineKeyboardMarkup,
        Message,
    )

    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=ECHO_BUTTON, callback_data="echo")]]
    )
    dispatcher = Dispatcher()

    @dispatcher.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer(ECHO_GREETING, reply_markup=keyboard)

    @dispatcher.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    @dispatcher.callback_query()
    async def press(query: CallbackQuery) -> None:
        assert query.message is not None
        await query.message.edit_text(  # type: ignore[union-attr]
            f"{ECHO_BUTTON} #{query.id}", reply_markup=keyboard
        )

    server = TelegramAPIServer.from_base(url.removesuffix("/bot"))
    bot = Bot(token, session=AiohttpSession(api=server))
    asyncio.run(dispatcher.start_polling(bot))


def main() -> None:
    """Parse the options; run the benchmark, or serve one echo bot."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--workload",
        choices=("intake", "free-text"),
        default="intake",
        help="a whole application per talent, or /start and free texts (default intake)",
    )
    parser.add_argument("--texts", type=int, default=5, help="free texts per talent (free-text)")
    parser.add_argument("--talents", type=int, default=50, help="talents at once (default 50)")
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds per bot")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run the list of bots this many times, interleaved"
    )
    parser.add_argument("--warmup", type=int, default=5, help="talents walked before measuring")
    parser.add_argument(
        "--bots",
        default=None,
        help=f"comma-separated, from {', '.join(BOTS)} (default: all that are installed)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="CHECKOUT",
        help="also run the full bot of another checkout (e.g. one without the FAQ matcher)",
    )
    parser.add_argument("--serve", choices=BOTS[1:], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        token, url = os.environ["BOT_TOKEN"], os.environ["BOT_API_URL"]
        if args.serve == "aiogram-echo":
            serve_aiogram_echo(token, url)
        else:
            serve_ptb_echo(token, url, aiohttp=args.serve == "ptb-echo-aiohttp")
        return
    if args.bots is None:
        installed = importlib.util.find_spec("aiogram") is not None
        args.bots = [name for name in BOTS if name != "aiogram-echo" or installed]
    else:
        args.bots = [name.strip() for name in args.bots.split(",") if name.strip()]
        unknown = set(args.bots) - set(BOTS)
        if unknown:
            parser.error(f"unknown bot(s): {', '.join(sorted(unknown))}")
    if args.baseline is not None:
        args.bots.insert(1, "baseline")
    asyncio.run(benchmark(args))


if __name__ == "__main__":
    main()
