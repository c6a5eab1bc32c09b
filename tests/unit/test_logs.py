"""The redaction filter: no secret of the settings reaches a log line."""

from __future__ import annotations

import io
import logging

import pytest
from pydantic import SecretStr

from bot.runtime.logs import REDACTED, RedactSecrets, install_redaction, secrets_of
from bot.settings import Settings

TOKEN = "123456:BOT-TOKEN-abc"
TWILIO = "twilio-auth-token-xyz"
KEY = "secret-key-0123456789"


@pytest.fixture
def settings() -> Settings:
    return Settings(
        _env_file=None,
        telegram_bot_token=TOKEN,
        twilio_auth_token=TWILIO,
        secret_key=KEY,
    )


@pytest.fixture
def lines(settings):
    """A logger writing to a buffer through a handler carrying the filter."""
    out = io.StringIO()
    logger = logging.getLogger("tests.redaction")
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(RedactSecrets(lambda: secrets_of(settings)))
    logger.addHandler(handler)
    logger.propagate = False
    yield logger, out
    logger.removeHandler(handler)


def test_settings_name_every_secret(settings):
    assert sorted(secrets_of(settings)) == sorted([TOKEN, TWILIO, KEY])
    assert secrets_of(Settings(_env_file=None, telegram_webhook_secret="")) == []


def test_secrets_leave_the_message_its_arguments_and_the_exception(lines):
    logger, out = lines
    logger.warning("POST http://x/bot%s/getMe", TOKEN)
    logger.warning(f"key {KEY} and %(t)s", {"t": TWILIO})
    try:
        raise RuntimeError(f"auth {TWILIO} refused")
    except RuntimeError:
        logger.exception("boom %s", SecretStr(TOKEN).get_secret_value())
    text = out.getvalue()
    assert TOKEN not in text and TWILIO not in text and KEY not in text
    assert text.count(REDACTED) == 5
    assert "RuntimeError: auth [redacted] refused" in text


def test_a_secret_set_later_is_redacted_too(lines, settings):
    logger, out = lines
    settings.secret_key = SecretStr("made-by-this-process")
    logger.warning("made-by-this-process")
    assert out.getvalue() == f"{REDACTED}\n"


def test_installed_on_every_configured_handler(settings):
    handler = logging.StreamHandler(io.StringIO())
    own = logging.getLogger("tests.redaction.own")
    own.addHandler(handler)
    try:
        install_redaction(RedactSecrets(lambda: secrets_of(settings)))
        assert any(isinstance(f, RedactSecrets) for f in handler.filters)
        assert any(
            isinstance(f, RedactSecrets) for h in logging.getLogger().handlers for f in h.filters
        )
    finally:
        own.removeHandler(handler)
        for h in logging.getLogger().handlers:
            h.filters = [f for f in h.filters if not isinstance(f, RedactSecrets)]
