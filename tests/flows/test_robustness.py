"""Random events thrown at the engine, and the margin never shown to a trader."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.services.trader_api.views import ContainerView, TraderOrder
from bot.text import formatting as fmt
from bot.text.messages import MESSAGES
from domain.pricing import TraderQuote
from tests.flows.conftest import PNG, make_app

KNOWN_IDS = [
    "menu:quote", "menu:orders", "menu:proof", "menu:container", "menu:help", "menu:language",
    "cat:textile", "cat:divers", "cat:electronique", "cat:nope", "quote:order", "quote:edit",
    "order:next", "order:volume", "flow:cancel", "proof:1", "proof:999", "proof:skip",
    "orders:cancel:1", "orders:cancel:2", "orders:cancel_yes", "lang:fr",
    "reg:resend", "reg:change", "reg:sender_yes", "orders:cancel:x",
    "menu:support", "support:leave",
]  # fmt: skip
WORDS = ["menu", "annuler", "aide", "1", "2", "3", "4", "0", "-1", "2,5", "10 000", "76",
         "1e9", "textile", "oui", "🙂", "/start", "/devis", "C00001", "\x00",
         "\u202e", "²", "٣"]  # fmt: skip

events = st.one_of(
    st.builds(dict, text=st.text(max_size=60)),
    st.builds(dict, text=st.sampled_from(WORDS)),
    st.builds(dict, choice=st.sampled_from(KNOWN_IDS)),
    st.builds(dict, choice=st.text(max_size=30)),
    st.builds(dict, image=st.binary(max_size=200)),
    st.builds(dict, image=st.just(PNG), text=st.text(max_size=20)),
    st.builds(dict, text=st.just("x" * 5000)),
)


def _prefix(template: str) -> str:
    return template.split("{", 1)[0][:18]


FRENCH = {_prefix(fr) for fr, _ in MESSAGES.values() if _prefix(fr).strip()}
ENGLISH_ONLY = {_prefix(en) for fr, en in MESSAGES.values() if _prefix(en).strip()} - FRENCH


@pytest.fixture(scope="module")
def robust_app(tmp_path_factory):
    app = make_app(f"sqlite:///{tmp_path_factory.mktemp('robust') / 'r.db'}", capacity_cbm=20)
    trader = app.chat("regular")
    trader.register()
    for volume in ("3", "4"):
        trader.press("menu:quote")
        trader.press("cat:textile")
        trader.say(volume)
        trader.say("10000")
        trader.press("quote:order")
    return app


def check_books(app) -> None:
    with app.services.uow_factory() as uow:
        for container in uow.containers.list_all():
            held = sum(o.volume_l for o in uow.orders.for_container(container.id) if o.holds_volume)
            assert container.used_l == held <= container.capacity_l


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(events, min_size=1, max_size=25), st.booleans())
def test_random_events_never_break_anything(robust_app, script, registered):
    chat = robust_app.chat("regular" if registered else "stranger")
    for fields in script:
        replies = chat.send(**fields)
        assert replies, f"silence after {fields!r}"
        for reply in replies:
            assert reply.text.strip()
            start = reply.text[:18]
            assert any(start.startswith(p) or p.startswith(start) for p in FRENCH), reply.text
            assert not any(
                reply.text.startswith(p) for p in ENGLISH_ONLY if "lang" not in str(fields)
            )
    check_books(robust_app)


def test_trader_views_hold_no_hidden_number():
    hidden = {"margin_gnf", "real_cost_gnf", "real_tariff", "real_per_cbm", "terms", "tariff"}
    for view in (TraderQuote, TraderOrder, ContainerView):
        assert not {f.name for f in dataclasses.fields(view)} & hidden


def test_no_margin_or_real_cost_in_any_reply(robust_app):
    chat = robust_app.chat("leak-check")
    chat.register(phone="620 55 55 55")
    for category in ("cat:textile", "cat:electronique", "cat:divers"):
        chat.press("menu:quote")
        chat.press(category)
        chat.say("1,5")
        chat.say("12 345,67")
        chat.press("quote:order")
    chat.press("menu:orders")
    chat.press("menu:container")
    chat.photo(PNG, caption="ref-leak-123456")
    with robust_app.services.uow_factory() as uow:
        orders = [o for c in uow.containers.list_all() for o in uow.orders.for_container(c.id)]
    hidden = set()
    for order in orders:
        for amount in (order.margin_gnf, order.real_cost_gnf, order.real_tariff):
            hidden |= {fmt.gnf(amount), fmt.gnf(amount, "en"), str(amount)}
    transcript = "\n".join(r.text for r in robust_app.transcript)
    assert len(robust_app.transcript) > 20
    leaked = sorted(h for h in hidden if h in transcript)
    assert leaked == []
