"""Issue 10, engine side: a retried message is answered again (never silence), every file a
trader sends is kept, a bug is not taken for a busy chat, a lost race reads as a sentence."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import select

from bot.admin import review
from bot.admin.step import AdminIdentity, AdminStep
from bot.engine.conversation import Conversation
from bot.engine.events import Inbound, Reply
from bot.engine.gate import MessageGate
from bot.services import proofs as proof_service
from domain.proofs import MAX_PROOF_BYTES
from storage import orm
from tests.flows import test_admin_desk
from tests.flows.conftest import PNG
from tests.flows.test_admin_desk import order_and_proof
from tests.flows.test_proof_and_account import ordered, proofs_in_db
from tests.flows.test_quote_and_order import orders_in_db, quote

PDF = b"%PDF-1.7 a mobile-money receipt"
admin_world = test_admin_desk.world  # the admin desk's fixture, under its own name here


def attachments(app, order_id: int = 1):
    with app.services.uow_factory() as uow:
        return uow.proofs.attachments_for_order(order_id)


def outbox_templates(app) -> list[str]:
    with app.services.uow_factory() as uow:
        return list(uow.session.scalars(select(orm.outbox.c.template)))


# Item 3: one idempotency layer, the gate's inbox, replays what was answered


def test_a_redelivered_telegram_update_gets_the_same_order_confirmation(app):
    chat = app.chat("42", channel="telegram")
    chat.register()
    quote(chat)
    first = chat.send(choice="quote:order", message_id="u1001")
    again = chat.send(choice="quote:order", message_id="u1001")
    assert "Commande C00001 enregistrée" in first[0].text
    assert again == first
    assert len(orders_in_db(app)) == 1


def test_replayed_replies_keep_buttons_and_the_share_contact_request(app):
    chat = app.chat("43", channel="telegram", can_share_contact=True)
    chat.say("bonjour")
    first = chat.send(text="Awa Camara", message_id="u2001")
    again = chat.send(text="Awa Camara", message_id="u2001")
    assert first[-1].request_contact and again == first


def test_a_replayed_admin_card_keeps_a_small_photo():
    from bot.engine.replay import MAX_KEPT_BYTES, from_data, to_data

    small = Reply("carte", photo=PNG, edit=True)
    assert from_data(to_data(small)) == small
    big = Reply("carte", photo=b"x" * (MAX_KEPT_BYTES + 1))
    assert from_data(to_data(big)) == Reply("carte")  # bounded: the text alone is kept


# Item 7: nothing a trader sends is lost


def test_a_pdf_receipt_is_kept_with_the_order_and_shown_to_the_admins(admin_world):
    app, _desk, admin, trader, _traders, admin_chat = admin_world
    ordered(trader)
    trader.press("menu:proof")
    trader.photo(PDF)
    assert "gardé avec la commande C00001" in trader.text
    assert trader.state == "proof_photo"  # still waiting for a readable photo
    [kept] = attachments(app)
    assert kept.content == PDF and kept.reason == "not_an_image" and kept.size == len(PDF)
    assert any("C00001 : pièce jointe illisible reçue" in t for t in admin_chat.texts())
    trader.photo(PNG)
    card = [t for t in admin_chat.texts() if "Preuve 1" in t][-1]
    assert "Pièce jointe illisible (1 Ko)" in card and "gardée" in card
    admin.login()
    admin.say("/commande C00001")
    assert "Pièce jointe illisible (1 Ko)" in admin.text


def test_a_file_over_the_cap_is_not_kept_but_its_refusal_is(app, trader):
    ordered(trader)
    trader.press("menu:proof")
    trader.photo(b"%PDF" + b"0" * MAX_PROOF_BYTES)
    assert "5 Mo" in trader.text
    [refused] = attachments(app)
    assert refused.content is None and refused.reason == "too_large"
    assert refused.size == MAX_PROOF_BYTES + 4
    trader.send(image_error="too_large")  # refused by the channel before download
    assert [a.reason for a in attachments(app)] == ["too_large", "too_large"]


def test_an_unreadable_file_out_of_the_blue_goes_with_the_only_order(app, trader):
    ordered(trader)
    trader.photo(PDF)
    assert "gardé avec la commande C00001" in trader.text
    assert [a.content for a in attachments(app)] == [PDF]
    assert proofs_in_db(app) == []


# Item 8: bugs are not "busy", a lost race is a sentence


class BusyLocks:
    @contextmanager
    def hold(self, name: str, wait_s: float = 0.0):
        raise TimeoutError(f"lock {name} busy")
        yield


def test_only_a_busy_lock_reads_as_busy_a_timeout_inside_a_flow_is_a_bug(app):
    services = app.services
    event = Inbound("console", "u9", "m-timeout", text="bonjour")
    busy = MessageGate(BusyLocks(), services.uow_factory, services.clock)
    assert "Un instant" in busy.run("chat:u9", event, lambda: [])[0].text

    def flow_that_times_out() -> list[Reply]:
        raise TimeoutError("a bug in a flow, not a busy chat")

    gate = MessageGate(services.locks, services.uow_factory, services.clock)
    with pytest.raises(TimeoutError, match="a bug in a flow"):
        gate.run("chat:u9", event, flow_that_times_out)


def test_an_admin_who_loses_the_race_reads_a_sentence_not_a_code(admin_world):
    app, _desk, admin, trader, _traders, _admin_chat = admin_world
    order_and_proof(trader)
    admin.login()
    services, opened = app.services, []

    class RacingDesk:
        """Another admin approves between the card read and this admin's decision."""

        def __init__(self) -> None:
            self.clock = services.clock

        def uow_factory(self):
            opened.append(1)
            if len(opened) == 2:
                proof_service.approve_proof(services.uow_factory(), 1, "Bah", services.clock())
            return services.uow_factory()

    awa = AdminIdentity("+224620900900", "Admin Awa")
    step = AdminStep(RacingDesk(), Inbound("telegram", "9001"), awa, Conversation(), None, [])
    [reply] = review.approve(step, 1)  # type: ignore[arg-type]
    assert "déjà été traitée (✅ Valider par Bah)" in reply.text
    assert "already_decided" not in reply.text
    assert "admin.bug" not in outbox_templates(app)


def test_busy_reply_is_not_stored_so_the_retry_is_handled(app):
    services = app.services
    event = Inbound("console", "u10", "m-busy", text="bonjour")
    MessageGate(BusyLocks(), services.uow_factory, services.clock).run("l", event, lambda: [])
    gate = MessageGate(services.locks, services.uow_factory, services.clock)
    assert gate.run("l", event, lambda: [Reply("traité")]) == [Reply("traité")]
    assert gate.run("l", event, lambda: [Reply("encore")]) == [Reply("traité")]
