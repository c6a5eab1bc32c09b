"""The fakes' HTTP server: threaded, quick to answer, and quiet when a client dies
mid-request (the fault suite kills processes with SIGKILL while their requests are open)."""

from __future__ import annotations

import socket
import sys
from http.server import ThreadingHTTPServer


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True

    def serve_forever(self, poll_interval: float = 0.05) -> None:
        """shutdown() returns within 50 ms (the default polls twice a second: half a second
        of every test's teardown)."""
        super().serve_forever(poll_interval)

    def get_request(self) -> tuple[socket.socket, object]:
        """No Nagle: an answer's headers and body leave at once, instead of the body waiting
        for the client's delayed ACK (40 ms a request on a kept-alive connection)."""
        connection, address = super().get_request()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection, address

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # broken pipe, reset: client gone
            return
        super().handle_error(request, client_address)
