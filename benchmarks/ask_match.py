"""Free questions matched to the FAQ and program pages: accuracy, speed, index build, memory.

    python benchmarks/ask_match.py [--repeat 20] [--failures]

Runs the bot's matcher (bot/answers) over the labelled set tests/data/questions.yaml with the
shipped content and the default thresholds of bot/settings.py, and reports the tuned and the
held-out parts apart (the held-out part was never looked at while choosing phrasings,
stopwords or thresholds):

  top-1      on-topic questions answered directly with a right entry
  top-3      on-topic questions whose right entry was shown: the answer, one of the two
             alternatives under it, or one of three suggestions ("nothing close" shows none)
  wrong      on-topic questions answered directly with a wrong entry
  off-topic  off-topic questions (and greetings, thanks) answered directly with an entry
  small talk greetings and thanks recognised as such

Then two alternatives over the same phrasings, their thresholds chosen on the tuned part by
one rule (the most top-1 with at most 3 % wrong and 5 % off-topic answered; suggestions down
to where half the off-topic questions still get "nothing close"):

  rapidfuzz  token_set_ratio of the message against every phrasing; an entry scores as its
             best phrasing (no index, no stemming)
  bm25 raw   the same bm25s index, confidence = the best entry's raw BM25 score

`--set FILE` scores another file of the same form instead, such as a round of messages from
talents the bot had not seen (benchmarks/talents/*.yaml, each scored once before any
change made for it; its header says what it scored then).

--failures lists the tuned part's misses (on-topic questions not answered right, off-topic
ones answered) with the entries ranked, to choose phrasings, stopwords or short forms from;
it never lists a held-out question.

Timing: every question of the set `--repeat` times (match and verdict), in wall-clock and in
CPU time of the thread (on a busy shared machine, wall-clock includes waiting for a core);
then a 4,096-character message. Memory: resident size of a fresh interpreter after loading
content, then after importing the matcher's libraries and building the index.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answers.matcher import Match, Matcher, phrasings_of, ref  # noqa: E402
from bot.answers.verdict import Outcome, Thresholds, Verdict, decide  # noqa: E402
from bot.content import Content, load_content  # noqa: E402
from bot.settings import PACKAGED_CONTENT_DIR, Settings  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "questions.yaml"
OFF_TOPIC = ("none", "greeting", "thanks")
GRID = [step / 100 for step in range(0, 101)]


@dataclass(frozen=True, slots=True)
class Question:
    """One labelled question."""

    text: str
    answer: str
    accepted: frozenset[str]
    held_out: bool

    @property
    def on_topic(self) -> bool:
        return self.answer not in OFF_TOPIC


def questions(path: Path = QUESTIONS) -> list[Question]:
    """The labelled set (or another file of the same form)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return [
        Question(
            item["q"],
            item["a"],
            frozenset([item["a"], *item.get("ok", [])]),
            bool(item.get("held_out")),
        )
        for item in data
    ]


@dataclass(frozen=True, slots=True)
class Scores:
    """The figures of one part of the set."""

    on_topic: int
    off_topic: int
    top1: float
    top3: float
    wrong: float
    off_answered: float
    off_nothing: float
    small_talk: float | None

    def row(self, name: str) -> str:
        talk = "" if self.small_talk is None else f"{self.small_talk:8.1%}"
        return (
            f"{name:<22}{self.on_topic:>4}{self.off_topic:>5}"
            f"{self.top1:8.1%}{self.top3:8.1%}{self.wrong:8.1%}{self.off_answered:8.1%}"
            f"{self.off_nothing:9.1%}{talk}"
        )


HEADER = (
    f"{'':<22}{'on':>4}{'off':>5}{'top-1':>8}{'top-3':>8}{'wrong':>8}{'off-ans':>8}"
    f"{'nothing':>9}{'talk':>8}"
)


def score(part: Sequence[Question], verdicts: Sequence[Verdict]) -> Scores:
    """Compare verdicts with the labels."""
    on = [(q, v) for q, v in zip(part, verdicts, strict=True) if q.on_topic]
    off = [(q, v) for q, v in zip(part, verdicts, strict=True) if not q.on_topic]
    talk = [(q, v) for q, v in off if q.answer in ("greeting", "thanks")]

    def share(items: Sequence[tuple[Question, Verdict]], test: Callable[..., bool]) -> float:
        return sum(1 for q, v in items if test(q, v)) / len(items) if items else 0.0

    def shown(q: Question, v: Verdict) -> bool:
        return bool(q.accepted & {*([v.entry] if v.entry else []), *v.others})

    direct = Outcome.ANSWERED
    return Scores(
        on_topic=len(on),
        off_topic=len(off),
        top1=share(on, lambda q, v: v.outcome is direct and v.entry in q.accepted),
        top3=share(on, shown),
        wrong=share(on, lambda q, v: v.outcome is direct and v.entry not in q.accepted),
        off_answered=share(off, lambda q, v: v.outcome is direct),
        off_nothing=share(off, lambda q, v: v.outcome is not Outcome.SUGGESTED),
        small_talk=share(talk, lambda q, v: v.outcome.value == q.answer) if talk else None,
    )


