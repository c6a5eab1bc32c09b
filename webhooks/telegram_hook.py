"""Telegram's webhook (TELEGRAM_WEBHOOK_URL points here): the update is stored, then
acknowledged; the bot process handles it from the store. A request without our secret token
(X-Telegram-Bot-Api-Secret-Token, compared in constant time) gets 403 and touches nothing."""

from __future__ import annotations

import hmac
import logging
from typing import Any

from flask import Blueprint, abort, current_app, request

from bot.services.updates import store_updates

log = logging.getLogger(__name__)
bp = Blueprint("telegram", __name__)
MAX_UPDATE_BYTES = 1_000_000


@bp.post("/webhooks/telegram")
def telegram_update() -> Any:
    deps = current_app.extensions["tontine"]
    secret = deps.telegram_secret or ""
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
        log.warning("refused a Telegram webhook with a bad or missing secret token")
        abort(403)
    if (request.content_length or 0) > MAX_UPDATE_BYTES:
        abort(413)
    update = request.get_json(silent=True)
    if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
        abort(400)
    store_updates(deps.uow_factory, deps.clock, [update])
    return "", 200
