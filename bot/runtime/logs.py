"""Logging for every entry point: one format, quiet HTTP clients, no secret in any line.

httpx logs each request URL at INFO, and Telegram's URLs carry the bot token
(`…/bot<TOKEN>/getUpdates`): those loggers are held at WARNING, and a filter on every
handler replaces each secret of the settings with `[redacted]`, in the message, its
arguments, the exception text and the stack.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from typing import IO

from pydantic import SecretStr

from bot.settings import Settings

REDACTED = "[redacted]"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QUIET = ("httpx", "httpcore", "alembic", "apscheduler")  # the last: a line per job run


def secrets_of(settings: Settings) -> list[str]:
    """Every non-empty secret the settings hold (the SecretStr fields), read when asked."""
    values = (getattr(settings, name) for name in type(settings).model_fields)
    return [v.get_secret_value() for v in values if isinstance(v, SecretStr) and v]


class RedactSecrets(logging.Filter):
    """Replaces each secret with `[redacted]`; never drops a record."""

    def __init__(self, secrets: Callable[[], Iterable[str]]) -> None:
        super().__init__()
        self.secrets = secrets
        self.formatter = logging.Formatter()

    def redact(self, text: str) -> str:
        for secret in sorted(set(self.secrets()), key=len, reverse=True):
            if secret:
                text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: the handler reports it; keep the pieces clean
            record.msg, record.args = self.redact(str(record.msg)), None
        else:
            record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def install_redaction(redaction: RedactSecrets) -> None:
    """The filter on every handler configured so far: the root's and any logger's own."""
    loggers = [logging.getLogger(), *logging.root.manager.loggerDict.values()]
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            if redaction not in handler.filters:
                handler.addFilter(redaction)


def configure_logging(settings: Settings, stream: IO[str] | None = None) -> None:
    logging.basicConfig(
        level=settings.log_level.upper(), format=FORMAT, stream=stream or sys.stderr
    )
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    install_redaction(RedactSecrets(lambda: secrets_of(settings)))
