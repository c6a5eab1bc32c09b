"""`python -m bot simulate-voyage`: one container from collecte to livré, on our use cases.

Simulated traders order in a container of its own and pay what is due at order time (the
deposit, or the whole); the goods are measured at the warehouse (larger, smaller, equal:
each kind at least once), larger measures are accepted (one after a contest), smaller ones
credited, and the rest is paid, the credit taken first; the container sails, its arrival
date is delayed twice, it arrives and is delivered. Then the books are checked
(bot/runtime/voyage_checks.py) and a French report printed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.runtime.infrastructure import Services
from bot.runtime.voyage_checks import Voyage, report, voyage_checks
from bot.services import containers as container_service
from bot.services import eta as eta_service
from bot.services import ledger as ledger_service
from bot.services import orders as order_service
from bot.services import proofs as proof_service
from bot.services import traders as trader_service
from bot.services import warehouse as receipt_service
from domain.containers import Container
from domain.errors import found
from domain.orders import Order
from domain.ports.unit_of_work import UnitOfWork
from domain.pricing import Category
from domain.traders import Language
from domain.warehouse import ReceiptOutcome

CHANNEL = "simulation"
ACTOR = "simulation"
VOLUMES_L = (1000, 1500, 2000, 3000, 4000, 5000)
DELTAS_L = (100, 200, 500)
FILL_SHARE = 0.6  # orders fill this share of the container: room for every larger measure
DELAYS = ((6, "congestion au port"), (3, "météo"))
PNG = b"\x89PNG\r\n\x1a\n"


@dataclass
class Run:
    services: Services
    rng: random.Random
    deposit_percent: int
    voyage: Voyage = field(default_factory=Voyage)

    def now(self) -> datetime:
        return self.services.clock()

    def uow(self) -> UnitOfWork:
        return self.services.uow_factory()


def _traders(run: Run, count: int) -> list[int]:
    ids = []
    for n in range(1, count + 1):
        phone = f"+224621888{n:03d}"
        trader = trader_service.register(
            run.uow(), name=f"Voyageur {n:03d}", phone=phone, channel=CHANNEL,
            user_ref=phone, language=Language.FR, now=run.now(),
        )  # fmt: skip
        ids.append(trader.stored_id)
    return ids


def _order(run: Run, container: Container, trader_id: int, volume_l: int, n: int) -> Order:
    request = order_service.OrderRequest(
        trader_id=trader_id,
        category=run.rng.choice(list(Category)),
        volume_l=volume_l,
        price_fen=run.rng.randint(1_000, 20_000) * 100,
        request_key=f"voyage-{container.code}-{n}",
        container_code=container.code,
    )
    placement = order_service.place_order(
        run.uow(), request, run.now(),
        reservation=timedelta(hours=run.services.settings.reservation_hours),
        capacity_l=container.capacity_l, deposit_percent=run.deposit_percent,
    )  # fmt: skip
    return placement.order


def _place_orders(run: Run, container: Container, traders: list[int]) -> list[Order]:
    """Two orders per trader while they fit in FILL_SHARE of the container."""
    budget, orders = int(container.capacity_l * FILL_SHARE), []
    for n in range(2 * len(traders)):
        fitting = [volume for volume in VOLUMES_L if volume <= budget]
        if not fitting:
            break
        volume = run.rng.choice(fitting)
        budget -= volume
        orders.append(_order(run, container, traders[n % len(traders)], volume, n))
    return orders


def _pay_what_is_due(run: Run, order_id: int) -> None:
    """A proof of what the order asks now, approved by an admin (nothing when nothing is)."""
    with run.uow() as uow:
        order = uow.orders.get(order_id)
        assert order is not None
        due = ledger_service.money_of(uow, order).due_now_gnf
    if due <= 0:
        return
    run.voyage.payments += 1
    image = PNG + f"voyage-{order_id}-{run.voyage.payments}".encode()
    reference = f"SIM{order_id:05d}{run.voyage.payments:03d}"
    submission = proof_service.submit_proof(
        run.uow(), order.trader_id, order_id, image, reference, run.now()
    )
    proof_service.approve_proof(run.uow(), submission.proof.stored_id, ACTOR, run.now())


def _outcomes(count: int, rng: random.Random) -> list[ReceiptOutcome]:
    """Each kind at least once (when there are three orders or more), the rest at random."""
    kinds = list(ReceiptOutcome)
    outcomes = kinds[:count] + [rng.choice(kinds) for _ in range(count - len(kinds))]
    rng.shuffle(outcomes)
    return outcomes


def _measured(order: Order, outcome: ReceiptOutcome, rng: random.Random) -> int:
    delta = rng.choice(DELTAS_L)
    if outcome is ReceiptOutcome.LARGER:
        return order.volume_l + delta
    if outcome is ReceiptOutcome.SMALLER:
        return order.volume_l - min(delta, order.volume_l // 2)
    return order.volume_l


def _measure(run: Run, order: Order, outcome: ReceiptOutcome) -> None:
    """The warehouse measure; a larger one is accepted by the trader (the first one after a
    contest); then what remains due is paid."""
    measured = _measured(order, outcome, run.rng)
    request = receipt_service.ReceiptRequest(
        order.stored_id, measured, ACTOR, cartons=measured // 100
    )
    recorded = receipt_service.record_receipt(run.uow(), request, run.now())
    run.voyage.outcomes.append(outcome)
    if recorded.receipt.awaiting_answer:
        receipt_id = recorded.receipt.stored_id
        if not run.voyage.contested:
            receipt_service.answer(run.uow(), order.trader_id, receipt_id, False, run.now())
            run.voyage.contested = order.number
        receipt_service.answer(run.uow(), order.trader_id, receipt_id, True, run.now())
    _pay_what_is_due(run, order.stored_id)


def _delays(run: Run, container: Container) -> None:
    """Two delays of the arrival date, each told to every trader of the container."""
    for days, reason in DELAYS:
        with run.uow() as uow:
            seen = found(uow.containers.by_code(container.code), "container", container.code).eta
        assert seen is not None
        request = eta_service.EtaRequest(container.code, seen + timedelta(days=days), reason, seen)
        change, told = eta_service.change_eta(run.uow(), request, ACTOR, run.now())
        run.voyage.etas.append(change.new)
        run.voyage.told.append(told)


def _sail(run: Run, container: Container) -> None:
    advance, days = container_service.advance_stage, run.services.settings.sea_transit_days
    sailed = advance(run.uow(), container.code, ACTOR, run.now(), transit_days=days)
    assert sailed.eta is not None, "a container at sea has an arrival date"
    run.voyage.etas.append(sailed.eta)
    _delays(run, container)
    for _stage in ("port", "livre"):
        advance(run.uow(), container.code, ACTOR, run.now())


def run_voyage(
    services: Services, *, seed: int | None, traders: int, deposit: int | None
) -> tuple[str, list[Order], Voyage]:
    """The voyage itself: (the container's code, its orders as placed, what was done)."""
    deposit_percent = deposit if deposit is not None else services.settings.deposit_percent
    run = Run(services, random.Random(seed), deposit_percent)
    run.voyage.deposit_percent = deposit_percent
    container = container_service.open_new(
        run.uow(), run.now(), ACTOR, services.settings.capacity_l
    )
    orders = _place_orders(run, container, _traders(run, traders))
    for order in orders:
        _pay_what_is_due(run, order.stored_id)
    for order, outcome in zip(orders, _outcomes(len(orders), run.rng), strict=True):
        _measure(run, order, outcome)
    _sail(run, container)
    return container.code, orders, run.voyage


def simulate_voyage(
    services: Services, *, seed: int | None, traders: int, deposit: int | None, out: Callable
) -> bool:
    """Run the voyage, check the books, print the report; True when every check passed."""
    code, orders, voyage = run_voyage(services, seed=seed, traders=traders, deposit=deposit)
    books, checks = voyage_checks(services, code, orders, voyage)
    out(report(books, voyage, checks))
    return all(check.passed for check in checks)
