"""The shipped name-equivalence table (see data/README.md), loaded once per process."""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .arabic import normalise_arabic

TABLE = Path(__file__).with_name("data") / "name_equivalents.tsv.gz"
ARABIC_GIVEN = Path(__file__).with_name("data") / "arabic_given_variants.tsv"
# Latin variants of one Chinese spelling are too loosely related to call each other
# equivalent (李 is Li, Lee, Ri...): Chinese keys only bridge scripts.
_EQUIVALENCE_SCRIPTS = ("ar:", "ru:")


@dataclass
class NameDictionary:
    latin_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """native key -> Latin spellings, most used first."""
    key_ids: dict[str, int] = field(default_factory=dict)
    groups_of: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Latin spelling -> ids of the native keys it is a spelling of."""
    equivalence_groups_of: dict[str, frozenset[int]] = field(default_factory=dict)
    """Same, Arabic and Cyrillic keys only: two Latin spellings sharing one are variants."""
    latin_counts: dict[str, int] = field(default_factory=dict)
    total: int = 0

    def latin(self, key: str) -> tuple[str, ...]:
        return self.latin_of.get(key, ())

    def key_id(self, key: str) -> int | None:
        return self.key_ids.get(key)


def parse(lines: list[str]) -> NameDictionary:
    d = NameDictionary()
    groups: dict[str, list[int]] = {}
    equivalence: dict[str, list[int]] = {}
    for line in lines:
        key, _, rest = line.partition("\t")
        if not rest:
            continue
        kid = d.key_ids.setdefault(key, len(d.key_ids))
        spellings = []
        bridge_only = not key.startswith(_EQUIVALENCE_SCRIPTS)
        for item in rest.split(","):
            latin, _, count = item.rpartition(":")
            spellings.append(latin)
            n = int(count)
            d.latin_counts[latin] = d.latin_counts.get(latin, 0) + n
            d.total += n
            groups.setdefault(latin, []).append(kid)
            if not bridge_only:
                equivalence.setdefault(latin, []).append(kid)
        d.latin_of[key] = tuple(dict.fromkeys(d.latin_of.get(key, ()) + tuple(spellings)))
    d.groups_of = {latin: tuple(ids) for latin, ids in groups.items()}
    d.equivalence_groups_of = {latin: frozenset(ids) for latin, ids in equivalence.items()}
    return d


def supplement_lines(text: str) -> list[str]:
    """The hand-kept table in the main table's line format (normalised key, spelling:count)."""
    lines = []
    for row in text.splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        native, _, spellings = row.partition("\t")
        # A nominal count: enough to make these spellings known, not to outweigh usage data.
        joined = ",".join(f"{s.strip()}:5" for s in spellings.split(",") if s.strip())
        lines.append(f"ar:{normalise_arabic(native.strip())}\t{joined}")
    return lines


_loaded: NameDictionary | None = None
_lock = threading.Lock()


def get() -> NameDictionary:
    global _loaded
    with _lock:
        if _loaded is None:
            with gzip.open(TABLE, "rt", encoding="utf-8") as fh:
                lines = fh.read().splitlines()
            _loaded = parse(lines + supplement_lines(ARABIC_GIVEN.read_text("utf-8")))
        return _loaded
