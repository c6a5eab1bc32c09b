"""Sending one-time codes: limits per phone and per chat, failed SMS, namespaces."""

from __future__ import annotations

import pytest

from domain.errors import DeliveryFailed, OtpInvalid, OtpLocked, OtpRateLimited
from tests.flows.conftest import FakeSms
from tests.unit.conftest import CHAT, PHONE, FailingSms, code_in, wrong_for


def test_resend_cooldown_and_three_per_fifteen_minutes(otp, sms, clock):
    otp.send(PHONE, CHAT, "fr")
    clock.advance(10)
    with pytest.raises(OtpRateLimited) as error:
        otp.send(PHONE, "telegram:2", "fr")  # another chat, the same phone
    assert 20 <= error.value.retry_after_s <= 21
    for chat in ("telegram:3", "telegram:4"):
        clock.advance(31)
        otp.send(PHONE, chat, "fr")
    clock.advance(31)  # 103 s after the first send
    with pytest.raises(OtpRateLimited) as capped:
        otp.send(PHONE, "telegram:5", "fr")
    assert capped.value.retry_after_s == 15 * 60 - 103 + 1
    clock.advance(capped.value.retry_after_s)
    otp.send(PHONE, "telegram:5", "fr")  # the first send left the window
    assert len(sms.sent) == 4


def test_one_chat_cannot_spam_codes_across_phones(otp, sms, clock):
    otp.send("+224620000001", CHAT, "fr")
    with pytest.raises(OtpRateLimited):
        otp.send("+224620000002", CHAT, "fr")
    for phone in ("+224620000003", "+224620000004"):
        clock.advance(31)
        otp.send(phone, CHAT, "fr")
    clock.advance(31)
    with pytest.raises(OtpRateLimited):
        otp.send("+224620000005", CHAT, "fr")
    otp.send("+224620000005", "telegram:2", "fr")  # another chat may
    assert len(sms.sent) == 4


def test_a_failed_sms_neither_counts_nor_replaces_the_code_in_force(make, sms, clock):
    otp = make()
    otp.send(PHONE, CHAT, "fr")
    clock.advance(31)
    with pytest.raises(DeliveryFailed):
        make(sender=FailingSms()).send(PHONE, CHAT, "fr")
    otp.verify(PHONE, sms.last_code(PHONE))  # the delivered code still works
    otp.send(PHONE, CHAT, "fr")  # at once: the failed send gave its slot back
    assert len(sms.sent) == 2


def test_a_slow_sms_overtaken_by_a_newer_send_does_not_replace_its_code(make, sms, clock):
    class SlowSms(FakeSms):
        """While this SMS is in flight, 31 s pass and the user asks again."""

        def send(self, phone: str, text: str) -> None:
            clock.advance(31)
            make().send(phone, "telegram:2", "fr")
            sms.send(phone, text)

    make(sender=SlowSms()).send(PHONE, CHAT, "fr")
    (_, newer), (_, slow) = sms.sent
    with pytest.raises(OtpInvalid):
        make().verify(PHONE, code_in(slow))
    make().verify(PHONE, code_in(newer))


def test_the_trader_namespace_leaves_an_admin_code_untouched(make, sms, clock):
    trader, admin = make("trader"), make("admin")
    for _ in range(3):
        trader.send(PHONE, CHAT, "fr")
        clock.advance(31)
    with pytest.raises(OtpRateLimited):
        trader.send(PHONE, CHAT, "fr")
    for _ in range(5):
        with pytest.raises((OtpInvalid, OtpLocked)):
            trader.verify(PHONE, wrong_for(sms.last_code(PHONE)))
    admin.send(PHONE, CHAT, "fr")
    admin.verify(PHONE, sms.last_code(PHONE))


def test_the_default_namespace_is_trader(otp):
    assert otp.namespace == "trader"
