"""Traders and the chats they talk to us from (one trader, several channels)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.errors import InvalidInput
from domain.stored import Stored

MAX_NAME_LENGTH = 80


def clean_name(text: str) -> str:
    """A trader's name: letters, spaces, apostrophes, hyphens and dots; 2 to 80 characters.
    InvalidInput('bad_name') otherwise."""
    name = " ".join(text.split())
    if not 2 <= len(name) <= MAX_NAME_LENGTH:
        raise InvalidInput("bad_name")
    if not all(ch.isalpha() or ch in " '-.’" for ch in name):
        raise InvalidInput("bad_name")
    if sum(ch.isalpha() for ch in name) < 2:
        raise InvalidInput("bad_name")
    return name


class Language(StrEnum):
    FR = "fr"
    EN = "en"


@dataclass(eq=False)
class Trader(Stored):
    name: str
    phone: str  # E.164
    created_at: datetime
    language: Language = Language.FR
    id: int | None = field(default=None)


@dataclass(eq=False)
class ChannelIdentity(Stored):
    """A chat on one channel ('telegram', 'whatsapp', 'console') that belongs to a trader."""

    channel: str
    user_ref: str
    trader_id: int
    linked_at: datetime
    id: int | None = field(default=None)
