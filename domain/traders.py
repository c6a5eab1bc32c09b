"""Traders and the chats they talk to us from (one trader, several channels)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from domain.errors import InvalidInput

MAX_NAME_LENGTH = 80
# Words people send at the name question that are not a name: greetings, thanks, yes/no, and
# the bot's own command words (`menu`, `aide`, … are answered as commands before this).
NOT_NAMES = frozenset(
    [
        "bonjour",
        "bonsoir",
        "bjr",
        "bsr",
        "slt",
        "salut",
        "salam",
        "salamalekoum",
        "salamaleykoum",
        "hello",
        "hi",
        "hey",
        "coucou",
        "merci",
        "ok",
        "okay",
        "oui",
        "non",
        "yes",
        "no",
        "menu",
        "aide",
        "help",
        "annuler",
        "cancel",
        "stop",
        "start",
        "devis",
        "commande",
        "commandes",
        "conteneur",
        "preuve",
        "langue",
        "retour",
        "accueil",
        "test",
    ]
)


def clean_name(text: str) -> str:
    """A trader's name: letters, spaces, apostrophes, hyphens and dots; 2 to 80 characters,
    and not only greetings or command words. InvalidInput('bad_name') otherwise."""
    name = " ".join(text.split())
    if not 2 <= len(name) <= MAX_NAME_LENGTH:
        raise InvalidInput("bad_name")
    if not all(ch.isalpha() or ch in " '-.’" for ch in name):
        raise InvalidInput("bad_name")
    if sum(ch.isalpha() for ch in name) < 2:
        raise InvalidInput("bad_name")
    words = [w.strip("'-.’").casefold() for w in name.split()]
    if all(w in NOT_NAMES or not w for w in words):
        raise InvalidInput("bad_name")
    return name


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
