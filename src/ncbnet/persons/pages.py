from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from ncbnet.core.errors import NcbnetError
from ncbnet.persons import search, service
from ncbnet.persons.convert import to_public
from ncbnet.persons.matcher import matcher_for
from ncbnet.persons.schemas import Category, PersonCreate, PersonUpdate, SearchIn
from ncbnet.web.deps import CurrentCaller, DatabaseDep, check_csrf
from ncbnet.web.render import error_text, render

router = APIRouter(prefix="/persons", include_in_schema=False)
Text = Annotated[str, Form(max_length=5000)]


def _lines(value: str) -> list[str]:
    return [v.strip() for v in value.replace(",", "\n").splitlines() if v.strip()]


def _form_to_record(form: dict[str, str]) -> dict[str, Any]:
    """The create/edit form's fields as a PersonCreate-shaped dict."""
    names: list[dict[str, str]] = [{"full": form.get("name", "")}]
    for key in ("given", "family"):
        if form.get(key, "").strip():
            names[0][key] = form[key]
    names += [{"full": a} for a in form.get("aliases", "").splitlines() if a.strip()]
    identifiers = [{"kind": "passport", "value": v} for v in _lines(form.get("passport", ""))]
    identifiers += [
        {"kind": "national_id", "value": v} for v in _lines(form.get("national_id", ""))
    ]
    record: dict[str, Any] = {
        "category": form.get("category", ""),
        "names": names,
        "birth_dates": _lines(form.get("birth_dates", "")),
        "nationalities": _lines(form.get("nationalities", "")),
        "identifiers": identifiers,
        "offences": _lines(form.get("offences", "")),
        "policy": {
            "visibility": form.get("visibility") or "all",
            "countries": _lines(form.get("policy_countries", "")),
            "handling_code": form.get("handling_code") or "none",
        },
    }
    for key in ("sex", "place_of_birth", "remarks", "physical_description"):
        if form.get(key, "").strip():
            record[key] = form[key]
    return record


@router.get("")
def persons_page(request: Request, db: DatabaseDep, caller: CurrentCaller) -> Response:
    caller.require(service.PERSONS_SEARCH)
    own: list[Any] = []
    if caller.can(service.PERSONS_READ):
        with db.read() as session:
            rows, _ = service.list_persons(session, caller, owner=caller.bureau, limit=20)
            own = [to_public(p) for p in rows]
    return render(
        request,
        "persons/search.html",
        {
            "own": own,
            "result": None,
            "form": {},
            "error": None,
            "can_write": caller.can(service.PERSONS_WRITE),
        },
    )


@router.post("/search")
def persons_search(
    request: Request,
    db: DatabaseDep,
    caller: CurrentCaller,
    name: Text = "",
    birth_date: Text = "",
    nationality: Text = "",
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, csrf_token)
    form = {"name": name, "birth_date": birth_date, "nationality": nationality}
    result, error = None, None
    try:
        data = SearchIn(
            name=name or None, birth_date=birth_date or None, nationality=nationality or None
        )
        result = search.search_persons(db, caller, matcher_for(db), data)
    except (ValidationError, NcbnetError) as exc:
        error = error_text(request, exc)
    template = (
        "persons/results.html" if request.headers.get("hx-request") else "persons/search.html"
    )
    return render(
        request,
        template,
        {
            "own": [],
            "result": result,
            "form": form,
            "error": error,
            "can_write": caller.can(service.PERSONS_WRITE),
        },
        status=422 if error else 200,
    )


@router.get("/new")
def person_new(request: Request, caller: CurrentCaller) -> Response:
    caller.require(service.PERSONS_WRITE)
    return render(
        request,
        "persons/form.html",
        {"person": None, "form": {}, "error": None, "categories": list(Category)},
    )


@router.post("/new")
async def person_create(request: Request, db: DatabaseDep, caller: CurrentCaller) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    check_csrf(request, form.get("csrf_token"))
    try:
        data = PersonCreate.model_validate(_form_to_record(form))
        with db.write() as session:
            person = service.create_person(session, caller, data)
    except (ValidationError, NcbnetError) as exc:
        return _form_error(request, None, form, error_text(request, exc))
    return RedirectResponse(f"/persons/{person.id}", status_code=303)


def _form_error(request: Request, person: Any, form: dict[str, str], error: str) -> Response:
    return render(
        request,
        "persons/form.html",
        {"person": person, "form": form, "error": error, "categories": list(Category)},
        status=422,
    )


@router.get("/{person_id}")
def person_page(
    person_id: str, request: Request, db: DatabaseDep, caller: CurrentCaller
) -> Response:
    with db.write() as session:
        person = to_public(service.get_person(session, caller, person_id))
    return render(
        request,
        "persons/detail.html",
        {
            "person": person,
            "is_owner": person.owner == caller.bureau and caller.can(service.PERSONS_WRITE),
        },
    )


@router.get("/{person_id}/edit")
def person_edit(
    person_id: str, request: Request, db: DatabaseDep, caller: CurrentCaller
) -> Response:
    caller.require(service.PERSONS_WRITE)
    with db.read() as session:
        person = to_public(service.get_person(session, caller, person_id, audit_view=False))
    primary = person.names[0]
    form = {
        "category": person.category,
        "name": primary.full,
        "given": primary.given or "",
        "family": primary.family or "",
        "aliases": "\n".join(n.full for n in person.names[1:]),
        "sex": person.sex or "",
        "birth_dates": ", ".join(person.birth_dates),
        "nationalities": ", ".join(person.nationalities),
        "passport": ", ".join(i.value for i in person.identifiers if i.kind == "passport"),
        "national_id": ", ".join(i.value for i in person.identifiers if i.kind != "passport"),
        "place_of_birth": person.place_of_birth or "",
        "offences": ", ".join(person.offences),
        "remarks": person.remarks or "",
        "visibility": person.policy.visibility,
        "policy_countries": ", ".join(person.policy.countries),
        "handling_code": person.policy.handling_code,
        "physical_description": person.physical_description or "",
    }
    return render(
        request,
        "persons/form.html",
        {"person": person, "form": form, "error": None, "categories": list(Category)},
    )


@router.post("/{person_id}/edit")
async def person_update(
    person_id: str, request: Request, db: DatabaseDep, caller: CurrentCaller
) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    check_csrf(request, form.get("csrf_token"))
    try:
        data = PersonUpdate.model_validate(_form_to_record(form))
        with db.write() as session:
            service.update_person(session, caller, person_id, data)
    except (ValidationError, NcbnetError) as exc:
        return _form_error(request, {"id": person_id}, form, error_text(request, exc))
    return RedirectResponse(f"/persons/{person_id}", status_code=303)


@router.post("/{person_id}/cancel")
def person_cancel(
    person_id: str,
    request: Request,
    db: DatabaseDep,
    caller: CurrentCaller,
    reason: Text = "",
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, csrf_token)
    with db.write() as session:
        service.cancel_person(session, caller, person_id, reason or "cancelled by owner")
    return RedirectResponse(f"/persons/{person_id}", status_code=303)
