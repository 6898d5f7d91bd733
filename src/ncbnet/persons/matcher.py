"""The persons engine of one server process: built from the database at start-up, kept
current by following the change log before each search."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable

from sqlalchemy import select

from ncbnet.core.changelog import changes_since, latest_seq
from ncbnet.core.db import Database
from ncbnet.persons.convert import to_indexed
from ncbnet.persons.engine import NameIndex
from ncbnet.persons.engine.types import IndexedPerson, Match, PersonQuery
from ncbnet.persons.models import Person

CAPABILITY = "persons"
LOAD_BATCH = 5000


class PersonMatcher:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._index = NameIndex()
        self._seq = 0
        self._loaded = False
        # Python-level engine structures are not safe for a concurrent add and search.
        self._lock = threading.Lock()

    @property
    def threshold(self) -> float:
        return float(self._index.threshold)

    def __len__(self) -> int:
        return len(self._index)

    def load(self, progress: Callable[[int], None] | None = None) -> None:
        """(Re)build the index from every active person."""
        with self._lock, self._db.read() as session:
            index = NameIndex()
            seq = latest_seq(session)
            rows = session.execute(
                select(Person)
                .where(Person.status == "active")
                .execution_options(yield_per=LOAD_BATCH)
            ).scalars()
            try:
                for count, person in enumerate(rows, 1):
                    index.add(to_indexed(person))
                    if progress is not None and count % LOAD_BATCH == 0:
                        progress(LOAD_BATCH)
            finally:
                rows.close()
            self._index, self._seq, self._loaded = index, seq, True
        # Move the long-lived index out of the collector's sight: otherwise every full
        # collection walks millions of index objects and stalls searches (see engine/index.py).
        gc.collect()
        gc.freeze()

    def catch_up(self) -> int:
        """Apply the persons changes committed since the last look; returns how many."""
        if not self._loaded:
            self.load()
            return 0
        with self._lock, self._db.read() as session:
            changes = changes_since(session, self._seq, capabilities=[CAPABILITY])
            if not changes:
                return 0
            ids = sorted({c.record_id for c in changes})
            fresh = {
                p.id: p for p in session.execute(select(Person).where(Person.id.in_(ids))).scalars()
            }
            for person_id in ids:
                person = fresh.get(person_id)
                if person is None or person.status != "active":
                    self._index.remove(person_id)
                else:
                    self._index.add(to_indexed(person))
            self._seq = changes[-1].seq
            return len(changes)

    def search(
        self, query: PersonQuery, *, limit: int, allowed: Callable[[IndexedPerson], bool]
    ) -> list[Match]:
        self.catch_up()
        with self._lock:
            return self._index.search(query, limit=limit, allowed=allowed)


_matchers: weakref.WeakKeyDictionary[Database, PersonMatcher] = weakref.WeakKeyDictionary()
_registry_lock = threading.Lock()


def matcher_for(db: Database) -> PersonMatcher:
    with _registry_lock:
        matcher = _matchers.get(db)
        if matcher is None:
            matcher = PersonMatcher(db)
            _matchers[db] = matcher
    return matcher
