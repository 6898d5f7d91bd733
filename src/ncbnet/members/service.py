"""Views of the membership for API, pages and CLI (the tables live in core.members)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ncbnet.core.members import (
    Bureau,
    BureauKind,
    Country,
    Region,
    country_name,
    get_country,
    list_bureaus,
    list_countries,
)
from ncbnet.core.permissions import MEMBERS_VIEW, Caller
from ncbnet.members.schemas import BureauPublic, CountryPublic


def country_public(country: Country, lang: str) -> CountryPublic:
    return CountryPublic(
        code=country.code,
        alpha3=country.alpha3,
        name=country_name(country.code, lang),
        region=country.region,
        joined=country.joined,
        admitted_at=country.admitted_at,
    )


def bureau_display_name(bureau: Bureau, lang: str) -> str:
    if bureau.kind == BureauKind.NCB and bureau.country_code:
        return country_name(bureau.country_code, lang)
    return bureau.name or bureau.code


def find_countries(
    session: Session,
    caller: Caller,
    *,
    lang: str,
    region: Region | None = None,
    text: str | None = None,
) -> list[CountryPublic]:
    """Members, optionally of one region and matching a code or name in the reader's language."""
    caller.require(MEMBERS_VIEW)
    rows = [country_public(c, lang) for c in list_countries(session, region)]
    if text:
        needle = text.strip().casefold()
        rows = [
            r
            for r in rows
            if needle in r.name.casefold()
            or needle == r.code.casefold()
            or needle == r.alpha3.casefold()
            or needle in country_name(r.code).casefold()
        ]
    return sorted(rows, key=lambda r: r.name.casefold())


def get_member(session: Session, caller: Caller, code: str, *, lang: str) -> CountryPublic:
    caller.require(MEMBERS_VIEW)
    return country_public(get_country(session, code), lang)


def find_bureaus(
    session: Session, caller: Caller, *, lang: str, kind: BureauKind | None = None
) -> list[BureauPublic]:
    caller.require(MEMBERS_VIEW)
    return [
        BureauPublic(
            code=b.code,
            kind=b.kind,
            country_code=b.country_code,
            name=bureau_display_name(b, lang),
            active=b.active,
        )
        for b in list_bureaus(session, kind)
    ]
