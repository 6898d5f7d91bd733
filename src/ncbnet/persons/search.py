"""Searching the nominal database, comparing two names, and remembering false positives."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ncbnet.core import audit, members
from ncbnet.core.access import policy_allows
from ncbnet.core.audit import AuditEvent
from ncbnet.core.db import Database
from ncbnet.core.errors import N_, Conflict, Invalid, NotFound
from ncbnet.core.hits import record_hit
from ncbnet.core.permissions import Caller
from ncbnet.persons import service
from ncbnet.persons.convert import normalise_identifier, to_public
from ncbnet.persons.engine import DEFAULT_THRESHOLD, compare
from ncbnet.persons.engine.types import (
    Explanation,
    Identifier,
    IndexedPerson,
    PersonQuery,
)
from ncbnet.persons.matcher import PersonMatcher
from ncbnet.persons.models import NotSamePerson
from ncbnet.persons.schemas import (
    CompareIn,
    CompareOut,
    ExplanationOut,
    NotSameIn,
    SearchHit,
    SearchIn,
    SearchOut,
    parse_partial_date,
)


def explanation_out(explanation: Explanation) -> ExplanationOut:
    return ExplanationOut.model_validate(asdict(explanation))


def to_query(data: SearchIn) -> PersonQuery:
    if not (data.name or data.given or data.family or data.identifier):
        raise Invalid(N_("give a name, a given or family name, or an identifier"))
    nationality = members.normalise_country_code(data.nationality) if data.nationality else None
    return PersonQuery(
        name=data.name,
        given=data.given,
        family=data.family,
        birth_dates=(parse_partial_date(data.birth_date),) if data.birth_date else (),
        nationalities=frozenset({nationality}) if nationality else frozenset(),
        sex=data.sex,
        identifiers=(Identifier("other", normalise_identifier(data.identifier)),)
        if data.identifier
        else (),
    )


def subject_key(data: SearchIn) -> str:
    """Who was asked about, independent of spelling case and spacing, and of the limit."""
    parts = [
        data.name,
        data.given,
        data.family,
        data.birth_date,
        data.nationality,
        data.identifier and normalise_identifier(data.identifier),
    ]
    text = "|".join(
        unicodedata.normalize("NFKC", " ".join((p or "").split())).casefold() for p in parts
    )
    return hashlib.sha256(text.encode()).hexdigest()


def search_persons(
    db: Database, caller: Caller, matcher: PersonMatcher, data: SearchIn
) -> SearchOut:
    """Rank in memory, confirm visibility in the database, then audit and record hits in a
    short write transaction (the engine never runs while the write lock is held)."""
    caller.require(service.PERSONS_SEARCH)
    query = to_query(data)
    key = subject_key(data)
    with db.read() as session:
        dismissed = set(
            session.execute(
                select(NotSamePerson.person_id).where(NotSamePerson.subject_key == key)
            ).scalars()
        )

        def allowed(person: IndexedPerson) -> bool:
            return (
                person.status == "active"
                and person.id not in dismissed
                and policy_allows(
                    owner=person.owner,
                    visibility=person.visibility,
                    policy_countries=person.policy_countries,
                    bureau=caller.bureau,
                    is_gs=caller.is_gs,
                    is_partner=caller.is_partner,
                )
            )

        found = [
            m
            for m in matcher.search(query, limit=data.limit, allowed=allowed)
            if m.score >= data.min_score
        ]
        # The index may trail a change by a moment: the database has the last word.
        rows = service.visible_persons(session, caller, [m.record_id for m in found])
        hits = [
            SearchHit(
                person=to_public(rows[m.record_id]),
                score=round(m.score, 4),
                is_match=m.is_match,
                explanation=explanation_out(m.explanation),
            )
            for m in found
            if m.record_id in rows and rows[m.record_id].status == "active"
        ]
    with db.write() as session:
        entry = audit.record(
            session,
            caller,
            AuditEvent.SEARCH,
            "persons",
            query=data.model_dump(exclude_none=True, exclude={"limit", "min_score"}),
            results=[h.person.id for h in hits],
        )
        for hit in hits:
            if hit.is_match and hit.person.owner != caller.bureau:
                record_hit(
                    session,
                    caller,
                    capability="persons",
                    record_id=hit.person.id,
                    owner=hit.person.owner,
                    score=hit.score,
                    location=data.location,
                    audit_seq=entry.seq,
                )
    return SearchOut(threshold=matcher.threshold, matches=hits, subject_key=key)


def compare_names(caller: Caller, data: CompareIn) -> CompareOut:
    caller.require(service.PERSONS_SEARCH)

    def side(name: str, birth: str | None, nationality: str | None) -> PersonQuery:
        code = members.normalise_country_code(nationality) if nationality else None
        return PersonQuery(
            name=name,
            birth_dates=(parse_partial_date(birth),) if birth else (),
            nationalities=frozenset({code}) if code else frozenset(),
        )

    result = compare(
        side(data.name_a, data.birth_date_a, data.nationality_a),
        side(data.name_b, data.birth_date_b, data.nationality_b),
    )
    return CompareOut(
        score=round(result.score, 4),
        is_match=result.is_match,
        threshold=DEFAULT_THRESHOLD,
        explanation=explanation_out(result.explanation),
    )


def mark_not_same(
    session: Session, caller: Caller, person_id: str, data: NotSameIn
) -> NotSamePerson:
    caller.require(service.PERSONS_SEARCH)
    if person_id not in service.visible_persons(session, caller, [person_id]):
        raise NotFound(N_("no person %(id)s"), id=person_id)
    mark = NotSamePerson(
        subject_key=data.subject_key,
        subject=data.subject,
        person_id=person_id,
        bureau=caller.bureau,
        marked_by=caller.actor,
        reason=data.reason,
    )
    try:
        with session.begin_nested():
            session.add(mark)
            session.flush()
    except IntegrityError:
        raise Conflict(N_("already marked as not the same person")) from None
    audit.record(
        session,
        caller,
        service.PersonEvent.NOT_SAME,
        f"person:{person_id}",
        subject_key=data.subject_key,
        reason=data.reason,
    )
    return mark
