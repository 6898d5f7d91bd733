from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ncbnet.core.db import Base, UTCDateTime, new_id, utcnow


class AssemblySession(Base):
    """A General Assembly session (e.g. the 86th, Beijing, 2017)."""

    __tablename__ = "assembly_sessions"

    id: Mapped[str] = mapped_column(String(26), primary_key=True, default=new_id)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    city: Mapped[str] = mapped_column(String(100))
    host_country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    opens_on: Mapped[date] = mapped_column(Date())
    closes_on: Mapped[date] = mapped_column(Date())
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AdmissionVote(Base):
    __tablename__ = "admission_votes"

    id: Mapped[str] = mapped_column(String(26), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(ForeignKey("assembly_sessions.id"), index=True)
    candidate: Mapped[str] = mapped_column(String(2), index=True)
    region: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(8), default="open")
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    yes: Mapped[int] = mapped_column(Integer, default=0)
    no: Mapped[int] = mapped_column(Integer, default=0)
    abstain: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(8), nullable=True)


class Ballot(Base):
    """One member bureau's vote; the unique constraint is what makes it 'once'."""

    __tablename__ = "admission_ballots"
    __table_args__ = (UniqueConstraint("vote_id", "bureau", name="uq_admission_ballots_vote"),)

    id: Mapped[str] = mapped_column(String(26), primary_key=True, default=new_id)
    vote_id: Mapped[str] = mapped_column(ForeignKey("admission_votes.id"), index=True)
    bureau: Mapped[str] = mapped_column(ForeignKey("bureaus.code"))
    choice: Mapped[str] = mapped_column(String(8))
    cast_by: Mapped[str] = mapped_column(String(64))
    cast_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
