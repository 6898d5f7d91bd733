from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class CountryPublic(BaseModel):
    code: str
    alpha3: str
    name: str
    region: str
    joined: int | None
    admitted_at: datetime | None


class BureauPublic(BaseModel):
    code: str
    kind: str
    country_code: str | None
    name: str
    active: bool
