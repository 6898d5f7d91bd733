"""Append-only, hash-chained audit log, written in the same transaction as the audited action.

Each entry's hash covers its own fields and the previous entry's hash. Appends are serialised by
locking the single ``audit_head`` row, which also anchors the chain's tail so that removing the
last entries is detected too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ncbnet.core.db import Base, UTCDateTime, utcnow
from ncbnet.core.errors import N_
from ncbnet.core.permissions import Caller

GENESIS = "0" * 64


class AuditEvent(StrEnum):
    LOGIN = "auth.login"
    LOGIN_FAILED = "auth.login_failed"
    ACCOUNT_LOCKED = "auth.account_locked"
    LOGOUT = "auth.logout"
    TOKEN_USED = "auth.token_used"
    USER_CREATED = "users.created"
    USER_DISABLED = "users.disabled"
    USER_ENABLED = "users.enabled"
    PASSWORD_CHANGED = "users.password_changed"
    TOKEN_CREATED = "tokens.created"
    TOKEN_REVOKED = "tokens.revoked"
    MEMBER_ADMITTED = "members.admitted"
    BUREAU_CREATED = "members.bureau_created"
    RECORD_VIEWED = "record.viewed"
    SEARCH = "search"
    AUDIT_VERIFIED = "audit.verified"


class AuditEntry(Base):
    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(64), index=True)
    bureau: Mapped[str] = mapped_column(String(12), index=True)
    via: Mapped[str] = mapped_column(String(8))
    remote: Mapped[str | None] = mapped_column(String(64), nullable=True)
    event: Mapped[str] = mapped_column(String(48), index=True)
    subject: Mapped[str | None] = mapped_column(String(128), nullable=True, index=True)
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    hash: Mapped[str] = mapped_column(String(64), default=GENESIS)


def _digest(entry: AuditEntry) -> str:
    material = "\x1f".join(
        [
            str(entry.seq),
            entry.at.isoformat(timespec="microseconds"),
            entry.actor,
            entry.bureau,
            entry.via,
            entry.remote or "",
            entry.event,
            entry.subject or "",
            entry.details,
            entry.prev_hash,
        ]
    )
    return hashlib.sha256(material.encode()).hexdigest()


def canonical_json(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def record(
    session: Session,
    caller: Caller,
    event: str,
    subject: str | None = None,
    **details: Any,
) -> AuditEntry:
    """Append one entry to the chain inside ``session``'s transaction."""
    head = session.execute(
        select(AuditHead).where(AuditHead.id == 1).with_for_update()
    ).scalar_one()  # the migration creates it
    entry = AuditEntry(
        seq=head.seq + 1,
        at=utcnow(),
        actor=caller.actor,
        bureau=caller.bureau,
        via=caller.via,
        remote=caller.remote,
        event=str(event),
        subject=subject,
        details=canonical_json(details),
        prev_hash=head.hash,
    )
    entry.hash = _digest(entry)
    session.add(entry)
    head.seq, head.hash = entry.seq, entry.hash
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    problem_msgid: str | None = None
    """An English msgid with %(first)s/%(last)s parameters (see ``problem``)."""
    problem_params: dict[str, int] | None = None

    @property
    def problem(self) -> str | None:
        if self.problem_msgid is None:
            return None
        return self.problem_msgid % (self.problem_params or {})


def _broken(count: int, seq: int | None, msgid: str, **params: int) -> ChainReport:
    return ChainReport(False, count, seq, msgid, params)


def verify_chain(session: Session, progress: Any = None) -> ChainReport:
    """Walk the whole chain; the report names the first entry that does not fit.

    ``progress``, if given, is called with the number of entries checked since its last call.
    """
    result = session.execute(
        select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=5000)
    ).scalars()
    try:
        report, last_seq, last_hash = _walk(result, progress)
    finally:
        result.close()  # a server-side cursor on PostgreSQL; release it even on early exit
    if report is not None:
        return report
    count = last_seq
    head = session.get(AuditHead, 1)
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq > last_seq:
        return _broken(
            count,
            last_seq + 1,
            N_("entries %(first)s..%(last)s were removed from the end"),
            first=last_seq + 1,
            last=head_seq,
        )
    if head_seq != last_seq or head_hash != last_hash:
        return _broken(count, head_seq + 1, N_("chain tail does not match the head"))
    return ChainReport(True, count)


def _walk(rows: Any, progress: Any) -> tuple[ChainReport | None, int, str]:
    expected_seq, prev = 1, GENESIS
    pending = 0
    for entry in rows:
        pending += 1
        if progress is not None and pending == 5000:
            progress(pending)
            pending = 0
        count = expected_seq
        if entry.seq != expected_seq:
            if entry.seq > expected_seq:
                missing = N_("entries %(first)s..%(last)s are missing")
                report = _broken(
                    count, expected_seq, missing, first=expected_seq, last=entry.seq - 1
                )
            else:
                report = _broken(count, entry.seq, N_("sequence out of order"))
            return report, 0, ""
        if entry.prev_hash != prev:
            link = N_("previous-hash link broken (entry inserted or replaced)")
            return _broken(count, entry.seq, link), 0, ""
        if _digest(entry) != entry.hash:
            return _broken(count, entry.seq, N_("content altered (hash mismatch)")), 0, ""
        prev = entry.hash
        expected_seq += 1
    if progress is not None and pending:
        progress(pending)
    return None, expected_seq - 1, prev


def count_entries(session: Session) -> int:
    head = session.get(AuditHead, 1)
    return head.seq if head else 0
