"""Typed values for the catalogue's sentences: what a message says, not how it is written.

A reply or a notification carries a key, these values and the recipient's language; the one
renderer (bot.text.messages.t / render) writes them in that language at the edge, with
bot.text.formatting. Plain str and int values are shown as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class Money:
    """An amount in Guinean francs: '28 125 000 GNF'."""

    gnf: int


@dataclass(frozen=True)
class Volume:
    """A volume in litres, shown in CBM: '2,5 CBM'."""

    litres: int


@dataclass(frozen=True)
class Yuan:
    """A Chinese price in fen: '1 250,5 ¥'."""

    fen: int


@dataclass(frozen=True)
class Rate:
    """GNF for one yuan: '1 250,1234 GNF'."""

    gnf_per_cny: Decimal


@dataclass(frozen=True)
class Percent:
    """'62,5 %'."""

    value: Decimal


@dataclass(frozen=True)
class Fill:
    """A container's fill as a bar: '▓▓▓▓▓▓░░░░ 62 %'."""

    pct: Decimal


@dataclass(frozen=True)
class Day:
    """A calendar day, month in words: '15 janvier 2027'."""

    value: date


@dataclass(frozen=True)
class Moment:
    """A date and time in Conakry: '15/01/2027 08:00'."""

    value: datetime


@dataclass(frozen=True)
class Text:
    """Another catalogue entry, without values (a stage's name, a refusal's reason)."""

    key: str


@dataclass(frozen=True)
class Message:
    """A catalogue entry and its values, rendered in the recipient's language."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Lines:
    """Messages shown one per line ('—' when there are none)."""

    messages: tuple[Message, ...]
    empty: str = "—"
