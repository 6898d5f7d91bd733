"""Between stored rows, API schemas and the engine's records."""

from __future__ import annotations

import re

from ncbnet.core.access import decode_countries
from ncbnet.persons.engine.types import Identifier, IndexedPerson, PartialDate, PersonName
from ncbnet.persons.models import (
    BirthDateRow,
    IdentifierRow,
    LinkRow,
    NationalityRow,
    Person,
    PersonNameRow,
)
from ncbnet.persons.schemas import (
    IdentifierIn,
    LinkIn,
    NameIn,
    PersonPublic,
    PolicyIn,
    parse_partial_date,
)

SEPARATORS = re.compile(r"[\s./\-_]")


def normalise_identifier(value: str) -> str:
    """What a number looks like once separators and case no longer differ."""
    return SEPARATORS.sub("", value).upper()


def name_rows(names: list[NameIn]) -> list[PersonNameRow]:
    return [
        PersonNameRow(position=i, full=n.full, given=n.given, family=n.family)
        for i, n in enumerate(names)
    ]


def date_rows(dates: list[str]) -> list[BirthDateRow]:
    parsed = {parse_partial_date(d) for d in dates}
    return [BirthDateRow(year=p.year, month=p.month, day=p.day) for p in sorted(parsed, key=str)]


def nationality_rows(codes: list[str]) -> list[NationalityRow]:
    return [NationalityRow(country=c) for c in sorted(set(codes))]


def identifier_rows(identifiers: list[IdentifierIn]) -> list[IdentifierRow]:
    return [
        IdentifierRow(
            kind=i.kind, value=i.value, normalised=normalise_identifier(i.value), country=i.country
        )
        for i in identifiers
    ]


def link_rows(links: list[LinkIn]) -> list[LinkRow]:
    return [
        LinkRow(capability=link.capability, record_id=link.record_id, relation=link.relation)
        for link in links
    ]


def partial(row: BirthDateRow) -> PartialDate:
    return PartialDate(row.year, row.month, row.day)


def to_public(person: Person) -> PersonPublic:
    return PersonPublic(
        id=person.id,
        owner=person.owner,
        status=person.status,
        category=person.category,
        names=[NameIn(full=n.full, given=n.given, family=n.family) for n in person.names],
        sex=person.sex,
        birth_dates=[str(partial(d)) for d in person.birth_dates],
        place_of_birth=person.place_of_birth,
        nationalities=[n.country for n in person.nationalities],
        identifiers=[
            IdentifierIn(kind=i.kind, value=i.value, country=i.country) for i in person.identifiers
        ],
        physical_description=person.physical_description,
        offences=[o for o in person.offences.split(",") if o],
        remarks=person.remarks,
        links=[
            LinkIn(capability=lk.capability, record_id=lk.record_id, relation=lk.relation)
            for lk in person.links
        ],
        policy=PolicyIn(
            visibility=person.visibility,
            countries=decode_countries(person.policy_countries),
            handling_code=person.handling_code,
        ),
        review_date=person.review_date,
        created_by=person.created_by,
        created_at=person.created_at,
        updated_at=person.updated_at,
    )


def to_indexed(person: Person) -> IndexedPerson:
    return IndexedPerson(
        id=person.id,
        names=tuple(PersonName(n.full, n.given, n.family) for n in person.names),
        birth_dates=tuple(partial(d) for d in person.birth_dates),
        nationalities=frozenset(n.country for n in person.nationalities),
        sex=person.sex,
        identifiers=tuple(Identifier(i.kind, i.normalised, i.country) for i in person.identifiers),
        owner=person.owner,
        visibility=person.visibility,
        policy_countries=person.policy_countries,
        status=person.status,
    )
