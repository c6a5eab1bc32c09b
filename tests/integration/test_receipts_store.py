"""Receipts issued at approval, one per payment, read back by token (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.services import proofs, receipts
from domain.errors import NotFound
from domain.receipts import VALIDITY, ReceiptKind
from storage import orm
from storage.db import make_engine, make_session_factory
from storage.uow import SqlUnitOfWork
from tests.conftest import NOW, PG_URL
from tests.integration.helpers import PNG, order, ready, trader


def approved(uow):
    """A trader's order, paid: (trader id, order, the receipt)."""
    ready(uow, NOW)
    trader_id = trader(uow, NOW).id
    placed = order(uow, trader_id, NOW)
    submitted = proofs.submit_proof(uow, trader_id, placed.order.id, PNG, "OM-550055", NOW)
    paid = proofs.approve_proof(uow, submitted.proof.id, "admin:1", NOW)
    with uow:
        receipt = uow.receipts.latest_for_order(paid.id)
    return trader_id, paid, receipt


def count(uow, table, *where) -> int:
    with uow:
        return uow.session.scalar(select(func.count()).select_from(table).where(*where))


def test_approval_issues_the_receipt_of_the_whole_order_and_queues_it(uow):
    _, paid, receipt = approved(uow)
    assert (receipt.kind, receipt.amount_gnf, receipt.remaining_due_gnf) == (
        ReceiptKind.FULL,
        paid.total_gnf,
        0,
    )
    assert receipt.reference == "OM550055" and receipt.payment_key == "proof:1"
    assert receipt.expires_at == NOW + VALIDITY and len(receipt.token) == 43
    assert count(uow, orm.outbox, orm.outbox.c.template == "receipt") == 1


def test_a_retried_issue_makes_one_receipt_and_one_message(uow):
    _, paid, first = approved(uow)
    with uow:
        again = receipts.issue_receipt(uow, paid, "proof:1", NOW + timedelta(minutes=5))
        uow.commit()
    assert (again.id, again.token) == (first.id, first.token)
    assert count(uow, orm.payment_receipts) == 1
    assert count(uow, orm.outbox, orm.outbox.c.template == "receipt") == 1


def test_kind_and_remaining_due_are_passed_in(uow):
    _, paid, _ = approved(uow)
    with uow:
        deposit = receipts.issue_receipt(
            uow, paid, "payment:9", NOW, kind=ReceiptKind.DEPOSIT,
            amount_gnf=1_000, remaining_due_gnf=2_000,
        )  # fmt: skip
        uow.commit()
    view = receipts.receipt_view(uow, deposit.id)
    assert (view.kind, view.amount_gnf, view.remaining_due_gnf) == (
        ReceiptKind.DEPOSIT,
        1_000,
        2_000,
    )


def test_a_token_is_valid_for_30_days_then_names_nothing(uow):
    _, paid, receipt = approved(uow)
    view = receipts.verify(uow, receipt.token, NOW + VALIDITY - timedelta(seconds=1))
    assert view.order_number == paid.number and view.amount_gnf == paid.total_gnf
    assert not hasattr(view, "margin_gnf") and not hasattr(view, "real_cost_gnf")
    tampered = receipt.token[:-1] + ("A" if receipt.token[-1] != "A" else "B")
    for token in (receipt.token, tampered, "x" * 43, "short", "../../etc/passwd"):
        assert receipts.verify(uow, token, NOW + VALIDITY) is None


def test_only_the_owner_gets_it_again_and_an_expired_link_is_renewed(uow):
    owner, paid, receipt = approved(uow)
    stranger = trader(uow, NOW, phone="+224620999999").id
    for who, order_id in ((stranger, paid.id), (owner, 999)):
        with pytest.raises(NotFound) as missing:
            receipts.latest_for_trader(uow, who, order_id, NOW)
        assert missing.value.what == "order"  # the same answer: nothing revealed
    assert receipts.latest_for_trader(uow, owner, paid.id, NOW).token == receipt.token
    later = NOW + VALIDITY + timedelta(days=1)
    renewed = receipts.latest_for_trader(uow, owner, paid.id, later)
    assert renewed.token != receipt.token and renewed.expires_at == later + VALIDITY
    assert receipts.verify(uow, receipt.token, later) is None
    assert receipts.verify(uow, renewed.token, later).number == "R00001"


def test_an_order_not_paid_has_no_receipt(uow):
    ready(uow, NOW)
    trader_id = trader(uow, NOW).id
    placed = order(uow, trader_id, NOW)
    with pytest.raises(NotFound) as missing:
        receipts.latest_for_trader(uow, trader_id, placed.order.id, NOW)
    assert missing.value.what == "receipt"


@pytest.mark.postgres
def test_racing_issues_of_one_payment_make_one_receipt(uow, db_url):
    if db_url != PG_URL:
        pytest.skip("SQLite serialises writers: the race is proven on PostgreSQL")
    _, paid, first = approved(uow)
    engine = make_engine(PG_URL)
    factory = make_session_factory(engine)
    start = threading.Barrier(8)

    def issue(n: int) -> int:
        with SqlUnitOfWork(factory) as racer:
            start.wait()
            receipt = receipts.issue_receipt(racer, paid, "proof:race", NOW)
            racer.commit()
            return receipt.id

    with ThreadPoolExecutor(8) as pool:
        ids = set(pool.map(issue, range(8)))
    engine.dispose()
    assert len(ids) == 1 and first.id not in ids
    assert count(uow, orm.payment_receipts, orm.payment_receipts.c.payment_key == "proof:race") == 1
