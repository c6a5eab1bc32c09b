"""Public receipt routes: the verification page a receipt's QR code opens (`/r/<token>`) and
the PDF WhatsApp fetches (`/receipts/<token>.pdf`).

A token that is unknown, tampered with or expired gets the same 404, so nothing tells
whether it ever existed. Every answer carries strict security headers and `no-store`; each
client address has a fixed-window budget of requests (Redis, atomic), then a 429 page.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Blueprint, Response, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

from bot.cards.receipt_pdf import lines, render_pdf
from bot.services.receipts import ReceiptView, verify
from bot.text.messages import t
from domain.links import link_valid
from domain.ports.coordination import HitCounter
from domain.ports.unit_of_work import UnitOfWork
from domain.proofs import sniff_image_type

log = logging.getLogger(__name__)
WINDOW_S = 60
bp = Blueprint("receipts", __name__)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    ),
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",  # the token is in the URL
}
HSTS = "max-age=31536000; includeSubDomains"
STYLE = (
    "body{font-family:sans-serif;max-width:32em;margin:2em auto;padding:0 1em}"
    "td{padding:.2em .6em}td+td{text-align:right;font-weight:bold}"
)


@dataclass
class ReceiptRoutesDeps:
    uow_factory: Callable[[], UnitOfWork]
    clock: Callable[[], datetime]
    hits: HitCounter
    public_base_url: str
    per_minute: int = 60
    link_key: bytes = b""  # SECRET_KEY: checks the signed photo links (domain.links)


def deps() -> ReceiptRoutesDeps:
    return current_app.extensions["tontine.receipts"]


def page(title: str, body: str, status: int) -> Response:
    document = (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )
    return Response(document, status, mimetype="text/html")


def not_found() -> Response:
    """The one answer for every token that names no valid receipt."""
    return page(t("receipt.not_found_title"), f"<p>{html.escape(t('receipt.not_found'))}</p>", 404)


@bp.before_request
def limit_per_address() -> Response | None:
    d = deps()
    address = request.remote_addr or "unknown"
    if d.hits.hit(f"receipts:{address}", WINDOW_S, d.clock()) <= d.per_minute:
        return None
    log.info("receipt routes: %s over %d requests a minute", address, d.per_minute)
    response = page(
        t("receipt.too_many_title"), f"<p>{html.escape(t('receipt.too_many'))}</p>", 429
    )
    response.headers["Retry-After"] = str(WINDOW_S)
    return response


@bp.after_request
def security_headers(response: Response) -> Response:
    response.headers.update(HEADERS)
    if deps().public_base_url.startswith("https://"):
        response.headers["Strict-Transport-Security"] = HSTS
    return response


def _valid(token: str) -> ReceiptView | None:
    d = deps()
    return verify(d.uow_factory(), token, d.clock())


@bp.get("/r/<token>")
def verification(token: str) -> Any:
    view = _valid(token)
    if view is None:
        return not_found()
    rows = "".join(
        f"<tr><td>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"
        for label, value in lines(view, "fr")
    )
    return page(
        t("receipt.valid"), f"<p>✅ {html.escape(t('receipt.title'))}</p><table>{rows}</table>", 200
    )


@bp.get("/receipts/<token>.pdf")
def receipt_pdf(token: str) -> Any:
    view = _valid(token)
    if view is None:
        return not_found()
    verify_url = deps().public_base_url.rstrip("/") + view.verify_path
    pdf = render_pdf(view, view.language, verify_url)
    response = Response(pdf, 200, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{view.pdf_name}"'
    return response


@bp.get("/photos/warehouse/<int:item_id>/<int:expires>/<sig>.jpg")
def warehouse_photo(item_id: int, expires: int, sig: str) -> Any:
    """A warehouse receipt's photo, for WhatsApp to fetch: only through a link signed with
    SECRET_KEY and not expired; anything else is the same 404."""
    d = deps()
    if not d.link_key or not link_valid(d.link_key, "warehouse", item_id, expires, sig, d.clock()):
        return not_found()
    with d.uow_factory() as uow:
        receipt = uow.warehouse.get(item_id)
    photo = receipt.photo if receipt is not None else None
    mime = sniff_image_type(photo) if photo else None
    if photo is None or mime is None:
        return not_found()
    return Response(photo, 200, mimetype=mime)


def install(app: Any, receipt_deps: ReceiptRoutesDeps, proxy_hops: int = 0) -> None:
    """The routes on `app`. Behind `proxy_hops` proxies (a platform's router), the client
    address is the one they append to X-Forwarded-For; with 0, the header is ignored (it
    would let anyone choose their address, and so their budget)."""
    app.extensions["tontine.receipts"] = receipt_deps
    app.register_blueprint(bp)
    if proxy_hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxy_hops)
