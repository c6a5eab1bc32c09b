"""Arrival dates: the default when a container sails, /eta previewed and confirmed, every
trader told once in their language, and the date shown wherever a trader or admin looks."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.runtime import jobs
from bot.text.messages import show
from bot.text.payload import from_payload
from storage.eta import container_eta_changes
from tests.flows.conftest import make_app
from tests.flows.test_admin_desk import (  # noqa: F401
    ADMIN_PHONE,
    AdminChat,
    order_and_proof,
    world,
)
from tests.flows.test_jobs import outbox

CODE = "TD-2026-01"
DEFAULT = "9 janvier 2027"  # 25/11/2026 + 45 days
USAGE = "Usage : /eta TD-2026-01 15/01/2027"


def eta_of(app, code: str = CODE) -> date | None:
    with app.services.uow_factory() as uow:
        return uow.containers.by_code(code).eta


def digest(app, day: str) -> str:
    [row] = [r for r in outbox(app) if r["key"] == f"digest:{day}"]
    containers = from_payload(json.loads(row["payload"]))["containers"]
    return str(show(containers, "fr"))  # queued as messages, rendered when sent


def changes(app) -> list[dict]:
    with app.services.uow_factory() as uow:
        rows = uow.session.execute(container_eta_changes.select()).all()
        return [dict(r._mapping) for r in rows]


def english_trader(app):
    chat = app.chat("t2")
    chat.register(name="John Camara", phone="620 22 33 44")
    chat.press("menu:language")
    chat.press("lang:en")
    return chat


def sail(admin) -> None:
    admin.say(f"/etape {CODE}")
    admin.confirm()
    assert "en mer" in admin.text, admin.text


@pytest.fixture
def at_sea(world):  # noqa: F811
    """Two traders (French, English) with goods in the first container, which has sailed."""
    app, _desk, admin, trader, traders, _ = world
    john = english_trader(app)
    order_and_proof(trader)
    order_and_proof(john, caption="OM-100002")
    admin.login()
    sail(admin)
    return app, admin, trader, john, traders


def notices(traders, user_ref: str, needle: str) -> list[str]:
    traders.flush()
    return [r.text for to, r in traders.sent if to == user_ref and needle in r.text]


def test_sailing_sets_the_default_eta_and_the_stage_notice_gives_it(at_sea):
    app, _admin, _trader, _john, traders = at_sea
    assert eta_of(app) == date(2027, 1, 9)
    [notice] = notices(traders, "t1", "en mer")
    assert f"Arrivée estimée à Conakry : {DEFAULT}" in notice
    [notice] = notices(traders, "t2", "at sea")
    assert "Estimated arrival at Conakry: 9 January 2027" in notice
    [first] = changes(app)
    assert (first["old_eta"], first["new_eta"], first["reason"]) == (
        None,
        date(2027, 1, 9),
        "departure",
    )


def test_eta_previewed_confirmed_and_each_trader_told_once_in_their_language(at_sea):
    app, admin, _trader, _john, traders = at_sea
    admin.say(f"/eta {CODE.lower()} 15/01/2027 congestion au port")
    assert f"{DEFAULT} → 15 janvier 2027" in admin.text
    assert "Motif : congestion au port" in admin.text and "2 commerçants" in admin.text
    assert [c.label for c in admin.replies[-1].choices] == ["✅ Confirmer", "❌ Annuler"]
    assert eta_of(app) == date(2027, 1, 9)  # nothing changes before the confirmation
    token = admin.replies[-1].choices[0].id
    admin.press(token)
    assert "TD-2026-01 : arrivée estimée le 15 janvier 2027 (par Admin Awa)" in admin.text
    assert "2 commerçants" in admin.text
    admin.press(token)  # the confirmation button pressed twice
    assert "n'est plus valable" in admin.text
    assert eta_of(app) == date(2027, 1, 15)
    [french] = notices(traders, "t1", "15 janvier 2027")
    assert f"Avant : {DEFAULT}" in french and "Motif : congestion au port" in french
    [english] = notices(traders, "t2", "15 January 2027")
    assert "Before: 9 January 2027" in english and "Reason: congestion au port" in english
    last = changes(app)[-1]
    assert (last["old_eta"], last["new_eta"]) == (date(2027, 1, 9), date(2027, 1, 15))
    assert last["reason"] == "congestion au port" and "Admin Awa" in last["actor"]


def test_two_admins_confirming_the_same_move_move_it_and_tell_once(at_sea, world):  # noqa: F811
    app, admin, *_rest, traders = at_sea
    _app, desk, *_ = world
    other = AdminChat(app, desk, "9002", name="Admin Bah")
    other.login("+224620900901")
    admin.say(f"/eta {CODE} 15/01/2027 congestion au port")
    other.say(f"/eta {CODE} 20/01/2027 grève des dockers")
    admin.confirm()
    other.confirm()
    assert "la date d'arrivée a changé" in other.text
    assert eta_of(app) == date(2027, 1, 15)
    assert len(notices(traders, "t1", "Maintenant")) == 1
    assert not notices(traders, "t1", "20 janvier 2027")


def test_the_same_command_retried_after_it_was_done_tells_nobody_again(at_sea):
    _app, admin, *_rest, traders = at_sea
    admin.say(f"/eta {CODE} 15/01/2027 congestion au port")
    admin.confirm()
    admin.say(f"/eta {CODE} 15/01/2027 congestion au port")
    assert "C'est déjà la date d'arrivée estimée" in admin.text and USAGE in admin.text
    assert not admin.replies[-1].choices
    assert len(notices(traders, "t1", "Maintenant")) == 1


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/eta", USAGE),
        (f"/eta {CODE}", USAGE),
        ("/eta TD-2099-07 15/01/2027 retard", "Conteneur TD-2099-07 inconnu."),
        (f"/eta {CODE} demain retard", "Date illisible"),
        (f"/eta {CODE} 31/02/2027 retard", "Date illisible"),
        (f"/eta {CODE} 24/11/2026 retard", "déjà passée"),
        (f"/eta {CODE} 27/11/2027 retard", "plus d'un an"),
        (f"/eta {CODE} 15/01/2027", "Donnez le motif"),
    ],
)
def test_each_refusal_is_one_line_with_the_usage_and_changes_nothing(at_sea, command, expected):
    app, admin, *_rest = at_sea
    before = len(outbox(app))
    [reply] = admin.say(command)
    assert expected in reply.text and USAGE in reply.text, reply.text
    assert not reply.choices
    assert eta_of(app) == date(2027, 1, 9) and len(changes(app)) == 1
    assert len(outbox(app)) == before


def test_a_delivered_container_keeps_its_date(at_sea):
    app, admin, *_rest = at_sea
    for _ in range(2):  # mer -> port -> livre
        admin.say(f"/etape {CODE}")
        admin.confirm()
    [reply] = admin.say(f"/eta {CODE} 15/01/2027 retard")
    assert "déjà livré" in reply.text and USAGE in reply.text
    assert eta_of(app) == date(2027, 1, 9)


def test_a_date_that_became_past_before_the_confirmation_is_refused(at_sea, time_machine):
    app, admin, *_ = at_sea
    time_machine.move_to("2026-11-25 23:50:00+00:00", tick=False)
    admin.say("/admin")  # the session of 10:00 is over: a new code
    admin.say(app.sms.last_code(ADMIN_PHONE))
    admin.say(f"/eta {CODE} 25/11/2026 arrivée avancée")  # today: allowed
    assert "Confirmer" in admin.replies[-1].choices[0].label
    time_machine.move_to("2026-11-26 00:10:00+00:00", tick=False)  # now it is yesterday
    admin.confirm()
    assert "déjà passée" in admin.text and USAGE in admin.text
    assert eta_of(app) == date(2027, 1, 9)


def test_the_date_is_shown_in_container_my_orders_and_the_admin_list(at_sea):
    _app, admin, trader, john, _traders = at_sea
    trader.press("menu:container")
    assert "Conteneur TD-2026-01 — en mer" in trader.text
    assert f"📅 Arrivée estimée à Conakry : {DEFAULT}" in trader.text
    john.press("menu:orders")
    [line] = [x for x in john.replies[-2].text.splitlines() if x.startswith("C00002")]
    assert line.endswith(
        "container TD-2026-01 — proof sent, being checked — estimated arrival 9 January 2027"
    )
    admin.say("/conteneurs")
    assert "TD-2026-01 — en mer" in admin.text and f"📅 Arrivée estimée : {DEFAULT}" in admin.text


def test_no_date_before_sailing(world):  # noqa: F811
    _app, _desk, admin, trader, *_ = world
    order_and_proof(trader)
    trader.press("menu:container")
    assert "Arrivée estimée" not in trader.text
    admin.login()
    admin.say("/conteneurs")
    assert "Arrivée estimée" not in admin.text


def test_filling_the_container_sails_it_with_the_configured_transit(tmp_path, time_machine):
    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    app = make_app(f"sqlite:///{tmp_path / 'f.db'}", capacity_cbm=3, sea_transit_days=30)
    trader = app.chat("t1")
    trader.register()
    order_and_proof(trader)  # 3 CBM: the container is full and sails
    with app.services.uow_factory() as uow:
        container = uow.containers.by_code(CODE)
        assert (container.stage.value, container.eta) == ("mer", date(2026, 12, 25))
    [row] = [r for r in outbox(app) if r["key"].startswith(f"stage:{CODE}:mer")]
    assert row["template"] == "eta.notify_departed" and '"2026-12-25"' in row["payload"]
    trader.press("menu:orders")
    assert "arrivée estimée le 25 décembre 2026" in app.transcript[-2].text


def test_the_digest_lists_the_containers_whose_date_moved_in_the_last_day(at_sea, time_machine):
    app, admin, *_ = at_sea
    uow, clock = app.services.uow_factory, app.services.clock
    admin.say(f"/eta {CODE} 15/01/2027 congestion au port")
    admin.confirm()
    admin.say(f"/eta {CODE} 20/01/2027 grève des dockers")
    admin.confirm()
    time_machine.move_to("2026-11-26 08:00:00+00:00", tick=False)
    assert jobs.daily_digest(uow(), clock())
    lines = digest(app, "2026-11-26").splitlines()
    assert lines[-2:] == [
        "Dates d'arrivée modifiées (24 h) :",
        f"TD-2026-01 : {DEFAULT} → 20 janvier 2027 (grève des dockers)",
    ]
    time_machine.move_to("2026-11-27 08:00:00+00:00", tick=False)
    assert jobs.daily_digest(uow(), clock())
    assert "Dates d'arrivée" not in digest(app, "2026-11-27")


def test_the_default_date_alone_is_not_a_move_for_the_digest(at_sea, time_machine):
    app, *_ = at_sea
    time_machine.move_to("2026-11-26 08:00:00+00:00", tick=False)
    jobs.daily_digest(app.services.uow_factory(), app.services.clock())
    assert "Dates d'arrivée" not in digest(app, "2026-11-26")


def test_the_notice_is_rendered_when_it_is_sent(at_sea):
    """The outbox keeps the date, not a sentence: the dispatcher writes it in the language
    the trader reads at sending time."""
    app, admin, *_ = at_sea
    admin.say(f"/eta {CODE} 15/01/2027 congestion au port")
    admin.confirm()
    rows = [r for r in outbox(app) if r["template"] == "eta.notify_moved"]
    assert sorted(r["lang"] for r in rows) == ["en", "fr"]
    assert all('"day": "2027-01-15"' in r["payload"] for r in rows)
    assert len({r["key"].rsplit(":", 3)[0] for r in rows}) == 1  # one change, one key


def test_a_date_set_before_sailing_is_kept_when_the_container_sails(world):  # noqa: F811
    app, _desk, admin, trader, traders, _ = world
    order_and_proof(trader)
    admin.login()
    admin.say(f"/eta {CODE} 20/02/2027 réservation MSC confirmée")
    assert "aucune → 20 février 2027" in admin.text
    admin.confirm()
    sail(admin)
    assert eta_of(app) == date(2027, 2, 20)
    [notice] = notices(traders, "t1", "en mer")
    assert "Arrivée estimée à Conakry : 20 février 2027" in notice
    [first] = notices(traders, "t1", "Motif : réservation MSC")
    assert first.startswith("📅 Conteneur TD-2026-01 : arrivée estimée à Conakry le 20 février")
