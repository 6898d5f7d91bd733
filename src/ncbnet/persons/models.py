"""Person records (the nominal database) and what hangs off them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ncbnet.core.access import RecordEnvelope
from ncbnet.core.db import Base, UTCDateTime, new_id, utcnow


class Person(RecordEnvelope, Base):
    __tablename__ = "persons"

    category: Mapped[str] = mapped_column(String(16), index=True)
    primary_name: Mapped[str] = mapped_column(String(300))
    sex: Mapped[str | None] = mapped_column(String(1), nullable=True)
    place_of_birth: Mapped[str | None] = mapped_column(String(200), nullable=True)
    physical_description: Mapped[str | None] = mapped_column(Text, nullable=True)
    offences: Mapped[str] = mapped_column(String(500), default="")
    """Comma-separated offence category codes."""
    remarks: Mapped[str | None] = mapped_column(Text, nullable=True)

    names: Mapped[list[PersonNameRow]] = relationship(
        cascade="all, delete-orphan", order_by="PersonNameRow.position", lazy="selectin"
    )
    birth_dates: Mapped[list[BirthDateRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    nationalities: Mapped[list[NationalityRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    identifiers: Mapped[list[IdentifierRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    links: Mapped[list[LinkRow]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class PersonNameRow(Base):
    __tablename__ = "person_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    """0 is the primary name; aliases follow."""
    full: Mapped[str] = mapped_column(String(300))
    given: Mapped[str | None] = mapped_column(String(200), nullable=True)
    family: Mapped[str | None] = mapped_column(String(200), nullable=True)


class BirthDateRow(Base):
    __tablename__ = "person_birth_dates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer, nullable=True)
    day: Mapped[int | None] = mapped_column(Integer, nullable=True)


class NationalityRow(Base):
    __tablename__ = "person_nationalities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    country: Mapped[str] = mapped_column(String(2))


class IdentifierRow(Base):
    __tablename__ = "person_identifiers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(64))
    normalised: Mapped[str] = mapped_column(String(64), index=True)
    country: Mapped[str | None] = mapped_column(String(2), nullable=True)


class LinkRow(Base):
    """A link to a record of another capability (a document, a notice...) or another person."""

    __tablename__ = "person_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    capability: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    relation: Mapped[str] = mapped_column(String(32), default="related")


class NotSamePerson(Base):
    """False-positive memory: this search subject is not this person; do not raise it again."""

    __tablename__ = "person_not_same"
    __table_args__ = (UniqueConstraint("subject_key", "person_id", name="uq_person_not_same"),)

    id: Mapped[str] = mapped_column(String(26), primary_key=True, default=new_id)
    subject_key: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str] = mapped_column(String(500))
    """The subject as entered, for the record."""
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    bureau: Mapped[str] = mapped_column(String(12))
    marked_by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(500), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ImportJob(Base):
    """A bulk import's progress, so an interrupted one resumes where it stopped."""

    __tablename__ = "person_imports"

    id: Mapped[str] = mapped_column(String(26), primary_key=True, default=new_id)
    source: Mapped[str] = mapped_column(String(500))
    """File name and its SHA-256: the same file resumes the same job."""
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    owner: Mapped[str] = mapped_column(String(12))
    rows_done: Mapped[int] = mapped_column(Integer, default=0)
    stored: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    finished: Mapped[bool] = mapped_column(default=False)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
