"""Every setting, read from the environment (and a .env file), documented in .env.example."""

from __future__ import annotations

import secrets
from decimal import Decimal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from domain.phones import normalise_phone

MIN_WEBHOOK_SECRET = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = "sqlite:///tontine.db"
    redis_url: str | None = None
    secret_key: SecretStr | None = None
    log_level: str = "INFO"

    container_capacity_cbm: Decimal = Decimal(76)
    reservation_hours: int = Field(default=48, gt=0)
    deposit_percent: int = Field(default=100, ge=1, le=100)  # due at order time; rest after measure
    max_price_cny: Decimal = Decimal(10_000_000)
    mobile_money_number: str = "+224 620 00 00 00"
    mobile_money_name: str = "Tontine Digitale"
    sea_transit_days: int = Field(default=45, gt=0, le=365)  # default ETA: sailing day + this

    sms_provider: str = "console"

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_file_base_url: str = "https://api.telegram.org/file/bot"
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None

    admin_chat_id: int | None = None
    admin_phones: str = ""  # comma-separated E.164 numbers
    admin_require_2fa: bool = True
    admin_session_minutes: int = Field(default=60, gt=0)
    support_show_admin_name: bool = False  # traders see who answered their ticket
    twilio_account_sid: str | None = None
    twilio_auth_token: SecretStr | None = None
    twilio_sms_from: str | None = None
    twilio_api_base_url: str | None = None
    twilio_whatsapp_from: str | None = None  # e.g. whatsapp:+14155238886
    public_base_url: str | None = None  # the URL Twilio calls, as Twilio signs it
    whatsapp_template_notification: str | None = None  # Content SID, variable {{1}} = text
    whatsapp_max_per_second: float = Field(default=10, gt=0)
    # Telegram's limit per bot, across processes; the outbox keeps 10 % for live replies.
    telegram_max_per_second: int = Field(default=30, gt=0)
    # Opt-in: the outbox's sends pay 0.1 Star each above the free rate, up to this rate.
    telegram_paid_broadcast: bool = False
    telegram_paid_max_per_second: int = Field(default=1000, gt=0)
    whatsapp_interactive: bool = True  # WhatsApp buttons (Content API); False: numbered lists
    port: int = 8000
    # How long work claimed by a process stays its own: after a crash, others take it over
    # once this has run out (renewed while held, except the WhatsApp inbound lease).
    outbox_lease_seconds: float = Field(default=120, gt=0)
    whatsapp_inbound_lease_seconds: float = Field(default=120, gt=0)
    whatsapp_sender_max_per_minute: int = Field(default=30, gt=0)  # more: dropped, told once
    telegram_inbox_lease_seconds: float = Field(default=20, gt=0)
    lock_timeout_seconds: float = Field(default=30, gt=0)  # a chat's or a job's Redis lock
    # Issue 14 — PDF receipts: requests per minute and client address on the receipt routes.
    receipt_requests_per_minute: int = Field(default=60, gt=0)
    proxy_hops: int = Field(default=0, ge=0)  # proxies in front of the web app (X-Forwarded-For)

    @property
    def admin_phone_set(self) -> frozenset[str]:
        return frozenset(normalise_phone(p) for p in self.admin_phones.split(",") if p.strip())

    @property
    def whatsapp_enabled(self) -> bool:
        return bool(
            self.twilio_account_sid and self.twilio_auth_token and self.twilio_whatsapp_from
        )

    @property
    def capacity_l(self) -> int:
        return int(self.container_capacity_cbm * 1000)

    def shared_by(self) -> list[str]:
        """The settings that make this more than the embedded default: with any of them, several
        processes (or a restart) must check codes with one key, so SECRET_KEY is required."""
        reasons = [
            ("REDIS_URL", bool(self.redis_url)),
            ("DATABASE_URL (PostgreSQL)", not self.database_url.startswith("sqlite")),
            ("TELEGRAM_BOT_TOKEN", self.telegram_bot_token is not None),
            ("TWILIO_WHATSAPP_FROM", self.whatsapp_enabled),
        ]
        return [name for name, present in reasons if present]

    @property
    def missing_secret_key(self) -> bool:
        return not self.secret_key and bool(self.shared_by())

    def telegram_webhook_token(self) -> str:
        """Webhook mode: the secret Telegram echoes in every request, 32+ characters."""
        secret = self.telegram_webhook_secret
        if secret is None or len(secret.get_secret_value()) < MIN_WEBHOOK_SECRET:
            raise ValueError(
                f"TELEGRAM_WEBHOOK_SECRET must hold at least {MIN_WEBHOOK_SECRET} characters"
            )
        return secret.get_secret_value()

    def twilio_credentials(self) -> tuple[str, str]:
        """(account SID, auth token) of the Twilio account; ValueError when one is missing."""
        sid, token = self.twilio_account_sid, self.twilio_auth_token
        if not sid or token is None:
            raise ValueError("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are both required")
        return sid, token.get_secret_value()

    def whatsapp_sender(self) -> str:
        """TWILIO_WHATSAPP_FROM, the number our WhatsApp messages come from (ValueError: none)."""
        if not self.twilio_whatsapp_from:
            raise ValueError("TWILIO_WHATSAPP_FROM is required for WhatsApp")
        return self.twilio_whatsapp_from

    def secret_key_bytes(self) -> bytes:
        """SECRET_KEY, or a key for this process only (codes then die with the process); the
        entry points refuse to start without SECRET_KEY outside the embedded default."""
        if not self.secret_key:
            self.secret_key = SecretStr(secrets.token_urlsafe(32))
        return self.secret_key.get_secret_value().encode()
