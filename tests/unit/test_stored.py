"""Entities read back from a repository have an id; the helpers that say so."""

from __future__ import annotations

import pytest

from domain.containers import Container
from domain.errors import NotFound, found


def test_a_stored_entity_gives_its_id_and_an_unsaved_one_is_a_bug():
    assert Container("TD-2026-01", id=4).stored_id == 4
    with pytest.raises(ValueError, match="Container has no id until it is stored"):
        _ = Container("TD-2026-01").stored_id


def test_found_returns_what_was_read_or_names_what_is_missing():
    container = Container("TD-2026-01", id=4)
    assert found(container, "container", 4) is container
    with pytest.raises(NotFound) as missing:
        found(None, "order", 12)
    assert (missing.value.what, missing.value.key) == ("order", 12)
