"""Scale smoke test: 50,000 synthetic people, searches keep working (timings are reported,
not asserted: CI machines vary)."""

from __future__ import annotations

import gc
import random
import time

from ncbnet.persons.engine import IndexedPerson, NameIndex, PartialDate, PersonName, PersonQuery

from .conftest import REPORT

SYLLABLES = "ba ka da fa ga ha ja ma na ra sa ta wa za li mi ni ri si ti lo mo no ro so to".split()
COMMON = ["Mohammed", "Ali", "Wang", "Li", "Kim", "Smith", "Ahmed", "Hassan", "Ivanov"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title()


def _people(n: int, rng: random.Random) -> list[IndexedPerson]:
    people = []
    for i in range(n):
        given = rng.choice(COMMON) if rng.random() < 0.3 else _word(rng)
        family = rng.choice(COMMON) if rng.random() < 0.2 else _word(rng)
        middle = f" {_word(rng)}" if rng.random() < 0.3 else ""
        born = PartialDate(rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28))
        people.append(IndexedPerson(f"p{i}", (PersonName(f"{given}{middle} {family}"),), (born,)))
    return people


def test_fifty_thousand_people() -> None:
    rng = random.Random(20)
    people = _people(50_000, rng)
    start = time.perf_counter()
    index = NameIndex()
    for person in people:
        index.add(person)
    build = time.perf_counter() - start
    assert len(index) == 50_000
    # As a long-running host should after loading: keep the collector from walking the
    # index's objects on every full collection (a 0.5 s pause at 50,000 people otherwise).
    gc.freeze()
    timings = []
    found = 0
    sample = rng.sample(people, 200)
    for person in sample:
        query = PersonQuery(name=person.names[0].full, birth_dates=person.birth_dates)
        start = time.perf_counter()
        matches = index.search(query, limit=10)
        timings.append(time.perf_counter() - start)
        found += person.id in [m.record_id for m in matches]
    gc.unfreeze()
    timings.sort()
    p50, p99 = timings[len(timings) // 2], timings[int(len(timings) * 0.99)]
    REPORT.append(
        f"scale 50,000 people: build {build:.1f}s, query p50 {p50 * 1000:.1f} ms, "
        f"p99 {p99 * 1000:.1f} ms, max {timings[-1] * 1000:.1f} ms, found {found}/200"
    )
    assert found == len(sample)
