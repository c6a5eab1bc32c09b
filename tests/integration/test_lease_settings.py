"""The leases are settings read from the environment (the fault suite starts its processes
with short ones); their defaults are production's numbers, unchanged."""

from __future__ import annotations

from datetime import timedelta

from bot.channels import telegram_inbox
from bot.delivery import dispatch
from bot.runtime.senders import build_dispatcher
from bot.runtime.web import build_web
from bot.settings import Settings
from storage import kv
from tests.flows.conftest import make_app
from webhooks import inbound

WHATSAPP = {
    "twilio_account_sid": "AC" + "1" * 32,
    "twilio_auth_token": "token",
    "twilio_whatsapp_from": "whatsapp:+14155238886",
    "public_base_url": "https://wa.example.org",
    "whatsapp_interactive": False,
}


def test_the_defaults_are_the_production_leases():
    settings = Settings(_env_file=None)
    assert settings.outbox_lease_seconds == dispatch.LEASE.total_seconds() == 120
    assert settings.whatsapp_inbound_lease_seconds == inbound.LEASE.total_seconds() == 120
    assert settings.telegram_inbox_lease_seconds == telegram_inbox.LEASE.total_seconds() == 20
    assert settings.lock_timeout_seconds == kv.LOCK_TIMEOUT_S == 30


def test_the_processes_take_their_leases_from_the_environment(monkeypatch, tmp_path):
    for name, value in [
        ("OUTBOX_LEASE_SECONDS", "7"),
        ("WHATSAPP_INBOUND_LEASE_SECONDS", "8"),
        ("TELEGRAM_INBOX_LEASE_SECONDS", "3"),
        ("LOCK_TIMEOUT_SECONDS", "4"),
    ]:
        monkeypatch.setenv(name, value)
    services = make_app(f"sqlite:///{tmp_path / 'l.db'}", **WHATSAPP).services
    assert build_dispatcher(services).lease == timedelta(seconds=7)
    _flask, worker = build_web(services)
    assert worker.lease == timedelta(seconds=8)
    assert services.settings.telegram_inbox_lease_seconds == 3  # read by `python -m bot telegram`
    assert services.locks.timeout_s == 4
