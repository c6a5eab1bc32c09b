import pytest

from bot.services import proofs, stats
from domain.errors import IllegalTransition, NotFound, ProofRejected
from domain.orders import OrderStatus
from domain.pricing import Category
from domain.proofs import ProofStatus
from tests.conftest import NOW
from tests.integration.helpers import PNG, order, ready, trader

JPEG = b"\xff\xd8\xff\xe0" + b"\x01" * 64


def test_submit_approve_keeps_image_and_marks_paid(uow):
    ready(uow, NOW)
    trader_id = trader(uow, NOW).id
    placed = order(uow, trader_id, NOW)
    submitted = proofs.submit_proof(uow, trader_id, placed.order.id, PNG, "OM-123456", NOW)
    assert submitted.warnings == ()
    assert submitted.order.status is OrderStatus.PROOF_SUBMITTED
    paid = proofs.approve_proof(uow, submitted.proof.id, "admin:1", NOW)
    assert paid.status is OrderStatus.PAID
    with uow:
        stored = uow.proofs.get(submitted.proof.id)
        assert stored.content == PNG and stored.status is ProofStatus.APPROVED
        assert stored.reference == "OM123456"
    with pytest.raises(ProofRejected):
        proofs.approve_proof(uow, submitted.proof.id, "admin:2", NOW)


def test_reject_returns_order_to_reserved_for_another_proof(uow):
    ready(uow, NOW)
    trader_id = trader(uow, NOW).id
    placed = order(uow, trader_id, NOW)
    first = proofs.submit_proof(uow, trader_id, placed.order.id, PNG, None, NOW)
    with pytest.raises(ProofRejected):
        proofs.submit_proof(uow, trader_id, placed.order.id, JPEG, None, NOW)
    back = proofs.reject_proof(uow, first.proof.id, "admin:1", "montant faux", NOW)
    assert back.status is OrderStatus.RESERVED
    second = proofs.submit_proof(uow, trader_id, placed.order.id, JPEG, None, NOW)
    assert second.order.status is OrderStatus.PROOF_SUBMITTED


def test_reused_image_or_reference_is_flagged_not_refused(uow):
    ready(uow, NOW)
    trader_id = trader(uow, NOW).id
    a = order(uow, trader_id, NOW).order
    b = order(uow, trader_id, NOW).order
    c = order(uow, trader_id, NOW).order
    proofs.submit_proof(uow, trader_id, a.id, PNG, "ref-900009", NOW)
    by_image = proofs.submit_proof(uow, trader_id, b.id, PNG, None, NOW)
    by_reference = proofs.submit_proof(uow, trader_id, c.id, JPEG, "REF 900 009", NOW)
    assert [(w.kind, w.other_order_id) for w in by_image.warnings] == [("image", a.id)]
    assert [(w.kind, w.other_order_id) for w in by_reference.warnings] == [("reference", a.id)]


def test_bad_files_and_foreign_orders_change_nothing(uow):
    ready(uow, NOW)
    owner = trader(uow, NOW).id
    other = trader(uow, NOW, phone="+224620999999").id
    placed = order(uow, owner, NOW)
    with pytest.raises(ProofRejected):
        proofs.submit_proof(uow, owner, placed.order.id, b"%PDF-1.4", None, NOW)
    with pytest.raises(NotFound):
        proofs.submit_proof(uow, other, placed.order.id, PNG, None, NOW)
    with uow:
        assert uow.orders.get(placed.order.id).status is OrderStatus.RESERVED
        assert uow.proofs.pending() == []


def test_proof_for_cancelled_order_is_refused(uow):
    from bot.services.orders import cancel_order

    ready(uow, NOW)
    owner = trader(uow, NOW).id
    placed = order(uow, owner, NOW)
    cancel_order(uow, owner, placed.order.id, NOW)
    with pytest.raises(IllegalTransition):
        proofs.submit_proof(uow, owner, placed.order.id, PNG, None, NOW)


def test_stats_per_container_and_category(uow):
    ready(uow, NOW)
    trader_id = trader(uow, NOW).id
    order(uow, trader_id, NOW, volume_l=2500, category=Category.ELECTRONIQUE)
    order(uow, trader_id, NOW, volume_l=3000, category=Category.TEXTILE)
    cancelled = order(uow, trader_id, NOW, volume_l=1000).order
    from bot.services.orders import cancel_order

    cancel_order(uow, trader_id, cancelled.id, NOW)
    [result] = stats.container_stats(uow)
    assert (result.total.orders, result.total.volume_l) == (2, 5500)
    assert result.total.billed_gnf == 56_250_000
    assert result.total.margin_gnf == 2_625_000 + 3_025_000
    assert result.by_category[Category.TEXTILE].margin_gnf == 3_025_000
    assert str(result.total.margin_rate_pct) == "10.04"
    assert stats.container_stats(uow, "TD-2099-01") == []
