"""Orders: their lifecycle as explicit states and allowed transitions.

Once paid, an order follows its container; that progress (shipped, arrived, delivered) is
read from the container's stage, not stored twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from domain.containers import Stage
from domain.errors import IllegalTransition, InvalidInput, NotOwner
from domain.pricing import Category, Quote, Tariff, Terms, TraderQuote

DEFAULT_RESERVATION = timedelta(hours=48)
NUMBER_PREFIX = "C"


class OrderStatus(StrEnum):
    RESERVED = "reserved"
    PROOF_SUBMITTED = "proof_submitted"
    PAID = "paid"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


ALLOWED = {
    OrderStatus.RESERVED: {OrderStatus.PROOF_SUBMITTED, OrderStatus.EXPIRED, OrderStatus.CANCELLED},
    OrderStatus.PROOF_SUBMITTED: {OrderStatus.PAID, OrderStatus.RESERVED},
    OrderStatus.PAID: set(),
    OrderStatus.EXPIRED: set(),
    OrderStatus.CANCELLED: set(),
}

# Orders whose volume is held in their container.
HOLDS_VOLUME = frozenset({OrderStatus.RESERVED, OrderStatus.PROOF_SUBMITTED, OrderStatus.PAID})


class Progress(StrEnum):
    """What a trader sees: the status, and for paid orders the container's progress."""

    RESERVED = "reserved"
    PROOF_SUBMITTED = "proof_submitted"
    PAID = "paid"
    SHIPPED = "shipped"
    ARRIVED = "arrived"
    DELIVERED = "delivered"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


_PROGRESS_BY_STAGE = {
    Stage.COLLECTE: Progress.PAID,
    Stage.MER: Progress.SHIPPED,
    Stage.PORT: Progress.ARRIVED,
    Stage.LIVRE: Progress.DELIVERED,
}


def progress(status: OrderStatus, stage: Stage) -> Progress:
    if status is OrderStatus.PAID:
        return _PROGRESS_BY_STAGE[stage]
    return Progress(status.value)


def format_number(order_id: int) -> str:
    return f"{NUMBER_PREFIX}{order_id:05d}"


MAX_ID = 2**31 - 1  # ids are SQL integers: anything larger names nothing


def parse_id(text: str) -> int:
    """A positive integer id ('42'); InvalidInput for anything else, huge numbers included."""
    cleaned = text.strip()
    if not (cleaned.isascii() and cleaned.isdigit()) or len(cleaned) > 10:
        raise InvalidInput("unreadable_id")
    if not 1 <= int(cleaned) <= MAX_ID:
        raise InvalidInput("unreadable_id")
    return int(cleaned)


def parse_number(text: str) -> int:
    """'C00042', 'c42', '42', '#42' -> 42."""
    cleaned = text.strip().lstrip("#").upper().removeprefix(NUMBER_PREFIX).strip()
    try:
        return parse_id(cleaned)
    except InvalidInput:
        raise InvalidInput("unreadable_order_number") from None


@dataclass(eq=False)
class Order:
    """An order with its quote frozen in: the terms used are copied, not referenced."""

    trader_id: int
    container_id: int
    request_key: str
    category: Category
    volume_l: int
    price_fen: int
    rate: Decimal
    rate_set_at: datetime
    commission_pct: Decimal
    commission_set_at: datetime
    client_tariff: int
    real_tariff: int
    tariff_set_at: datetime
    goods_gnf: int
    commission_gnf: int
    logistics_gnf: int
    total_gnf: int
    real_cost_gnf: int
    margin_gnf: int
    created_at: datetime
    expires_at: datetime
    status: OrderStatus = OrderStatus.RESERVED
    updated_at: datetime | None = None
    id: int | None = field(default=None)

    @classmethod
    def from_quote(
        cls,
        quote: Quote,
        *,
        trader_id: int,
        container_id: int,
        request_key: str,
        now: datetime,
        reservation: timedelta = DEFAULT_RESERVATION,
    ) -> Order:
        terms = quote.terms
        return cls(
            trader_id=trader_id,
            container_id=container_id,
            request_key=request_key,
            category=quote.category,
            volume_l=quote.volume_l,
            price_fen=quote.price_fen,
            rate=terms.rate,
            rate_set_at=terms.rate_set_at,
            commission_pct=terms.commission_pct,
            commission_set_at=terms.commission_set_at,
            client_tariff=terms.tariff.client_per_cbm,
            real_tariff=terms.tariff.real_per_cbm,
            tariff_set_at=terms.tariff.set_at,
            goods_gnf=quote.goods_gnf,
            commission_gnf=quote.commission_gnf,
            logistics_gnf=quote.logistics_gnf,
            total_gnf=quote.total_gnf,
            real_cost_gnf=quote.real_cost_gnf,
            margin_gnf=quote.margin_gnf,
            created_at=now,
            expires_at=now + reservation,
            updated_at=now,
        )

    @property
    def number(self) -> str:
        if self.id is None:
            raise ValueError("an order has a number once stored")
        return format_number(self.id)

    @property
    def quote(self) -> Quote:
        tariff = Tariff(self.category, self.client_tariff, self.real_tariff, self.tariff_set_at)
        terms = Terms(
            self.rate, self.rate_set_at, self.commission_pct, self.commission_set_at, tariff
        )
        return Quote(
            self.category,
            self.volume_l,
            self.price_fen,
            terms,
            self.goods_gnf,
            self.commission_gnf,
            self.logistics_gnf,
            self.real_cost_gnf,
        )

    def trader_quote(self) -> TraderQuote:
        return self.quote.for_trader()

    @property
    def holds_volume(self) -> bool:
        return self.status in HOLDS_VOLUME

    def check_owner(self, trader_id: int) -> None:
        if self.trader_id != trader_id:
            raise NotOwner(self.id)

    def move_to(self, target: OrderStatus, now: datetime) -> None:
        if target not in ALLOWED[self.status]:
            raise IllegalTransition(self.status.value, target.value)
        self.status = target
        self.updated_at = now

    def is_due_to_expire(self, now: datetime) -> bool:
        return self.status is OrderStatus.RESERVED and now >= self.expires_at
