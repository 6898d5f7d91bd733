"""Hit events: "a user of bureau B searched and matched record R owned by bureau C".

Written by any capability's search in the same transaction as its audit entry; the messaging
capability reads the undelivered ones and notifies the owner bureau.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Float, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ncbnet.core.db import Base, UTCDateTime, new_id, utcnow
from ncbnet.core.permissions import Caller


class HitEvent(Base):
    __tablename__ = "hit_events"

    id: Mapped[str] = mapped_column(String(26), primary_key=True, default=new_id)
    capability: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    owner: Mapped[str] = mapped_column(String(12), index=True)
    searcher_bureau: Mapped[str] = mapped_column(String(12))
    searcher: Mapped[str] = mapped_column(String(64))
    via: Mapped[str] = mapped_column(String(8))
    location: Mapped[str | None] = mapped_column(String(200), nullable=True)
    score: Mapped[float] = mapped_column(Float)
    audit_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


def record_hit(
    session: Session,
    caller: Caller,
    *,
    capability: str,
    record_id: str,
    owner: str,
    score: float,
    location: str | None = None,
    audit_seq: int | None = None,
) -> HitEvent:
    hit = HitEvent(
        capability=capability,
        record_id=record_id,
        owner=owner,
        searcher_bureau=caller.bureau,
        searcher=caller.actor,
        via=caller.via,
        location=location,
        score=score,
        audit_seq=audit_seq,
    )
    session.add(hit)
    session.flush()
    return hit


def undelivered_hits(session: Session, limit: int = 1000) -> list[HitEvent]:
    query = select(HitEvent).where(HitEvent.delivered_at.is_(None)).order_by(HitEvent.id)
    return list(session.execute(query.limit(limit)).scalars())


def mark_delivered(session: Session, hit_ids: list[str]) -> None:
    now = utcnow()
    for hit in session.execute(select(HitEvent).where(HitEvent.id.in_(hit_ids))).scalars():
        hit.delivered_at = now


def hits_for_owner(session: Session, owner: str, limit: int = 50) -> list[HitEvent]:
    query = select(HitEvent).where(HitEvent.owner == owner).order_by(HitEvent.at.desc())
    return list(session.execute(query.limit(limit)).scalars())
