from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.pricing import Category, Tariff, Terms, make_quote
from domain.quantities import fen_from_cny, litres_from_cbm, to_gnf

AT = datetime(2026, 11, 1, tzinfo=UTC)
TARIFFS = {
    Category.ELECTRONIQUE: (6_000_000, 5_200_000),
    Category.TEXTILE: (5_000_000, 4_200_000),
    Category.DIVERS: (4_500_000, 3_700_000),
}


def terms(category: Category, rate: str = "1250", commission: str = "5") -> Terms:
    client, real = TARIFFS[category]
    return Terms(Decimal(rate), AT, Decimal(commission), AT, Tariff(category, client, real, AT))


@pytest.mark.parametrize(
    ("cny", "cbm", "category", "rate", "total", "margin"),
    [
        ("10000", "2.5", Category.ELECTRONIQUE, "1250", 28_125_000, 2_625_000),
        ("10000", "3", Category.TEXTILE, "1250", 28_125_000, 3_025_000),
        ("8000", "10", Category.TEXTILE, "1250", 60_500_000, 8_500_000),
        ("1000", "0.5", Category.DIVERS, "1250", 3_562_500, 462_500),
        ("12000", "3", Category.ELECTRONIQUE, "1250", 33_750_000, 3_150_000),
        ("10000", "2.5", Category.ELECTRONIQUE, "1200", 27_600_000, 2_600_000),
        ("1234.57", "0.333", Category.ELECTRONIQUE, "1250", 3_618_374, 343_561),
    ],
)
def test_acceptance_cases(cny, cbm, category, rate, total, margin):
    quote = make_quote(category, litres_from_cbm(cbm), fen_from_cny(cny), terms(category, rate))
    assert quote.total_gnf == total
    assert quote.margin_gnf == margin


def test_worked_example_lines():
    quote = make_quote(Category.TEXTILE, 3000, 1_000_000, terms(Category.TEXTILE))
    assert (quote.goods_gnf, quote.commission_gnf, quote.logistics_gnf) == (
        12_500_000,
        625_000,
        15_000_000,
    )
    assert quote.real_cost_gnf == 12_600_000


def test_each_line_rounds_half_up_on_its_own():
    # 1 234.57 CNY x 1 250 = 1 543 212.5 -> 1 543 213; commission 77 160.625 -> 77 161
    quote = make_quote(Category.ELECTRONIQUE, 333, 123_457, terms(Category.ELECTRONIQUE))
    assert quote.goods_gnf == 1_543_213
    assert quote.commission_gnf == 77_161


@pytest.mark.parametrize(
    ("exact", "rounded"),
    [("0.5", 1), ("1.5", 2), ("2.5", 3), ("2.4999", 2), ("0.49", 0), ("-0.5", -1), ("7", 7)],
)
def test_to_gnf_is_half_up(exact, rounded):
    assert to_gnf(Decimal(exact)) == rounded


def test_trader_view_holds_no_hidden_number():
    quote = make_quote(Category.TEXTILE, 3000, 1_000_000, terms(Category.TEXTILE))
    view = quote.for_trader()
    fields = set(vars(view))
    assert not fields & {"margin_gnf", "real_cost_gnf", "real_per_cbm", "terms", "tariff"}
    assert str(quote.margin_gnf) not in repr(view)
    assert str(quote.real_cost_gnf) not in repr(view)
    assert view.total_gnf == quote.total_gnf


def test_wrong_tariff_category_is_refused():
    with pytest.raises(ValueError):
        make_quote(Category.TEXTILE, 1000, 100, terms(Category.DIVERS))


volumes = st.integers(min_value=1, max_value=76_000)
prices = st.integers(min_value=0, max_value=10_000_000 * 100)
rates = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100_000), places=2)
commissions = st.decimals(min_value=Decimal(0), max_value=Decimal(50), places=2)
categories = st.sampled_from(list(Category))


@given(categories, volumes, prices, rates, commissions)
def test_total_is_sum_of_rounded_lines(category, volume_l, price_fen, rate, commission):
    quote = make_quote(category, volume_l, price_fen, terms(category, str(rate), str(commission)))
    assert quote.total_gnf == quote.goods_gnf + quote.commission_gnf + quote.logistics_gnf
    for line in (quote.goods_gnf, quote.commission_gnf, quote.logistics_gnf, quote.total_gnf):
        assert isinstance(line, int) and line >= 0


@given(categories, volumes, prices, rates, commissions)
def test_each_line_within_half_a_franc_of_exact(category, volume_l, price_fen, rate, commission):
    quote = make_quote(category, volume_l, price_fen, terms(category, str(rate), str(commission)))
    goods = Decimal(price_fen) / 100 * rate
    assert abs(quote.goods_gnf - goods) <= Decimal("0.5")
    assert abs(quote.commission_gnf - goods * commission / 100) <= Decimal("0.5")
    logistics = Decimal(volume_l) / 1000 * TARIFFS[category][0]
    assert abs(quote.logistics_gnf - logistics) <= Decimal("0.5")


@given(categories, volumes, prices)
def test_margin_is_commission_plus_logistics_spread(category, volume_l, price_fen):
    quote = make_quote(category, volume_l, price_fen, terms(category))
    spread = quote.logistics_gnf - quote.real_cost_gnf
    assert quote.margin_gnf == quote.commission_gnf + spread
    assert spread >= 0  # the client tariff is above the real cost for every default


@given(categories, volumes, prices)
def test_larger_volume_never_costs_less(category, volume_l, price_fen):
    small = make_quote(category, volume_l, price_fen, terms(category))
    large = make_quote(category, volume_l + 1, price_fen, terms(category))
    assert large.total_gnf >= small.total_gnf
