"""The Flask application: Twilio's WhatsApp webhooks and a health check.

Every Twilio request is authenticated with its X-Twilio-Signature against PUBLIC_BASE_URL +
path (the URL Twilio signed, not the one seen behind a proxy); anything else gets 403 and
touches nothing. The message is stored (one statement), then acknowledged at once with
empty TwiML; the inbound worker (the `worker` process) does the rest. When the message
cannot even be stored (the database is down), the one top-level handler logs the error and
answers with TwiML asking the trader, in French, to try again in a moment: Twilio does not
send a message webhook twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Blueprint, Flask, abort, current_app, jsonify, request
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse
from werkzeug.exceptions import HTTPException

from bot.services.notifications import notify_admins
from bot.text.messages import t
from domain.ports.unit_of_work import UnitOfWork
from webhooks import telegram_hook
from webhooks.inbound_store import InboundStore

log = logging.getLogger(__name__)
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
FAILED = ("failed", "undelivered")
bp = Blueprint("webhooks", __name__)


@dataclass
class WebhookDeps:
    validator: RequestValidator | None  # None: WhatsApp is not configured here
    public_base_url: str
    inbound: InboundStore | None  # stores WhatsApp messages for the worker
    uow_factory: Callable[[], UnitOfWork]
    clock: Callable[[], datetime]
    health: Callable[[], dict[str, str]]
    telegram_secret: str | None = None  # set in Telegram's webhook mode


def deps() -> WebhookDeps:
    return current_app.extensions["tontine"]


def require_twilio_signature() -> dict[str, str]:
    d = deps()
    if d.validator is None:
        abort(404)
    url = d.public_base_url.rstrip("/") + request.path
    form = request.form.to_dict()
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature or not d.validator.validate(url, form, signature):
        log.warning("refused a request to %s with a bad or missing signature", request.path)
        abort(403)
    return form


@bp.post("/webhooks/whatsapp")
def whatsapp_inbound() -> Any:
    form = require_twilio_signature()
    if not form.get("MessageSid") or not form.get("From"):
        abort(400)
    inbound = deps().inbound
    if inbound is None:  # configured with the validator: not reached once the signature passed
        abort(404)
    inbound.enqueue(form)  # stored, or a replay or a flood acknowledged and dropped
    return current_app.response_class(EMPTY_TWIML, mimetype="application/xml")


@bp.post("/webhooks/whatsapp/status")
def whatsapp_status() -> Any:
    form = require_twilio_signature()
    d = deps()
    sid, status = form.get("MessageSid", ""), form.get("MessageStatus", "")
    with d.uow_factory() as uow:
        recipient = uow.deliveries.update(sid, status, form.get("ErrorCode"), d.clock())
        if recipient is not None and status in FAILED:
            values = {"recipient": recipient, "status": status, "code": form.get("ErrorCode", "?")}
            notify_admins(uow, f"delivery:{sid}", "admin.delivery_failed", values, d.clock())
        uow.commit()
    return "", 204


@bp.get("/health")
def health() -> Any:
    checks = deps().health()
    ok = all(value == "ok" for value in checks.values())
    return jsonify(checks), 200 if ok else 503


def handle_http_error(error: HTTPException) -> Any:
    return jsonify(error=error.name), error.code


@bp.errorhandler(Exception)
def handle_unexpected(error: Exception) -> Any:
    """The one top-level handler: logged with its traceback; a trader's message that could
    not be taken in is answered with a request to send it again in a moment."""
    if isinstance(error, HTTPException):  # a blueprint's handler is asked before the app's
        return handle_http_error(error)
    log.error("unhandled error in %s", request.path, exc_info=error)
    if request.endpoint != "webhooks.whatsapp_inbound":
        return jsonify(error="Internal Server Error"), 500
    answer = MessagingResponse()
    answer.message(t("error"))
    return current_app.response_class(str(answer), mimetype="application/xml")


def create_app(webhook_deps: WebhookDeps) -> Flask:
    app = Flask(__name__)
    app.extensions["tontine"] = webhook_deps
    app.register_blueprint(bp)
    app.register_blueprint(telegram_hook.bp)
    app.register_error_handler(HTTPException, handle_http_error)
    return app
