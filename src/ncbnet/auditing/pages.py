from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response

from ncbnet.auditing import service
from ncbnet.web.deps import CurrentCaller, DatabaseDep, check_csrf
from ncbnet.web.render import render

router = APIRouter(prefix="/audit", include_in_schema=False)


@router.get("")
def audit_page(
    request: Request,
    db: DatabaseDep,
    caller: CurrentCaller,
    bureau: Annotated[str, Query(max_length=12)] = "",
    event: Annotated[str, Query(max_length=48)] = "",
    before: Annotated[int | None, Query(ge=1, le=2**63 - 1)] = None,
) -> Response:
    with db.read() as session:
        entries = service.search_entries(
            session, caller, bureau=bureau or None, event=event or None, before=before, limit=100
        )
    return render(
        request,
        "auditing/log.html",
        {"entries": entries, "bureau": bureau, "event": event, "report": None},
    )


@router.post("/verify")
def audit_verify(
    request: Request,
    db: DatabaseDep,
    caller: CurrentCaller,
    csrf_token: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    check_csrf(request, csrf_token)
    with db.read() as session:
        report = service.verify(session, caller)
    with db.write() as session:
        service.record_verification(session, caller, report)
    with db.read() as session:
        entries = service.search_entries(session, caller, limit=100)
    return render(
        request,
        "auditing/log.html",
        {"entries": entries, "bureau": "", "event": "", "report": report},
    )
