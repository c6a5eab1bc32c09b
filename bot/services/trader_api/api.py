"""Everything the trader flows may ask of the use cases, one family per attribute."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.services.terms_cache import TermsCache
from bot.services.trader_api.account import Account
from bot.services.trader_api.directory import Directory
from bot.services.trader_api.ordering import Ordering
from bot.services.trader_api.proofs import Proofs
from bot.services.trader_api.registration import Registration
from bot.services.trader_api.support import Support
from bot.settings import Settings
from domain.ports.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class TraderApi:
    registration: Registration
    ordering: Ordering
    proofs: Proofs
    support: Support
    account: Account
    directory: Directory
    terms: TermsCache | None = None  # the terms cache, read along with a chat's state

    @classmethod
    def build(
        cls,
        uow_factory: Callable[[], UnitOfWork],
        settings: Settings,
        clock: Callable[[], datetime],
        terms: TermsCache | None = None,
    ) -> TraderApi:
        return cls(
            Registration(uow_factory, clock),
            Ordering(uow_factory, settings, clock, terms),
            Proofs(uow_factory, clock),
            Support(uow_factory, clock),
            Account(uow_factory, clock),
            Directory(uow_factory),
            terms,
        )
