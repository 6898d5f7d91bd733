"""Member countries and their bureaus (NCBs), the General Secretariat and partner bodies."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from importlib import resources

import pycountry
from babel import Locale
from sqlalchemy import Boolean, ForeignKey, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ncbnet.core import audit
from ncbnet.core.audit import AuditEvent
from ncbnet.core.db import Base, UTCDateTime, utcnow
from ncbnet.core.errors import N_, Conflict, Invalid, NotFound
from ncbnet.core.permissions import Caller

GS_CODE = "GS"


class Region(StrEnum):
    AFRICA = "africa"
    AMERICAS = "americas"
    ASIA_SOUTH_PACIFIC = "asia_south_pacific"
    EUROPE = "europe"
    MENA = "middle_east_north_africa"


class BureauKind(StrEnum):
    NCB = "ncb"
    GS = "gs"
    PARTNER = "partner"


class Country(Base):
    __tablename__ = "countries"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    alpha3: Mapped[str] = mapped_column(String(3), unique=True)
    region: Mapped[str] = mapped_column(String(32), index=True)
    joined: Mapped[int | None] = mapped_column(Integer, nullable=True)
    admitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Bureau(Base):
    __tablename__ = "bureaus"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), index=True)
    country_code: Mapped[str | None] = mapped_column(
        ForeignKey("countries.code"), unique=True, nullable=True
    )
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


@dataclass(frozen=True)
class RosterRow:
    code: str
    region: Region
    joined: int


@lru_cache(maxsize=1)
def reference_roster() -> tuple[RosterRow, ...]:
    """The member roster shipped with ncbnet (195 countries; the demo admits the 196th)."""
    text = resources.files("ncbnet.core").joinpath("data/members.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return tuple(RosterRow(r["code"], Region(r["region"]), int(r["joined"])) for r in rows)


def normalise_country_code(code: str) -> str:
    """ISO 3166-1 alpha-2 or alpha-3, any case → alpha-2; anything else is refused."""
    value = code.strip().upper()
    match = None
    if len(value) == 2:
        match = pycountry.countries.get(alpha_2=value)
    elif len(value) == 3:
        match = pycountry.countries.get(alpha_3=value)
    if match is None:
        raise Invalid(
            N_("unknown country code: %(code)s (expected ISO 3166-1 alpha-2, e.g. FR)"), code=code
        )
    return str(match.alpha_2)


@lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


# Where the organisation's own usage differs from CLDR's generic territory names.
OFFICIAL_NAMES = {
    "PS": {
        "en": "State of Palestine",
        "ar": "دولة فلسطين",
        "fr": "État de Palestine",
        "es": "Estado de Palestina",
    },
}


def country_name(code: str, lang: str = "en") -> str:
    """The country's name in one of the working languages (CLDR via Babel, unless the
    organisation names it otherwise)."""
    official = OFFICIAL_NAMES.get(code, {}).get(lang)
    if official:
        return official
    name = _locale(lang).territories.get(code)
    if name:
        return str(name)
    found = pycountry.countries.get(alpha_2=code)
    return str(found.name) if found else code


def load_roster(session: Session, caller: Caller) -> int:
    """Create the reference member countries and their bureaus that are not there yet."""
    existing = set(session.execute(select(Country.code)).scalars())
    new_rows = [row for row in reference_roster() if row.code not in existing]
    for row in new_rows:
        session.add(_country(row.code, row.region, row.joined))
    session.flush()  # countries before the bureaus that reference them
    for row in new_rows:
        session.add(Bureau(code=row.code, kind=BureauKind.NCB, country_code=row.code))
    if session.get(Bureau, GS_CODE) is None:
        session.add(Bureau(code=GS_CODE, kind=BureauKind.GS, name="General Secretariat"))
    session.flush()
    if new_rows:
        audit.record(session, caller, AuditEvent.BUREAU_CREATED, "roster", countries=len(new_rows))
    return len(new_rows)


def _country(code: str, region: Region, joined: int | None) -> Country:
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        raise Invalid(N_("unknown country code: %(code)s"), code=code)
    return Country(code=code, alpha3=found.alpha_3, region=region, joined=joined)


def admit_member(
    session: Session, caller: Caller, code: str, region: Region, *, reason: str
) -> Country:
    """Make a candidate a member country with its own bureau (after a successful vote)."""
    code = normalise_country_code(code)
    if session.get(Country, code) is not None:
        raise Conflict(N_("%(code)s is already a member"), code=code)
    if session.get(Bureau, code) is not None:
        raise Conflict(N_("bureau code %(code)s is taken"), code=code)
    now = utcnow()
    country = _country(code, region, now.year)
    country.admitted_at = now
    session.add(country)
    session.flush()
    session.add(Bureau(code=code, kind=BureauKind.NCB, country_code=code))
    session.flush()
    audit.record(session, caller, AuditEvent.MEMBER_ADMITTED, f"country:{code}", reason=reason)
    return country


def add_partner(session: Session, caller: Caller, code: str, name: str) -> Bureau:
    code = code.strip().upper()
    if len(code) < 3 or not code.isalnum():
        raise Invalid(N_("partner codes are 3-12 letters or digits (2-letter codes are countries)"))
    if session.get(Bureau, code) is not None:
        raise Conflict(N_("bureau %(code)s already exists"), code=code)
    bureau = Bureau(code=code, kind=BureauKind.PARTNER, name=name)
    session.add(bureau)
    session.flush()
    audit.record(session, caller, AuditEvent.BUREAU_CREATED, f"bureau:{code}", name=name)
    return bureau


def get_bureau(session: Session, code: str) -> Bureau:
    bureau = session.get(Bureau, code.strip().upper())
    if bureau is None:
        raise NotFound(N_("no bureau %(code)s"), code=code)
    return bureau


def get_country(session: Session, code: str) -> Country:
    country = session.get(Country, normalise_country_code(code))
    if country is None:
        raise NotFound(N_("%(code)s is not a member country"), code=code.upper())
    return country


def is_member(session: Session, code: str) -> bool:
    return session.get(Country, code) is not None


def list_countries(session: Session, region: Region | None = None) -> list[Country]:
    query = select(Country).order_by(Country.code)
    if region is not None:
        query = query.where(Country.region == region)
    return list(session.execute(query).scalars())


def list_bureaus(session: Session, kind: BureauKind | None = None) -> list[Bureau]:
    query = select(Bureau).order_by(Bureau.kind, Bureau.code)
    if kind is not None:
        query = query.where(Bureau.kind == kind)
    return list(session.execute(query).scalars())


def member_codes(session: Session) -> list[str]:
    return list(session.execute(select(Country.code).order_by(Country.code)).scalars())


def count_members(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(Country)).scalar_one())


def bureau_kind(session: Session, code: str) -> BureauKind:
    return BureauKind(get_bureau(session, code).kind)
