from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ncbnet.auditing import service
from ncbnet.auditing.service import AuditEntryPublic, ChainReportPublic
from ncbnet.web.deps import CurrentCaller, DatabaseDep

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("", response_model=list[AuditEntryPublic])
def list_entries(
    db: DatabaseDep,
    caller: CurrentCaller,
    bureau: Annotated[str | None, Query(max_length=12)] = None,
    event: Annotated[str | None, Query(max_length=48)] = None,
    actor: Annotated[str | None, Query(max_length=64)] = None,
    before: Annotated[
        int | None, Query(ge=1, le=2**63 - 1, description="Only entries before this seq")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[AuditEntryPublic]:
    with db.read() as session:
        return service.search_entries(
            session, caller, bureau=bureau, event=event, actor=actor, before=before, limit=limit
        )


@router.post("/verify", response_model=ChainReportPublic)
def verify(db: DatabaseDep, caller: CurrentCaller) -> ChainReportPublic:
    with db.read() as session:
        report = service.verify(session, caller)
    with db.write() as session:
        service.record_verification(session, caller, report)
    return service.public_report(report)
