"""A local fake of Twilio's REST API on loopback: records requests, can answer errors."""

from __future__ import annotations

import base64
import json
import threading
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


@dataclass
class Recorded:
    method: str
    path: str
    form: dict[str, str]
    auth: tuple[str, str] | None


@dataclass
class FakeTwilio:
    requests: list[Recorded] = field(default_factory=list)
    scripted: deque[tuple[int, dict]] = field(default_factory=deque)

    def start(self) -> FakeTwilio:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                fake.requests.append(Recorded("POST", self.path, form, _basic(self.headers)))
                status, body = fake.scripted.popleft() if fake.scripted else (201, None)
                body = body or _message(form)
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def fail_next(self, status: int, code: int, message: str) -> None:
        self.scripted.append((status, {"code": code, "message": message, "status": status}))

    def stop(self) -> None:
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
