"""Transient failures and bugs, told apart (STYLE: expected, transient, bug).

A transient failure (the provider or the network said no: DeliveryFailed, a connection
error, a timeout) is retried with backoff by its caller. Anything else is a bug: no retry can
fix it, so it is logged once with its traceback, the item is marked failed at once, the person
gets an apology in their language, and the admin chat an alert, once per kind (exception type
and where it was raised) per hour.
"""

from __future__ import annotations

import logging
import traceback
from datetime import datetime
from pathlib import PurePath

from bot.services.notifications import notify_admins
from domain.errors import DeliveryFailed
from domain.ports.unit_of_work import UnitOfWork
from domain.traders import Language

log = logging.getLogger(__name__)
TRANSIENT: tuple[type[Exception], ...] = (DeliveryFailed, ConnectionError, TimeoutError)


def kind_of(error: BaseException) -> str:
    """'KeyError at quote.py:88 (on_price)': the type and the innermost frame raising it."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    last = frames[-1]
    return f"{type(error).__name__} at {PurePath(last.filename).name}:{last.lineno} ({last.name})"


def alert_bug(uow: UnitOfWork, error: BaseException, item: str, now: datetime) -> bool:
    """Queue the admin alert in the caller's transaction; once per kind per hour (the hour
    is in the outbox key), so a bug hit by a thousand messages makes one alert."""
    kind = kind_of(error)
    key = f"bug:{kind[:150]}:{now:%Y%m%d%H}"
    values = {"kind": kind, "item": item[:100], "error": str(error)[:200]}
    return notify_admins(uow, key, "admin.bug", values, now)


def language_of(uow: UnitOfWork, channel: str, user_ref: str) -> str:
    """The language of the trader behind a chat, French for someone not registered."""
    trader = uow.traders.by_identity(channel, user_ref)
    return trader.language.value if trader is not None else Language.FR.value
