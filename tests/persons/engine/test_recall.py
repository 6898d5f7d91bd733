"""Recall@10 on the dev slices (wd_*_16.tsv), which the shipped dictionary never saw.

Index every Latin token of a slice as a one-word person, query with the other script's
spelling, count how often the right Latin token is in the first 10.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ncbnet.persons.engine import IndexedPerson, NameIndex, PersonName, PersonQuery
from ncbnet.persons.engine.keys import fold_ascii

from .conftest import REPORT

DATA = Path("/work/shared/bench-data/transliteration")
QUERIES_PER_SCRIPT = 1000
# Floors a little under what the engine reaches (arabic 0.77, chinese 0.51, russian 0.81):
# a drop below them is a regression.
FLOORS = {"arabic": 0.72, "chinese": 0.45, "russian": 0.75}


def _recall(script: str) -> tuple[float, float, int]:
    rows = []
    with (DATA / f"wd_{script}_16.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and fold_ascii(parts[0]):
                rows.append((fold_ascii(parts[0]), parts[1].replace(" ", "")))
    index = NameIndex()
    for latin in sorted({latin for latin, _ in rows}):
        index.add(IndexedPerson(id=latin, names=(PersonName(latin),)))
    sample = rows[:: max(1, len(rows) // QUERIES_PER_SCRIPT)]
    at10 = at1 = 0
    for latin, native in sample:
        found = [m.record_id for m in index.search(PersonQuery(name=native), limit=10)]
        at10 += latin in found
        at1 += found[:1] == [latin]
    return at10 / len(sample), at1 / len(sample), len(sample)


@pytest.mark.skipif(not DATA.is_dir(), reason="bench data not mounted")
@pytest.mark.parametrize("script", sorted(FLOORS))
def test_dev_slice_recall(script: str) -> None:
    at10, at1, n = _recall(script)
    line = f"dev-slice {script:8} recall@10 {at10:.3f}  recall@1 {at1:.3f}  ({n} queries)"
    REPORT.append(line)
    print(line)
    assert at10 >= FLOORS[script]
