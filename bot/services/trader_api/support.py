"""The trader's own support tickets, and nobody else's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.services import support as support_service
from bot.services.trader_api.views import TicketView
from domain.ports.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Support:
    uow: Callable[[], UnitOfWork]
    clock: Callable[[], datetime]

    def open_ticket(
        self,
        trader_id: int,
        reason: str,
        attachment: bytes | None = None,
        chat: tuple[str, str] | None = None,
    ) -> TicketView:
        """Open a ticket (or add `reason` to the one open): see services.support."""
        ticket = support_service.open_ticket(
            self.uow(), trader_id, reason, self.clock(), attachment, chat
        )
        return TicketView.of(ticket)

    def ticket_message(
        self, trader_id: int, ticket_id: int, text: str, image: bytes | None
    ) -> TicketView:
        ticket = support_service.add_trader_message(
            self.uow(), trader_id, ticket_id, text, image, self.clock()
        )
        return TicketView.of(ticket)

    def open_ticket_of(self, trader_id: int) -> TicketView | None:
        ticket = support_service.open_ticket_of(self.uow(), trader_id)
        return None if ticket is None else TicketView.of(ticket)

    def ticket_is_open(self, trader_id: int, ticket_id: int) -> bool:
        return support_service.is_open(self.uow(), trader_id, ticket_id)
