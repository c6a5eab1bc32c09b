from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import InvalidInput
from domain.quantities import cbm_from_litres, cny_from_fen, fen_from_cny, litres_from_cbm


@pytest.mark.parametrize(
    ("cbm", "litres"), [("2.5", 2500), ("0.333", 333), ("76", 76000), ("0.001", 1), ("0", 0)]
)
def test_litres_from_cbm(cbm, litres):
    assert litres_from_cbm(cbm) == litres


@pytest.mark.parametrize("bad", ["0.0005", "1.2345", "abc", "NaN", "Infinity", ""])
def test_volume_with_too_many_decimals_or_unreadable_is_refused(bad):
    with pytest.raises(InvalidInput):
        litres_from_cbm(bad)


@pytest.mark.parametrize("bad", ["1.234", "x", "sNaN"])
def test_price_with_more_than_two_decimals_is_refused(bad):
    with pytest.raises(InvalidInput):
        fen_from_cny(bad)


@given(st.integers(min_value=0, max_value=10**12))
def test_fen_round_trip(fen):
    assert fen_from_cny(cny_from_fen(fen)) == fen


@given(st.integers(min_value=0, max_value=10**9))
def test_litres_round_trip(litres):
    assert litres_from_cbm(cbm_from_litres(litres)) == litres


def test_values_are_exact_decimals():
    assert cbm_from_litres(333) == Decimal("0.333")
    assert cny_from_fen(123457) == Decimal("1234.57")
