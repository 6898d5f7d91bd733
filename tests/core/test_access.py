"""The owner's access policy, applied in SQL, must agree with the rule for every combination."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import String, delete, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ncbnet.core.access import (
    RecordEnvelope,
    Visibility,
    decode_countries,
    policy_allows,
    visible_to,
)
from ncbnet.core.db import Database
from ncbnet.core.errors import Invalid
from ncbnet.core.permissions import Caller, Role


class _SpecimenBase(DeclarativeBase):
    pass


class Specimen(RecordEnvelope, _SpecimenBase):
    """A record type that exists only for this test, carrying the shared envelope."""

    __tablename__ = "test_specimens"
    label: Mapped[str] = mapped_column(String(20), default="")


BUREAUS = ["FR", "MA", "DE", "US", "BR", "AFRIPOL", "GS"]
PARTNERS = {"AFRIPOL"}
countries = st.lists(st.sampled_from(BUREAUS[:-1]), min_size=1, max_size=4, unique=True)
records = st.lists(
    st.tuples(st.sampled_from(BUREAUS), st.sampled_from(list(Visibility)), countries),
    min_size=1,
    max_size=25,
)


@pytest.fixture
def specimen_db(db: Database) -> Iterator[Database]:
    _SpecimenBase.metadata.create_all(db.engine)
    yield db
    _SpecimenBase.metadata.drop_all(db.engine)


def _reference(row: tuple[str, Visibility, list[str]], bureau: str) -> bool:
    owner, visibility, listed = row
    if bureau == "GS" or owner == bureau:
        return True
    if bureau in PARTNERS:
        return visibility is Visibility.ONLY and bureau in listed
    if visibility is Visibility.ALL:
        return True
    return (bureau in listed) == (visibility is Visibility.ONLY)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=records, bureau=st.sampled_from(BUREAUS))
def test_sql_filter_matches_the_rule(
    specimen_db: Database, rows: list[tuple[str, Visibility, list[str]]], bureau: str
) -> None:
    # The fixture's table is emptied per example; the database itself is per test.
    with specimen_db.write() as session:
        session.execute(delete(Specimen))
        for index, (owner, visibility, listed) in enumerate(rows):
            record = Specimen(owner=owner, created_by="t", label=str(index))
            record.set_policy(visibility, listed)
            session.add(record)
    caller = Caller(
        bureau=bureau, role=Role.OFFICER, is_gs=bureau == "GS", is_partner=bureau in PARTNERS
    )
    with specimen_db.read() as session:
        seen = set(
            session.execute(select(Specimen.label).where(visible_to(Specimen, caller))).scalars()
        )
        stored = list(session.execute(select(Specimen)).scalars())
    expected = {str(i) for i, row in enumerate(rows) if _reference(row, bureau)}
    assert seen == expected
    for record in stored:  # the in-memory rule agrees with SQL
        assert policy_allows(
            owner=record.owner,
            visibility=record.visibility,
            policy_countries=record.policy_countries,
            bureau=bureau,
            is_gs=caller.is_gs,
            is_partner=caller.is_partner,
        ) == (record.label in expected)


def test_listed_policy_needs_countries() -> None:
    record = Specimen(owner="FR", created_by="t")
    with pytest.raises(Invalid):
        record.set_policy(Visibility.ONLY, [])
    record.set_policy(Visibility.EXCEPT, [" ma", "DE", "MA"])
    assert decode_countries(record.policy_countries) == ["DE", "MA"]


def test_code_prefixes_do_not_leak() -> None:
    """A bureau whose code is inside another's (e.g. 'AFRIPOL' vs 'AF') is not 'listed'."""
    assert not policy_allows(
        owner="FR", visibility="only", policy_countries=",AFRIPOL,", bureau="AF", is_gs=False
    )
