"""What admins read about proofs and orders: the margin is shown here, and only here."""

from __future__ import annotations

from bot.cards.attachments import attachment_lines
from bot.cards.quote import quote_values
from bot.engine.events import Choice, Reply
from bot.services.proofs import duplicates_of
from bot.text.keys import CATEGORY, PROGRESS, PROOF_KIND, PROOF_WARNING
from bot.text.messages import t
from bot.text.values import Moment, Money, Volume
from domain.containers import Container
from domain.errors import found
from domain.orders import Order, format_number, progress
from domain.ports.unit_of_work import UnitOfWork
from domain.proofs import DuplicateWarning, PaymentProof
from domain.traders import Trader


def _warnings(warnings: tuple[DuplicateWarning, ...], lang: str) -> list[str]:
    return [
        t(PROOF_WARNING[w.kind], lang, number=format_number(w.other_order_id)) for w in warnings
    ]


def proof_text(
    proof: PaymentProof, order: Order, trader: Trader, container: Container, lang: str
) -> str:
    amount = proof.amount_gnf if proof.amount_gnf is not None else order.total_gnf
    card = t(
        "admin.proof_card",
        lang,
        proof=proof.id,
        number=order.number,
        trader=trader.name,
        phone=trader.phone,
        code=container.code,
        category=t(CATEGORY[order.category], lang),
        volume=Volume(order.volume_l),
        total=Money(amount),
        reference=proof.reference or t("admin.no_reference", lang),
        margin=Money(order.margin_gnf),
    )
    kind = t(PROOF_KIND[proof.kind], lang)
    return "\n".join([card, t("admin.proof_kind", lang, kind=kind, amount=Money(amount))])


def proof_card(uow: UnitOfWork, proof_id: int, lang: str) -> Reply | None:
    """The photo, the order summary, the margin, any warning, and the decision buttons."""
    with uow:
        proof = uow.proofs.get(proof_id)
        if proof is None:
            return None
        order = found(uow.orders.get(proof.order_id), "order", proof.order_id)
        trader = found(uow.traders.get(order.trader_id), "trader", order.trader_id)
        container = found(uow.containers.get(order.container_id), "container", order.container_id)
        warnings = duplicates_of(uow, proof)
        summary = proof_text(proof, order, trader, container, lang)
        kept = attachment_lines(uow.proofs.attachments_for_order(proof.order_id), lang)
    text = "\n".join([summary, *kept, *_warnings(warnings, lang)])
    choices = (
        Choice(f"adm:approve:{proof_id}", t("admin.approve", lang)),
        Choice(f"adm:reject:{proof_id}", t("admin.reject", lang)),
    )
    return Reply(text, choices, photo=proof.content)


def order_detail(order: Order, trader: Trader, container: Container, lang: str) -> str:
    return t(
        "admin.order_detail",
        lang,
        number=order.number,
        status=t(PROGRESS[progress(order.status, container.stage)], lang),
        trader=trader.name,
        phone=trader.phone,
        code=container.code,
        **quote_values(order.trader_quote()),
        real_cost=Money(order.real_cost_gnf),
        margin=Money(order.margin_gnf),
        created=Moment(order.created_at),
        expires=Moment(order.expires_at),
    )
