"""What a scenario starts from, written through the production use cases and repositories,
and what it reads back afterwards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.runtime.infrastructure import Services
from bot.services import orders as order_service
from bot.services.defaults import load_defaults
from domain.containers import Container
from domain.orders import Order
from domain.pricing import Category
from domain.traders import ChannelIdentity, Language, Trader
from tests.fakes.telegram_api import FakeTelegram
from tests.faults.harness import base_env

TEXTILE_3_CBM_TOTAL = "28 125 000"  # the SPEC's worked example: 10 000 ¥ of TEXTILE, 3 CBM


def now() -> datetime:
    return datetime.now(UTC)


def ready(services: Services, at: datetime | None = None, capacity_l: int = 76_000) -> None:
    load_defaults(services.uow_factory(), at or now(), capacity_l)


def traders(services: Services, chats: list[tuple[str, str]], at: datetime | None = None):
    """One trader per (channel, user_ref), all in one transaction; returns their ids."""
    ids = []
    with services.uow_factory() as uow:
        for n, (channel, user_ref) in enumerate(chats):
            phone = f"+22462{n:07d}"
            trader = uow.traders.add(
                Trader(
                    name=f"Trader {n}", phone=phone, created_at=at or now(), language=Language.FR
                )
            )
            uow.traders.link(ChannelIdentity(channel, user_ref, trader.id, at or now()))  # type: ignore[arg-type]
            ids.append(trader.id)
        uow.commit()
    return ids


def order(services: Services, trader_id: int, volume_l: int, at: datetime, key: str) -> Order:
    request = order_service.OrderRequest(
        trader_id=trader_id,
        category=Category.TEXTILE,
        volume_l=volume_l,
        price_fen=1_000_000,
        request_key=key,
    )
    placement = order_service.place_order(
        services.uow_factory(),
        request,
        at,
        reservation=timedelta(hours=services.settings.reservation_hours),
        capacity_l=services.settings.capacity_l,
    )
    return placement.order


def orders_of(services: Services, trader_id: int) -> list[Order]:
    with services.uow_factory() as uow:
        return uow.orders.for_trader(trader_id)


def containers(services: Services) -> list[Container]:
    with services.uow_factory() as uow:
        return uow.containers.list_all()


def outbox_counts(services: Services) -> dict[str, int]:
    with services.uow_factory() as uow:
        return uow.outbox.counts()


def telegram_env(fake: FakeTelegram, db_url: str, redis_url: str, **extra: object):
    return base_env(
        database_url=db_url,
        redis_url=redis_url,
        telegram_bot_token=fake.token,
        telegram_api_base_url=f"{fake.base}/bot",
        telegram_file_base_url=f"{fake.base}/file/bot",
        **extra,
    )
