"""What a trader reads of a warehouse receipt: the photo, cartons, old and new volume, and
what it changes for them, rendered at sending time in their language. Only trader-safe
figures: totals and differences, never a cost or a margin."""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.events import Choice, Reply
from bot.text.keys import WAREHOUSE_EFFECT
from bot.text.messages import t
from bot.text.values import Money, Volume
from domain.ledger import Statement
from domain.orders import format_number
from domain.ports.unit_of_work import UnitOfWork
from domain.warehouse import ReceiptStatus, WarehouseReceipt


def statement_text(statement: Statement, lang: str) -> str:
    """'Montant : X, crédit utilisé : −Y, reste à payer : Z' (no credit line without one)."""
    if not statement.credit_used_gnf:
        return t("money.amount", lang, amount=Money(statement.amount_gnf))
    return t(
        "money.statement",
        lang,
        amount=Money(statement.amount_gnf),
        credit=Money(statement.credit_used_gnf),
        to_pay=Money(statement.to_pay_gnf),
    )


def _effect(receipt: WarehouseReceipt, lang: str) -> str:
    return t(
        WAREHOUSE_EFFECT[receipt.status, receipt.outcome],
        lang,
        previous=Volume(receipt.previous_l),
        total=Money(receipt.new_total_gnf),
        before=Money(receipt.previous_total_gnf),
        difference=Money(abs(receipt.difference_gnf)),
    )


def receipt_text(receipt: WarehouseReceipt, statement: Statement, lang: str) -> str:
    cartons = receipt.cartons if receipt.cartons is not None else "—"
    lines = [
        t(
            "warehouse.title",
            lang,
            number=format_number(receipt.order_id),
            measured=Volume(receipt.measured_l),
            cartons=cartons,
        ),
        _effect(receipt, lang),
    ]
    if statement.amount_gnf and receipt.status is not ReceiptStatus.AWAITING:
        lines.append(statement_text(statement, lang))
        if statement.to_pay_gnf:
            lines.append(t("warehouse.send_proof", lang))
    return "\n".join(lines)


def receipt_card(
    uow_factory: Callable[[], UnitOfWork],
    payload: dict,
    lang: str,
    photo_link: Callable[[str, int], str] | None = None,
) -> Reply | None:
    """The outbox's `receipt_card`: the photo (with a signed link for channels that fetch
    media by URL), the text, and Accepter / Contester when the trader's answer is awaited."""
    with uow_factory() as uow:
        receipt = uow.warehouse.get(int(payload["receipt_id"]))
    if receipt is None:
        return None
    statement = Statement(int(payload.get("amount", 0)), int(payload.get("credit_used", 0)))
    choices: tuple[Choice, ...] = ()
    if receipt.status is ReceiptStatus.AWAITING:
        choices = (
            Choice(f"receipt:accept:{receipt.id}", t("warehouse.accept", lang)),
            Choice(f"receipt:contest:{receipt.id}", t("warehouse.contest", lang)),
        )
    link = (
        photo_link("warehouse", receipt.id) if photo_link and receipt.photo and receipt.id else None
    )
    return Reply(
        receipt_text(receipt, statement, lang), choices, photo=receipt.photo, photo_path=link
    )
