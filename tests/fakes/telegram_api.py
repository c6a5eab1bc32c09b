"""A local fake of the Telegram Bot API over HTTP on loopback, for the real PTB Application.

It serves getMe, long-polling getUpdates (offset and limit as Telegram reads them: an update
is served again until a later call confirms it with a higher offset), sendMessage, sendPhoto,
sendDocument, editMessageText, editMessageCaption, answerCallbackQuery, getFile and file
downloads; it records every call (with what it answered: sent messages have ids, and a
pushed text may reply to one of them), and can answer scripted errors (429 with retry_after,
500, slow answers), enforce a messages-per-second limit, or hold a chat's sends unanswered (the
request never reaches "Telegram": a process killed meanwhile has sent nothing).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import default as email_policy
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, unquote

from tests.fakes.server import FakeServer

SEND_METHODS = {"sendMessage", "sendPhoto", "sendDocument"}


@dataclass
class Call:
    method: str
    params: dict[str, object]
    files: dict[str, bytes]
    at: float
    result: object = None  # what the fake answered (a sent message, with its message_id)


@dataclass
class FakeTelegram:
    token: str = "123456:TEST-TOKEN"
    calls: list[Call] = field(default_factory=list)
    updates: list[dict] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    scripted: dict[str, deque] = field(default_factory=dict)
    max_sends_per_second: int | None = None
    rejected_429: int = 0
    held: list[Call] = field(default_factory=list)
    _holds: set[tuple[str, str]] = field(default_factory=set)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _cond: threading.Condition = field(default_factory=threading.Condition)

    # Server
    def start(self) -> FakeTelegram:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                fake._handle_api(self)

            def do_GET(self) -> None:
                fake._handle_get(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = FakeServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.release()
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    # What the tests push in
    def _push(self, body: dict) -> None:
        with self._cond:
            body["update_id"] = next(self._ids)
            self.updates.append(body)
            self._cond.notify_all()

    def _message(self, chat_id: int, user_id: int, **fields) -> dict:
        chat_type = "private" if chat_id > 0 else "group"
        return {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type, "title": "Admins"},
            "from": {"id": user_id, "is_bot": False, "first_name": "User"},
            **fields,
        }

    def text(
        self, chat_id: int, text: str, user_id: int | None = None, reply_to: int | None = None
    ) -> None:
        """`reply_to`: the id of a message of this chat the text replies to (a Telegram reply)."""
        fields: dict[str, object] = {"text": text}
        if reply_to is not None:
            fields["reply_to_message"] = self._message(chat_id, 42, text="…") | {
                "message_id": reply_to
            }
        self._push({"message": self._message(chat_id, user_id or chat_id, **fields)})

    def contact(self, chat_id: int, phone: str, owner: int | None = None) -> None:
        contact = {"phone_number": phone, "first_name": "X", "user_id": owner or chat_id}
        self._push({"message": self._message(chat_id, chat_id, contact=contact)})

    def photo(self, chat_id: int, content: bytes, caption: str = "", size: int | None = None):
        file_id = f"file{next(self._ids)}"
        self.files[file_id] = content
        photo = [
            {
                "file_id": file_id,
                "file_unique_id": file_id,
                "width": 100,
                "height": 100,
                "file_size": size if size is not None else len(content),
            }
        ]
        self._push({"message": self._message(chat_id, chat_id, photo=photo, caption=caption)})

    def document(self, chat_id: int, content: bytes, mime: str, name: str = "x.bin") -> None:
        file_id = f"file{next(self._ids)}"
        self.files[file_id] = content
        doc = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": name,
            "mime_type": mime,
            "file_size": len(content),
        }
        self._push({"message": self._message(chat_id, chat_id, document=doc)})

    def press(
        self, chat_id: int, data: str, user_id: int | None = None, message: dict | None = None
    ) -> None:
        message = message or self._message(chat_id, 1, text="…")
        self._push(
            {
                "callback_query": {
                    "id": f"cq{next(self._ids)}",
                    "chat_instance": "ci",
                    "data": data,
                    "from": {"id": user_id or chat_id, "is_bot": False, "first_name": "User"},
                    "message": message,
                }
            }
        )

    def fail(
        self,
        method: str,
        status: int,
        description: str,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        body = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        self.scripted.setdefault(method, deque()).extend([(status, body)] * times)

    def slow(self, method: str, seconds: float, times: int = 1) -> None:
        self.scripted.setdefault(method, deque()).extend([("sleep", seconds)] * times)

    def hold(self, method: str, chat_id: int) -> None:
        """From now on, `method` calls to `chat_id` wait unanswered until `release()`, then
        are dropped unrecorded; `held` lists them as they arrive."""
        with self._cond:
            self._holds.add((method, str(chat_id)))

    def release(self) -> None:
        with self._cond:
            self._holds.clear()
            self._cond.notify_all()

    def _held(self, method: str, params: dict, files: dict) -> bool:
        key = (method, str(params.get("chat_id")))
        with self._cond:
            if key not in self._holds:
                return False
            self.held.append(Call(method, params, files, time.time()))
            while key in self._holds:
                self._cond.wait(1.0)
        return True

    # What the bot sent
    def sent(self, chat_id: int | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method in SEND_METHODS
            and (chat_id is None or str(c.params.get("chat_id")) == str(chat_id))
        ]

    def texts(self, chat_id: int | None = None) -> list[str]:
        out = []
        for call in self.sent(chat_id):
            out.append(str(call.params.get("text") or call.params.get("caption") or ""))
        return out

    def edits(self) -> list[Call]:
        return [c for c in self.calls if c.method.startswith("editMessage")]

    def wait_for(self, predicate, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.02)
        raise AssertionError("the bot did not do what was expected in time")

    # HTTP handling
    def _params(self, handler: BaseHTTPRequestHandler) -> tuple[dict, dict]:
        length = int(handler.headers.get("Content-Length", 0))
        raw = handler.rfile.read(length)
        ctype = handler.headers.get("Content-Type", "")
        params, files = {}, {}
        if ctype.startswith("multipart/form-data"):
            message = BytesParser(policy=email_policy).parsebytes(
                f"Content-Type: {ctype}\r\n\r\n".encode() + raw
            )
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True) or b""
                if part.get_filename():
                    files[name] = payload
                else:
                    params[name] = payload.decode()
        elif ctype.startswith("application/json"):
            params = json.loads(raw or b"{}")
        else:
            params = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
        return params, files

    def _reply(self, handler, status: int, body: object) -> None:
        payload = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)

    def _handle_get(self, handler) -> None:
        prefix = f"/file/bot{self.token}/"
        path = unquote(handler.path)
        content = self.files.get(path.removeprefix(prefix))
        if not path.startswith(prefix) or content is None:
            handler.send_response(404)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(content)))
        handler.end_headers()
        handler.wfile.write(content)

    def _handle_api(self, handler) -> None:
        prefix = f"/bot{self.token}/"
        path = unquote(handler.path)
        if not path.startswith(prefix):
            self._reply(
                handler, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            )
            return
        method = path.removeprefix(prefix)
        params, files = self._params(handler)
        if self._held(method, params, files):
            handler.close_connection = True
            return
        scripted = self.scripted.get(method)
        if scripted:
            kind, value = scripted.popleft()
            if kind == "sleep":
                time.sleep(value)
            else:
                self.calls.append(Call(f"!{method}", params, files, time.time()))
                self._reply(handler, kind, value)
                return
        if method in SEND_METHODS and self._over_limit():
            self.rejected_429 += 1
            self._reply(
                handler,
                429,
                {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests: retry after 1",
                    "parameters": {"retry_after": 1},
                },
            )
            return
        result = self._result(method, params, files)
        if method != "getUpdates":
            self.calls.append(Call(method, params, files, time.time(), result))
        self._reply(handler, 200, {"ok": True, "result": result})

    def _over_limit(self) -> bool:
        if self.max_sends_per_second is None:
            return False
        now = time.time()
        recent = [c for c in self.calls if c.method in SEND_METHODS and now - c.at < 1.0]
        return len(recent) >= self.max_sends_per_second

    def _result(self, method: str, params: dict, files: dict) -> object:
        if method == "getMe":
            return {
                "id": 42,
                "is_bot": True,
                "first_name": "Tontine",
                "username": "TontineBot",
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        if method == "getUpdates":
            return self._updates(params)
        if method == "getFile":
            file_id = str(params.get("file_id"))
            return {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_size": len(self.files.get(file_id, b"")),
                "file_path": file_id,
            }
        if method in SEND_METHODS or method.startswith("editMessage"):
            chat_id = int(str(params.get("chat_id", 1)))
            message = self._message(chat_id, 42)
            if method == "sendPhoto":
                message["photo"] = [
                    {"file_id": "sent", "file_unique_id": "s", "width": 1, "height": 1}
                ]
                message["caption"] = params.get("caption", "")
            else:
                message["text"] = params.get("text", params.get("caption", ""))
            return message
        return True

    def _updates(self, params: dict) -> list[dict]:
        """Like Telegram: an offset confirms (forgets) every update below it; a negative
        offset keeps only the last -offset updates; without one, the earliest unconfirmed
        update comes first. At most `limit` (default 100) updates per answer."""
        offset = int(str(params.get("offset", 0) or 0))
        limit = int(str(params.get("limit", 100) or 100))
        timeout = min(float(str(params.get("timeout", 0) or 0)), 1.0)
        with self._cond:
            if offset < 0:
                self.updates = self.updates[offset:]
            elif offset:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
            if not self.updates and timeout:
                self._cond.wait(timeout)
            return list(self.updates[:limit])
