"""Fixtures of the one-time code tests: a store on each Redis, a clock the tests move."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from bot.services.otp import OtpService
from domain.errors import DeliveryFailed
from storage.otp_store import RedisOtpStore
from tests.flows.conftest import FakeSms

KEY = b"k" * 32
PHONE = "+224620123456"
CHAT = "telegram:1"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 10, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class FailingSms(FakeSms):
    def send(self, phone: str, text: str) -> None:
        raise DeliveryFailed("provider down")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sms() -> FakeSms:
    return FakeSms()


@pytest.fixture
def make(redis_client, sms, clock):
    def make(namespace: str = "trader", sender=None) -> OtpService:
        store = RedisOtpStore(redis_client, prefix="t")
        return OtpService(store, sender or sms, KEY, clock, namespace=namespace)

    return make


@pytest.fixture
def otp(make) -> OtpService:
    return make()


def wrong_for(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def code_in(text: str) -> str:
    return re.search(r"\b(\d{6})\b", text).group(1)  # type: ignore[union-attr]
