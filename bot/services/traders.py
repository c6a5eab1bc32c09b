"""Traders: registration (after OTP), linking a new chat to a known phone."""

from __future__ import annotations

from datetime import datetime

from domain.ports.unit_of_work import UnitOfWork
from domain.traders import ChannelIdentity, Language, Trader


def find_trader(uow: UnitOfWork, channel: str, user_ref: str) -> Trader | None:
    with uow:
        return uow.traders.by_identity(channel, user_ref)


def register(
    uow: UnitOfWork,
    *,
    name: str,
    phone: str,
    channel: str,
    user_ref: str,
    language: Language,
    now: datetime,
) -> Trader:
    """One phone = one trader: a known phone gets this chat linked, not a second account."""
    with uow:
        trader = uow.traders.by_phone(phone)
        if trader is None:
            trader = uow.traders.add(
                Trader(name=name, phone=phone, created_at=now, language=language)
            )
        if uow.traders.by_identity(channel, user_ref) is None:
            identity = ChannelIdentity(channel, user_ref, trader.stored_id, now)
            uow.traders.link(identity)
        uow.commit()
        return trader


def set_language(uow: UnitOfWork, trader_id: int, language: Language) -> None:
    with uow:
        trader = uow.traders.get(trader_id)
        if trader is not None:
            trader.language = language
            uow.commit()
