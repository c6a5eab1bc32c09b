"""Quotes, orders and the containers they go in, as the trader sees them; a larger
warehouse measure accepted or contested."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services import containers as container_service
from bot.services import orders as order_service
from bot.services import pricing
from bot.services import warehouse as warehouse_service
from bot.services.terms_cache import TermsCache
from bot.services.trader_api.views import ContainerView, TraderOrder, order_view
from bot.settings import Settings
from domain.errors import NotFound
from domain.ledger import Statement
from domain.orders import own_order
from domain.ports.unit_of_work import UnitOfWork
from domain.pricing import Category, Terms, TraderQuote, make_quote


@dataclass(frozen=True)
class Ordering:
    uow: Callable[[], UnitOfWork]
    settings: Settings
    clock: Callable[[], datetime]
    terms: TermsCache | None = None

    def _terms_of(self, uow: UnitOfWork, category: Category) -> Terms:
        """The current terms: from the cache (issue 12), else read in `uow`."""
        if self.terms is None:
            return pricing.current_terms(uow, category)
        return self.terms.current(uow, category)

    def current_container(self) -> ContainerView:
        uow = self.uow()
        with uow:
            container = container_service.current_container(
                uow, self.clock(), self.settings.capacity_l
            )
            uow.commit()
            return ContainerView.of(container)

    def quote_now(
        self, category: Category, volume_l: int, price_fen: int
    ) -> tuple[TraderQuote, ContainerView]:
        """The quote at the current terms and the container it would go in, in one
        transaction; NotFound when the terms are missing."""
        uow = self.uow()
        with uow:
            quote = make_quote(category, volume_l, price_fen, self._terms_of(uow, category))
            now, capacity = self.clock(), self.settings.capacity_l
            container = container_service.current_container(uow, now, capacity)
            uow.commit()
            return quote.for_trader(), ContainerView.of(container)

    def place_order(
        self,
        trader_id: int,
        category: Category,
        volume_l: int,
        price_fen: int,
        request_key: str,
        expected_total_gnf: int,
        container_code: str | None = None,
    ) -> tuple[TraderOrder, ContainerView]:
        request = order_service.OrderRequest(
            trader_id, category, volume_l, price_fen, request_key, expected_total_gnf,
            container_code,
        )  # fmt: skip
        placement = order_service.place_order(
            self.uow(),
            request,
            self.clock(),
            reservation=timedelta(hours=self.settings.reservation_hours),
            capacity_l=self.settings.capacity_l,
            transit_days=self.settings.sea_transit_days,
            deposit_percent=self.settings.deposit_percent,
            with_money=True,
            # no terms_of: the order's own check reads the terms in force from the database,
            # never a cache (a rate changed a moment ago is the one the order is frozen at)
        )
        container = placement.container  # a request key of someone else's order: NotFound
        order = own_order(placement.order, trader_id, placement.order.stored_id)
        shown = TraderOrder.of(order, container, placement.money, placement.proof_pending)
        return shown, ContainerView.of(container)

    def next_container_after(self, code: str) -> ContainerView:
        uow = self.uow()
        with uow:
            full = uow.containers.by_code(code)
            if full is None:
                raise NotFound("container", code)
            nxt = container_service.next_container(uow, full, self.clock(), full.capacity_l)
            uow.commit()
            return ContainerView.of(nxt)

    def orders(self, trader_id: int) -> list[TraderOrder]:
        uow = self.uow()
        with uow:
            return [order_view(uow, order) for order in uow.orders.for_trader(trader_id)]

    def order(self, trader_id: int, order_id: int) -> TraderOrder:
        """One of the trader's orders; NotFound for an unknown or someone else's order."""
        uow = self.uow()
        with uow:
            return order_view(uow, own_order(uow.orders.get(order_id), trader_id, order_id))

    def cancel(self, trader_id: int, order_id: int) -> str:
        """Cancel one of the trader's orders; returns its number."""
        return order_service.cancel_order(self.uow(), trader_id, order_id, self.clock()).number

    def containers_of(self, trader_id: int) -> list[ContainerView]:
        uow = self.uow()
        with uow:
            ids = {o.container_id for o in uow.orders.for_trader(trader_id) if o.holds_volume}
            found = [uow.containers.get(i) for i in sorted(ids)]
            return [ContainerView.of(c) for c in found if c is not None]

    def answer_receipt(
        self, trader_id: int, receipt_id: int, accept: bool
    ) -> tuple[TraderOrder, Statement]:
        """Accept or contest a larger measure; the order as it now stands and what to pay."""
        order, statement = warehouse_service.answer(
            self.uow(), trader_id, receipt_id, accept, self.clock()
        )
        return self.order(trader_id, order.stored_id), statement
