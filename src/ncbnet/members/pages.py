from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ncbnet.core.errors import N_
from ncbnet.core.members import BureauKind, Region
from ncbnet.members import service
from ncbnet.web.deps import CurrentCaller, DatabaseDep, LanguageDep
from ncbnet.web.render import render

router = APIRouter(include_in_schema=False)

REGION_LABELS = {
    Region.AFRICA: N_("Africa"),
    Region.AMERICAS: N_("Americas"),
    Region.ASIA_SOUTH_PACIFIC: N_("Asia and South Pacific"),
    Region.EUROPE: N_("Europe"),
    Region.MENA: N_("Middle East and North Africa"),
}


@router.get("/members")
def members_page(
    request: Request,
    db: DatabaseDep,
    caller: CurrentCaller,
    lang: LanguageDep,
    region: Annotated[str, Query(max_length=40)] = "",
    q: Annotated[str, Query(max_length=100)] = "",
) -> Response:
    chosen = Region(region) if region in set(Region) else None
    with db.read() as session:
        countries = service.find_countries(session, caller, lang=lang, region=chosen, text=q)
        others = [
            b for b in service.find_bureaus(session, caller, lang=lang) if b.kind != BureauKind.NCB
        ]
    return render(
        request,
        "members/list.html",
        {
            "countries": countries,
            "others": others,
            "regions": REGION_LABELS,
            "region": region,
            "q": q,
        },
    )


@router.get("/members/{code}")
def member_page(
    code: str, request: Request, db: DatabaseDep, caller: CurrentCaller, lang: LanguageDep
) -> Response:
    with db.read() as session:
        country = service.get_member(session, caller, code, lang=lang)
    return render(request, "members/detail.html", {"country": country, "regions": REGION_LABELS})
