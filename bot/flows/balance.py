"""My balance: what the trader has with us, the last ten entries, how the credit is used;
and the answer to a cancellation's message: keep the credit (the default) or ask a refund."""

from __future__ import annotations

from bot.engine.events import Choice, Reply
from bot.flows.context import Step
from bot.services.balances import BalanceStatement, EntryLine
from bot.text import formatting as fmt
from bot.text.keys import BALANCE_REFUSED, LEDGER_KIND
from bot.text.values import Money
from domain.errors import InvalidInput

PREFIX = "credit:"
KEEP, REFUND = "credit:keep", "credit:refund"


def _entry(step: Step, line: EntryLine) -> str:
    lang = step.conv.lang
    reason = step.t(LEDGER_KIND[line.kind])
    if line.order:
        reason += f" ({line.order})"
    if line.note and line.kind.value in ("adjustment", "cancellation", "refund"):
        reason += f" — {line.note}"
    sign = "+" if line.amount_gnf > 0 else "−"
    amount = sign + fmt.gnf(abs(line.amount_gnf), lang)
    return step.t("balance.line", date=fmt.when(line.at, lang)[:10], reason=reason, amount=amount)


def statement_text(step: Step, seen: BalanceStatement) -> str:
    lines = [step.t("balance.title", amount=Money(seen.balance_gnf))]
    if seen.last:
        lines += [step.t("balance.last"), *(_entry(step, e) for e in seen.last)]
    else:
        lines.append(step.t("balance.no_entries"))
    if seen.open_refund is not None:
        amount = Money(seen.open_refund.amount_gnf)
        lines.append(step.t("balance.refund_open", number=seen.open_refund.number, amount=amount))
    elif seen.balance_gnf > 0:
        lines.append(step.t("balance.how_used"))
    return "\n".join(lines)


def my_balance(step: Step) -> list[Reply]:
    seen = step.api.account.statement(step.trader_id)
    menu = step.menu()
    extra: tuple[Choice, ...] = ()
    if seen.balance_gnf > 0 and seen.open_refund is None:
        extra = (step.choice_of(REFUND, "balance.ask_refund"),)
    return [Reply(statement_text(step, seen)), Reply(menu.text, (*menu.choices, *extra))]


def on_choice(step: Step) -> list[Reply]:
    """`credit:keep` / `credit:refund`, from the cancellation message or My balance."""
    if step.choice == KEEP:
        return [step.menu(step.t("balance.kept"))]
    if step.choice != REFUND:
        return [step.menu(step.t("stale_button"))]
    try:
        request = step.api.account.request_refund(step.trader_id)
    except InvalidInput as refused:
        number = refused.details.get("number", "")
        return [step.menu(step.t(BALANCE_REFUSED[refused.reason], number=number))]
    amount = Money(request.amount_gnf)
    return [step.menu(step.t("balance.refund_asked", number=request.number, amount=amount))]