def failures(tuned: Sequence[Question], matcher: Matcher, thresholds: Thresholds) -> str:
    """The misses of a part, one a line: what was expected, what the bot did, the ranking."""
    lines = []
    for question in tuned:
        match = matcher.match(question.text)
        verdict = decide(match, thresholds)
        direct = verdict.outcome is Outcome.ANSWERED
        right = direct and verdict.entry in question.accepted
        if right or not (question.on_topic or direct):
            continue
        ranked = ", ".join(f"{entry} {fit:.2f}" for entry, fit in match.ranked)
        lines.append(
            f"{question.text!r}: {question.answer}; {verdict.outcome.value}"
            f" {verdict.entry or ''} (confidence {match.confidence:.2f}; {ranked})"
        )
    return "\n".join(lines) or "no misses"


def other_set(
    part: Sequence[Question], matcher: Matcher, thresholds: Thresholds, *, listed: bool
) -> str:
    """Another labelled file: the figures, what became of its on-topic questions, and (if
    `listed`) its misses."""
    verdicts = [decide(matcher.match(q.text), thresholds) for q in part]
    counts = {"right": 0, "suggested with it": 0, "suggested without it": 0, "unanswered": 0}
    counts["wrong"] = 0
    for question, verdict in zip(part, verdicts, strict=True):
        if not question.on_topic:
            continue
        if verdict.outcome is Outcome.ANSWERED:
            counts["right" if verdict.entry in question.accepted else "wrong"] += 1
        elif verdict.outcome is Outcome.SUGGESTED:
            found = question.accepted & {*verdict.others}
            counts["suggested with it" if found else "suggested without it"] += 1
        else:
            counts["unanswered"] += 1
    lines = [HEADER, score(part, verdicts).row("bm25s + fit (shipped)")]
    lines.append("on-topic: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    if listed:
        lines += ["", failures(part, matcher, thresholds)]
    return "\n".join(lines)


# --------------------------------------------------------------------------- alternatives


def rapidfuzz_ranker(content: Content) -> Callable[[str], Match]:
    """token_set_ratio against every phrasing; an entry scores as its best one."""
    from rapidfuzz import fuzz, process, utils

    phrasings: list[str] = []
    owners: list[str] = []
    for key, item in content.faq.items():
        for text in phrasings_of(item.question, item.ask.all() if item.ask else []):
            phrasings.append(utils.default_process(text))
            owners.append(ref("faq", key))
    for key, program in content.programs.items():
        for text in phrasings_of(program.title, program.ask.all() if program.ask else []):
            phrasings.append(utils.default_process(text))
            owners.append(ref("program", key))

    def rank(text: str) -> Match:
        query = utils.default_process(text)
        best: dict[str, float] = {}
        for _, value, index in process.extract(
            query, phrasings, scorer=fuzz.token_set_ratio, limit=40
        ):
            owner = owners[index]
            best[owner] = max(best.get(owner, 0.0), value / 100)
        ranked = tuple(sorted(best.items(), key=lambda item: -item[1])[:4])
        return Match(None, ranked, ranked[0][1] if ranked else 0.0)

    return rank


def bm25_raw_ranker(matcher: Matcher) -> Callable[[str], Match]:
    """The same bm25s index, ranked and trusted by the raw BM25 score."""

    def rank(text: str) -> Match:
        ranked = matcher.bm25_ranking(text)
        return Match(None, ranked, ranked[0][1] if ranked else 0.0)

    return rank


def with_small_talk(rank: Callable[[str], Match], matcher: Matcher) -> Callable[[str], Match]:
    """The alternatives get the same greeting and thanks detection as the matcher."""

    def ranked(text: str) -> Match:
        talk = matcher.match(text).talk
        return Match(talk=talk) if talk else rank(text)

    return ranked


def choose(part: Sequence[Question], matches: Sequence[Match], grid: Sequence[float]) -> Thresholds:
    """The rule: the most top-1 with ≤ 3 % wrong and ≤ 5 % off-topic answered; suggestions
    down to where half the off-topic questions still get "nothing close"."""
    best: tuple[float, float] | None = None
    for answer in grid:
        scores = score(part, [decide(m, Thresholds(answer, 0)) for m in matches])
        allowed = scores.wrong <= 0.03 and scores.off_answered <= 0.05
        if allowed and (best is None or scores.top1 > best[0]):
            best = (scores.top1, answer)
    answer = best[1] if best else grid[-1]
    suggest = answer
    for candidate in sorted((g for g in grid if g <= answer), reverse=True):
        scores = score(part, [decide(m, Thresholds(answer, candidate)) for m in matches])
        if scores.off_nothing < 0.5:
            break
        suggest = candidate
    return Thresholds(answer, suggest)


# --------------------------------------------------------------------------- speed, memory


def timings(matcher: Matcher, texts: Sequence[str], thresholds: Thresholds, repeat: int) -> str:
    """Mean and p99 of match + verdict per question, in wall-clock time and in the thread's
    CPU time (on a shared machine the first includes waiting for a core); then the slowest
    message of all, 4,096 characters."""
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(repeat):
        for text in texts:
            cpu, wall = time.thread_time(), time.perf_counter()
            decide(matcher.match(text), thresholds)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.thread_time() - cpu)
    long_text = ("mau tanya soal open call dan showreel kak " * 100)[:4096]
    cpu = time.thread_time()
    for _ in range(100):
        decide(matcher.match(long_text), thresholds)
    long_ms = (time.thread_time() - cpu) / 100 * 1000
    return (
        f"matching, wall: {_spread(walls)}\nmatching, CPU:  {_spread(cpus)}"
        f" ({len(cpus)} matches)\na 4,096-character message: {long_ms:.3f} ms CPU"
    )


