"""The in-memory index: blocking keys -> people, then scoring of the few candidates.

Never scores every record. Each name word is filed under its consonant skeletons and its
name-dictionary groups (which join scripts: "sergey" and "Сергей" share a group); skeletons
also under skeleton+birth year, so a common name with a birth date still narrows to a few
people; identifiers under their normalised value. A query gathers people through the same
keys plus skeletons one edit away (found through a deletion table over the vocabulary, not
over the people), ranks them by the weight of the words that hit, and scores the best few.

A match must also stand out: at most one record is the person asked about, so a record that
is not the clear best of the search (a namesake with the same name and a date the query cannot
tell apart, a partial match behind a full one) loses AMBIGUITY of its score and is, as a rule,
no longer flagged; it still ranks where it did. A flag raises a hit event for the record's
owner, which a coin toss between namesakes should not. Only records the caller may see compete.

A host holding a large index should call gc.freeze() once it is loaded: otherwise each full
garbage collection walks every index object (a pause of about 0.5 s per 50,000 people).
"""

from __future__ import annotations

import dataclasses
import heapq
from collections.abc import Callable, Iterable, Iterator

from . import evidence
from .analysis import Token, analyse_name, merge
from .keys import deletions
from .scoring import DEFAULT_THRESHOLD, Facts, NameTokens, WordCache, name_text, query_names, score
from .types import IndexedPerson, Match, PersonQuery
from .weights import prior_share, weight

SCAN_LIMIT = 20_000
"""Postings read per key at most: a very common key cannot make a search slow."""
LONG_POSTINGS = 3_000
"""Posting lists longer than this are skipped once rarer query words found candidates."""
INTERSECT_LIMIT = 200_000
"""Postings read per key when intersecting the lists of two common words."""
NEAR_WHEN_FEWER = 200
"""Skeletons one edit away are looked up only when the word's own keys reached fewer people."""
CANDIDATES = 100
"""People fully scored per search."""
PRUNE_BELOW = 0.25
"""Candidates gathered with less than this share of the best one's weight are not scored."""
NEAR_FACTOR = 0.5
"""A skeleton one edit away counts half as much as the same skeleton when gathering."""
AMBIGUITY = 0.25
"""Score lost by a match that does not lead every other match of the search by MARGIN."""
MARGIN = 0.05


class _Entry:
    __slots__ = ("person", "names", "facts", "weight_keys")

    def __init__(self, person: IndexedPerson) -> None:
        self.person = person
        self.names: tuple[tuple[str, NameTokens], ...] = tuple(
            (name_text(n), analyse_name(name_text(n))) for n in person.names if name_text(n)
        )
        self.facts = Facts(person.birth_dates, person.nationalities, person.sex, person.identifiers)
        self.weight_keys = frozenset(
            t.weight_key for _, ts in self.names for t in ts if not t.connector
        )


