"""The WhatsApp worker when things go wrong: a worker that dies after the engine still
delivers the answer once; a bug is failed at once, apologised for, and alerted once an hour."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from storage import orm
from tests.channels.test_whatsapp import TRADER, WhatsAppWorld, fake_twilio, wa
from webhooks.inbound import LEASE

_fixtures = (fake_twilio, wa)  # the WhatsApp world's fixtures, used here too


class WorkerDied(BaseException):
    """The process goes away: nothing in the worker may catch it."""


class DiesAfterTheEngine:
    """The real engine, then the worker dies once before it records or sends anything."""

    def __init__(self, engine) -> None:
        self.engine, self.died = engine, False

    def attempt(self, event):
        replies = self.engine.attempt(event)
        if not self.died:
            self.died = True
            raise WorkerDied
        return replies


class Buggy:
    def attempt(self, event):
        return {}["no such key"]  # a programming error inside the engine


def post(wa: WhatsAppWorld, text: str, sid: str) -> None:
    form = {"MessageSid": sid, "From": TRADER, "To": "x", "Body": text, "NumMedia": "0"}
    assert wa.post("/webhooks/whatsapp", form).status_code == 200


def inbound_rows(wa: WhatsAppWorld):
    with wa.services.uow_factory() as uow:
        return uow.session.execute(select(orm.inbound_queue)).all()


def bug_alerts(wa: WhatsAppWorld) -> list[str]:
    with wa.services.uow_factory() as uow:
        query = select(orm.outbox.c.key).where(orm.outbox.c.template == "admin.bug")
        return list(uow.session.scalars(query))


def test_worker_dying_after_the_engine_still_sends_the_order_number_once(wa, time_machine):
    wa.register()
    for text in ("1", "textile", "3", "10 000"):
        wa.say(text)
    wa.worker.engine = DiesAfterTheEngine(wa.worker.engine)
    post(wa, "1", "SM" + "9" * 32)  # Commander
    with pytest.raises(WorkerDied):
        wa.worker.run_once()
    assert not [b for b in wa.fake.bodies(TRADER) if "C00001" in b]
    time_machine.shift(LEASE + timedelta(seconds=1))  # the dead worker's lease runs out
    wa.drain()
    confirmations = [b for b in wa.fake.bodies(TRADER) if "Commande C00001 enregistrée" in b]
    assert len(confirmations) == 1
    with wa.services.uow_factory() as uow:
        assert len(uow.orders.for_trader(1)) == 1
    assert inbound_rows(wa)[-1].status == "done"


def test_a_bug_fails_the_message_at_once_apologises_and_alerts_once_an_hour(wa, time_machine):
    wa.register()
    wa.say("/langue")
    wa.say("2")  # English
    wa.worker.engine = Buggy()
    for n in range(3):
        post(wa, "bonjour", f"SM{n:032d}X")
        wa.drain()
    rows = inbound_rows(wa)[-3:]
    assert [(r.status, r.attempts) for r in rows] == [("failed", 1)] * 3
    assert "KeyError" in rows[0].last_error
    apologies = [b for b in wa.fake.bodies(TRADER) if "technical problem kept me" in b]
    assert len(apologies) == 3  # each trader message gets its apology, in English
    [alert] = bug_alerts(wa)
    assert "KeyError" in alert and "test_whatsapp_failures.py" in alert
    time_machine.shift(timedelta(hours=1))
    post(wa, "bonjour", "SM" + "8" * 32)
    wa.drain()
    assert len(bug_alerts(wa)) == 2  # the next hour, one more
