"""The one renderer: typed values written in the recipient's language, counted nouns, and
outbox payloads readable whichever version queued them (issue 13)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from bot.delivery.dispatch import render as render_row
from bot.text import formatting as fmt
from bot.text.catalogue.counts import COUNTS
from bot.text.messages import plural, render, t
from bot.text.payload import from_payload, to_payload
from bot.text.values import (
    Day,
    Fill,
    Lines,
    Message,
    Moment,
    Money,
    Percent,
    Rate,
    Text,
    Volume,
    Yuan,
)

NBSP = "\u00a0"


def no_uow():
    raise AssertionError("a plain message needs no database")


@pytest.mark.parametrize(
    ("n", "french", "english"),
    [
        (0, "0 commande", "0 orders"),
        (1, "1 commande", "1 order"),
        (2, "2 commandes", "2 orders"),
        (21, "21 commandes", "21 orders"),
    ],
)
def test_plural_of_orders(n, french, english):
    assert plural(n, "order", "fr") == french
    assert plural(n, "order", "en") == english


def test_every_counted_noun_has_both_forms_in_both_languages():
    for noun, forms in COUNTS.items():
        for one, many in forms:
            assert "{n}" in one and "{n}" in many, noun


def test_a_sentence_counts_with_its_noun():
    assert t("admin.export", "fr", count=1) == "📄 1 commande exportée."
    assert t("admin.export", "fr", count=3) == "📄 3 commandes exportées."
    assert t("admin.export", "en", count=1) == "📄 1 order exported."
    assert t("orders.more", "fr", count=1) == "… et 1 commande plus ancienne."
    assert t("orders.more", "en", count=4) == "… and 4 older orders."
    assert t("reg.wrong_code", "fr", left=1) == "Code incorrect. Il vous reste 1 essai."
    assert t("reg.wrong_code", "en", left=2) == "Wrong code. You have 2 attempts left."


def test_typed_values_are_written_in_the_recipients_language():
    values = {
        Money(28_125_000): ("28 125 000 GNF", "28,125,000 GNF"),
        Volume(2500): ("2,5 CBM", "2.5 CBM"),
        Yuan(125_050): ("1 250,5 ¥", "1,250.5 ¥"),
        Percent(Decimal("62.5")): ("62,5 %", "62.5 %"),
        Day(date(2027, 1, 15)): ("15 janvier 2027", "15 January 2027"),
        Text("stage.mer"): ("en mer", "at sea"),
    }
    for value, (french, english) in values.items():
        shown = t("flow.back_to_question", "fr", question=value).replace(NBSP, " ")
        assert shown == f"↩️ Reprenons : {french}"
        shown = t("flow.back_to_question", "en", question=value).replace(NBSP, " ")
        assert shown == f"↩️ Back to it: {english}"
    assert t("money.amount", "fr", amount=Rate(Decimal("1250.5"))) == t(
        "money.amount", "fr", amount=fmt.rate(Decimal("1250.5"))
    )


def test_a_message_of_lines():
    lines = Lines((Message("eta.digest_title"), Message("stage.mer")))
    assert t("flow.back_to_question", "en", question=lines).endswith(
        "Arrival dates moved (24 h):\nat sea"
    )
    assert t("flow.back_to_question", "fr", question=Lines(())) == "↩️ Reprenons : —"


def test_payload_round_trip():
    values = {
        "number": "TD-2026-00001",
        "count": 3,
        "total": Money(150_000),
        "volume": Volume(2500),
        "price": Yuan(125),
        "rate": Rate(Decimal("1250.1234")),
        "pct": Percent(Decimal("62.5")),
        "bar": Fill(Decimal("62.5")),
        "deadline": Moment(datetime(2027, 1, 15, 10, tzinfo=UTC)),
        "eta": Day(date(2027, 1, 15)),
        "stage": Text("stage.mer"),
        "one": Message("eta.digest_line", {"code": "C1", "new": Day(date(2027, 1, 15))}),
        "lines": Lines((Message("eta.digest_title"),)),
    }
    assert from_payload(to_payload(values)) == values


def test_rows_queued_by_the_previous_version_render_the_same():
    """Payloads exactly as the version before the typed values wrote them (markers, and the
    digest's pre-rendered French lines)."""
    reminder = {
        "number": "TD-2026-00007",
        "total": {"gnf": 1_500_000},
        "momo": "+224 620 00 00 00",
        "deadline": {"when": "2027-01-15T10:00:00+00:00"},
    }
    expected = t(
        "notify.payment_reminder",
        "en",
        number="TD-2026-00007",
        total=fmt.gnf(1_500_000, "en"),
        momo="+224 620 00 00 00",
        deadline=fmt.when(datetime(2027, 1, 15, 10, tzinfo=UTC), "en"),
    )
    row = {"template": "notify.payment_reminder", "lang": "en", "payload": reminder}
    assert render_row(row, no_uow).text == expected  # type: ignore[union-attr]
    stage = {"code": "C-2027-01", "stage": {"t": "stage.mer"}}
    row = {"template": "notify.stage", "lang": "fr", "payload": stage}
    assert "en mer" in render_row(row, no_uow).text  # type: ignore[union-attr]
    digest = {
        "undelivered": 0,
        "date": "15/01/2027",
        "containers": "C-2027-01 : ▓▓▓▓▓▓░░░░ 62 % — reste 28,5 CBM",
        "orders_waiting": 2,
        "proofs_waiting": 1,
        "billed": {"gnf": 3_000_000},
        "margin": {"gnf": 300_000},
        "count": 1,
    }
    text = render_row({"template": "admin.digest", "lang": "fr", "payload": digest}, no_uow).text  # type: ignore[union-attr]
    assert "C-2027-01 : ▓▓▓▓▓▓░░░░ 62 % — reste 28,5 CBM" in text
    assert "Hier : 1 commande, facturé 3 000 000" in text.replace(NBSP, " ")


def test_an_unknown_marker_is_shown_as_it_was_stored():
    assert from_payload({"x": {"unknown": 1}}) == {"x": {"unknown": 1}}


def test_render_is_t_for_a_message():
    message = Message("notify.expired", {"number": "TD-1", "volume": Volume(1000)})
    assert render(message, "en") == t("notify.expired", "en", number="TD-1", volume="1.0\u00a0CBM")
