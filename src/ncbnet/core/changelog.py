"""The change log: a gap-free, commit-ordered sequence of record changes.

In-memory engines build their index from the database, remember the last sequence they saw,
and catch up with :func:`changes_since`. Sequence numbers are taken under a lock on the
``change_log_head`` row, so they become visible in commit order and a follower that has read
up to N never later finds a smaller number appearing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ncbnet.core.db import Base, UTCDateTime, utcnow


class Operation(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class ChangeEntry(Base):
    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    capability: Mapped[str] = mapped_column(String(32), index=True)
    record_id: Mapped[str] = mapped_column(String(64))
    operation: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class ChangeLogHead(Base):
    __tablename__ = "change_log_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)


@dataclass(frozen=True)
class Change:
    seq: int
    capability: str
    record_id: str
    operation: Operation


def record_change(session: Session, capability: str, record_id: str, operation: Operation) -> int:
    """Write one change in the caller's transaction; returns its sequence number."""
    head = session.execute(
        select(ChangeLogHead).where(ChangeLogHead.id == 1).with_for_update()
    ).scalar_one()  # the migration creates it
    head.seq += 1
    session.add(
        ChangeEntry(
            seq=head.seq,
            capability=capability,
            record_id=record_id,
            operation=str(operation),
            at=utcnow(),
        )
    )
    session.flush()
    return head.seq


def changes_since(
    session: Session,
    after: int,
    *,
    capabilities: Sequence[str] | None = None,
    limit: int = 10_000,
) -> list[Change]:
    query = select(ChangeEntry).where(ChangeEntry.seq > after)
    if capabilities:
        query = query.where(ChangeEntry.capability.in_(capabilities))
    rows = session.execute(query.order_by(ChangeEntry.seq).limit(limit)).scalars()
    return [Change(r.seq, r.capability, r.record_id, Operation(r.operation)) for r in rows]


def latest_seq(session: Session) -> int:
    head = session.get(ChangeLogHead, 1)
    return head.seq if head else 0
