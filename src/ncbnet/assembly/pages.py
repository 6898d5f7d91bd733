from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from ncbnet.assembly import service
from ncbnet.assembly.schemas import SessionCreate, VoteCreate
from ncbnet.core.errors import NcbnetError
from ncbnet.core.members import Region
from ncbnet.members.pages import REGION_LABELS
from ncbnet.web.deps import CurrentCaller, DatabaseDep, LanguageDep, check_csrf
from ncbnet.web.render import error_text, render

router = APIRouter(prefix="/assembly", include_in_schema=False)
Text = Annotated[str, Form(max_length=200)]


def _overview(
    request: Request, db: DatabaseDep, caller: CurrentCaller, error: str | None, status: int = 200
) -> Response:
    with db.read() as session:
        data = service.overview(session, caller)
    return render(
        request,
        "assembly/index.html",
        {
            "overview": data,
            "regions": REGION_LABELS,
            "error": error,
            "is_admin": caller.can(service.ASSEMBLY_ADMIN),
            "today": date.today().isoformat(),
        },
        status=status,
    )


@router.get("")
def assembly_page(request: Request, db: DatabaseDep, caller: CurrentCaller) -> Response:
    return _overview(request, db, caller, None)


@router.post("/sessions")
def session_create(
    request: Request,
    db: DatabaseDep,
    caller: CurrentCaller,
    number: Text = "",
    city: Text = "",
    host_country: Text = "",
    opens_on: Text = "",
    closes_on: Text = "",
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, csrf_token)
    try:
        data = SessionCreate(
            number=number,
            city=city,
            host_country=host_country or None,
            opens_on=opens_on,
            closes_on=closes_on,
        )
        with db.write() as session:
            service.create_session(session, caller, data)
    except (ValidationError, NcbnetError) as exc:
        return _overview(request, db, caller, error_text(request, exc), 422)
    return RedirectResponse("/assembly", status_code=303)


@router.post("/votes")
def vote_open(
    request: Request,
    db: DatabaseDep,
    caller: CurrentCaller,
    session_id: Text = "",
    candidate: Text = "",
    region: Text = "",
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, csrf_token)
    try:
        data = VoteCreate(session_id=session_id, candidate=candidate, region=region)
        with db.write() as session:
            vote = service.open_vote(session, caller, data)
    except (ValidationError, NcbnetError) as exc:
        return _overview(request, db, caller, error_text(request, exc), 422)
    return RedirectResponse(f"/assembly/votes/{vote.id}", status_code=303)


@router.get("/votes/{vote_id}")
def vote_page(
    vote_id: str, request: Request, db: DatabaseDep, caller: CurrentCaller, lang: LanguageDep
) -> Response:
    with db.read() as session:
        vote = service.describe_vote(session, caller, vote_id, lang)
    return render(
        request,
        "assembly/vote.html",
        {
            "vote": vote,
            "regions": REGION_LABELS,
            "region": Region(vote.region),
            "can_vote": caller.can(service.ASSEMBLY_VOTE) and not caller.is_gs,
            "is_admin": caller.can(service.ASSEMBLY_ADMIN),
        },
    )


@router.post("/votes/{vote_id}/ballot")
def vote_cast(
    vote_id: str,
    request: Request,
    db: DatabaseDep,
    caller: CurrentCaller,
    choice: Text = "",
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, csrf_token)
    with db.write() as session:
        service.cast_ballot(session, caller, vote_id, service.check_choice(choice))
    return RedirectResponse(f"/assembly/votes/{vote_id}", status_code=303)


@router.post("/votes/{vote_id}/close")
def vote_close(
    vote_id: str, request: Request, db: DatabaseDep, caller: CurrentCaller, csrf_token: Text = ""
) -> Response:
    check_csrf(request, csrf_token)
    with db.write() as session:
        service.close_vote(session, caller, vote_id)
    return RedirectResponse(f"/assembly/votes/{vote_id}", status_code=303)
