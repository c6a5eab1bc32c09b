"""A trader's payment proofs, the files kept in their stead, and the receipt of an approved
payment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.services import proofs as proof_service
from bot.services import receipts as receipt_service
from bot.services.trader_api.views import ProofView
from domain.ports.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Proofs:
    uow: Callable[[], UnitOfWork]
    clock: Callable[[], datetime]

    def submit_proof(
        self, trader_id: int, order_id: int, image: bytes, reference: str | None
    ) -> ProofView:
        submission = proof_service.submit_proof(
            self.uow(), trader_id, order_id, image, reference, self.clock()
        )
        return ProofView(submission.proof.stored_id, submission.order.number)

    def keep_attachment(
        self, trader_id: int, order_id: int, content: bytes | None, reason: str
    ) -> str:
        """Keep a file that is not a readable image with the order; returns its number."""
        order = proof_service.keep_attachment(
            self.uow(), trader_id, order_id, content, reason, self.clock()
        )
        return order.number

    def add_reference(self, trader_id: int, proof_id: int, reference: str) -> None:
        proof_service.set_reference(self.uow(), trader_id, proof_id, reference, self.clock())

    def receipt(self, trader_id: int, order_id: int) -> receipt_service.ReceiptView:
        """The latest receipt of one of the trader's orders (its link renewed if expired):
        NotFound("order") for an unknown or someone else's order alike, NotFound("receipt")
        when no payment of the order was approved yet."""
        return receipt_service.latest_for_trader(self.uow(), trader_id, order_id, self.clock())
