"""`python -m bot …` in this test process: the CLI's `main` with argv, as a fresh process would
run it (issue 13: a process costs ~1 s of CPU in imports before it does anything).

A fresh process starts in its own folder (no .env), with an empty embedded Redis and the
logging untouched; `main` may configure logging (a filter on every handler, quiet loggers),
so what it changed is put back afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.runtime.cli import main
from bot.runtime.logs import QUIET
from storage.kv import make_redis

# What `python -m bot` reads: the tests set each one they need, the rest are absent.
SETTINGS = (
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "LOG_LEVEL",
    "TELEGRAM_BOT_TOKEN",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_WHATSAPP_FROM",
    "PUBLIC_BASE_URL",
)


@dataclass(frozen=True)
class Ran:
    """A command's exit code and what it printed."""

    code: int
    out: str
    err: str


@contextmanager
def logging_restored() -> Iterator[None]:
    """The root's level and handlers, each handler's filters and the quiet loggers' levels,
    as they were before."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    filters = {handler: list(handler.filters) for handler in _all_handlers()}
    quiet = {name: logging.getLogger(name).level for name in QUIET}
    try:
        yield
    finally:
        root.setLevel(level)
        root.handlers[:] = handlers
        for handler, kept in filters.items():
            handler.filters[:] = kept
        for name, old in quiet.items():
            logging.getLogger(name).setLevel(old)


def _all_handlers() -> list[logging.Handler]:
    loggers = [logging.getLogger(), *logging.root.manager.loggerDict.values()]
    return [handler for logger in loggers for handler in getattr(logger, "handlers", [])]


class Cli:
    """Runs `python -m bot ARGS` in this process, in `cwd`, with `env` over the settings."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], cwd: Path
    ) -> None:
        self.monkeypatch, self.capsys = monkeypatch, capsys
        monkeypatch.chdir(cwd)
        for name in SETTINGS:
            monkeypatch.delenv(name, raising=False)

    def __call__(self, args: list[str], **env: str) -> Ran:
        for name, value in env.items():
            self.monkeypatch.setenv(name, value)
        make_redis(None).flushdb()  # a new process: an empty embedded Redis
        self.capsys.readouterr()
        with logging_restored():
            try:
                code = main(args)
            except SystemExit as stopped:  # argparse's refusals
                code = stopped.code if isinstance(stopped.code, int) else 1
        captured = self.capsys.readouterr()
        return Ran(code, captured.out, captured.err)
