"""The background loops (dispatcher, WhatsApp worker, Telegram inbox) survive an outage.

A pass that fails (the database or Redis is down) is logged with its traceback once, then as
one warning line per later failure, and retried with a growing wait (1 s, 2 s, … 30 s) until
a pass succeeds: a loop never dies of an outage, and an outage never floods the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

MAX_BACKOFF_S = 30.0


class Backoff:
    def __init__(self, name: str, log: logging.Logger) -> None:
        self.name = name
        self.log = log
        self.failures = 0

    def failed(self) -> float:
        """Log this failure (from inside `except`); returns how long to wait."""
        self.failures += 1
        if self.failures == 1:
            self.log.exception("%s: pass failed; retrying with a growing wait", self.name)
        else:
            self.log.warning("%s: pass failed again (%d in a row)", self.name, self.failures)
        return min(2.0 ** (self.failures - 1), MAX_BACKOFF_S)

    def succeeded(self) -> None:
        if self.failures:
            self.log.warning("%s: back after %d failed passes", self.name, self.failures)
        self.failures = 0


def run_forever(
    name: str,
    log: logging.Logger,
    one_pass: Callable[[], bool],
    stopped: Callable[[], bool],
    wait: Callable[[float], object],
    idle_s: float = 1.0,
) -> None:
    """`one_pass()` until `stopped()`; waits `idle_s` when it did nothing, longer after a
    failure."""
    backoff = Backoff(name, log)
    while not stopped():
        try:
            busy = one_pass()
        except Exception:
            wait(backoff.failed())
            continue
        backoff.succeeded()
        if not busy:
            wait(idle_s)
