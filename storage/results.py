"""What an INSERT, UPDATE or DELETE returns, typed.

`Session.execute` is typed as returning a plain `Result` whatever the statement; a DML
statement's result is a `CursorResult`, which knows the rows it changed and the key it made.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Result


def changed(result: Result[Any]) -> int:
    """How many rows the statement changed (-1 when the driver cannot tell)."""
    return cast("CursorResult[Any]", result).rowcount


def inserted_id(result: Result[Any]) -> int:
    """The primary key of the row a single-row INSERT made."""
    key = cast("CursorResult[Any]", result).inserted_primary_key
    assert key is not None, "not a single-row INSERT"
    return int(key[0])