def _spread(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50, p99 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.99)]
    mean = statistics.fmean(ordered)
    return f"mean {mean * 1000:.3f} ms, p50 {p50 * 1000:.3f} ms, p99 {p99 * 1000:.3f} ms"


def build_time(content: Content, repeat: int) -> str:
    """Median time to build the index from loaded content (what start-up and /reload add)."""
    Matcher.build(content)  # the first build warms the stemmer's and numpy's caches
    walls, cpus = [], []
    for _ in range(repeat):
        cpu, wall = time.thread_time(), time.perf_counter()
        Matcher.build(content)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.thread_time() - cpu)
    return (
        f"index build: median {statistics.median(walls) * 1000:.1f} ms wall,"
        f" {statistics.median(cpus) * 1000:.1f} ms CPU; max {max(walls) * 1000:.1f} ms wall"
        f" ({len(walls)} builds)"
    )


_MEMORY = """
import gc, sys
from pathlib import Path
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
from bot.content import load_content
from bot.settings import PACKAGED_CONTENT_DIR
content = load_content(Path(PACKAGED_CONTENT_DIR))
gc.collect(); before = rss()
from bot.answers.matcher import Matcher
matcher = Matcher.build(content)
matcher.match("kak ada open call gak?")
gc.collect(); after = rss()
print(before, after)
"""


def memory() -> str:
    """Resident memory added by the matcher's libraries and index, in a fresh interpreter."""
    out = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", _MEMORY], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    before, after = int(out[0]), int(out[1])
    return (
        f"memory: {before / 1024:.1f} MB after loading content, {after / 1024:.1f} MB with"
        f" the matcher: +{(after - before) / 1024:.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the set for timing")
    parser.add_argument(
        "--failures", action="store_true", help="list the tuned part's misses, then stop"
    )
    parser.add_argument(
        "--set",
        type=Path,
        metavar="FILE",
        help="score another labelled file of the same form instead (a round of messages from"
        " talents the bot has not seen, benchmarks/talents/*.yaml); with --failures, list"
        " its misses",
    )
    args = parser.parse_args()

    content = load_content(PACKAGED_CONTENT_DIR)
    matcher = Matcher.build(content)
    defaults = Settings.model_fields
    thresholds = Thresholds(
        defaults["ask_answer_confidence"].default, defaults["ask_suggest_confidence"].default
    )
    if args.set is not None:
        print(other_set(questions(args.set), matcher, thresholds, listed=args.failures))
        return
    everything = questions()
    tuned = [q for q in everything if not q.held_out]
    held = [q for q in everything if q.held_out]
    if args.failures:
        print(failures(tuned, matcher, thresholds))
        return
    print(f"{len(everything)} questions: {len(tuned)} tuned, {len(held)} held out")
    print(
        f"thresholds: answer {thresholds.answer:.2f}, suggest {thresholds.suggest:.2f}"
        " (ASK_ANSWER_CONFIDENCE, ASK_SUGGEST_CONFIDENCE defaults)"
    )
    print()
    print(HEADER)
    rankers: list[tuple[str, Callable[[str], Match], Thresholds | None]] = [
        ("bm25s + fit (shipped)", matcher.match, thresholds),
        ("rapidfuzz only", with_small_talk(rapidfuzz_ranker(content), matcher), None),
        ("bm25s raw score", with_small_talk(bm25_raw_ranker(matcher), matcher), None),
    ]
    for name, rank, chosen in rankers:
        tuned_matches = [rank(q.text) for q in tuned]
        if chosen is None:
            top = max((m.confidence for m in tuned_matches), default=1.0)
            grid = [top * g for g in GRID] if top > 1 else GRID
            chosen = choose(tuned, tuned_matches, grid)
        held_matches = [rank(q.text) for q in held]
        print(score(tuned, [decide(m, chosen) for m in tuned_matches]).row(f"{name}, tuned"))
        print(score(held, [decide(m, chosen) for m in held_matches]).row(f"{name}, held"))
        print(f"{'':<22}thresholds: answer {chosen.answer:.2f}, suggest {chosen.suggest:.2f}")
    print()
    gc.collect()
    print(timings(matcher, [q.text for q in everything], thresholds, args.repeat))
    print(build_time(content, args.repeat))
    print(memory())


if __name__ == "__main__":
    main()
