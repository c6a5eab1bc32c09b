"""Builders shared by the integration tests."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from bot.services import orders as order_service
from bot.services import traders as trader_service
from bot.services.defaults import load_defaults
from domain.pricing import Category
from domain.traders import Language

CAPACITY_L = 76_000
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def ready(uow, now: datetime, capacity_l: int = CAPACITY_L) -> None:
    load_defaults(uow, now, capacity_l)


def trader(uow, now: datetime, phone: str = "+224620123456", channel: str = "console"):
    return trader_service.register(
        uow,
        name="Mamadou",
        phone=phone,
        channel=channel,
        user_ref=phone,
        language=Language.FR,
        now=now,
    )


def order(
    uow,
    trader_id: int,
    now: datetime,
    volume_l: int = 3000,
    price_fen: int = 1_000_000,
    category: Category = Category.TEXTILE,
    key: str | None = None,
    capacity_l: int = CAPACITY_L,
    **extra,
):
    request = order_service.OrderRequest(
        trader_id=trader_id,
        category=category,
        volume_l=volume_l,
        price_fen=price_fen,
        request_key=key or uuid.uuid4().hex,
        **extra,
    )
    return order_service.place_order(
        uow, request, now, reservation=timedelta(hours=48), capacity_l=capacity_l
    )
