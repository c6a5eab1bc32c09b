import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import InvalidPhone
from domain.phones import mask_phone, normalise_phone


@pytest.mark.parametrize(
    "text",
    [
        "+224 620 12 34 56",
        "00224620123456",
        "620-12-34-56",
        "620.12.34.56",
        "620123456",
        "+224620123456",
    ],
)
def test_guinean_formats_normalise_to_e164(text):
    assert normalise_phone(text) == "+224620123456"


def test_foreign_number_with_country_code():
    assert normalise_phone("+33 6 12 34 56 78") == "+33612345678"


@pytest.mark.parametrize(
    "bad", ["", "abc", "12", "620 12", "+224 999", "1" * 50, "📱", "+999 1234"]
)
def test_invalid_phones(bad):
    with pytest.raises(InvalidPhone):
        normalise_phone(bad)


@given(st.text(max_size=60))
def test_phone_parser_never_crashes(text):
    with contextlib.suppress(InvalidPhone):
        assert normalise_phone(text).startswith("+")


def test_mask_phone():
    masked = mask_phone("+224620123456")
    assert masked.startswith("+2246") and masked.endswith("56") and "1234" not in masked
