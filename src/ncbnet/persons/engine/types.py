"""The matching engine's data: what is indexed, what is asked, what comes back.

Plain dataclasses with no database or HTTP in sight, so the engine can be built, tested and
benchmarked on its own and fed from the database or from a file alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class PartialDate:
    """A birth date known to the year, year-month or full day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True)
class PersonName:
    """One way of writing the person's name, in any script."""

    full: str
    given: str | None = None
    family: str | None = None


@dataclass(frozen=True)
class Identifier:
    kind: str
    """passport, national_id, id_card, other"""
    value: str
    country: str | None = None


@dataclass(frozen=True)
class IndexedPerson:
    """A person record as the engine sees it, with what access checks need."""

    id: str
    names: tuple[PersonName, ...]
    birth_dates: tuple[PartialDate, ...] = ()
    nationalities: frozenset[str] = frozenset()
    sex: str | None = None
    """"m", "f" or None (unknown)."""
    identifiers: tuple[Identifier, ...] = ()
    owner: str = ""
    visibility: str = "all"
    policy_countries: str = ""
    status: str = "active"


@dataclass(frozen=True)
class PersonQuery:
    """What an officer or a border system asks: any subset of these."""

    name: str | None = None
    given: str | None = None
    family: str | None = None
    birth_dates: tuple[PartialDate, ...] = ()
    nationalities: frozenset[str] = frozenset()
    sex: str | None = None
    identifiers: tuple[Identifier, ...] = ()


class How(StrEnum):
    """How a query name part met a record name part, strongest first."""

    EXACT = "exact"
    EQUIVALENT = "equivalent"
    """Known variant spelling (Mohammed / Muhammad, Sergey / Sergei)."""
    TRANSLITERATION = "transliteration"
    """Same name in another script (Сергей / Sergey, محمد / Mohamed)."""
    PHONETIC = "phonetic"
    FUZZY = "fuzzy"


@dataclass(frozen=True)
class PartMatch:
    query_part: str
    record_part: str
    how: How
    similarity: float
    """0..1 for this pair of parts."""
    weight: float
    """How much this part counts (rare parts count more than common ones)."""


@dataclass(frozen=True)
class Explanation:
    name_parts: tuple[PartMatch, ...] = ()
    unmatched_query_parts: tuple[str, ...] = ()
    matched_name: str | None = None
    """The record's name or alias that matched best."""
    name_score: float | None = None
    birth_date: str | None = None
    """"exact", "year-month", "year", "near" (±1 year), "conflict" or None (not compared)."""
    nationality: str | None = None
    """"agree", "conflict" or None."""
    sex: str | None = None
    identifier: str | None = None
    """"exact", "conflict" or None."""


@dataclass(frozen=True)
class Match:
    record_id: str
    score: float
    """0..1"""
    is_match: bool
    """score >= the engine's threshold."""
    explanation: Explanation = field(default_factory=Explanation)
