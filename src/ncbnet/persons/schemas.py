"""What the persons API accepts and returns. Validation here gives clear 422s; the service
re-checks what needs the database (countries, ownership)."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from ncbnet.core.access import HandlingCode, Visibility
from ncbnet.persons.engine.types import PartialDate

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Category(StrEnum):
    WANTED = "wanted"
    MISSING = "missing"
    SUSPECT = "suspect"
    CONVICTED = "convicted"
    UNIDENTIFIED = "unidentified"


class Sex(StrEnum):
    MALE = "m"
    FEMALE = "f"


class IdentifierKind(StrEnum):
    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    ID_CARD = "id_card"
    OTHER = "other"


def clean_text(value: str) -> str:
    """Names and free text: no control characters, whitespace collapsed."""
    if any(unicodedata.category(ch) == "Cc" for ch in value if ch not in "\n\t"):
        raise ValueError("contains control characters")
    return " ".join(value.split())


def _name(value: str) -> str:
    value = clean_text(value)
    if not value:
        raise ValueError("a name cannot be empty")
    if "\n" in value or "\t" in value:
        raise ValueError("a name is one line")
    return value


def parse_partial_date(value: str) -> PartialDate:
    """YYYY, YYYY-MM or YYYY-MM-DD; a real calendar date, not in the future."""
    match = PARTIAL_DATE.match(value.strip())
    if not match:
        raise ValueError(f"{value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    today = datetime.now(UTC).date()
    if year < 1880 or year > today.year:
        raise ValueError(f"{value!r}: year out of range")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{value!r}: no such month")
    if day is not None:
        try:
            full = date(year, month or 1, day)
        except ValueError:
            raise ValueError(f"{value!r}: no such day") from None
        if full > today:
            raise ValueError(f"{value!r}: in the future")
    elif month is not None and (year, month) > (today.year, today.month):
        raise ValueError(f"{value!r}: in the future")
    return PartialDate(year, month, day)


def _partial_date_text(value: str) -> str:
    return str(parse_partial_date(value))


NameText = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_name)]
NamePart = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_name)]
FreeText = Annotated[str, Field(max_length=5000), AfterValidator(clean_text)]
DateText = Annotated[
    str, Field(max_length=10, examples=["1975-03-02", "1975"]), AfterValidator(_partial_date_text)
]
CountryText = Annotated[str, Field(min_length=2, max_length=3, examples=["FR"])]


class NameIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    full: NameText = Field(examples=["Mohammed Abdulrahman Al-Husseini"])
    given: NamePart | None = None
    family: NamePart | None = None


class IdentifierIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: IdentifierKind
    value: str = Field(min_length=1, max_length=64)
    country: CountryText | None = None

    @field_validator("value")
    @classmethod
    def _value(cls, value: str) -> str:
        value = clean_text(value)
        if not re.sub(r"[\s./-]", "", value):
            raise ValueError("an identifier needs letters or digits")
        return value


class LinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    capability: str = Field(min_length=1, max_length=32, pattern=r"^[a-z_]+$")
    record_id: str = Field(min_length=1, max_length=64)
    relation: str = Field("related", min_length=1, max_length=32)


class PolicyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    visibility: Visibility = Visibility.ALL
    countries: list[CountryText] = Field(default_factory=list, max_length=250)
    handling_code: HandlingCode = HandlingCode.NONE


class PersonCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: Category
    names: list[NameIn] = Field(min_length=1, max_length=50)
    sex: Sex | None = None
    birth_dates: list[DateText] = Field(default_factory=list, max_length=10)
    place_of_birth: FreeText | None = None
    nationalities: list[CountryText] = Field(default_factory=list, max_length=10)
    identifiers: list[IdentifierIn] = Field(default_factory=list, max_length=20)
    physical_description: FreeText | None = None
    offences: list[str] = Field(default_factory=list, max_length=20)
    remarks: FreeText | None = None
    links: list[LinkIn] = Field(default_factory=list, max_length=50)
    policy: PolicyIn = Field(default_factory=PolicyIn)
    review_date: date | None = None


class PersonUpdate(BaseModel):
    """Only the fields given change; lists given replace the stored ones."""

    model_config = ConfigDict(extra="forbid")

    category: Category | None = None
    names: list[NameIn] | None = Field(None, min_length=1, max_length=50)
    sex: Sex | None = None
    birth_dates: list[DateText] | None = Field(None, max_length=10)
    place_of_birth: FreeText | None = None
    nationalities: list[CountryText] | None = Field(None, max_length=10)
    identifiers: list[IdentifierIn] | None = Field(None, max_length=20)
    physical_description: FreeText | None = None
    offences: list[str] | None = Field(None, max_length=20)
    remarks: FreeText | None = None
    links: list[LinkIn] | None = Field(None, max_length=50)
    policy: PolicyIn | None = None
    review_date: date | None = None


class PersonPublic(BaseModel):
    id: str
    owner: str
    status: str
    category: Category
    names: list[NameIn]
    sex: Sex | None
    birth_dates: list[str]
    place_of_birth: str | None
    nationalities: list[str]
    identifiers: list[IdentifierIn]
    physical_description: str | None
    offences: list[str]
    remarks: str | None
    links: list[LinkIn]
    policy: PolicyIn
    review_date: date | None
    created_by: str
    created_at: datetime
    updated_at: datetime


class SearchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: NameText | None = Field(None, examples=["محمد عبد الرحمن الحسيني"])
    given: NamePart | None = None
    family: NamePart | None = None
    birth_date: DateText | None = None
    nationality: CountryText | None = None
    sex: Sex | None = None
    identifier: str | None = Field(None, min_length=1, max_length=64)
    limit: int = Field(10, ge=1, le=50)
    min_score: float = Field(0.5, ge=0, le=1, description="Leave out weaker candidates")
    location: str | None = Field(None, max_length=200, description="Where the search is made")


class PartMatchOut(BaseModel):
    query_part: str
    record_part: str
    how: str
    similarity: float
    weight: float


class ExplanationOut(BaseModel):
    name_parts: list[PartMatchOut]
    unmatched_query_parts: list[str]
    matched_name: str | None
    name_score: float | None
    birth_date: str | None
    nationality: str | None
    sex: str | None
    identifier: str | None


class SearchHit(BaseModel):
    person: PersonPublic
    score: float
    is_match: bool
    explanation: ExplanationOut


class SearchOut(BaseModel):
    threshold: float
    matches: list[SearchHit]
    subject_key: str = Field(description="Mark a hit 'not the same person' for this subject")


class CompareIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name_a: NameText
    name_b: NameText
    birth_date_a: DateText | None = None
    birth_date_b: DateText | None = None
    nationality_a: CountryText | None = None
    nationality_b: CountryText | None = None


class CompareOut(BaseModel):
    score: float
    is_match: bool
    threshold: float
    explanation: ExplanationOut


class NotSameIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject_key: str = Field(min_length=64, max_length=64, pattern="^[0-9a-f]{64}$")
    subject: str = Field("", max_length=500)
    reason: str = Field("", max_length=500)
