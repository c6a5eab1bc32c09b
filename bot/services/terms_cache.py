"""The current pricing terms (rate, commission, a category's tariff), kept in the process for
one version of them (issue 12: 3 of a quote's statements and one of its transactions).

Whatever commits a change of the terms (an admin's command, the defaults) bumps their
version when it commits (storage's unit of work does it). The engine reads the version
along with the chat's state, in the same Redis round trip, and hands it here for the
message (`observed`), so a change is seen by the next message in every process at no
extra cost. Outside a message (no version observed), terms are read from the database.
A version is read before the terms it covers, so cached terms are never older than their
version; an entry older than MAX_AGE_S is read again all the same (a bump lost with Redis).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from bot.services.pricing import current_terms
from domain.ports.coordination import Versions
from domain.ports.unit_of_work import UnitOfWork
from domain.pricing import Category, Terms

TERMS = "terms"
MAX_AGE_S = 300.0
NEVER_CHANGED = "-"  # no version in the store yet (a fresh or emptied Redis)


class TermsCache:
    def __init__(self, versions: Versions) -> None:
        self.key = versions.key(TERMS)
        self._message = threading.local()  # the version seen by this thread's message
        self._lock = threading.Lock()
        self._version: str | None = None
        self._terms: dict[Category, tuple[Terms, float]] = {}

    @contextmanager
    def observed(self, version: str | None) -> Iterator[None]:
        """Within this block (one message), the terms of `version` are current."""
        self._message.version = version or NEVER_CHANGED
        try:
            yield
        finally:
            self._message.version = None

    def cached(self, category: Category) -> Terms | None:
        """The terms of the version observed by this message, if held; else None."""
        version = getattr(self._message, "version", None)
        with self._lock:
            if version is None or version != self._version or category not in self._terms:
                return None
            terms, read_at = self._terms[category]
        return terms if time.monotonic() - read_at < MAX_AGE_S else None

    def keep(self, category: Category, terms: Terms) -> None:
        """Terms just read from the database, for the version this message observed."""
        version = getattr(self._message, "version", None)
        if version is None:
            return
        with self._lock:
            if version != self._version:
                self._version, self._terms = version, {}
            self._terms[category] = (terms, time.monotonic())

    def current(self, uow: UnitOfWork, category: Category) -> Terms:
        """Inside an open unit of work: the cached terms, or read (and kept)."""
        terms = self.cached(category)
        if terms is None:
            terms = current_terms(uow, category)
            self.keep(category, terms)
        return terms
