"""Use cases of the nominal database: create, view, update, cancel, list persons."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ncbnet.core import audit, members
from ncbnet.core.access import visible_to
from ncbnet.core.audit import AuditEvent
from ncbnet.core.changelog import Operation, record_change
from ncbnet.core.errors import N_, Conflict, Forbidden, NotFound
from ncbnet.core.permissions import ALL_ROLES, Action, Caller, Role
from ncbnet.persons import convert
from ncbnet.persons.models import IdentifierRow, Person
from ncbnet.persons.schemas import IdentifierIn, PersonCreate, PersonUpdate, PolicyIn

CAPABILITY = "persons"
READERS = ALL_ROLES - {Role.BORDER}
WRITERS = frozenset({Role.OFFICER, Role.SUPERVISOR})
PERSONS_READ = Action("persons.read", READERS, scope="persons")
PERSONS_SEARCH = Action("persons.search", ALL_ROLES, scope="persons")
PERSONS_WRITE = Action("persons.write", WRITERS, scope="persons.write")


class PersonEvent(StrEnum):
    CREATED = "persons.created"
    UPDATED = "persons.updated"
    CANCELLED = "persons.cancelled"
    NOT_SAME = "persons.not_same"
    IMPORTED = "persons.imported"


def _countries(codes: list[str]) -> list[str]:
    return [members.normalise_country_code(c) for c in codes]


def _identifier_rows(identifiers: list[IdentifierIn]) -> list[IdentifierRow]:
    return convert.identifier_rows(
        [
            i.model_copy(update={"country": members.normalise_country_code(i.country)})
            if i.country
            else i
            for i in identifiers
        ]
    )


def _apply_policy(person: Person, policy: PolicyIn) -> None:
    person.set_policy(policy.visibility, _countries(policy.countries))
    person.handling_code = policy.handling_code


def create_person(
    session: Session, caller: Caller, data: PersonCreate, *, audited: bool = True
) -> Person:
    """``audited=False`` is for bulk imports, which write one audit entry per batch."""
    caller.require(PERSONS_WRITE)
    person = Person(
        owner=caller.bureau,
        created_by=caller.actor,
        category=data.category,
        primary_name=data.names[0].full,
        sex=data.sex,
        place_of_birth=data.place_of_birth,
        physical_description=data.physical_description,
        offences=",".join(data.offences),
        remarks=data.remarks,
        review_date=data.review_date,
    )
    _apply_policy(person, data.policy)
    person.names = convert.name_rows(data.names)
    person.birth_dates = convert.date_rows(data.birth_dates)
    person.nationalities = convert.nationality_rows(_countries(data.nationalities))
    person.identifiers = _identifier_rows(data.identifiers)
    person.links = convert.link_rows(data.links)
    session.add(person)
    session.flush()
    record_change(session, CAPABILITY, person.id, Operation.CREATE)
    if audited:
        audit.record(
            session,
            caller,
            PersonEvent.CREATED,
            f"person:{person.id}",
            name=person.primary_name,
            category=str(data.category),
        )
    return person


def get_person(
    session: Session, caller: Caller, person_id: str, *, audit_view: bool = True
) -> Person:
    """A person the caller may see (the same 404 whether absent or not shared)."""
    caller.require(PERSONS_READ)
    person = session.execute(
        select(Person).where(Person.id == person_id, visible_to(Person, caller))
    ).scalar_one_or_none()
    if person is None:
        raise NotFound(N_("no person %(id)s"), id=person_id)
    if audit_view:
        audit.record(session, caller, AuditEvent.RECORD_VIEWED, f"person:{person.id}")
    return person


def _owned(session: Session, caller: Caller, person_id: str) -> Person:
    caller.require(PERSONS_WRITE)
    person = get_person(session, caller, person_id, audit_view=False)
    if person.owner != caller.bureau:
        raise Forbidden(
            N_("only the owner bureau %(owner)s changes this record"), owner=person.owner
        )
    return person


def update_person(session: Session, caller: Caller, person_id: str, data: PersonUpdate) -> Person:
    person = _owned(session, caller, person_id)
    if person.status != "active":
        raise Conflict(N_("a cancelled record cannot be changed"))
    given = data.model_fields_set
    for field in (
        "category",
        "sex",
        "place_of_birth",
        "physical_description",
        "remarks",
        "review_date",
    ):
        if field in given:
            setattr(person, field, getattr(data, field))
    if data.names is not None:
        person.names = convert.name_rows(data.names)
        person.primary_name = data.names[0].full
    if data.birth_dates is not None:
        person.birth_dates = convert.date_rows(data.birth_dates)
    if data.nationalities is not None:
        person.nationalities = convert.nationality_rows(_countries(data.nationalities))
    if data.identifiers is not None:
        person.identifiers = _identifier_rows(data.identifiers)
    if data.offences is not None:
        person.offences = ",".join(data.offences)
    if data.links is not None:
        person.links = convert.link_rows(data.links)
    if data.policy is not None:
        _apply_policy(person, data.policy)
    session.flush()
    record_change(session, CAPABILITY, person.id, Operation.UPDATE)
    audit.record(session, caller, PersonEvent.UPDATED, f"person:{person.id}", fields=sorted(given))
    return person


def cancel_person(session: Session, caller: Caller, person_id: str, reason: str) -> Person:
    """Cancelled records stay for the audit trail but no search finds them again."""
    person = _owned(session, caller, person_id)
    if person.status == "cancelled":
        raise Conflict(N_("this record is already cancelled"))
    person.status = "cancelled"
    session.flush()
    record_change(session, CAPABILITY, person.id, Operation.UPDATE)
    audit.record(session, caller, PersonEvent.CANCELLED, f"person:{person.id}", reason=reason)
    return person


def list_persons(
    session: Session,
    caller: Caller,
    *,
    owner: str | None = None,
    category: str | None = None,
    status: str | None = "active",
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Person], int]:
    caller.require(PERSONS_READ)
    query = select(Person).where(visible_to(Person, caller))
    if owner:
        query = query.where(Person.owner == owner.upper())
    if category:
        query = query.where(Person.category == category)
    if status:
        query = query.where(Person.status == status)
    total = session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = session.execute(
        query.order_by(Person.created_at.desc(), Person.id).limit(limit).offset(offset)
    ).scalars()
    return list(rows), int(total)


def visible_persons(session: Session, caller: Caller, ids: list[str]) -> dict[str, Person]:
    """The given persons that the caller may see, by id (for search results)."""
    if not ids:
        return {}
    rows = session.execute(
        select(Person).where(Person.id.in_(ids), visible_to(Person, caller))
    ).scalars()
    return {p.id: p for p in rows}


def dashboard_card(session: Session, caller: Caller) -> dict[str, object] | None:
    if not caller.can(PERSONS_READ):
        return None
    own = session.execute(
        select(Person.category, func.count())
        .where(Person.owner == caller.bureau, Person.status == "active")
        .group_by(Person.category)
    ).all()
    return {"own": {str(c): int(n) for c, n in own}}
