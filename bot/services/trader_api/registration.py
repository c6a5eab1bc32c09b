"""A trader's registration and the language they chose."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.services import traders as trader_service
from bot.services.trader_api.views import TraderInfo
from domain.ports.unit_of_work import UnitOfWork
from domain.traders import Language


@dataclass(frozen=True)
class Registration:
    uow: Callable[[], UnitOfWork]
    clock: Callable[[], datetime]

    def find_trader(self, channel: str, user_ref: str) -> TraderInfo | None:
        trader = trader_service.find_trader(self.uow(), channel, user_ref)
        return None if trader is None else TraderInfo.of(trader)

    def register(self, name: str, phone: str, channel: str, user_ref: str, lang: str) -> TraderInfo:
        trader = trader_service.register(
            self.uow(),
            name=name,
            phone=phone,
            channel=channel,
            user_ref=user_ref,
            language=Language(lang),
            now=self.clock(),
        )
        return TraderInfo.of(trader)

    def set_language(self, trader_id: int, lang: str) -> None:
        trader_service.set_language(self.uow(), trader_id, Language(lang))
