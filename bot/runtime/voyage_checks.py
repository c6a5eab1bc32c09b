"""What `simulate-voyage` checks once the container is delivered, and its French report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.runtime.infrastructure import Services
from bot.runtime.simulation import Check
from bot.services.ledger import books_problems, remaining_due
from bot.text import formatting as fmt
from bot.text.keys import STAGE
from bot.text.messages import t
from bot.text.values import Money, Volume
from domain.containers import Container, Stage
from domain.errors import found
from domain.ledger import EntryKind
from domain.orders import Order, OrderStatus
from domain.ports.unit_of_work import UnitOfWork
from domain.pricing import make_quote
from domain.warehouse import ReceiptOutcome


@dataclass
class Voyage:
    """What the run did, for the checks and the report."""

    deposit_percent: int = 100
    outcomes: list[ReceiptOutcome] = field(default_factory=list)
    contested: str = ""  # the order whose larger measure was contested, then accepted
    payments: int = 0
    etas: list[date] = field(default_factory=list)  # at sailing, then after each delay
    told: list[int] = field(default_factory=list)  # traders told of each delay


@dataclass(frozen=True)
class Books:
    container: Container
    placed: list[Order]  # as ordered: the frozen terms, the ordered volumes
    final: list[Order]  # as delivered
    measured: list[int]
    paid: int
    credit_given: int
    credit_used: int
    credit_left: int
    problems: list[str]


def _books(uow: UnitOfWork, code: str, placed: list[Order]) -> Books:
    with uow:
        container = uow.containers.by_code(code)
        assert container is not None
        final = [found(uow.orders.get(o.stored_id), "order", o.id) for o in placed]
        receipts = [uow.warehouse.for_order(o.stored_id) for o in placed]
        entries = [e for o in placed for e in uow.ledger.for_order(o.stored_id)]
        traders = sorted({o.trader_id for o in placed})
        return Books(
            container=container,
            placed=placed,
            final=final,
            measured=[r.measured_l if r else 0 for r in receipts],
            paid=sum(sum(uow.proofs.paid_for_order(o.stored_id)) for o in placed),
            credit_given=sum(e.amount_gnf for e in entries if e.kind is EntryKind.REMEASURE_CREDIT),
            credit_used=-sum(e.amount_gnf for e in entries if e.kind is EntryKind.CREDIT_USED),
            credit_left=sum(uow.ledger.balance(trader) for trader in traders),
            problems=books_problems(uow, traders) + _unpaid(uow, final) + _money(uow, traders),
        )


def _unpaid(uow: UnitOfWork, orders: list[Order]) -> list[str]:
    return [
        f"order {o.number}: {remaining_due(uow, o)} due" for o in orders if remaining_due(uow, o)
    ]


def _money(uow: UnitOfWork, traders: list[int]) -> list[str]:
    """Money is conserved: a trader's balance is what they paid, less what their live
    orders cost, plus the entries tied to no order (manual adjustments)."""
    problems = []
    for trader in traders:
        orders = uow.orders.for_trader(trader)
        paid = sum(sum(uow.proofs.paid_for_order(o.stored_id)) for o in orders)
        billed = sum(o.total_gnf for o in orders if o.holds_volume)
        loose = sum(e.amount_gnf for e in uow.ledger.entries(trader) if e.order_id is None)
        if uow.ledger.balance(trader) != paid - billed + loose:
            problems.append(f"trader {trader}: paid {paid}, billed {billed}")
    return problems


def _same_terms(placed: Order, final: Order, measured_l: int) -> bool:
    """The measured order is billed on the measured volume with the terms of its quote."""
    quote = make_quote(placed.category, measured_l, placed.price_fen, placed.quote.terms)
    return final.quote.terms == placed.quote.terms and final.total_gnf == quote.total_gnf


def _checks(books: Books, voyage: Voyage) -> list[Check]:
    c, final = books.container, books.final
    active = [o for o in final if o.holds_volume and o.container_id == c.id]
    traders = len({o.trader_id for o in final})
    pairs = zip(books.placed, final, books.measured, strict=True)
    return [
        Check(
            "voyage.check_capacity",
            c.used_l == sum(o.volume_l for o in active) == sum(books.measured) > 0,
        ),
        Check("voyage.check_terms", all(_same_terms(p, f, m) for p, f, m in pairs)),
        Check("voyage.check_books", not books.problems),
        Check(
            "voyage.check_eta",
            c.eta == voyage.etas[-1] and voyage.told == [traders] * (len(voyage.etas) - 1),
        ),
        Check(
            "voyage.check_delivered",
            c.stage is Stage.LIVRE and all(o.status is OrderStatus.LOADED for o in final),
        ),
    ]


def voyage_checks(
    services: Services, code: str, placed: list[Order], voyage: Voyage
) -> tuple[Books, list[Check]]:
    books = _books(services.uow_factory(), code, placed)
    return books, _checks(books, voyage)


def _count(voyage: Voyage, outcome: ReceiptOutcome) -> int:
    return voyage.outcomes.count(outcome)


def report(books: Books, voyage: Voyage, checks: list[Check]) -> str:
    c = books.container
    lines = [
        t("voyage.title", code=c.code),
        t(
            "voyage.orders",
            traders=len({o.trader_id for o in books.final}),
            count=len(books.final),
            percent=voyage.deposit_percent,
        ),
        t(
            "voyage.volume",
            ordered=Volume(sum(o.volume_l for o in books.placed)),
            measured=Volume(sum(books.measured)),
            capacity=Volume(c.capacity_l),
        ),
        t(
            "voyage.measures",
            larger=_count(voyage, ReceiptOutcome.LARGER),
            smaller=_count(voyage, ReceiptOutcome.SMALLER),
            equal=_count(voyage, ReceiptOutcome.EQUAL),
            contested=voyage.contested or "—",
        ),
        t(
            "voyage.money",
            billed=Money(sum(o.total_gnf for o in books.final)),
            paid=Money(books.paid),
            count=voyage.payments,
        ),
        t(
            "voyage.credits",
            given=Money(books.credit_given),
            used=Money(books.credit_used),
            left=Money(books.credit_left),
        ),
        t(
            "voyage.eta",
            dates=" → ".join(fmt.day(day) for day in voyage.etas),
            delays=len(voyage.etas) - 1,
        ),
        t("sim.stage", stage=t(STAGE[c.stage])),
        t("sim.checks"),
    ]
    lines += [t("sim.ok" if check.passed else "sim.failed", what=t(check.key)) for check in checks]
    lines += [f"    {problem}" for problem in books.problems]
    return "\n".join(lines)
