"""The trader's balance, its statement, and a refund of their credit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.services import balances as balance_service
from bot.services import ledger as ledger_service
from domain.ports.unit_of_work import UnitOfWork
from domain.refunds import RefundRequest


@dataclass(frozen=True)
class Account:
    uow: Callable[[], UnitOfWork]
    clock: Callable[[], datetime]

    def balance(self, trader_id: int) -> int:
        return ledger_service.balance_of(self.uow(), trader_id)

    def statement(self, trader_id: int) -> balance_service.BalanceStatement:
        return balance_service.statement(self.uow(), trader_id)

    def request_refund(self, trader_id: int) -> RefundRequest:
        return balance_service.request_refund(self.uow(), trader_id, self.clock())
