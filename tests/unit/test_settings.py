"""The Twilio settings WhatsApp needs, checked where they are read."""

from __future__ import annotations

import pytest

from bot.settings import Settings


def test_twilio_credentials_and_the_whatsapp_number_when_set():
    settings = Settings(
        _env_file=None,
        twilio_account_sid="AC1",
        twilio_auth_token="secret",
        twilio_whatsapp_from="whatsapp:+14155238886",
    )
    assert settings.twilio_credentials() == ("AC1", "secret")
    assert settings.whatsapp_sender() == "whatsapp:+14155238886"


@pytest.mark.parametrize(
    "given", [{}, {"twilio_account_sid": "AC1"}, {"twilio_auth_token": "secret"}]
)
def test_missing_twilio_settings_are_named(given):
    settings = Settings(_env_file=None, **given)
    with pytest.raises(ValueError, match="TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN"):
        settings.twilio_credentials()
    with pytest.raises(ValueError, match="TWILIO_WHATSAPP_FROM"):
        settings.whatsapp_sender()
