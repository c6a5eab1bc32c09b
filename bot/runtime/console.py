"""The local channel: chat with the bot in a terminal, as a trader or as the admin chat.

Choices are shown numbered (type the number or the label); `/photo PATH [reference]` sends an
image, `/fichier PATH [caption]` any file (`/fichier samples/fournisseurs.csv /fournisseur
importer` in the admin chat), `/contact PHONE` shares a contact, `/quit` leaves. A document
(the admin's CSV export) is written to a file whose path is printed. With `--admin` the
terminal is an admin chat of its own: the admin identifies with a phone in ADMIN_PHONES and
an SMS code (shown in the log), and the admin notifications (new proofs, alerts) are printed
there.
"""

from __future__ import annotations

import getpass
import logging
import shlex
import sys
import uuid
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from bot.admin.desk import AdminDesk
from bot.delivery.notify import LogSender
from bot.engine.events import Inbound, Reply
from bot.flows.engine import Engine, choices_text
from bot.runtime.engines import build_desk, build_engine
from bot.runtime.infrastructure import Services
from bot.runtime.senders import build_dispatcher
from bot.text.messages import t

log = logging.getLogger(__name__)
CHANNEL = "console"


EXPORT_DIR = Path("exports")
ADMIN_CHAT = "console"


def render(reply: Reply) -> str:
    parts = [reply.text]
    if reply.document is not None:
        parts.append(t("console.saved", reply.lang, path=save_document(*reply.document)))
    if reply.photo is not None:
        parts.append(t("console.image", reply.lang, size=len(reply.photo)))
    if reply.choices:
        parts.append(choices_text(reply.choices))
    if reply.request_contact:
        parts.append(t("console.share_hint", reply.lang, label=reply.request_contact))
    return "\n".join(parts)


def save_document(name: str, content: bytes) -> Path:
    EXPORT_DIR.mkdir(exist_ok=True)
    path = EXPORT_DIR / Path(name).name  # never outside the folder, whatever the name says
    path.write_bytes(content)
    return path.resolve()


def to_event(line: str, user_ref: str, chat_ref: str = "") -> Inbound | None:
    """A typed line as an inbound event; None for a console command that failed."""
    event = _event(line, user_ref)
    return replace(event, chat_ref=chat_ref or user_ref) if event else None


def _event(line: str, user_ref: str) -> Inbound | None:
    message_id = uuid.uuid4().hex
    if line.startswith(("/photo", "/fichier")):  # any file: a photo, a CSV to import
        args = shlex.split(line)[1:]
        if not args:
            return None
        path = Path(args[0]).expanduser()
        if not path.is_file():
            return None
        caption = " ".join(args[1:])
        return Inbound(CHANNEL, user_ref, message_id, text=caption, image=path.read_bytes())
    if line.startswith("/contact"):
        phone = line.removeprefix("/contact").strip()
        return Inbound(CHANNEL, user_ref, message_id, contact_phone=phone, can_share_contact=True)
    return Inbound(CHANNEL, user_ref, message_id, text=line, can_share_contact=True)


def converse(
    engine: Engine | AdminDesk, user_ref: str, stdin: TextIO, stdout: TextIO, chat_ref: str = ""
) -> int:
    print(t("console.welcome"), file=stdout)
    print(file=stdout, flush=True)
    for raw in stdin:
        line = raw.rstrip("\n")
        if line.strip() == "/quit":
            break
        event = to_event(line, user_ref, chat_ref)
        if event is None:
            print(t("console.no_file"), file=stdout)
            continue
        try:
            replies = engine.handle(event)
        except Exception:  # the channel's one top-level handler: log it, apologise
            log.exception("unhandled error for %s", user_ref)
            replies = [Reply(t("error"))]
        for reply in replies:
            print(render(reply), file=stdout)
            print(file=stdout)
        stdout.flush()
    return 0


class PrintSender:
    """The admin chat's notifications, printed in the admin's terminal."""

    def __init__(self, stdout: TextIO) -> None:
        self.stdout = stdout

    def send(self, user_ref: str, reply: Reply) -> None:
        hint = f"\n{t('console.push_hint', reply.lang)}" if reply.choices else ""
        print(f"\n📨 {reply.text}{hint}\n", file=self.stdout, flush=True)


def run_console(services: Services, *, admin: bool = False) -> int:
    """One terminal, one chat. The trader console delivers the console traders' messages;
    the admin console delivers only the admin chat's, so two terminals on one database
    (a trader and an admin) each print what is theirs."""
    user = getpass.getuser()
    if admin:
        services.channels.admin = (PrintSender(sys.stdout), ADMIN_CHAT)
        build_dispatcher(services).start()
        desk = build_desk(services, admin_chat=ADMIN_CHAT)
        return converse(desk, f"admin-{user}", sys.stdin, sys.stdout, chat_ref=ADMIN_CHAT)
    # Pushes to console traders (proof decisions, announcements) show in the log here.
    services.channels.senders[CHANNEL] = LogSender("console")
    build_dispatcher(services).start()
    return converse(build_engine(services), f"local-{user}", sys.stdin, sys.stdout)