class NameIndex:
    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._entries: list[_Entry | None] = []
        self._slot: dict[str, int] = {}
        self._postings: dict[str, list[int]] = {}
        self._frequency: dict[str, int] = {}
        self._near: dict[str, list[str]] = {}
        """skeleton or one of its deletions -> skeletons in the vocabulary."""
        self._dead = 0
        prior_share("")  # load the dictionary and prior now, not in the first search

    def __len__(self) -> int:
        return len(self._slot)

    def get(self, person_id: str) -> IndexedPerson | None:
        slot = self._slot.get(person_id)
        entry = self._entries[slot] if slot is not None else None
        return entry.person if entry else None

    def add(self, person: IndexedPerson) -> None:
        self.remove(person.id)
        entry = _Entry(person)
        slot = len(self._entries)
        self._entries.append(entry)
        self._slot[person.id] = slot
        for key in entry.weight_keys:
            self._frequency[key] = self._frequency.get(key, 0) + 1
        for key in self._keys(entry):
            postings = self._postings.get(key)
            if postings is None:
                self._postings[key] = [slot]
                if key.startswith("s:"):
                    self._file_skeleton(key[2:])
            else:
                postings.append(slot)

    def add_all(self, people: Iterable[IndexedPerson]) -> None:
        for person in people:
            self.add(person)

    def remove(self, person_id: str) -> None:
        slot = self._slot.pop(person_id, None)
        if slot is None:
            return
        entry = self._entries[slot]
        self._entries[slot] = None
        if entry:
            for key in entry.weight_keys:
                self._frequency[key] -= 1
        self._dead += 1
        if self._dead > 1000 and self._dead > len(self._slot):
            self._compact()

    def search(
        self,
        query: PersonQuery,
        *,
        limit: int = 10,
        allowed: Callable[[IndexedPerson], bool] | None = None,
    ) -> list[Match]:
        names = query_names(query)
        weigh = self._weigher()
        gathered = self._gather(names, query, weigh)
        cache = WordCache()
        facts = Facts(query.birth_dates, query.nationalities, query.sex, query.identifiers)
        matches: list[Match] = []
        wanted = max(CANDIDATES, limit)
        for slot in self._ranked(gathered, wanted if allowed is None else 4 * wanted):
            entry = self._entries[slot]
            if entry is None or (allowed is not None and not allowed(entry.person)):
                continue
            matches.append(
                score(entry.person.id, names, facts, entry.names, entry.facts, weigh,
                      self.threshold, cache)
            )  # fmt: skip
            if len(matches) >= wanted:
                break
        matches.sort(key=lambda m: (-m.score, m.record_id))
        return self._distinct(matches[:limit])

    def _distinct(self, matches: list[Match]) -> list[Match]:
        """Matches that do not clearly lead the others lose AMBIGUITY (order unchanged)."""
        out = []
        for i, m in enumerate(matches):
            others = [o.score for j, o in enumerate(matches[:2]) if j != i]
            lead = m.score - max(others, default=0.0)
            if lead >= MARGIN:
                out.append(m)
                continue
            score = round(max(0.0, m.score - AMBIGUITY * min(1.0, 1 - lead / MARGIN)), 4)
            out.append(dataclasses.replace(m, score=score, is_match=score >= self.threshold))
        return out

    def weigh(self, token: Token) -> float:
        return weight(token.weight_key, self._frequency.get(token.weight_key, 0), len(self._slot))

    def _weigher(self) -> Callable[[Token], float]:
        """weigh(), memoised for one search."""
        seen: dict[str, float] = {}
        total = len(self._slot)

        def weigh(token: Token) -> float:
            key = token.weight_key
            if key not in seen:
                seen[key] = weight(key, self._frequency.get(key, 0), total)
            return seen[key]

        return weigh

    @staticmethod
    def _ranked(gathered: dict[int, float], first: int) -> Iterator[int]:
        """Slots best gathered first, skipping those far behind the best (a stray common
        word cannot make a good match); `first` come cheaply, the rest only if asked."""
        if not gathered:
            return
        floor = PRUNE_BELOW * max(gathered.values())
        kept = [(v, -slot) for slot, v in gathered.items() if v >= floor]
        top = heapq.nlargest(first, kept)
        yield from (-slot for _, slot in top)
        if len(kept) > first:
            yield from (-slot for _, slot in sorted(kept, reverse=True)[first:])

    # -- internals ---------------------------------------------------------------------

    def _keys(self, entry: _Entry) -> set[str]:
        keys: set[str] = set()
        years = {d.year for d in entry.person.birth_dates}
        for _, tokens in entry.names:
            for t in tokens:
                if t.connector:
                    continue
                for s in t.skeletons:
                    keys.add("s:" + s)
                    keys.update(f"y:{s}|{y}" for y in years)
                keys.update(f"g:{g}" for g in t.groups)
        for ident in entry.person.identifiers:
            keys.add("i:" + evidence.normalise_identifier(ident.value))
        return keys

    def _file_skeleton(self, s: str) -> None:
        for variant in {s, *deletions(s)}:
            self._near.setdefault(variant, []).append(s)

    def _near_skeletons(self, s: str) -> set[str]:
        found: set[str] = set()
        for variant in {s, *deletions(s)}:
            found.update(self._near.get(variant, ()))
        found.discard(s)
        return found

    def _gather(
        self, names: tuple[NameTokens, ...], query: PersonQuery, weigh: Callable[[Token], float]
    ) -> dict[int, float]:
        """Candidate slots with the summed weight of the query words that reached them."""
        words: dict[int, Token] = {}
        for tokens in names:
            plain = [t for t in tokens if not t.connector]
            for t in plain:
                words[id(t)] = t
            for a, b in zip(plain, plain[1:], strict=False):
                m = merge(a, b)
                words[id(m)] = m
        years = {d.year for d in query.birth_dates}
        plans = []
        for t in words.values():
            exact = [f"s:{s}" for s in t.skeletons] + [f"g:{g}" for g in t.groups]
            size = sum(len(self._postings.get(key, ())) for key in exact)
            plans.append((size, t, exact))
        plans.sort(key=lambda p: p[0])
        total: dict[int, float] = {}
        if len(plans) >= 2 and plans[0][0] > LONG_POSTINGS:
            # Only common words ("Mohammed Ali"): people having the two rarest of them.
            (_, a, keys_a), (_, b, keys_b) = plans[0], plans[1]
            both = self._slots(keys_a) & self._slots(keys_b)
            total = dict.fromkeys(both, weigh(a) + weigh(b))
        for _, t, exact in plans:
            w = weigh(t)
            # Rarest word first; a later word's long posting lists add no new candidates
            # worth scoring (the rarer words already reached the right people), only time.
            dated = [f"y:{s}|{y}" for s in t.skeletons for y in years]
            reached = self._reach({}, dated, 2 * w, skip_long=False)
            # A birth year off by one is a common recording error: the neighbouring years'
            # keys keep such a record among the candidates of a common name.
            near_years = [f"y:{s}|{y + d}" for s in t.skeletons for y in years for d in (-1, 1)]
            reached = self._reach(reached, near_years, 1.5 * w, skip_long=False)
            skip_long = bool(total) or bool(reached)
            reached = self._reach(reached, exact, w, skip_long)
            if len(reached) < NEAR_WHEN_FEWER:  # typo in a rare word: look one edit away
                near = [
                    f"s:{n}" for s in t.skeletons if len(s) >= 3 for n in self._near_skeletons(s)
                ]
                reached = self._reach(reached, near, NEAR_FACTOR * w, skip_long=True)
            for slot, value in reached.items():
                total[slot] = total.get(slot, 0.0) + value
        for ident in query.identifiers:
            for slot in self._postings.get("i:" + evidence.normalise_identifier(ident.value), ()):
                total[slot] = total.get(slot, 0.0) + 10.0
        return total

    def _reach(
        self, reached: dict[int, float], keys: list[str], value: float, skip_long: bool
    ) -> dict[int, float]:
        """Add the slots under keys at value, keeping a higher value already reached."""
        for key in keys:
            postings = self._postings.get(key)
            if not postings or (skip_long and len(postings) > LONG_POSTINGS):
                continue
            # Only the slots not reached yet, at C speed: copying `reached` once per key made
            # a query with many keys quadratic in the people it reached.
            fresh = set(postings[:SCAN_LIMIT]).difference(reached)
            reached.update(dict.fromkeys(fresh, value))
        return reached

    def _slots(self, keys: list[str]) -> set[int]:
        found: set[int] = set()
        for key in keys:
            found.update(self._postings.get(key, ())[:INTERSECT_LIMIT])
        return found

    def _compact(self) -> None:
        live = [e for e in self._entries if e is not None]
        self._entries, self._slot, self._postings, self._near = [], {}, {}, {}
        self._frequency, self._dead = {}, 0
        for entry in live:
            self.add(entry.person)
