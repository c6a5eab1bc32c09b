"""Traders' balances from the admin chat: `/solde +224…` (the statement), `/credit +224…
50000 raison` (a manual credit, confirmed and audited), `/remboursements` (refunds asked) and
`/rembourse R3 RÉFÉRENCE` (a refund paid by mobile money, confirmed)."""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

from bot.admin import confirm
from bot.admin.step import AdminStep
from bot.engine.events import Reply
from bot.services import balances as service
from bot.services.balances import BalanceStatement
from bot.text.keys import LEDGER_KIND
from bot.text.messages import t
from bot.text.parsing import parse_amount
from bot.text.values import Moment, Money
from domain.errors import InvalidInput, InvalidPhone, NotFound
from domain.ledger import check_positive_amount
from domain.phones import normalise_phone
from domain.refunds import clean_reference, parse_number


def _phone_and_rest(args: list[str], command: str) -> tuple[str, list[str]]:
    """The shortest leading words that make a phone (`+224 620 12 34 56 50000 …`), and the
    words after it."""
    for end in range(1, min(len(args), 6) + 1):
        try:
            return normalise_phone(" ".join(args[:end])), args[end:]
        except InvalidPhone:
            continue
    raise InvalidInput("invalid_phone", command=command)


def _amount(text: str) -> int:
    if text.strip().startswith(("-", "−")):
        raise InvalidInput("amount_not_positive", command="credit")
    try:
        value = parse_amount(text)
    except InvalidInput:
        raise InvalidInput("unreadable", command="credit") from None
    if value != value.to_integral_value():
        raise InvalidInput("unreadable", command="credit")
    amount = int(value)
    if value > Decimal(10**12):
        raise InvalidInput("unreadable", command="credit")
    check_positive_amount(amount)
    return amount


def statement_lines(seen: BalanceStatement, lang: str) -> str:
    lines = [
        t("admin.balance_title", lang, name=seen.name, phone=seen.phone,
          amount=Money(seen.balance_gnf)),
    ]  # fmt: skip
    for entry in seen.last:
        reason = t(LEDGER_KIND[entry.kind], lang)
        detail = " ".join(part for part in (entry.order or "", entry.note) if part)
        lines.append(
            t("admin.balance_line", lang, date=Moment(entry.at), reason=reason,
              detail=detail, amount=Money(entry.amount_gnf))
        )  # fmt: skip
    if seen.open_refund is not None:
        amount = Money(seen.open_refund.amount_gnf)
        lines.append(t("admin.balance_refund_open", lang, number=seen.open_refund.number,
                       amount=amount))  # fmt: skip
    return "\n".join(lines)


def cmd_balance(step: AdminStep) -> list[Reply]:
    if not step.args:
        return step.usage("solde")
    phone, rest = _phone_and_rest(step.args, "solde")
    if rest:
        return step.usage("solde")
    try:
        trader = service.trader_by_phone(step.desk.uow_factory(), phone)
    except NotFound:
        return step.reply("admin.trader_unknown", phone=phone)
    seen = service.statement(step.desk.uow_factory(), trader.stored_id)
    return [Reply(statement_lines(seen, step.lang))]


def cmd_credit(step: AdminStep) -> list[Reply]:
    phone, rest = _phone_and_rest(step.args, "credit")
    if len(rest) < 2:
        return step.usage("credit")
    amount = _amount(rest[0])
    try:
        reason = service.clean_reason(" ".join(rest[1:]))
    except InvalidInput:
        return step.usage("credit")
    try:
        trader = service.trader_by_phone(step.desk.uow_factory(), phone)
    except NotFound:
        return step.reply("admin.trader_unknown", phone=phone)
    preview = step.t(
        "admin.credit_preview", name=trader.name, phone=phone,
        amount=Money(amount), reason=reason,
    )  # fmt: skip
    params = {"trader_id": trader.id, "amount": amount, "reason": reason, "name": trader.name,
              "key": f"adjust:{secrets.token_hex(8)}"}  # fmt: skip
    return confirm.ask(step, "credit", params, preview)


@confirm.action("credit")
def _credit(step: AdminStep, params: dict[str, Any]) -> list[Reply]:
    service.adjust(
        step.desk.uow_factory(), params["trader_id"], params["amount"], params["reason"],
        params["key"], step.actor, step.desk.clock(),
    )  # fmt: skip
    amount = Money(params["amount"])
    return step.reply("admin.credit_done", name=params["name"], amount=amount)


def cmd_refunds(step: AdminStep) -> list[Reply]:
    found = service.open_refunds(step.desk.uow_factory())
    if not found:
        return step.reply("admin.refunds_none")
    lines = [
        step.t("admin.refund_line", number=r.number, name=name,
               amount=Money(r.amount_gnf), date=Moment(r.requested_at))
        for r, name in found
    ]  # fmt: skip
    return [Reply("\n".join([step.t("admin.refunds_title"), *lines]))]


def cmd_refund_paid(step: AdminStep) -> list[Reply]:
    if len(step.args) != 2:
        return step.usage("rembourse")
    refund_id = parse_number(step.args[0])
    reference = clean_reference(step.args[1])
    try:
        request, trader, available = service.refund_preview(step.desk.uow_factory(), refund_id)
    except NotFound:
        return step.reply("admin.refund_unknown", number=step.args[0][:12])
    preview = step.t(
        "admin.refund_preview", number=request.number, name=trader.name, phone=trader.phone,
        amount=Money(request.amount_gnf), reference=reference,
        balance=Money(available),
    )  # fmt: skip
    params = {"refund_id": refund_id, "reference": reference}
    return confirm.ask(step, "refund_paid", params, preview)


@confirm.action("refund_paid")
def _refund_paid(step: AdminStep, params: dict[str, Any]) -> list[Reply]:
    try:
        request = service.pay_refund(
            step.desk.uow_factory(), params["refund_id"], params["reference"], step.actor,
            step.desk.clock(),
        )  # fmt: skip
    except InvalidInput as bad:
        raise InvalidInput(bad.reason, command="rembourse") from None
    amount = Money(request.amount_gnf)
    return step.reply("admin.refund_done", number=request.number, amount=amount)
