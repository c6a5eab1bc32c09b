"""Orders: their lifecycle as explicit states and allowed transitions.

reserved → proof_submitted → paid → received (measured at the warehouse) → adjusted (the
measured volume differed: the trader accepted the difference, or was credited it) → loaded
(the container left collecte). A trader may contest a larger measure (contested). Once paid,
an order also follows its container; that progress (shipped, arrived, delivered) is read
from the container's stage, not stored twice.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from domain.containers import Stage
from domain.errors import IllegalTransition, InvalidInput, NotFound
from domain.pricing import Category, Quote, Tariff, Terms, TraderQuote, make_quote
from domain.quantities import to_gnf
from domain.stored import Stored

DEFAULT_RESERVATION = timedelta(hours=48)
NUMBER_PREFIX = "C"


class OrderStatus(StrEnum):
    RESERVED = "reserved"
    PROOF_SUBMITTED = "proof_submitted"
    PAID = "paid"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    RECEIVED = "received"  # measured at the China warehouse
    ADJUSTED = "adjusted"  # measured volume differed: accepted by the trader, or credited
    CONTESTED = "contested"  # the trader contested a larger measure
    LOADED = "loaded"  # measured, and its container left collecte


ALLOWED = {
    OrderStatus.RESERVED: {
        OrderStatus.PROOF_SUBMITTED,
        OrderStatus.EXPIRED,
        OrderStatus.CANCELLED,
        OrderStatus.PAID,  # the amount due at order time was covered by the trader's credit
    },
    OrderStatus.PROOF_SUBMITTED: {OrderStatus.PAID, OrderStatus.RESERVED},
    OrderStatus.PAID: {OrderStatus.RECEIVED, OrderStatus.ADJUSTED},
    OrderStatus.RECEIVED: {OrderStatus.ADJUSTED, OrderStatus.CONTESTED, OrderStatus.LOADED},
    OrderStatus.ADJUSTED: {OrderStatus.LOADED},
    OrderStatus.CONTESTED: {OrderStatus.ADJUSTED},
    OrderStatus.LOADED: set(),
    OrderStatus.EXPIRED: set(),
    OrderStatus.CANCELLED: set(),
}

# Orders whose volume is held in their container.
HOLDS_VOLUME = frozenset(
    {
        OrderStatus.RESERVED,
        OrderStatus.PROOF_SUBMITTED,
        OrderStatus.PAID,
        OrderStatus.RECEIVED,
        OrderStatus.ADJUSTED,
        OrderStatus.CONTESTED,
        OrderStatus.LOADED,
    }
)
# What the importer may cancel with its container (still collecting): every order holding
# volume but one whose payment proof is being checked (decide it first) — LOADED orders
# only exist once the container left collecte.
CANCELLED_WITH_CONTAINER = frozenset(
    {
        OrderStatus.RESERVED,
        OrderStatus.PAID,
        OrderStatus.RECEIVED,
        OrderStatus.ADJUSTED,
        OrderStatus.CONTESTED,
    }
)
# Paid orders: they follow their container once it left collecte.
FOLLOWS_CONTAINER = frozenset(
    {OrderStatus.PAID, OrderStatus.RECEIVED, OrderStatus.ADJUSTED, OrderStatus.LOADED}
)


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
    RECEIVED = "received"
    ADJUSTED = "adjusted"
    CONTESTED = "contested"
    LOADED = "loaded"


_PROGRESS_BY_STAGE = {
    Stage.MER: Progress.SHIPPED,
    Stage.PORT: Progress.ARRIVED,
    Stage.LIVRE: Progress.DELIVERED,
}


def progress(status: OrderStatus, stage: Stage) -> Progress:
    if status in FOLLOWS_CONTAINER and stage in _PROGRESS_BY_STAGE:
        return _PROGRESS_BY_STAGE[stage]
    return Progress(status.value)


def remeasure(quote: Quote, measured_l: int) -> Quote:
    """A quote's goods at another volume, with exactly its terms: never today's rate."""
    return make_quote(quote.category, measured_l, quote.price_fen, quote.terms)


def split_deposit(total_gnf: int, percent: int) -> tuple[int, int]:
    """(deposit, balance): the deposit is `percent` % of the total rounded half-up to a whole
    franc, and the balance is the rest, exactly."""
    if not 1 <= percent <= 100:
        raise ValueError(f"deposit percent {percent} outside 1..100")
    deposit = to_gnf(Decimal(total_gnf) * percent / 100)
    return deposit, total_gnf - deposit


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
class Order(Stored):
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
    deposit_gnf: int | None = None  # due at order time (DEPOSIT_PERCENT); None: the total
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
        deposit_percent: int = 100,
    ) -> Order:
        """The order freezes what the trader was shown (TraderQuote), and beside it what only
        the admins see: when the commission was set, the tariff, the real cost, the margin."""
        terms = quote.terms
        return cls(
            trader_id=trader_id,
            container_id=container_id,
            request_key=request_key,
            **asdict(quote.for_trader()),
            commission_set_at=terms.commission_set_at,
            client_tariff=terms.tariff.client_per_cbm,
            real_tariff=terms.tariff.real_per_cbm,
            tariff_set_at=terms.tariff.set_at,
            real_cost_gnf=quote.real_cost_gnf,
            margin_gnf=quote.margin_gnf,
            created_at=now,
            expires_at=now + reservation,
            updated_at=now,
            deposit_gnf=split_deposit(quote.total_gnf, deposit_percent)[0],
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
    def due_at_order_gnf(self) -> int:
        """The deposit (or the total) asked at order time."""
        return self.total_gnf if self.deposit_gnf is None else self.deposit_gnf

    def remeasured(self, measured_l: int) -> Quote:
        """The same goods at the volume measured at the warehouse, priced with this order's
        frozen terms (same rate, commission and tariff as the quote)."""
        return remeasure(self.quote, measured_l)

    def adopt_measure(self, quote: Quote, now: datetime) -> None:
        """Bill the measured volume: volume and the lines that depend on it."""
        if quote.terms != self.quote.terms or quote.price_fen != self.price_fen:
            raise ValueError("a measure keeps the order's frozen terms and goods")
        self.volume_l = quote.volume_l
        self.logistics_gnf = quote.logistics_gnf
        self.real_cost_gnf = quote.real_cost_gnf
        self.total_gnf = quote.total_gnf
        self.margin_gnf = quote.margin_gnf
        self.updated_at = now

    @property
    def holds_volume(self) -> bool:
        return self.status in HOLDS_VOLUME

    def owned_by(self, trader_id: int) -> bool:
        """The ownership rule: a trader acts only on their own orders."""
        return self.trader_id == trader_id

    def move_to(self, target: OrderStatus, now: datetime) -> None:
        if target not in ALLOWED[self.status]:
            raise IllegalTransition(self.status.value, target.value)
        self.status = target
        self.updated_at = now

    def cancel_with_container(self, now: datetime) -> None:
        """The importer cancelled the container: the order ends, whatever it had reached.
        InvalidInput('cancel_proof_pending') while a payment proof waits for a decision."""
        if self.status is OrderStatus.PROOF_SUBMITTED:
            raise InvalidInput("cancel_proof_pending", number=self.number)
        if self.status not in CANCELLED_WITH_CONTAINER:
            raise IllegalTransition(self.status.value, OrderStatus.CANCELLED.value)
        self.status = OrderStatus.CANCELLED
        self.updated_at = now

    def is_due_to_expire(self, now: datetime) -> bool:
        return self.status is OrderStatus.RESERVED and now >= self.expires_at


def own_order(order: Order | None, trader_id: int, order_id: int) -> Order:
    """The trader's own order. Someone else's is as unknown as a missing one (NotFound), so
    a trader cannot probe which order numbers exist."""
    if order is None or not order.owned_by(trader_id):
        raise NotFound("order", order_id)
    return order
