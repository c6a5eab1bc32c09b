"""The fakes' HTTP server: threaded, and quiet when a client dies mid-request (the fault
suite kills processes with SIGKILL while their requests are open)."""

from __future__ import annotations

import sys
from http.server import ThreadingHTTPServer


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # broken pipe, reset: client gone
            return
        super().handle_error(request, client_address)
