"""Payment proof: choose the order -> photo (+ reference in the caption, or after)."""

from __future__ import annotations

import base64

from bot.engine.events import Reply
from bot.flows.context import Step
from bot.services.trader_api.views import TraderOrder
from bot.text.keys import IMAGE_PROBLEM, PROGRESS, PROOF_REFUSAL
from bot.text.values import Money
from domain.errors import IllegalTransition, NotFound, ProofRejected
from domain.orders import OrderStatus
from domain.proofs import MAX_REFERENCE_TEXT, normalise_reference, sniff_image_type

MAX_CHOICES = 8
UNREADABLE = ("not_an_image", "empty", "too_large")


def _awaiting_payment(step: Step) -> list[TraderOrder]:
    """Orders asking a payment now: at order time, or the balance or a difference after the
    warehouse measure (none while its proof is being checked)."""
    return [o for o in step.api.ordering.orders(step.trader_id) if o.payable]


def _nothing_to_pay(step: Step) -> str:
    """No order awaits payment: say so, naming any order whose proof is being checked."""
    checking = [
        o.number
        for o in step.api.ordering.orders(step.trader_id)
        if o.status is OrderStatus.PROOF_SUBMITTED or o.proof_pending
    ]
    if checking:
        return step.t("proof.being_checked", numbers=", ".join(checking))
    return step.t("proof.none")


def start(step: Step, image: bytes | None = None) -> list[Reply]:
    """From the menu, or when a photo arrives out of the blue (then it is kept)."""
    waiting = _awaiting_payment(step)
    if not waiting:
        unreadable = image is not None and sniff_image_type(image) is None
        text = step.t("proof.not_an_image") if unreadable else _nothing_to_pay(step)
        return [step.menu(text)]
    if len(waiting) == 1:
        if image is not None:
            return _submit(step, waiting[0].id, image)
        return [_ask_photo(step, waiting[0])]
    kept = {"image": base64.b64encode(image).decode()} if image is not None else {}
    step.conv.go("proof_pick", **kept)
    choices = tuple(
        step.choice_of(
            f"proof:{o.id}",
            "proof.order_choice",
            number=o.number,
            total=Money(o.due_now_gnf),
        )
        for o in waiting[:MAX_CHOICES]
    )
    return [Reply(step.t("proof.pick"), (*choices, step.cancel_choice))]


def _ask_photo(step: Step, order: TraderOrder) -> Reply:
    step.conv.go("proof_photo", order_id=order.id)
    total = Money(order.due_now_gnf)
    return Reply(step.t("proof.ask_photo", number=order.number, total=total), (step.cancel_choice,))


def on_pick(step: Step) -> list[Reply]:
    choice = step.choice or ""
    if not choice.startswith("proof:"):
        return [step.reask()]
    order_id = int(choice.removeprefix("proof:"))
    kept = step.conv.data.get("image")
    if kept:
        return _submit(step, order_id, base64.b64decode(kept))
    try:
        order = step.api.ordering.order(step.trader_id, order_id)
    except NotFound:
        return [step.menu(step.t("stale_button"))]
    return [_ask_photo(step, order)]


def refused(step: Step) -> list[Reply]:
    """A file the channel refused before download, out of the blue: a too-large one is
    recorded with the one order awaiting payment, if there is exactly one."""
    waiting = _awaiting_payment(step)
    if step.event.image_error == "too_large" and len(waiting) == 1:
        _keep(step, waiting[0].id, None, "too_large")
    return [step.menu(step.t(IMAGE_PROBLEM[step.event.image_error or "not_an_image"]))]


def on_photo(step: Step) -> list[Reply]:
    if step.event.image_error:
        if step.event.image_error == "too_large":
            _keep(step, step.conv.data["order_id"], None, "too_large")
        return [Reply(step.t(IMAGE_PROBLEM[step.event.image_error]), tuple(step.conv.choices))]
    if step.event.image is None:
        return [Reply(step.t("proof.need_photo"), tuple(step.conv.choices))]
    return _submit(step, step.conv.data["order_id"], step.event.image)


def _submit(step: Step, order_id: int, image: bytes) -> list[Reply]:
    reference = normalise_reference(step.text)
    try:
        proof = step.api.proofs.submit_proof(step.trader_id, order_id, image, reference)
    except ProofRejected as rejected:
        return [Reply(_refusal(step, order_id, image, rejected.reason), tuple(step.conv.choices))]
    except (IllegalTransition, NotFound):
        return [step.menu(_not_waiting(step, order_id))]
    received = step.t("proof.received", number=proof.order_number)
    if reference:
        return [step.menu(received)]
    step.conv.go("proof_reference", proof_id=proof.id)
    skip = (step.choice_of("proof:skip", "proof.skip"),)
    return [Reply(received), Reply(step.t("proof.ask_reference"), skip)]


def _refusal(step: Step, order_id: int, image: bytes, reason: str) -> str:
    number = _keep(step, order_id, image, reason) if reason in UNREADABLE else None
    if number is not None and reason == "not_an_image":
        return step.t("proof.kept_unreadable", number=number)
    return step.t(PROOF_REFUSAL[reason])


def _keep(step: Step, order_id: int, content: bytes | None, reason: str) -> str | None:
    """Nothing a trader sends is dropped: the file goes with the order, for the admins.
    Returns the order's number (None when the order is not this trader's)."""
    try:
        return step.api.proofs.keep_attachment(step.trader_id, order_id, content, reason)
    except NotFound:
        return None


def _not_waiting(step: Step, order_id: int) -> str:
    try:
        order = step.api.ordering.order(step.trader_id, order_id)
    except NotFound:
        return step.t("stale_button")
    return step.t("proof.not_waiting", progress=step.t(PROGRESS[order.progress]))


def on_reference(step: Step) -> list[Reply]:
    if step.choice == "proof:skip":
        return [step.menu()]
    if step.event.image is not None:
        return [Reply(step.t("proof.already_submitted"), tuple(step.conv.choices))]
    reference = normalise_reference(step.text)
    if reference is None or len(step.text) > MAX_REFERENCE_TEXT:
        return [Reply(step.t("proof.bad_reference"), tuple(step.conv.choices))]
    try:
        step.api.proofs.add_reference(step.trader_id, step.conv.data["proof_id"], reference)
    except (ProofRejected, NotFound):
        return [step.menu()]
    return [step.menu(step.t("proof.reference_saved", reference=reference))]


HANDLERS = {
    "proof_pick": on_pick,
    "proof_photo": on_photo,
    "proof_reference": on_reference,
}
