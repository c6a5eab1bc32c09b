"""Traders and the chats they talk to us from (one trader, several channels)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

MAX_NAME_LENGTH = 80


class Language(StrEnum):
    FR = "fr"
    EN = "en"


@dataclass(eq=False)
class Trader:
    name: str
    phone: str  # E.164
    created_at: datetime
    language: Language = Language.FR
    id: int | None = field(default=None)


@dataclass(eq=False)
class ChannelIdentity:
    """A chat on one channel ('telegram', 'whatsapp', 'console') that belongs to a trader."""

    channel: str
    user_ref: str
    trader_id: int
    linked_at: datetime
    id: int | None = field(default=None)
