"""Our Twilio requests against Twilio's published OpenAPI contracts (the Messages API and the
Content API), served by Prism, which answers 422 to any request that breaks them (then the
twilio client raises). One Prism serves both (issue 13: each start costs 1.5-2.5 s of CPU)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.engine.events import Choice, Reply
from storage.kv import RedisRecentContacts, make_redis
from webhooks.twilio_rest import TwilioSms, make_client
from webhooks.whatsapp_interactive import SHAPES, TwilioContentTemplates
from webhooks.whatsapp_sender import WhatsAppSender

SPECS = Path(__file__).resolve().parents[3] / "shared" / "twilio-openapi"
SPEC = SPECS / "twilio_api_v2010.json"
CONTENT_SPEC = SPECS / "twilio_content_v1.json"
PRISM = os.environ.get("PRISM_BIN")
SID = "AC" + "3" * 32

pytestmark = pytest.mark.skipif(
    not PRISM or not SPEC.exists(), reason="prism or the Twilio spec is missing (scripts/test)"
)


def _prism(spec: Path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [PRISM, "mock", "-h", "127.0.0.1", "-p", str(port), str(spec)],  # type: ignore[list-item]
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("prism did not start")
    yield url
    process.terminate()
    process.wait(10)


def both_specs(folder: Path) -> Path:
    """The Messages API and the Content API as one document: no path nor schema in common,
    the one security scheme the same in both, each Content path with its own server."""
    api = json.loads(SPEC.read_text(encoding="utf-8"))
    content = json.loads(CONTENT_SPEC.read_text(encoding="utf-8"))
    assert not set(api["paths"]) & set(content["paths"])
    api["paths"].update(content["paths"])
    for kind, items in content["components"].items():
        ours = api["components"].setdefault(kind, {})
        assert all(ours.get(name, item) == item for name, item in items.items()), kind
        ours.update(items)
    path = folder / "twilio.json"
    path.write_text(json.dumps(api), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def prism_url(tmp_path_factory):
    yield from _prism(both_specs(tmp_path_factory.mktemp("prism")))


def client(url: str):
    return make_client(SID, "contract-token", url)


def test_otp_sms_request_matches_the_contract(prism_url):
    TwilioSms(client(prism_url), "+15005550006").send("+224620123456", "Tontine Digitale: 123456")


def test_whatsapp_requests_match_the_contract(prism_url):
    recent = RedisRecentContacts(make_redis(None), prefix="contract")
    sent = []
    sender = WhatsAppSender(
        client(prism_url),
        "whatsapp:+14155238886",
        recent,
        template_sid="HX" + "4" * 32,
        status_callback="https://wa.example.org/webhooks/whatsapp/status",
        on_sent=lambda sid, to, status: sent.append(sid),
    )
    to = "whatsapp:+224620123456"
    sender.reply(to, Reply("Quelle catégorie ?", (Choice("a", "TEXTILE"), Choice("b", "DIVERS"))))
    sender.send(to, Reply("Hors fenêtre : le modèle est utilisé"))  # not recent: template
    assert len(sent) == 2 and all(sent)


def test_a_request_that_breaks_the_contract_is_refused(prism_url):
    """Prism does validate: a Messages request without its required To gets 422."""
    response = client(prism_url).request(
        "POST", f"{prism_url}/2010-04-01/Accounts/{SID}/Messages.json", data={"Body": "x"}
    )
    assert response.status_code == 422


class MemoryContentTemplates:
    def __init__(self, kept: dict[str, str] | None = None) -> None:
        self.kept = dict(kept or {})

    def get(self, key: str) -> str | None:
        return self.kept.get(key)

    def add(self, key: str, sid: str, now) -> str:
        return self.kept.setdefault(key, sid)


class MemoryUow:
    """Just the SIDs' repository: the contract is about the requests, not the database."""

    def __init__(self, templates: MemoryContentTemplates) -> None:
        self.content_templates = templates

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        pass

    def commit(self) -> None:
        pass


def templates_on(url: str, kept: dict[str, str] | None = None) -> TwilioContentTemplates:
    uow = MemoryUow(MemoryContentTemplates(kept))
    return TwilioContentTemplates(client(url), lambda: uow, lambda: datetime.now(UTC))


def test_content_template_creations_match_the_contract(prism_url):
    templates = templates_on(prism_url)
    assert templates.ensure_all() == [shape.key for shape in SHAPES]  # none refused
    kept = templates.uow_factory().content_templates.kept
    assert len(kept) == len(SHAPES) and all(sid.startswith("HX") for sid in kept.values())


def test_a_content_request_that_breaks_the_contract_is_refused(prism_url):
    """Prism does validate the Content API's JSON: a template without its types gets 422."""
    response = client(prism_url).request(
        "POST",
        f"{prism_url}/v1/Content",
        data='{"friendly_name": "x", "language": "fr"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422


def test_messages_with_buttons_match_the_contract(prism_url, caplog):
    """A quick reply and a list picker, sent with ContentSid + ContentVariables (a refusal
    would be logged and the numbered text sent instead)."""
    kept = {shape.key: "HX" + "5" * 32 for shape in SHAPES}
    recent = RedisRecentContacts(make_redis(None), prefix="contract-buttons")
    sent: list[str] = []
    sender = WhatsAppSender(
        client(prism_url),
        "whatsapp:+14155238886",
        recent,
        status_callback="https://wa.example.org/webhooks/whatsapp/status",
        on_sent=lambda sid, to, status: sent.append(sid),
        interactive=templates_on(prism_url, kept),
    )
    to = "whatsapp:+224620123456"
    yes_no = (Choice("yes", "Oui"), Choice("no", "Non"))
    menu = tuple(Choice(f"menu:{n}", f"Choix numéro {n} assez long") for n in range(7))
    sender.reply(to, Reply("Votre numéro est-il le +224 620 12 34 56 ?", yes_no))
    sender.reply(to, Reply("Que voulez-vous faire ?", menu))
    assert len(sent) == 2 and all(sent)
    assert "refused" not in caplog.text
