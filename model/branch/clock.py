"""A hybrid logical clock for the branch merge (issue 21, item 2).

A stamp is text "WWWWWWWWWWWWWWW-CCCCCC": wall time in milliseconds (15 digits) and a counter
(6 digits), so comparing two stamps as text compares them as clocks. The clock never goes
backwards, even when the computer's time does, and after seeing a stamp from another archive it
stamps later than it.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

_WALL_DIGITS = 15
_COUNTER_DIGITS = 6
_COUNTER_MAX = 10 ** _COUNTER_DIGITS - 1


def format_stamp(wall_ms: int, counter: int) -> str:
    return f"{wall_ms:0{_WALL_DIGITS}d}-{counter:0{_COUNTER_DIGITS}d}"


def parse_stamp(stamp: str) -> tuple[int, int]:
    wall, _, counter = stamp.partition("-")
    if len(wall) != _WALL_DIGITS or len(counter) != _COUNTER_DIGITS \
            or not wall.isdigit() or not counter.isdigit():
        raise ValueError(f"not a clock stamp: {stamp!r}")
    return int(wall), int(counter)


class HybridClock:
    def __init__(self, wall: Callable[[], int] | None = None) -> None:
        self._wall = wall or (lambda: time.time_ns() // 1_000_000)
        self._last = (0, 0)
        self._lock = threading.Lock()

    def _advance(self, floor: tuple[int, int]) -> str:
        physical = self._wall()
        if physical > floor[0]:
            self._last = (physical, 0)
        elif floor[1] < _COUNTER_MAX:
            self._last = (floor[0], floor[1] + 1)
        else:
            self._last = (floor[0] + 1, 0)
        return format_stamp(*self._last)

    def now(self) -> str:
        """A stamp later than every stamp this clock gave or saw."""
        with self._lock:
            return self._advance(self._last)

    def observe(self, stamp: str) -> str:
        """Take in another archive's stamp; returns a stamp later than it and than our own."""
        seen = parse_stamp(stamp)
        with self._lock:
            return self._advance(max(self._last, seen))
