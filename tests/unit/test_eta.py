"""The arrival-date rules: the default when a container sails, and what a change may be."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.containers import Stage
from domain.errors import InvalidInput
from domain.eta import EtaChange, check_change, default_eta, parse_day, visible_eta

NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)
TODAY = date(2026, 11, 25)


def test_the_default_eta_is_the_sailing_day_plus_the_transit_days():
    assert default_eta(NOW) == date(2027, 1, 9)  # 45 days by default
    assert default_eta(NOW, 30) == date(2026, 12, 25)
    late_evening = datetime(2026, 11, 25, 23, 59, tzinfo=UTC)  # Conakry is UTC all year
    assert default_eta(late_evening, 1) == date(2026, 11, 26)
    with pytest.raises(ValueError):
        default_eta(NOW, 0)


@given(
    st.datetimes(datetime(2020, 1, 1), datetime(2040, 1, 1), timezones=st.just(UTC)),
    st.integers(1, 365),
)
def test_the_default_eta_is_always_after_the_sailing_day(sailed, days):
    assert default_eta(sailed, days) - sailed.date() == timedelta(days=days)


@pytest.mark.parametrize(
    "text",
    ["15/01/2027", "15/1/27", "15-01-2027", "15.01.2027", "2027-01-15", " 15/01/2027 "],
)
def test_dates_are_read_the_french_way_or_iso(text):
    assert parse_day(text) == date(2027, 1, 15)


@pytest.mark.parametrize("text", ["", "demain", "31/02/2027", "15/13/2027", "2027/01/15", "1501"])
def test_an_unreadable_date_is_refused_by_name(text):
    with pytest.raises(InvalidInput) as refused:
        parse_day(text)
    assert refused.value.reason == "eta_unreadable"
    assert refused.value.details["command"] == "eta"


def _refusal(stage=Stage.MER, current=date(2027, 1, 9), new=date(2027, 1, 15), reason="port"):
    with pytest.raises(InvalidInput) as refused:
        check_change(stage, current, new, reason, NOW)
    return refused.value.reason


def test_a_change_into_the_past_is_refused_and_today_is_allowed():
    assert _refusal(new=TODAY - timedelta(days=1)) == "eta_past"
    check_change(Stage.MER, date(2027, 1, 9), TODAY, "arrivé plus tôt", NOW)


def test_a_change_more_than_a_year_away_is_refused():
    assert _refusal(new=TODAY + timedelta(days=367)) == "eta_too_far"
    check_change(Stage.MER, None, TODAY + timedelta(days=366), "retard", NOW)


def test_a_change_needs_a_reason_a_living_container_and_a_new_date():
    assert _refusal(reason="   ") == "eta_no_reason"
    assert _refusal(reason="x" * 201) == "eta_reason_too_long"
    assert _refusal(stage=Stage.LIVRE) == "eta_delivered"
    assert _refusal(new=date(2027, 1, 9)) == "eta_unchanged"


def test_only_a_date_replacing_another_is_a_move():
    first = EtaChange(1, None, date(2027, 1, 9), "departure", "system", NOW)
    moved = EtaChange(1, date(2027, 1, 9), date(2027, 1, 15), "port", "admin", NOW)
    assert (first.is_move, moved.is_move) == (False, True)


def test_a_delivered_container_shows_no_arrival_date():
    eta = date(2027, 1, 9)
    shown = {stage: visible_eta(stage, eta) for stage in Stage}
    assert shown == {
        Stage.COLLECTE: eta, Stage.MER: eta, Stage.PORT: eta, Stage.LIVRE: None, Stage.ANNULE: None
    }  # fmt: skip
