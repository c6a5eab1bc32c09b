"""Every key the code can ask for exists in French and English (issue 13).

Keys are never built at run time (no f"proof.{reason}"): those chosen at run time are
written out in bot.text.keys. So the set of keys the code can build is: the literals it
passes to the catalogue, the key-shaped literals anywhere in it (kept in a variable, raised
as an InvalidInput reason, chosen by a condition), and the values of bot.text.keys.
"""

from __future__ import annotations

import ast
import re
import string
from enum import Enum
from pathlib import Path

import pytest

from bot.text import keys
from bot.text.catalogue.admin import ADMIN
from bot.text.catalogue.counts import COUNTS
from bot.text.catalogue.trader import TRADER
from bot.text.messages import MESSAGES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    path
    for folder in ("bot", "webhooks")
    for path in (ROOT / folder).rglob("*.py")
    if "catalogue" not in path.parts
)
# The calls whose argument is a catalogue key: (name, position of the key).
KEY_CALLS = {"t": 0, "reply": 0, "choice_of": 1, "button": 1, "Message": 0, "Text": 0}
KEY_SHAPE = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
NAMESPACES = {key.split(".")[0] for key in MESSAGES if "." in key}


def _trees():
    for path in SOURCES:
        yield path, ast.parse(path.read_text(), str(path))


def _key_arguments():
    for path, tree in _trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            position = KEY_CALLS.get(name or "")
            if position is not None and len(node.args) > position:
                yield path, node.lineno, node.args[position]


def _literals(node: ast.AST):
    """The string literals an expression can evaluate to (a literal, or either side of a
    conditional)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)


def test_no_key_is_built_at_run_time():
    built = [
        f"{path.relative_to(ROOT)}:{line}"
        for path, line, arg in _key_arguments()
        if isinstance(arg, ast.JoinedStr | ast.BinOp)
        or (isinstance(arg, ast.Call) and getattr(arg.func, "attr", "") == "format")
    ]
    assert built == [], "write these keys out in bot.text.keys"


def test_every_key_passed_to_the_catalogue_exists():
    missing = [
        f"{path.relative_to(ROOT)}:{line}: {key}"
        for path, line, arg in _key_arguments()
        for key in _literals(arg)
        if key not in MESSAGES
    ]
    assert missing == []


def _key_shaped(value: str) -> bool:
    return bool(KEY_SHAPE.match(value)) and value.split(".")[0] in NAMESPACES


def test_every_key_shaped_literal_exists():
    """A key kept in a variable, raised as a reason or returned by a helper."""
    missing = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            value = node.value
            if _key_shaped(value) and value not in MESSAGES:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {value}")
    assert missing == []


def _mappings():
    return {
        name: value
        for name, value in vars(keys).items()
        if name.isupper() and isinstance(value, dict)
    }


def test_every_key_chosen_at_run_time_exists():
    missing = [
        f"{name}[{choice!r}] = {key}"
        for name, mapping in _mappings().items()
        for choice, key in mapping.items()
        if key not in MESSAGES
    ]
    assert missing == []


@pytest.mark.parametrize(
    "mapping",
    [keys.CATEGORY, keys.STAGE, keys.PROGRESS, keys.SUPPLIER_CATEGORY, keys.PROOF_KIND,
     keys.LEDGER_KIND, keys.RECEIPT_KIND, keys.RECEIPT_EFFECT],
)  # fmt: skip
def test_every_member_of_an_enum_has_its_name(mapping):
    (enum,) = {type(member) for member in mapping}
    assert issubclass(enum, Enum)
    assert set(mapping) == set(enum)


def _fields(template: str) -> dict[str, str]:
    return {
        name: spec for _, name, spec, _ in string.Formatter().parse(template) if name is not None
    }


def test_every_entry_has_french_and_english_with_the_same_values():
    assert not set(TRADER) & set(ADMIN), "a key is in both catalogues"
    for key, entry in MESSAGES.items():
        french, english = entry
        assert french.strip() and english.strip(), key
        assert _fields(french) == _fields(english), key


def test_every_counted_noun_exists():
    used = {
        spec for entry in MESSAGES.values() for text in entry for spec in _fields(text).values()
    }
    assert used - {""} <= set(COUNTS)


# InvalidInput reasons told by a sentence of their own where they are caught, or that are
# guards no user input reaches (the flows check first).
REASONS_TOLD_ELSEWHERE = {
    "bad_name": "registration: reg.bad_name",
    "cancel_reason": "admin cancellation: its usage line",
    "cancel_proof_pending": "admin cancellation: admin.cancel_proof_pending",
    "csv_line": "supplier import: admin.supplier_csv_line",
    "negative_amount": "a guard of domain.receipts",
    "price_negative": "a guard of the order use case (the quote flow refuses first)",
    "volume_not_positive": "a guard of the order use case (the quote flow refuses first)",
}


def test_every_refusal_reason_has_its_sentence():
    """An InvalidInput reason raised anywhere is a key, or one of the written-out reasons
    (bot.text.keys), or told where it is caught."""
    known = set(MESSAGES) | set(REASONS_TOLD_ELSEWHERE)
    for mapping in _mappings().values():
        known |= {choice for choice in mapping if isinstance(choice, str)}
    untold = []
    for path in [*sorted((ROOT / "domain").rglob("*.py")), *SOURCES]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "InvalidInput":
                untold += [
                    f"{path.relative_to(ROOT)}:{node.lineno}: {reason}"
                    for reason in _literals(node.args[0])
                    if reason not in known
                ]
    assert untold == []
