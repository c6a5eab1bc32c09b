import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.text.parsing import parse_amount
from domain.errors import InvalidInput
from domain.traders import clean_name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2,5", "2.5"),
        ("2.5", "2.5"),
        ("2,5 m3", "2.5"),
        ("2.5cbm", "2.5"),
        ("2,5 CBM", "2.5"),
        ("3 m³", "3"),
        ("0,333", "0.333"),
        ("10", "10"),
        ("-2", "-2"),
    ],
)
def test_volumes(text, value):
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15 000", "15000"),
        ("15000", "15000"),
        ("15.000", "15000"),
        ("15 000 ¥", "15000"),
        ("15000 yuans", "15000"),
        ("15k", "15000"),
        ("15K", "15000"),
        ("1 234,57", "1234.57"),
        ("1.234,57", "1234.57"),
        ("1,234.57", "1234.57"),
        ("1.234.567", "1234567"),
        ("15\u202f000", "15000"),
        ("2,5k", "2500"),
        ("12.5", "12.5"),
        ("RMB 800", "800"),
    ],
)
def test_prices(text, value):
    assert parse_amount(text, thousands_dot=True) == Decimal(value)


@pytest.mark.parametrize(
    "text", ["", "abc", "2,5,", "deux", "1e5", "NaN", "∞", "🙂", "1" * 41, "2..5", "--3", "k"]
)
def test_unreadable(text):
    with pytest.raises(InvalidInput):
        parse_amount(text, thousands_dot=True)
    with pytest.raises(InvalidInput):
        parse_amount(text)


@given(st.text(max_size=50))
def test_parsers_never_crash(text):
    for thousands_dot in (True, False):
        with contextlib.suppress(InvalidInput):
            assert isinstance(parse_amount(text, thousands_dot=thousands_dot), Decimal)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("  Mamadou   Diallo ", "Mamadou Diallo"),
        ("N'Famara", "N'Famara"),
        ("Aïssatou Baldé", "Aïssatou Baldé"),
    ],
)
def test_names(text, name):
    assert clean_name(text) == name


@pytest.mark.parametrize(
    "text", ["", "A", "🙂🙂🙂", "Robert'); DROP TABLE", "x" * 81, "1234", "--"]
)
def test_bad_names(text):
    with pytest.raises(InvalidInput):
        clean_name(text)
