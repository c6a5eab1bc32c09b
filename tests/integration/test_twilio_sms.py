"""OTP SMS through the real twilio client against a local fake Twilio REST API."""

from __future__ import annotations

import pytest

from bot.runtime.infrastructure import make_sms
from bot.settings import Settings
from bot.text.messages import t
from domain.errors import DeliveryFailed
from storage.db import normalise_url
from tests.fakes.twilio_api import FakeTwilio
from tests.flows.conftest import make_app

GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)


@pytest.fixture
def fake_twilio():
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


def twilio_settings(fake: FakeTwilio, **extra) -> Settings:
    return Settings(
        _env_file=None,
        sms_provider="twilio",
        twilio_account_sid="AC" + "0" * 32,
        twilio_auth_token="test-token",
        twilio_sms_from="+15005550006",
        twilio_api_base_url=fake.base_url,
        **extra,
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sms_text_is_plain_gsm7_within_one_segment(lang):
    text = t("sms.code", lang, code="123456")
    assert set(text) <= GSM7 and text.isascii()
    assert len(text) <= 160


def test_code_goes_through_messages_api(fake_twilio):
    sms = make_sms(twilio_settings(fake_twilio))
    sms.send("+224620123456", "Tontine Digitale: votre code est 123456.")
    [request] = fake_twilio.requests
    assert request.path == f"/2010-04-01/Accounts/AC{'0' * 32}/Messages.json"
    assert request.form == {
        "To": "+224620123456",
        "From": "+15005550006",
        "Body": "Tontine Digitale: votre code est 123456.",
    }
    assert request.auth == ("AC" + "0" * 32, "test-token")


@pytest.mark.parametrize(("status", "code"), [(400, 21211), (429, 20429), (500, 20500)])
def test_provider_errors_become_delivery_failed(fake_twilio, status, code):
    sms = make_sms(twilio_settings(fake_twilio))
    fake_twilio.fail_next(status, code, "nope")
    with pytest.raises(DeliveryFailed):
        sms.send("+224620123456", "x")


def test_twilio_needs_its_settings():
    with pytest.raises(ValueError, match="TWILIO_SMS_FROM"):
        make_sms(Settings(_env_file=None, sms_provider="twilio"))
    with pytest.raises(ValueError, match="unknown"):
        make_sms(Settings(_env_file=None, sms_provider="pigeon"))


def test_registration_says_when_the_sms_failed_and_can_retry(fake_twilio, tmp_path, time_machine):
    app = make_app(f"sqlite:///{tmp_path / 'sms.db'}", sms=make_sms(twilio_settings(fake_twilio)))
    time_machine.move_to(app.services.clock(), tick=False)
    chat = app.chat()
    chat.say("bonjour")
    chat.say("Awa Camara")
    fake_twilio.fail_next(400, 21614, "not a mobile number")
    chat.say("620 12 34 56")
    assert "n'a pas pu être envoyé" in chat.text
    assert chat.state == "reg_phone"
    chat.say("620 12 34 56")  # not counted against the cooldown: nothing was delivered
    assert "envoyé par SMS" in chat.text
    assert len(fake_twilio.requests) == 2


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://u:p@h:5432/db", "postgresql+psycopg2://u:p@h:5432/db"),
        ("postgresql://u@h/db", "postgresql+psycopg2://u@h/db"),
        ("postgresql+psycopg2://u@h/db", "postgresql+psycopg2://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_database_urls_as_hosts_give_them(url, expected):
    assert normalise_url(url) == expected
