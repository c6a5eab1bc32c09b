"""The one-time code policy, as the store enforces it (fakeredis and, with scripts/test, Redis)."""

from __future__ import annotations

import pytest

from domain.errors import OtpExpired, OtpInvalid, OtpLocked, OtpRateLimited
from domain.otp import generate_code, hash_code
from tests.unit.conftest import CHAT, KEY, PHONE, wrong_for


def test_codes_are_six_digits_and_vary():
    codes = {generate_code() for _ in range(200)}
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert len(codes) > 190


def test_the_hash_is_bound_to_the_subject_and_the_key():
    assert hash_code(KEY, "trader:+224620123456", "123456") != hash_code(
        KEY, "trader:+224620000000", "123456"
    )
    assert hash_code(KEY, "trader:p", "123456") != hash_code(KEY, "admin:p", "123456")
    assert hash_code(KEY, "trader:p", "123456") != hash_code(b"x" * 32, "trader:p", "123456")


def test_only_the_hash_is_stored(otp, sms, redis_client):
    otp.send(PHONE, CHAT, "fr")
    code = sms.last_code(PHONE)
    stored = repr({k: redis_client.dump(k) for k in redis_client.keys("*")})
    assert code not in stored


def test_success_deletes_the_code(otp, sms, clock, redis_client):
    otp.send(PHONE, CHAT, "fr")
    code = sms.last_code(PHONE)
    clock.advance(10)
    assert redis_client.exists("t:otp:{trader}:+224620123456")
    otp.verify(PHONE, f" {code} ")
    assert not redis_client.exists("t:otp:{trader}:+224620123456")
    with pytest.raises(OtpExpired):
        otp.verify(PHONE, code)


def test_code_expires_after_five_minutes(otp, sms, clock):
    otp.send(PHONE, CHAT, "fr")
    clock.advance(301)
    with pytest.raises(OtpExpired):
        otp.verify(PHONE, sms.last_code(PHONE))


def test_no_code_sent_is_expired(otp):
    with pytest.raises(OtpExpired):
        otp.verify(PHONE, "123456")


def test_five_wrong_guesses_lock_the_code(otp, sms):
    otp.send(PHONE, CHAT, "fr")
    code = sms.last_code(PHONE)
    for left in (4, 3, 2, 1):
        with pytest.raises(OtpInvalid) as error:
            otp.verify(PHONE, wrong_for(code))
        assert error.value.attempts_left == left
    with pytest.raises(OtpLocked):
        otp.verify(PHONE, wrong_for(code))
    with pytest.raises(OtpLocked):
        otp.verify(PHONE, code)


def test_a_resend_does_not_reset_the_wrong_guesses(otp, sms, clock):
    otp.send(PHONE, CHAT, "fr")
    for _ in range(3):
        with pytest.raises(OtpInvalid):
            otp.verify(PHONE, wrong_for(sms.last_code(PHONE)))
    clock.advance(31)
    otp.send(PHONE, CHAT, "fr")
    with pytest.raises(OtpInvalid) as error:
        otp.verify(PHONE, wrong_for(sms.last_code(PHONE)))
    assert error.value.attempts_left == 1


def test_a_locked_code_refuses_new_sends_until_it_expires(otp, sms, clock):
    otp.send(PHONE, CHAT, "fr")
    for _ in range(5):
        with pytest.raises((OtpInvalid, OtpLocked)):
            otp.verify(PHONE, wrong_for(sms.last_code(PHONE)))
    clock.advance(60)
    with pytest.raises(OtpRateLimited) as error:
        otp.send(PHONE, CHAT, "fr")
    assert 240 <= error.value.retry_after_s <= 241
    clock.advance(241)
    otp.send(PHONE, CHAT, "fr")
    with pytest.raises(OtpInvalid) as wrong:
        otp.verify(PHONE, wrong_for(sms.last_code(PHONE)))
    assert wrong.value.attempts_left == 4  # the expired code took its count with it
    otp.verify(PHONE, sms.last_code(PHONE))


def test_ten_wrong_guesses_per_phone_per_hour_whatever_the_codes(otp, sms, clock):
    for guesses in (4, 4):  # two codes, each left to expire before its lock
        otp.send(PHONE, CHAT, "fr")
        for _ in range(guesses):
            with pytest.raises(OtpInvalid):
                otp.verify(PHONE, wrong_for(sms.last_code(PHONE)))
        clock.advance(301)
    otp.send(PHONE, CHAT, "fr")
    code = sms.last_code(PHONE)
    with pytest.raises(OtpInvalid) as error:
        otp.verify(PHONE, wrong_for(code))
    assert error.value.attempts_left == 1  # 9 of 10 this hour
    with pytest.raises(OtpLocked):
        otp.verify(PHONE, wrong_for(code))
    with pytest.raises(OtpLocked):
        otp.verify(PHONE, code)
    clock.advance(301)
    with pytest.raises(OtpRateLimited) as wait:
        otp.send(PHONE, CHAT, "fr")
    assert wait.value.retry_after_s > 30 * 60  # until the first wrong guess is an hour old
    clock.advance(wait.value.retry_after_s)
    otp.send(PHONE, CHAT, "fr")
    otp.verify(PHONE, sms.last_code(PHONE))


def test_every_otp_key_expires(otp, sms, redis_client):
    otp.send(PHONE, CHAT, "fr")
    with pytest.raises(OtpInvalid):
        otp.verify(PHONE, wrong_for(sms.last_code(PHONE)))
    keys = redis_client.keys("t:otp:*")
    assert len(keys) == 4
    assert all(0 < redis_client.ttl(key) <= 3600 for key in keys)
