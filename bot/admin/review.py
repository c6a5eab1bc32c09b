"""Deciding a payment proof: approve, or reject with a reason; the trader is told at once."""

from __future__ import annotations

import logging

from bot.admin.step import AdminStep
from bot.cards.proof import proof_text
from bot.engine.events import Choice, Reply
from bot.services import proofs as proof_service
from bot.text.keys import REJECT_REASON
from bot.text.values import Moment
from domain.errors import NotFound, ProofRejected, found
from domain.proofs import ProofStatus

log = logging.getLogger(__name__)
REASONS = ("amount", "unreadable", "reference", "not_received")
MAX_REASON = 300


def _card_text(step: AdminStep, proof_id: int) -> str:
    with step.desk.uow_factory() as uow:
        proof = uow.proofs.get(proof_id)
        if proof is None:
            raise NotFound("proof", proof_id)
        order = found(uow.orders.get(proof.order_id), "order", proof.order_id)
        trader = found(uow.traders.get(order.trader_id), "trader", order.trader_id)
        container = found(uow.containers.get(order.container_id), "container", order.container_id)
        if proof.status is not ProofStatus.PENDING:
            raise ProofRejected("already_decided")
        return proof_text(proof, order, trader, container, step.lang)


def _already(step: AdminStep, proof_id: int) -> list[Reply]:
    """Someone decided first (another admin, a double press): say who and what."""
    with step.desk.uow_factory() as uow:
        proof = uow.proofs.get(proof_id)
    if proof is None:
        return step.reply("admin.proof_unknown")
    approved = proof.status is ProofStatus.APPROVED
    status = step.t("admin.approve" if approved else "admin.reject")
    return step.reply("admin.already_decided", status=status, admin=proof.decided_by or "?")


def approve(step: AdminStep, proof_id: int) -> list[Reply]:
    try:
        card = _card_text(step, proof_id)
        order = proof_service.approve_proof(
            step.desk.uow_factory(), proof_id, step.actor, step.desk.clock()
        )
    except ProofRejected:
        return _already(step, proof_id)
    log.info("proof %s approved by %s (order %s)", proof_id, step.actor, order.number)
    when = Moment(step.desk.clock())
    return [
        Reply(step.t("admin.approved_by", card=card, admin=step.admin.name, date=when), edit=True)
    ]


def ask_reason(step: AdminStep, proof_id: int) -> list[Reply]:
    try:
        card = _card_text(step, proof_id)
    except ProofRejected:
        return _already(step, proof_id)
    choices = tuple(
        Choice(f"adm:reason:{proof_id}:{key}", step.t(REJECT_REASON[key]))
        for key in (*REASONS, "other")
    )
    text = f"{card}\n\n{step.t('admin.reject_reasons', proof=proof_id)}"
    return [Reply(text, choices, edit=True)]


def reason_chosen(step: AdminStep, proof_id: int, key: str) -> list[Reply]:
    if key == "other":
        step.conv.go("admin_reject_text", proof_id=proof_id)
        return step.reply("admin.reason_prompt", proof=proof_id)
    if key not in REASONS:
        return step.reply("stale_button")
    reason_key = REJECT_REASON[key]
    return _reject(step, proof_id, step.t(reason_key), reason_key, edit=True)


def reason_typed(step: AdminStep) -> list[Reply]:
    reason = " ".join(step.event.text.split())[:MAX_REASON]
    if not reason:
        return step.reply("admin.reason_prompt", proof=step.conv.data["proof_id"])
    proof_id = step.conv.data["proof_id"]
    step.conv.go("idle")
    return _reject(step, proof_id, reason, None, edit=False)


def _reject(
    step: AdminStep, proof_id: int, reason: str, reason_key: str | None, *, edit: bool
) -> list[Reply]:
    """The trader is told through the outbox, in their own language."""
    try:
        card = _card_text(step, proof_id)
        proof_service.reject_proof(
            step.desk.uow_factory(), proof_id, step.actor, reason, step.desk.clock(), reason_key
        )
    except ProofRejected:
        return _already(step, proof_id)
    when = Moment(step.desk.clock())
    text = step.t("admin.rejected_by", card=card, admin=step.admin.name, date=when, reason=reason)
    return [Reply(text, edit=edit)]
