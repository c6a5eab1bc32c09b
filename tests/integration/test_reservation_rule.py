"""The reservation rule is the domain's (`Container.check_fits`, `FILLED_STAGE`) and the SQL
repository is its only enforcement: random reservations, releases and stage moves through
SqlContainerRepository end with the used space, the stage and the refusals the rule says,
on SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.containers import FILLED_STAGE, Container, Stage
from domain.errors import ContainerClosed, ContainerFull, StageTransitionError
from storage.db import make_engine, make_session_factory
from storage.uow import SqlUnitOfWork
from tests.conftest import NOW

RULE_ERRORS = (ContainerFull, ContainerClosed, StageTransitionError, ValueError)

operations = st.lists(
    st.one_of(
        st.tuples(st.just("reserve"), st.integers(min_value=-2, max_value=60)),
        st.tuples(st.just("release"), st.integers(min_value=0, max_value=50)),
        st.tuples(st.just("advance"), st.just(0)),
    ),
    max_size=25,
)


def expected_reserve(model: Container, volume_l: int) -> bool:
    """What the rule says a reservation does, written with the domain's own pieces."""
    model.check_fits(volume_l)
    model.used_l += volume_l
    if model.used_l == model.capacity_l:
        model.stage = FILLED_STAGE
        return True
    return False


def outcome(action):
    try:
        return action()
    except RULE_ERRORS as error:
        return type(error)


@pytest.fixture
def uow_factory(db_url):
    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    yield lambda: SqlUnitOfWork(factory)
    engine.dispose()


def in_sql(uow_factory, code: str, change):
    with uow_factory() as uow:
        container = uow.containers.by_code(code)
        result = outcome(lambda: change(uow.containers, container))
        uow.commit()
        return result, container.used_l, container.stage


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(capacity=st.integers(min_value=1, max_value=100), ops=operations)
def test_the_repository_enforces_exactly_the_domain_rule(uow_factory, capacity, ops):
    code = f"TD-{uuid.uuid4().hex[:8].upper()}"
    with uow_factory() as uow:
        uow.containers.add(Container(code, capacity, opened_at=NOW, stage_changed_at=NOW))
        uow.commit()
    model = Container(code, capacity_l=capacity)
    held: list[int] = []
    for op, value in ops:
        if op == "reserve":
            expected = outcome(lambda: expected_reserve(model, value))  # noqa: B023
            got = in_sql(uow_factory, code, lambda repo, c: repo.reserve(c, value, NOW))  # noqa: B023
            if expected is True or expected is False:
                held.append(value)
        elif op == "release" and held:
            volume = held.pop(value % len(held))
            model.used_l -= volume
            expected = None
            got = in_sql(uow_factory, code, lambda repo, c: repo.release(c, volume))  # noqa: B023
        elif op == "advance":
            expected = outcome(model.next_stage)
            if isinstance(expected, Stage):
                model.stage = expected
            got = in_sql(uow_factory, code, lambda repo, c: repo.advance(c, NOW))
        else:
            continue
        assert got == (expected, model.used_l, model.stage)
        assert model.used_l == sum(held) <= capacity
