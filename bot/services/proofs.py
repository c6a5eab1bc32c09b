"""Payment proofs: submission by a trader, decision by an admin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services import ledger as ledger_service
from bot.services.notifications import notify_admins, notify_trader
from bot.services.receipts import issue_receipt
from bot.text.formatting import kilobytes
from bot.text.values import Moment, Money, Text
from domain.errors import IllegalTransition, NotFound, ProofRejected
from domain.orders import Order, OrderStatus, format_number, own_order
from domain.ports.messaging import JsonDict
from domain.ports.unit_of_work import UnitOfWork
from domain.proofs import (
    DuplicateWarning,
    PaymentProof,
    ProofStatus,
    UnreadableAttachment,
    normalise_reference,
)
from domain.receipts import ReceiptKind

RESUBMIT_GRACE = timedelta(hours=24)


@dataclass(frozen=True)
class Submission:
    proof: PaymentProof
    order: Order
    warnings: tuple[DuplicateWarning, ...]


def duplicates_of(uow: UnitOfWork, proof: PaymentProof) -> tuple[DuplicateWarning, ...]:
    found = [
        DuplicateWarning("image", other)
        for other in uow.proofs.orders_with_image(proof.sha256)
        if other != proof.order_id
    ]
    if proof.reference:
        found += [
            DuplicateWarning("reference", other)
            for other in uow.proofs.orders_with_reference(proof.reference)
            if other != proof.order_id
        ]
    return tuple(found)


def submit_proof(
    uow: UnitOfWork,
    trader_id: int,
    order_id: int,
    content: bytes,
    reference: str | None,
    now: datetime,
) -> Submission:
    """Store the proof of what the order asks now (the deposit or total at order time; the
    balance or a difference after the warehouse measure) and hand it to the admins. Reuse
    is flagged, not refused."""
    proof = PaymentProof.from_upload(order_id, content, reference, now)
    with uow:
        order = own_order(uow.orders.get(order_id, for_update=True), trader_id, order_id)
        if order.status is OrderStatus.PROOF_SUBMITTED or uow.proofs.pending_for_order(order_id):
            raise ProofRejected("already_submitted")
        money = ledger_service.money_of(uow, order)
        proof.kind, proof.amount_gnf = money.kind, money.due_now_gnf
        if order.status is OrderStatus.RESERVED:
            order.move_to(OrderStatus.PROOF_SUBMITTED, now)
        elif money.due_now_gnf <= 0:
            raise IllegalTransition(order.status.value, OrderStatus.PROOF_SUBMITTED.value)
        warnings = duplicates_of(uow, proof)
        uow.proofs.add(proof)
        notify_admins(uow, f"proof:{proof.id}", "proof_card", {"proof_id": proof.id}, now)
        uow.commit()
        return Submission(proof, order, warnings)


def keep_attachment(
    uow: UnitOfWork,
    trader_id: int,
    order_id: int,
    content: bytes | None,
    reason: str,
    now: datetime,
) -> Order:
    """A file sent for an order that is not a readable image: kept with the order (nothing
    beyond the proof cap but its refusal) and the admins told, never dropped."""
    attachment = UnreadableAttachment.keep(order_id, content, reason, now)
    with uow:
        order = own_order(uow.orders.get(order_id), trader_id, order_id)
        attachment_id = uow.proofs.add_attachment(attachment)
        values = {"number": order.number, "size": kilobytes(attachment.size)}
        key = f"attachment:{attachment_id}"
        notify_admins(uow, key, "admin.attachment_received", values, now)
        uow.commit()
        return order


def _load_pending(uow: UnitOfWork, proof_id: int) -> tuple[PaymentProof, Order]:
    proof = uow.proofs.get(proof_id, for_update=True)
    if proof is None:
        raise NotFound("proof", proof_id)
    order = uow.orders.get(proof.order_id, for_update=True)
    assert order is not None
    return proof, order


def approve_proof(uow: UnitOfWork, proof_id: int, actor: str, now: datetime) -> Order:
    with uow:
        proof, order = _load_pending(uow, proof_id)
        proof.decide(True, actor, now)
        if proof.kind.at_order_time:
            order.move_to(OrderStatus.PAID, now)
        detail = {"proof": proof_id, "order": order.number, "kind": proof.kind.value}
        uow.audit.record(actor, "approve_proof", {**detail, "amount": proof.amount_gnf}, now)
        container = uow.containers.get(order.container_id)
        values: JsonDict = {"number": order.number, "code": container.code if container else "?"}
        template = "notify.approved"
        remaining = ledger_service.remaining_due(uow, order)
        if not proof.kind.at_order_time:
            template = "notify.later_payment_approved"
            values["remaining"] = Money(remaining)
        notify_trader(uow, order.trader_id, f"approved:{proof_id}", template, values, now)
        issue_receipt(
            uow,
            order,
            f"proof:{proof_id}",
            now,
            kind=ReceiptKind(proof.kind.value),
            amount_gnf=proof.amount_gnf or None,
            remaining_due_gnf=remaining,
            reference=proof.reference,
        )
        uow.commit()
        return order


def reject_proof(
    uow: UnitOfWork,
    proof_id: int,
    actor: str,
    reason: str,
    now: datetime,
    reason_key: str | None = None,
) -> Order:
    """Back to reserved, with at least a day left to send another proof. `reason_key` names
    a catalogue reason, told to the trader in their own language."""
    with uow:
        proof, order = _load_pending(uow, proof_id)
        proof.decide(False, actor, now, reason)
        if proof.kind.at_order_time:  # a later payment leaves the order where it is
            order.move_to(OrderStatus.RESERVED, now)
            order.expires_at = max(order.expires_at, now + RESUBMIT_GRACE)
        detail = {"proof": proof_id, "order": order.number, "reason": reason}
        uow.audit.record(actor, "reject_proof", detail, now)
        values = {
            "number": order.number,
            "reason": Text(reason_key) if reason_key else reason,
            "deadline": Moment(order.expires_at),
        }
        template = "notify.rejected" if proof.kind.at_order_time else "notify.later_rejected"
        notify_trader(uow, order.trader_id, f"rejected:{proof_id}", template, values, now)
        uow.commit()
        return order


def set_reference(
    uow: UnitOfWork, trader_id: int, proof_id: int, reference: str, now: datetime
) -> Submission:
    """Attach the transaction reference a trader typed after the photo; the admins, who
    already have the card, are told (with any other order that used the same reference)."""
    with uow:
        proof = uow.proofs.get(proof_id, for_update=True)
        if proof is None:
            raise NotFound("proof", proof_id)
        order = own_order(uow.orders.get(proof.order_id), trader_id, proof.order_id)
        if proof.status is not ProofStatus.PENDING:
            raise ProofRejected("already_decided")
        proof.reference = normalise_reference(reference)
        warnings = duplicates_of(uow, proof)
        reused = ", ".join(
            format_number(w.other_order_id) for w in warnings if w.kind == "reference"
        )
        values = {
            "proof": proof_id,
            "number": order.number,
            "reference": proof.reference,
            "reused": reused,
        }
        template = "admin.reference_reused" if reused else "admin.reference_added"
        notify_admins(uow, f"reference:{proof_id}", template, values, now)
        uow.commit()
        return Submission(proof, order, warnings)
