from datetime import UTC, datetime
from decimal import Decimal

import pytest

from domain.containers import FILLED_STAGE, Container, Stage, check_volume, container_code
from domain.errors import ContainerCancelled, ContainerClosed, ContainerFull, StageTransitionError

NOW = datetime(2026, 11, 25, tzinfo=UTC)


def test_stages_move_forward_only_in_order():
    assert [s.next for s in Stage] == [Stage.MER, Stage.PORT, Stage.LIVRE, None, None]
    assert FILLED_STAGE is Stage.COLLECTE.next
    for stage, expected in ((Stage.COLLECTE, Stage.MER), (Stage.MER, Stage.PORT)):
        assert Container("TD-2026-01", stage=stage).next_stage() is expected
    for stage in (Stage.LIVRE, Stage.ANNULE):
        with pytest.raises(StageTransitionError):
            Container("TD-2026-01", stage=stage).next_stage()


def test_a_volume_larger_than_remaining_is_refused_with_remaining():
    container = Container("TD-2026-01", capacity_l=10_000, used_l=9_000)
    container.check_fits(1_000)
    assert container.fits(1_000) and not container.fits(1_001)
    with pytest.raises(ContainerFull) as error:
        container.check_fits(1_500)
    assert error.value.remaining_l == 1_000


def test_only_collecte_accepts_orders():
    container = Container("TD-2026-01", stage=Stage.PORT)
    assert not container.fits(100)
    with pytest.raises(ContainerClosed):
        container.check_fits(100)


@pytest.mark.parametrize("bad", [0, -5])
def test_non_positive_volume_is_a_bug(bad):
    with pytest.raises(ValueError):
        Container("TD-2026-01").check_fits(bad)
    with pytest.raises(ValueError):
        check_volume(bad)


def test_fill_pct_truncates_so_almost_full_is_not_full():
    assert Container("X", capacity_l=76_000, used_l=2_500).fill_pct == Decimal("3.2")
    assert Container("X", capacity_l=76_000, used_l=75_999).fill_pct == Decimal("99.9")


@pytest.mark.parametrize(
    ("used_l", "stage", "expected"),
    [
        (37_999, Stage.COLLECTE, None),
        (38_000, Stage.COLLECTE, 50),
        (57_000, Stage.COLLECTE, 75),
        (68_400, Stage.COLLECTE, 90),
        (76_000, Stage.MER, 100),  # just filled: its traders still hear of it
        (76_000, Stage.PORT, None),
        (40_000, Stage.ANNULE, None),
    ],
)
def test_the_milestone_is_the_highest_reached_while_the_fill_matters(used_l, stage, expected):
    container = Container("TD-2026-01", capacity_l=76_000, used_l=used_l, stage=stage)
    assert container.milestone == expected


def test_container_code():
    assert container_code(2026, 7) == "TD-2026-07"
    assert container_code(2026, 123) == "TD-2026-123"


def test_only_a_collecting_container_may_be_cancelled_and_a_cancelled_one_goes_nowhere():
    Container("TD-2026-01").check_cancellable()
    for stage in (Stage.MER, Stage.PORT, Stage.LIVRE):
        with pytest.raises(ContainerClosed):
            Container("TD-2026-01", stage=stage).check_cancellable()
    with pytest.raises(ContainerCancelled):
        Container("TD-2026-01", stage=Stage.ANNULE).check_cancellable()
    assert Stage.ANNULE.next is None
