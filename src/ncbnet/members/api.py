from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ncbnet.core.members import BureauKind, Region
from ncbnet.core.settings import LANGUAGES
from ncbnet.members import service
from ncbnet.members.schemas import BureauPublic, CountryPublic
from ncbnet.web.deps import CurrentCaller, DatabaseDep

router = APIRouter(tags=["members"])
LangQuery = Annotated[
    str, Query(pattern=f"^({'|'.join(LANGUAGES)})$", description="Language of the names")
]


@router.get("/members", response_model=list[CountryPublic])
def list_members(
    db: DatabaseDep,
    caller: CurrentCaller,
    region: Region | None = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    lang: LangQuery = "en",
) -> list[CountryPublic]:
    with db.read() as session:
        return service.find_countries(session, caller, lang=lang, region=region, text=q)


@router.get("/members/{code}", response_model=CountryPublic)
def get_member(
    code: str, db: DatabaseDep, caller: CurrentCaller, lang: LangQuery = "en"
) -> CountryPublic:
    with db.read() as session:
        return service.get_member(session, caller, code, lang=lang)


@router.get("/bureaus", response_model=list[BureauPublic])
def list_all_bureaus(
    db: DatabaseDep, caller: CurrentCaller, kind: BureauKind | None = None, lang: LangQuery = "en"
) -> list[BureauPublic]:
    with db.read() as session:
        return service.find_bureaus(session, caller, lang=lang, kind=kind)
