"""FloodGuard with a controllable clock: who is slowed, when they are warned, who is forgotten."""

from __future__ import annotations

from bot.transport.flood import FloodGuard, Verdict

SARI, BUDI = 1001, 1002


def test_the_limit_is_allowed_and_the_first_message_over_it_is_warned_once() -> None:
    guard = FloodGuard(limit=3, seconds=10.0)
    verdicts = [guard.check(SARI, now=100.0 + 0.1 * n) for n in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.DROP_AND_WARN] + [Verdict.DROP] * 2


def test_a_talent_is_counted_alone() -> None:
    guard = FloodGuard(limit=2, seconds=10.0)
    for n in range(5):
        guard.check(SARI, now=100.0 + n)
    assert guard.check(BUDI, now=105.0) is Verdict.ALLOW
    assert guard.check(SARI, now=105.0) is Verdict.DROP


def test_the_window_slides_so_a_calm_talent_is_allowed_again() -> None:
    guard = FloodGuard(limit=2, seconds=10.0)
    assert guard.check(SARI, now=0.0) is Verdict.ALLOW
    assert guard.check(SARI, now=1.0) is Verdict.ALLOW
    assert guard.check(SARI, now=2.0) is Verdict.DROP_AND_WARN
    # Dropped messages count too: 3 stamps in the window until t=10 (the first leaves).
    assert guard.check(SARI, now=10.5) is Verdict.DROP
    # At 21.5 the window (11.5, 21.5] holds only this message.
    assert guard.check(SARI, now=21.5) is Verdict.ALLOW


def test_a_new_flood_after_a_window_is_warned_again() -> None:
    guard = FloodGuard(limit=1, seconds=5.0)
    assert [guard.check(SARI, now=t) for t in (0.0, 0.1)] == [Verdict.ALLOW, Verdict.DROP_AND_WARN]
    assert guard.check(SARI, now=0.2) is Verdict.DROP
    # More than a window after the last warning, and over the limit again: one more notice.
    assert [guard.check(SARI, now=t) for t in (20.0, 20.1, 20.2)] == [
        Verdict.ALLOW,
        Verdict.DROP_AND_WARN,
        Verdict.DROP,
    ]


def test_quiet_talents_are_forgotten_after_a_window() -> None:
    guard = FloodGuard(limit=5, seconds=10.0)
    for user_id in range(100):
        guard.check(user_id, now=0.0)
    assert guard.tracked == 100
    guard.check(SARI, now=30.0)  # the next check after a window sweeps the quiet ones
    assert guard.tracked == 1
