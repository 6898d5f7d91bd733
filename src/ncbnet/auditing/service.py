from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from ncbnet.core import audit
from ncbnet.core.audit import AuditEntry, AuditEvent, ChainReport
from ncbnet.core.permissions import AUDIT_VIEW, Caller


class AuditEntryPublic(BaseModel):
    seq: int
    at: datetime
    actor: str
    bureau: str
    via: str
    remote: str | None
    event: str
    subject: str | None
    details: dict[str, Any]
    hash: str


class ChainReportPublic(BaseModel):
    ok: bool
    entries: int
    first_bad_seq: int | None
    problem: str | None


def search_entries(
    session: Session,
    caller: Caller,
    *,
    bureau: str | None = None,
    event: str | None = None,
    actor: str | None = None,
    before: int | None = None,
    limit: int = 100,
) -> list[AuditEntryPublic]:
    caller.require(AUDIT_VIEW)
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if bureau:
        query = query.where(AuditEntry.bureau == bureau.upper())
    if event:
        query = query.where(AuditEntry.event == event)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if before:
        query = query.where(AuditEntry.seq < before)
    return [
        AuditEntryPublic(
            seq=e.seq,
            at=e.at,
            actor=e.actor,
            bureau=e.bureau,
            via=e.via,
            remote=e.remote,
            event=e.event,
            subject=e.subject,
            details=json.loads(e.details),
            hash=e.hash,
        )
        for e in session.execute(query).scalars()
    ]


def verify(session: Session, caller: Caller, progress: Any = None) -> ChainReport:
    caller.require(AUDIT_VIEW)
    return audit.verify_chain(session, progress)


def record_verification(session: Session, caller: Caller, report: ChainReport) -> None:
    audit.record(
        session,
        caller,
        AuditEvent.AUDIT_VERIFIED,
        None,
        ok=report.ok,
        entries=report.entries,
        first_bad_seq=report.first_bad_seq,
    )


def public_report(report: ChainReport) -> ChainReportPublic:
    return ChainReportPublic(
        ok=report.ok,
        entries=report.entries,
        first_bad_seq=report.first_bad_seq,
        problem=report.problem,
    )
