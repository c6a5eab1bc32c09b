"""What an admin command or button receives: who the admin is, what they said, and the
desk's dependencies. Its own module, so commands never import the desk that routes to them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.engine.conversation import Conversation
from bot.engine.events import Choice, Inbound, Reply
from bot.settings import Settings
from bot.text.keys import USAGE
from bot.text.messages import t
from domain.ports.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class DeskDeps:
    uow_factory: Callable[[], UnitOfWork]
    settings: Settings
    clock: Callable[[], datetime]


@dataclass
class AdminIdentity:
    """An admin known in one admin chat: the phone proven by SMS code, and their language."""

    phone: str
    name: str
    lang: str = "fr"
    verified_at: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> AdminIdentity:
        return cls(
            phone=str(raw["phone"]),
            name=str(raw.get("name") or ""),
            lang="en" if raw.get("lang") == "en" else "fr",
            verified_at=float(raw.get("verified_at") or 0.0),
        )


@dataclass
class AdminStep:
    desk: DeskDeps
    event: Inbound
    admin: AdminIdentity
    conv: Conversation
    command: str | None
    args: list[str]
    choice: str | None = None  # the button pressed, or the offered choice typed
    saved: list[AdminIdentity] = field(default_factory=list)  # identity changes to keep

    @property
    def lang(self) -> str:
        return self.admin.lang

    @property
    def actor(self) -> str:
        return f"{self.admin.name} ({self.admin.phone})"

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def reply(self, key: str, **values: object) -> list[Reply]:
        return [Reply(self.t(key, **values))]

    def usage(self, command: str) -> list[Reply]:
        """One short line: how to use this command, and only this one."""
        return [Reply(self.t("admin.usage", usage=self.t(USAGE[command])))]

    def button(self, id_: str, key: str, **values: object) -> Choice:
        return Choice(id_, self.t(key, **values))

    def cancel_choice(self) -> Choice:
        return Choice("adm:cancel", self.t("choice.cancel"))


def parse_command(text: str) -> tuple[str | None, list[str]]:
    """'/taux@TontineBot 1250' -> ('taux', ['1250'])."""
    words = text.strip().split()
    if not words or not words[0].startswith("/"):
        return None, words
    return words[0][1:].split("@", 1)[0].lower(), words[1:]
