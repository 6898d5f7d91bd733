from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from ncbnet.persons import search, service
from ncbnet.persons.convert import to_public
from ncbnet.persons.matcher import matcher_for
from ncbnet.persons.schemas import (
    Category,
    CompareIn,
    CompareOut,
    NotSameIn,
    PersonCreate,
    PersonPublic,
    PersonUpdate,
    SearchIn,
    SearchOut,
)
from ncbnet.web.deps import CurrentCaller, DatabaseDep

router = APIRouter(prefix="/persons", tags=["persons"])
PersonId = Annotated[str, Path(min_length=26, max_length=26, pattern="^[0-9A-Z]{26}$")]


class PersonPage(BaseModel):
    total: int
    items: list[PersonPublic]


class CancelIn(BaseModel):
    reason: str = Field(min_length=1, max_length=500)


@router.post("", response_model=PersonPublic, status_code=201)
def create_person(data: PersonCreate, db: DatabaseDep, caller: CurrentCaller) -> PersonPublic:
    with db.write() as session:
        return to_public(service.create_person(session, caller, data))


@router.get("", response_model=PersonPage)
def list_persons(
    db: DatabaseDep,
    caller: CurrentCaller,
    owner: Annotated[str | None, Query(min_length=2, max_length=12)] = None,
    category: Category | None = None,
    status: Annotated[str, Query(pattern="^(active|cancelled)$")] = "active",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> PersonPage:
    with db.read() as session:
        rows, total = service.list_persons(
            session,
            caller,
            owner=owner,
            category=category,
            status=status,
            limit=limit,
            offset=offset,
        )
        return PersonPage(total=total, items=[to_public(p) for p in rows])


@router.post("/search", response_model=SearchOut)
def search_persons(data: SearchIn, db: DatabaseDep, caller: CurrentCaller) -> SearchOut:
    return search.search_persons(db, caller, matcher_for(db), data)


@router.post("/compare", response_model=CompareOut)
def compare_names(data: CompareIn, caller: CurrentCaller) -> CompareOut:
    return search.compare_names(caller, data)


@router.get("/{person_id}", response_model=PersonPublic)
def get_person(person_id: PersonId, db: DatabaseDep, caller: CurrentCaller) -> PersonPublic:
    with db.write() as session:  # the view is audited
        return to_public(service.get_person(session, caller, person_id))


@router.patch("/{person_id}", response_model=PersonPublic)
def update_person(
    person_id: PersonId, data: PersonUpdate, db: DatabaseDep, caller: CurrentCaller
) -> PersonPublic:
    with db.write() as session:
        return to_public(service.update_person(session, caller, person_id, data))


@router.post("/{person_id}/cancel", response_model=PersonPublic)
def cancel_person(
    person_id: PersonId, data: CancelIn, db: DatabaseDep, caller: CurrentCaller
) -> PersonPublic:
    with db.write() as session:
        return to_public(service.cancel_person(session, caller, person_id, data.reason))


@router.post("/{person_id}/not-same", status_code=201)
def mark_not_same(
    person_id: PersonId, data: NotSameIn, db: DatabaseDep, caller: CurrentCaller
) -> dict[str, str]:
    with db.write() as session:
        mark = search.mark_not_same(session, caller, person_id, data)
        return {"id": mark.id, "person_id": person_id, "subject_key": mark.subject_key}
