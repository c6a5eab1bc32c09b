"""Typed values as JSON, for the outbox: a notification is stored as its key, these values
and the recipient's language, and rendered when it is sent (bot.delivery.dispatch).

The format is the one every earlier version wrote — a value is a one-key marker ({"t": key},
{"gnf": n}, {"cbm": litres}, {"when": iso}, {"day": iso}) or plain JSON — plus markers for the
newer values, so rows queued by an earlier version are read the same way. An unknown marker
is kept as it is (shown as written, as before).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from bot.text.values import (
    Day,
    Fill,
    Lines,
    Message,
    Moment,
    Money,
    Percent,
    Rate,
    Text,
    Volume,
    Yuan,
)

_STORED: dict[type, Callable[[Any], dict]] = {
    Text: lambda v: {"t": v.key},
    Money: lambda v: {"gnf": v.gnf},
    Volume: lambda v: {"cbm": v.litres},
    Moment: lambda v: {"when": v.value.isoformat()},
    Day: lambda v: {"day": v.value.isoformat()},
    Yuan: lambda v: {"cny": v.fen},
    Rate: lambda v: {"rate": str(v.gnf_per_cny)},
    Percent: lambda v: {"pct": str(v.value)},
    Fill: lambda v: {"fill": str(v.pct)},
    Message: lambda v: {"msg": [v.key, to_payload(v.values)]},
    Lines: lambda v: {"lines": [[m.key, to_payload(m.values)] for m in v.messages]},
}

_READ: dict[str, Callable[[Any], object]] = {
    "t": Text,
    "gnf": Money,
    "cbm": Volume,
    "when": lambda raw: Moment(datetime.fromisoformat(raw)),
    "day": lambda raw: Day(date.fromisoformat(raw)),
    "cny": Yuan,
    "rate": lambda raw: Rate(Decimal(raw)),
    "pct": lambda raw: Percent(Decimal(raw)),
    "fill": lambda raw: Fill(Decimal(raw)),
    "msg": lambda raw: Message(raw[0], from_payload(raw[1])),
    "lines": lambda raw: Lines(tuple(Message(key, from_payload(v)) for key, v in raw)),
}


def to_payload(values: Mapping[str, object]) -> dict[str, Any]:
    """JSON for the outbox; plain values (str, int, lists) stay as they are."""
    return {name: _stored(value) for name, value in values.items()}


def _stored(value: object) -> object:
    store = _STORED.get(type(value))
    return value if store is None else store(value)


def from_payload(payload: Mapping[str, Any]) -> dict[str, object]:
    """The typed values of a stored payload, whichever version wrote it."""
    return {name: _read(value) for name, value in payload.items()}


def _read(value: Any) -> object:
    if isinstance(value, dict) and len(value) == 1:
        ((kind, raw),) = value.items()
        read = _READ.get(kind)
        return value if read is None else read(raw)
    return value
