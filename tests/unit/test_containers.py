from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.containers import Container, Stage, container_code, milestones_reached
from domain.errors import ContainerClosed, ContainerFull, StageTransitionError

NOW = datetime(2026, 11, 25, tzinfo=UTC)


def test_stages_move_forward_only_in_order():
    assert [s.next for s in Stage] == [Stage.MER, Stage.PORT, Stage.LIVRE, None, None]
    container = Container("TD-2026-01")
    for expected in (Stage.MER, Stage.PORT, Stage.LIVRE):
        assert container.advance(NOW) is expected
        assert container.stage_changed_at == NOW
    with pytest.raises(StageTransitionError):
        container.advance(NOW)


def test_reserve_takes_volume_and_reports_remaining():
    container = Container("TD-2026-01", capacity_l=76_000)
    assert container.reserve(2_500, NOW) is False
    assert (container.used_l, container.remaining_l) == (2_500, 73_500)
    assert container.fill_pct == Decimal("3.2")


def test_order_larger_than_remaining_is_refused_with_remaining():
    container = Container("TD-2026-01", capacity_l=10_000, used_l=9_000)
    with pytest.raises(ContainerFull) as error:
        container.reserve(1_500, NOW)
    assert error.value.remaining_l == 1_000
    assert container.used_l == 9_000


def test_filling_exactly_leaves_collecte():
    container = Container("TD-2026-01", capacity_l=10_000, used_l=9_000)
    assert container.reserve(1_000, NOW) is True
    assert container.stage is Stage.MER
    with pytest.raises(ContainerClosed):
        container.reserve(1, NOW)


def test_only_collecte_accepts_orders():
    container = Container("TD-2026-01", stage=Stage.PORT)
    with pytest.raises(ContainerClosed):
        container.reserve(100, NOW)


@pytest.mark.parametrize("bad", [0, -5])
def test_non_positive_volume_is_a_bug(bad):
    with pytest.raises(ValueError):
        Container("TD-2026-01").reserve(bad, NOW)


def test_release_cannot_go_below_zero():
    container = Container("TD-2026-01", used_l=100)
    with pytest.raises(ValueError):
        container.release(101)
    container.release(100)
    assert container.used_l == 0


def test_fill_pct_truncates_so_almost_full_is_not_full():
    assert Container("X", capacity_l=76_000, used_l=75_999).fill_pct == Decimal("99.9")


def test_milestones():
    assert milestones_reached(0, 38_000, 76_000) == [50]
    assert milestones_reached(37_999, 76_000, 76_000) == [50, 75, 90, 100]
    assert milestones_reached(38_000, 40_000, 76_000) == []
    assert milestones_reached(57_000, 57_000, 76_000) == []


def test_container_code():
    assert container_code(2026, 7) == "TD-2026-07"
    assert container_code(2026, 123) == "TD-2026-123"


operations = st.lists(
    st.one_of(
        st.tuples(st.just("reserve"), st.integers(min_value=-10, max_value=80_000)),
        st.tuples(st.just("release"), st.integers(min_value=0, max_value=50)),
    ),
    max_size=60,
)


@given(st.integers(min_value=1, max_value=100_000), operations)
def test_random_bookings_never_overfill(capacity, ops):
    """Any sequence of bookings and releases keeps used = sum of held volumes <= capacity."""
    container = Container("TD-2026-01", capacity_l=capacity)
    held: list[int] = []
    for op, value in ops:
        if op == "reserve":
            try:
                container.reserve(value, NOW)
                held.append(value)
            except (ContainerFull, ContainerClosed, ValueError):
                pass
        elif held:
            container.release(held.pop(value % len(held)))
        assert 0 <= container.used_l <= container.capacity_l
        assert container.used_l == sum(held)
        assert (container.stage is Stage.MER) == (container.stage is not Stage.COLLECTE)


def test_only_a_collecting_container_may_be_cancelled_and_a_cancelled_one_goes_nowhere():
    from domain.errors import ContainerCancelled

    Container("TD-2026-01").check_cancellable()
    for stage in (Stage.MER, Stage.PORT, Stage.LIVRE):
        with pytest.raises(ContainerClosed):
            Container("TD-2026-01", stage=stage).check_cancellable()
    with pytest.raises(ContainerCancelled):
        Container("TD-2026-01", stage=Stage.ANNULE).check_cancellable()
    assert Stage.ANNULE.next is None
