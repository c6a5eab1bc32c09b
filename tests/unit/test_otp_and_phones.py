import contextlib
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import InvalidPhone, OtpExpired, OtpInvalid, OtpLocked, OtpRateLimited
from domain.otp import OtpChallenge, OtpPolicy, generate_code, hash_code
from domain.phones import mask_phone, normalise_phone

KEY = b"k" * 32
T0 = datetime(2026, 11, 25, 10, tzinfo=UTC)
POLICY = OtpPolicy()


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_codes_are_six_digits_and_vary():
    codes = {generate_code() for _ in range(200)}
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert len(codes) > 190


def test_only_the_hash_is_kept_and_it_is_bound_to_the_subject():
    challenge = OtpChallenge("+224620123456")
    code = challenge.issue(KEY, T0, POLICY)
    stored = repr(challenge.to_dict())
    assert code not in stored
    assert hash_code(KEY, "+224620123456", code) != hash_code(KEY, "+224620000000", code)
    assert hash_code(KEY, "+224620123456", code) != hash_code(b"x" * 32, "+224620123456", code)


def test_right_code_verifies_once():
    challenge = OtpChallenge("p")
    code = challenge.issue(KEY, T0, POLICY)
    challenge.verify(KEY, f" {code} ", at(10), POLICY)
    with pytest.raises(OtpExpired):
        challenge.verify(KEY, code, at(11), POLICY)


def test_code_expires_after_five_minutes():
    challenge = OtpChallenge("p")
    code = challenge.issue(KEY, T0, POLICY)
    with pytest.raises(OtpExpired):
        challenge.verify(KEY, code, at(301), POLICY)


def test_five_wrong_attempts_lock_the_code():
    challenge = OtpChallenge("p")
    code = challenge.issue(KEY, T0, POLICY)
    wrong = "000000" if code != "000000" else "111111"
    for left in (4, 3, 2, 1):
        with pytest.raises(OtpInvalid) as error:
            challenge.verify(KEY, wrong, at(1), POLICY)
        assert error.value.attempts_left == left
    with pytest.raises(OtpLocked):
        challenge.verify(KEY, wrong, at(1), POLICY)
    with pytest.raises(OtpLocked):
        challenge.verify(KEY, code, at(2), POLICY)


def test_resend_cooldown_and_cap():
    challenge = OtpChallenge("p")
    challenge.issue(KEY, T0, POLICY)
    with pytest.raises(OtpRateLimited) as error:
        challenge.issue(KEY, at(10), POLICY)
    assert 20 <= error.value.retry_after_s <= 21
    challenge.issue(KEY, at(31), POLICY)
    challenge.issue(KEY, at(62), POLICY)
    with pytest.raises(OtpRateLimited):
        challenge.issue(KEY, at(100), POLICY)
    challenge.issue(KEY, at(15 * 60 + 1), POLICY)  # the first send left the window


def test_new_code_replaces_old_and_resets_attempts():
    challenge = OtpChallenge("p")
    first = challenge.issue(KEY, T0, POLICY)
    challenge.attempts = 4
    second = challenge.issue(KEY, at(40), POLICY)
    assert challenge.attempts == 0
    if first != second:
        with pytest.raises(OtpInvalid):
            challenge.verify(KEY, first, at(41), POLICY)
    challenge.verify(KEY, second, at(42), POLICY)


def test_round_trip_through_dict():
    challenge = OtpChallenge("p")
    code = challenge.issue(KEY, T0, POLICY)
    OtpChallenge.from_dict(challenge.to_dict()).verify(KEY, code, at(5), POLICY)


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
