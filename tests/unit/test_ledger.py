"""The money after the order, as pure rules: the ledger, the deposit split, the re-measure
priced with the order's frozen terms, and what an order asks now."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import IllegalTransition, InvalidInput
from domain.ledger import (
    EntryKind,
    LedgerEntry,
    Statement,
    balance,
    credit_to_use,
    due_now,
    instalment_kind,
    remaining_due,
)
from domain.orders import Order, remeasure, split_deposit
from domain.pricing import Category, Tariff, Terms, make_quote
from domain.proofs import ProofKind
from domain.warehouse import (
    ReceiptOutcome,
    ReceiptStatus,
    WarehouseReceipt,
    check_measure,
    outcome_of,
)

AT = datetime(2026, 11, 1, tzinfo=UTC)
categories = st.sampled_from(list(Category))
volumes = st.integers(min_value=1, max_value=76_000)
prices = st.integers(min_value=0, max_value=1_000_000_000)
rates = st.decimals(min_value=1, max_value=100_000, places=4)
commissions = st.decimals(min_value=0, max_value=30, places=2)
tariffs = st.integers(min_value=1, max_value=20_000_000)
amounts = st.integers(min_value=-(10**12), max_value=10**12).filter(bool)


def terms_for(category, rate, commission, client) -> Terms:
    return Terms(rate, AT, commission, AT, Tariff(category, client, client // 2, AT))


def entry(amount: int, n: int = 0) -> LedgerEntry:
    kind = EntryKind.CREDIT_USED if amount < 0 else EntryKind.ADJUSTMENT
    return LedgerEntry(1, amount, kind, f"k{n}", AT)


@given(st.lists(amounts, max_size=50))
def test_the_balance_is_the_sum_of_the_entries(values):
    entries = [entry(v, n) for n, v in enumerate(values)]
    assert balance(entries) == sum(values)
    assert balance(entries[:-1]) + (values[-1] if values else 0) == balance(entries)


@pytest.mark.parametrize(
    ("amount", "kind", "key"),
    [
        (0, EntryKind.ADJUSTMENT, "k"),
        (5, EntryKind.CREDIT_USED, "k"),
        (5, EntryKind.ADJUSTMENT, ""),
    ],
)
def test_an_entry_is_non_zero_signed_and_keyed(amount, kind, key):
    with pytest.raises(ValueError):
        LedgerEntry(1, amount, kind, key, AT)


@given(st.integers(min_value=0, max_value=10**13), st.integers(min_value=1, max_value=100))
def test_deposit_plus_balance_is_the_total_for_every_amount_and_percent(total, percent):
    deposit, rest = split_deposit(total, percent)
    assert isinstance(deposit, int) and isinstance(rest, int)
    assert deposit + rest == total
    assert 0 <= deposit <= total
    assert abs(Decimal(deposit) - Decimal(total) * percent / 100) <= Decimal("0.5")


def test_deposit_rounds_half_up_to_a_whole_franc():
    assert split_deposit(28_125_001, 50) == (14_062_501, 14_062_500)  # 14 062 500.5 -> up
    assert split_deposit(28_125_000, 30) == (8_437_500, 19_687_500)
    assert split_deposit(28_125_000, 100) == (28_125_000, 0)
    for bad in (0, 101, -5):
        with pytest.raises(ValueError):
            split_deposit(100, bad)


@given(categories, volumes, volumes, prices, rates, commissions, tariffs)
def test_a_remeasure_never_changes_the_rate_the_commission_nor_the_tariff(
    category, ordered, measured, price, rate, commission, client
):
    quote = make_quote(category, ordered, price, terms_for(category, rate, commission, client))
    again = remeasure(quote, measured)
    assert again.terms == quote.terms
    assert (again.goods_gnf, again.commission_gnf) == (quote.goods_gnf, quote.commission_gnf)
    assert again.volume_l == measured
    if measured == ordered:
        assert again == quote  # equal volume: not one franc changes
    else:
        assert (again.total_gnf > quote.total_gnf) == (measured > ordered) or (
            again.logistics_gnf == quote.logistics_gnf  # a tariff too small to show a litre
        )


@given(volumes, volumes)
def test_an_order_adopts_its_measure_with_its_own_terms(ordered, measured):
    quote = make_quote(
        Category.TEXTILE,
        ordered,
        1_000_000,
        terms_for(Category.TEXTILE, Decimal(1250), 5, 5_000_000),
    )
    order = Order.from_quote(quote, trader_id=1, container_id=1, request_key="k", now=AT)
    rate, commission, tariff = order.rate, order.commission_pct, order.client_tariff
    order.adopt_measure(order.remeasured(measured), AT)
    assert (order.rate, order.commission_pct, order.client_tariff) == (rate, commission, tariff)
    assert order.volume_l == measured
    assert order.total_gnf == order.goods_gnf + order.commission_gnf + order.logistics_gnf
    assert order.margin_gnf == order.quote.margin_gnf


def test_a_measure_priced_with_todays_terms_is_refused():
    quote = make_quote(
        Category.TEXTILE, 3000, 1_000_000, terms_for(Category.TEXTILE, Decimal(1250), 5, 5_000_000)
    )
    order = Order.from_quote(quote, trader_id=1, container_id=1, request_key="k", now=AT)
    today = terms_for(Category.TEXTILE, Decimal(1300), 5, 5_000_000)
    with pytest.raises(ValueError):
        order.adopt_measure(make_quote(Category.TEXTILE, 3400, 1_000_000, today), AT)


def test_the_order_freezes_its_deposit():
    quote = make_quote(
        Category.TEXTILE, 3000, 1_000_000, terms_for(Category.TEXTILE, Decimal(1250), 5, 5_000_000)
    )
    order = Order.from_quote(
        quote, trader_id=1, container_id=1, request_key="k", now=AT, deposit_percent=30
    )
    assert order.deposit_gnf == 8_437_500 and order.due_at_order_gnf == 8_437_500


@given(
    st.integers(min_value=1, max_value=10**10),
    st.lists(st.integers(min_value=1, max_value=10**9), max_size=4),
    st.lists(amounts, max_size=4),
)
def test_remaining_due_is_the_total_less_payments_plus_the_order_entries(total, paid, entries):
    assert remaining_due(total, paid, entries) == total - sum(paid) + sum(entries)


@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=0, max_value=10**9))
def test_credit_used_never_exceeds_the_credit_nor_the_amount(available, due):
    used = credit_to_use(available, due)
    assert 0 <= used <= max(available, 0) and used <= due
    assert Statement(due, used).to_pay_gnf == due - used >= 0


@pytest.mark.parametrize(
    ("status", "remaining", "awaiting", "expected"),
    [
        ("reserved", 28_125_000, False, 8_437_500),  # the deposit
        ("reserved", 25_125_000, False, 5_437_500),  # the deposit, less 3 000 000 credit
        ("paid", 19_687_500, False, 0),  # the balance waits for the measure
        ("received", 19_687_500, False, 19_687_500),  # measured: the balance is due
        ("received", 22_687_500, True, 0),  # a larger measure awaits the trader's answer
        ("adjusted", 22_687_500, False, 22_687_500),
        ("contested", 22_687_500, False, 0),
        ("loaded", 1_000, False, 1_000),
        ("cancelled", 0, False, 0),
    ],
)
def test_what_an_order_asks_now(status, remaining, awaiting, expected):
    assert due_now(status, 28_125_000, 8_437_500, remaining, awaiting) == expected


def test_what_a_payment_pays():
    assert instalment_kind("reserved", 100, 100) is ProofKind.FULL
    assert instalment_kind("reserved", 30, 100) is ProofKind.DEPOSIT
    assert instalment_kind("received", 30, 100) is ProofKind.BALANCE
    assert instalment_kind("adjusted", 100, 100) is ProofKind.DIFFERENCE


@pytest.mark.parametrize(("measured", "reason"), [(0, "not_positive"), (-1, "not_positive"),
                                                  (76_001, "over_capacity")])  # fmt: skip
def test_a_measure_is_positive_and_fits_a_container(measured, reason):
    with pytest.raises(InvalidInput) as bad:
        check_measure(measured, 76_000)
    assert bad.value.reason == f"measure_{reason}"


def test_receipt_outcomes_and_answers():
    assert outcome_of(3000, 3000) is ReceiptOutcome.EQUAL
    assert outcome_of(3000, 3400) is ReceiptOutcome.LARGER
    assert outcome_of(3000, 2500) is ReceiptOutcome.SMALLER
    receipt = WarehouseReceipt(
        1, 3000, 3400, 28_125_000, 30_125_000, ReceiptStatus.AWAITING, AT, "a"
    )
    assert receipt.difference_gnf == 2_000_000 and receipt.awaiting_answer
    receipt.answer(False, AT)
    assert receipt.status is ReceiptStatus.CONTESTED
    with pytest.raises(IllegalTransition):
        receipt.answer(False, AT)  # contested once
    receipt.answer(True, AT)  # a contested measure may still be accepted
    assert receipt.status is ReceiptStatus.ACCEPTED
    for accept in (True, False):
        with pytest.raises(IllegalTransition):
            receipt.answer(accept, AT)


@given(st.lists(st.integers(0, 10**10), max_size=4), st.lists(amounts, max_size=6))
def test_a_cancelled_order_gives_back_what_it_holds_and_then_holds_nothing(paid, entries):
    """Paid, less what the order's entries already gave back (credit used counts as paid):
    after the credit, the order holds nothing more of the trader's money, unless it held
    less than nothing (never credited negative)."""
    from domain.ledger import cancellation_credit

    credit = cancellation_credit(paid, entries)
    assert credit >= 0
    held = sum(paid) - sum(entries)
    assert held - credit == min(held, 0)


@given(st.integers(-(10**12), 10**12), st.integers(0, 10**12))
def test_a_refund_is_positive_and_never_more_than_the_balance(amount, available):
    from domain.ledger import check_refund

    if 0 < amount <= available:
        check_refund(amount, available)
    else:
        with pytest.raises(InvalidInput):
            check_refund(amount, available)
