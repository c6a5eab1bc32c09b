"""A gunicorn worker of the `web` process killed (SIGKILL) after it acknowledged a WhatsApp
webhook and before its reply reached Twilio: the master starts a new worker, and the reply
is sent exactly once.

The WhatsApp work (media, engine, replies) runs in a thread of each web worker (see
webhooks/wsgi.py): the killed worker is the one whose connection the fake Twilio holds.
A message claimed by a dead worker falls due again when its lease (the suite's short
WHATSAPP_INBOUND_LEASE_SECONDS) runs out: the wait is bounded by that lease.
"""

from __future__ import annotations

from tests.fakes.twilio_api import FakeTwilio
from tests.faults import seed
from tests.faults.conftest import services_on
from tests.faults.harness import LEASES, Processes, pid_of_client, wait_until
from tests.faults.web import Web, whatsapp_env

TRADER = "whatsapp:+224620123456"
QUESTION = "Quelle catégorie"
MENU = "Que voulez-vous faire"
TAKEOVER_S = LEASES["whatsapp_inbound_lease_seconds"] + 30


def replies_with(fake: FakeTwilio, needle: str) -> list[str]:
    return [body for body in fake.bodies(TRADER) if needle in body]


def test_worker_killed_between_acknowledging_and_replying(db_url, redis_url, procs, fake_twilio):
    services = services_on(db_url, redis_url)
    seed.ready(services)
    seed.traders(services, [("whatsapp", TRADER)])
    web = Web(procs, whatsapp_env(fake_twilio, db_url, redis_url)).wait_ready()

    fake_twilio.hold(TRADER)
    assert web.post(TRADER, "devis") == 200  # acknowledged: Twilio will not send it again
    wait_until(lambda: fake_twilio.held, 20, "the reply on its way to Twilio", procs)
    assert QUESTION in str(fake_twilio.held[0].form)  # a body, or buttons' variables
    worker = pid_of_client(fake_twilio.held[0].client[1], web.workers())  # type: ignore[index]
    assert worker is not None, "no web worker owns the held connection"
    procs.kill_pid(worker)
    fake_twilio.release()  # dropped: Twilio never received it

    wait_until(lambda: replies_with(fake_twilio, QUESTION), TAKEOVER_S, "the reply", procs)
    assert worker not in web.workers() and len(web.workers()) == 2  # the master replaced it
    settled(web, fake_twilio, procs)
    assert len(replies_with(fake_twilio, QUESTION)) == 1, fake_twilio.bodies(TRADER)


def settled(web: Web, fake: FakeTwilio, procs: Processes) -> None:
    """A later message answered: nothing of the earlier one is still under way."""
    assert web.post(TRADER, "menu") == 200
    wait_until(lambda: replies_with(fake, MENU), 30, "the answer to a later message", procs)
