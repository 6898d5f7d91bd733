"""In-memory multilingual person-name matching: find a person whatever the script or spelling.

Pure Python, no database or HTTP: feed it IndexedPerson records, ask with a PersonQuery, get
ranked Match objects that say part by part why they matched.
"""

from __future__ import annotations

from .analysis import normalise_name, romanise_name
from .index import NameIndex
from .scoring import DEFAULT_THRESHOLD, compare
from .types import (
    Explanation,
    How,
    Identifier,
    IndexedPerson,
    Match,
    PartialDate,
    PartMatch,
    PersonName,
    PersonQuery,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "Explanation",
    "How",
    "Identifier",
    "IndexedPerson",
    "Match",
    "NameIndex",
    "PartMatch",
    "PartialDate",
    "PersonName",
    "PersonQuery",
    "compare",
    "normalise_name",
    "romanise_name",
]
