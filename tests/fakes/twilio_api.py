"""A local fake of Twilio's REST API on loopback: records requests, can answer errors, and can
hold the messages to one address unanswered (they never reach "Twilio": a process killed
meanwhile has sent nothing).

Messages (form-encoded) and the Content API (`POST /v1/Content`, JSON): the templates it
makes are kept, and a message sent with a ContentSid is read back as the text WhatsApp would
show (the body, then the buttons or list items in brackets).
"""

from __future__ import annotations

import base64
import json
import re
import threading
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs

from tests.fakes.server import FakeServer


@dataclass
class Recorded:
    method: str
    path: str
    form: dict[str, str]
    auth: tuple[str, str] | None
    json: dict | None = None
    client: tuple[str, int] | None = None  # the caller's address and port


@dataclass
class FakeTwilio:
    requests: list[Recorded] = field(default_factory=list)
    scripted: deque[tuple[int, dict]] = field(default_factory=deque)
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    media_failures: int = 0
    auth: tuple[str, str] | None = None  # when set, media downloads require it
    redirects: dict[str, str] = field(default_factory=dict)  # media id -> URL (Twilio's CDN)
    contents: dict[str, dict] = field(default_factory=dict)  # HX sid -> the create request
    content_failures: deque[tuple[int, dict]] = field(default_factory=deque)
    held: list[Recorded] = field(default_factory=list)
    _holds: set[str] = field(default_factory=set)
    _cond: threading.Condition = field(default_factory=threading.Condition)

    def start(self) -> FakeTwilio:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length).decode()
                if self.path.startswith("/v1/Content"):
                    request = json.loads(raw)
                    fake.requests.append(
                        Recorded("POST", self.path, {}, _basic(self.headers), request)
                    )
                    status, body = fake._content(request)
                else:
                    form = {k: v[0] for k, v in parse_qs(raw).items()}
                    recorded = Recorded(
                        "POST",
                        self.path,
                        form,
                        _basic(self.headers),
                        None,
                        self.client_address[:2],
                    )
                    if fake._held(recorded):
                        self.close_connection = True
                        return
                    fake.requests.append(recorded)
                    status, body = fake.scripted.popleft() if fake.scripted else (201, None)
                    body = body or _message(form)
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:
                fake._serve_media(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = FakeServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def add_media(self, content: bytes, mime: str = "image/png") -> str:
        media_id = f"ME{uuid.uuid4().hex}"
        self.media[media_id] = (mime, content)
        return f"{self.base_url}/media/{media_id}"

    def redirect_media(self, location: str) -> str:
        """A media URL that, like Twilio's, answers with a redirect (after checking auth)."""
        media_id = f"ME{uuid.uuid4().hex}"
        self.redirects[media_id] = location
        return f"{self.base_url}/media/{media_id}"

    def _serve_media(self, handler) -> None:
        media_id = handler.path.rsplit("/", 1)[-1]
        item = self.media.get(media_id)
        if self.auth is not None and _basic(handler.headers) != self.auth:
            status, mime, content = 401, "text/plain", b"unauthorized"
        elif media_id in self.redirects:
            handler.send_response(307)
            handler.send_header("Location", self.redirects[media_id])
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        elif self.media_failures > 0:
            self.media_failures -= 1
            status, mime, content = 500, "text/plain", b"boom"
        elif item is None:
            status, mime, content = 404, "text/plain", b"missing"
        else:
            status, (mime, content) = 200, item
        handler.send_response(status)
        handler.send_header("Content-Type", mime)
        handler.send_header("Content-Length", str(len(content)))
        handler.end_headers()
        handler.wfile.write(content)

    def _content(self, request: dict) -> tuple[int, dict]:
        if self.content_failures:
            return self.content_failures.popleft()
        sid = "HX" + uuid.uuid4().hex
        self.contents[sid] = request
        return 201, {"sid": sid, "account_sid": "AC" + "0" * 32, **request}

    def content_creates(self) -> list[dict]:
        return [r.json for r in self.requests if r.path == "/v1/Content" and r.json is not None]

    def fail_content(self, status: int, code: int, message: str) -> None:
        self.content_failures.append((status, {"code": code, "message": message, "status": status}))

    def shown(self, message: dict[str, str]) -> str:
        """What the trader reads: the Body, or the template filled with its variables."""
        if "ContentSid" not in message or message["ContentSid"] not in self.contents:
            return message.get("Body", "")
        values = json.loads(message.get("ContentVariables", "{}"))
        fill = lambda text: re.sub(r"\{\{(\d+)\}\}", lambda m: values.get(m[1], m[0]), text)  # noqa: E731
        types = self.contents[message["ContentSid"]]["types"]
        if types.get("twilio/quick-reply"):
            kind = types["twilio/quick-reply"]
            options = [fill(a["title"]) for a in kind["actions"]]
        else:
            kind = types["twilio/list-picker"]
            options = [fill(i["item"]) for i in kind["items"]]
        return f"{fill(kind['body'])}\n[{' | '.join(options)}]"

    def messages(self, to: str | None = None) -> list[dict[str, str]]:
        return [
            r.form
            for r in self.requests
            if r.path.endswith("/Messages.json") and (to is None or r.form.get("To") == to)
        ]

    def bodies(self, to: str) -> list[str]:
        return [self.shown(m) for m in self.messages(to)]

    def fail_next(self, status: int, code: int, message: str) -> None:
        self.scripted.append((status, {"code": code, "message": message, "status": status}))

    def hold(self, to: str) -> None:
        """From now on, messages to `to` wait unanswered until `release()`, then are dropped
        unrecorded; `held` lists them as they arrive."""
        with self._cond:
            self._holds.add(to)

    def release(self) -> None:
        with self._cond:
            self._holds.clear()
            self._cond.notify_all()

    def _held(self, request: Recorded) -> bool:
        to = request.form.get("To", "")
        with self._cond:
            if to not in self._holds:
                return False
            self.held.append(request)
            while to in self._holds:
                self._cond.wait(1.0)
        return True

    def stop(self) -> None:
        self.release()
        self.server.shutdown()
        self.server.server_close()


def _basic(headers) -> tuple[str, str] | None:
    value = headers.get("Authorization", "")
    if not value.startswith("Basic "):
        return None
    user, _, password = base64.b64decode(value[6:]).decode().partition(":")
    return user, password


def _message(form: dict[str, str]) -> dict:
    return {
        "sid": "SM" + uuid.uuid4().hex,
        "status": "queued",
        "to": form.get("To"),
        "from": form.get("From"),
        "body": form.get("Body"),
        "num_segments": "1",
    }
