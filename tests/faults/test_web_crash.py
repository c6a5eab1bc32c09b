"""The Procfile's `worker` process killed (SIGKILL) after the web process acknowledged a
WhatsApp webhook and before the reply reached Twilio: another worker takes the message
over, and the reply is sent exactly once.

The web process (gunicorn) only stores and acknowledges (webhooks/wsgi.py); the WhatsApp
work (media, engine, replies) runs in `python -m bot worker`. A message claimed by a dead
worker falls due again when its lease (the suite's short WHATSAPP_INBOUND_LEASE_SECONDS)
runs out: the wait is bounded by that lease.
"""

from __future__ import annotations

from tests.fakes.twilio_api import FakeTwilio
from tests.faults import seed
from tests.faults.chat import start_worker
from tests.faults.conftest import services_on
from tests.faults.harness import LEASES, Processes, wait_until
from tests.faults.web import Web, whatsapp_env

TRADER = "whatsapp:+224620123456"
QUESTION = "Quelle catégorie"
MENU = "Que voulez-vous faire"
TAKEOVER_S = LEASES["whatsapp_inbound_lease_seconds"] + 30  # a failure's bound only


def replies_with(fake: FakeTwilio, needle: str) -> list[str]:
    return [body for body in fake.bodies(TRADER) if needle in body]


def test_worker_killed_between_acknowledging_and_replying(db_url, redis_url, procs, fake_twilio):
    services = services_on(db_url, redis_url)
    seed.ready(services)
    seed.traders(services, [("whatsapp", TRADER)])
    env = whatsapp_env(fake_twilio, db_url, redis_url)
    web = Web(procs, env)
    worker = start_worker(procs, "worker-1", env)  # starting up beside the web process
    web.wait_ready()

    fake_twilio.hold(TRADER)
    assert web.post(TRADER, "devis") == 200  # acknowledged: Twilio will not send it again
    wait_until(lambda: fake_twilio.held, 30, "the reply on its way to Twilio", procs)
    assert QUESTION in str(fake_twilio.held[0].form)  # a body, or buttons' variables
    procs.kill(worker)
    fake_twilio.release()  # dropped: Twilio never received it

    start_worker(procs, "worker-2", env)  # the platform starts it again
    wait_until(lambda: replies_with(fake_twilio, QUESTION), TAKEOVER_S, "the reply", procs)
    settled(web, fake_twilio, procs)
    assert len(replies_with(fake_twilio, QUESTION)) == 1, fake_twilio.bodies(TRADER)


def settled(web: Web, fake: FakeTwilio, procs: Processes) -> None:
    """A later message answered: nothing of the earlier one is still under way."""
    assert web.post(TRADER, "menu") == 200
    wait_until(lambda: replies_with(fake, MENU), 30, "the answer to a later message", procs)
