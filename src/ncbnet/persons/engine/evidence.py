"""Everything but the name: birth date, nationality, sex, identifiers.

Each comparison gives a label for the explanation and a score adjustment: agreement is
positive evidence, a clear conflict negative, an unknown on either side neutral.

A birth-date conflict (another full date, years two or more apart) is close to proof of a
different person: its penalty alone takes an exactly matching name below the threshold, and
only an agreeing identifier (+0.4) can bring it back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .types import Identifier, PartialDate

BIRTH_DATE = {"exact": 0.12, "year-month": 0.08, "year": 0.05, "near": -0.03, "conflict": -0.45}
NATIONALITY = {"agree": 0.04, "conflict": -0.06}
SEX = {"agree": 0.0, "conflict": -0.15}
IDENTIFIER = {"exact": 0.4, "conflict": -0.05}
_RANK = ["exact", "year-month", "year", "near", "conflict"]
_SEPARATORS = re.compile(r"[^0-9A-Z]+")


def compare_dates(a: PartialDate, b: PartialDate) -> str:
    if abs(a.year - b.year) > 1:
        return "conflict"
    if a.year != b.year:
        # A year off on the same day is a common recording error, weak evidence either way;
        # a year off on another day is another date.
        same_day = _unknown_or_equal(a.month, b.month) and _unknown_or_equal(a.day, b.day)
        return "near" if same_day else "conflict"
    if a.month is None or b.month is None:
        return "year"
    if a.month != b.month:
        # Day and month swapped (03/02 vs 02/03) is a format error, not another person.
        if a.day is not None and (a.day, a.month) == (b.month, b.day):
            return "near"
        return "conflict"
    if a.day is None or b.day is None:
        return "year-month"
    return "exact" if a.day == b.day else "conflict"


def _unknown_or_equal(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def birth_date(query: Iterable[PartialDate], record: Iterable[PartialDate]) -> str | None:
    """The best agreement between any of the query's dates and any of the record's."""
    results = [compare_dates(a, b) for a in query for b in record]
    return min(results, key=_RANK.index) if results else None


def nationality(query: frozenset[str], record: frozenset[str]) -> str | None:
    if not query or not record:
        return None
    q = {c.upper() for c in query}
    r = {c.upper() for c in record}
    return "agree" if q & r else "conflict"


def sex(query: str | None, record: str | None) -> str | None:
    if not query or not record:
        return None
    return "agree" if query.lower()[0] == record.lower()[0] else "conflict"


def normalise_identifier(value: str) -> str:
    return _SEPARATORS.sub("", value.upper())


def identifier(query: Iterable[Identifier], record: Iterable[Identifier]) -> str | None:
    """ "exact" if any value agrees; "conflict" only for two documents of the same kind and
    country with different numbers (people hold several passports, so it weighs little)."""
    result = None
    for a in query:
        for b in record:
            if not _compatible(a, b):
                continue
            if normalise_identifier(a.value) == normalise_identifier(b.value):
                return "exact"
            if a.kind == b.kind and a.country and b.country:
                result = "conflict"
    return result


def _compatible(a: Identifier, b: Identifier) -> bool:
    if a.country and b.country and a.country.upper() != b.country.upper():
        return False
    return a.kind == b.kind or "other" in (a.kind, b.kind)


def adjustment(dob: str | None, nat: str | None, sx: str | None, ident: str | None) -> float:
    total = 0.0
    total += BIRTH_DATE.get(dob or "", 0.0)
    total += NATIONALITY.get(nat or "", 0.0)
    total += SEX.get(sx or "", 0.0)
    total += IDENTIFIER.get(ident or "", 0.0)
    return total
