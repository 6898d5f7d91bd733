"""One query against one person: name alignment plus the other evidence, explained."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import evidence
from .analysis import Token, analyse_name
from .similarity import Alignment, Weigh, WordMatch, align, compare_words
from .types import Explanation, Identifier, Match, PartialDate, PartMatch, PersonName, PersonQuery
from .weights import weight

DEFAULT_THRESHOLD = 0.75
"""Between the lowest-scoring true variant (0.85) and the highest-scoring different person
(0.66) of the labelled pairs in tests/persons/engine/test_pairs.py. With the penalties below it
also separates the benchmark's cases (bench/names.py): a full name with an agreeing or unknown
date scores 0.85-1; one contradicted part (-CONFLICT_PENALTY) or a birth-date conflict (-0.45)
takes even an exact name under it; a match not clearly ahead of the others loses 0.25 in the
index (index.AMBIGUITY)."""
INFORMATION_FULL = 1.2
"""Matched word weight (weight x similarity, summed) that makes a name fully identifying:
about two rare words. A name made of common words alone ("Mohammed Ali") stays below 1 and
needs a birth date or other evidence to become a strong match."""
INFORMATION_FLOOR = 0.6
CONFLICT_PENALTY = 0.3
"""Name score lost per contradicted part: a different given or family name (brothers, a
namesake's son) takes a name otherwise matching in full below the threshold."""
NO_NAME_BASE = 0.45
"""Score of a comparison where a side has no name: the other evidence decides."""

NameTokens = tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Facts:
    """What is compared besides the name, common to queries and records."""

    birth_dates: tuple[PartialDate, ...]
    nationalities: frozenset[str]
    sex: str | None
    identifiers: tuple[Identifier, ...]


def name_text(name: PersonName) -> str:
    return name.full.strip() or " ".join(p for p in (name.given, name.family) if p)


def query_names(query: PersonQuery) -> tuple[NameTokens, ...]:
    texts = [query.name or "", " ".join(p for p in (query.given, query.family) if p)]
    analysed = [analyse_name(t) for t in dict.fromkeys(t.strip() for t in texts) if t]
    return tuple(a for a in analysed if any(not t.connector for t in a))


def name_value(a: Alignment) -> float:
    coverage = 0.8 * a.query_coverage + 0.2 * a.record_coverage
    information = INFORMATION_FLOOR + (1 - INFORMATION_FLOOR) * a.matched_weight / INFORMATION_FULL
    return max(0.0, coverage * min(1.0, information) - CONFLICT_PENALTY * a.conflicts)


class WordCache:
    """Comparisons memoised for one search: the same record words and names recur."""

    def __init__(self) -> None:
        # Tokens hash by identity; holding them as keys keeps them alive for the search.
        self._seen: dict[tuple[Token, Token], WordMatch | None] = {}
        self._aligned: dict[tuple[NameTokens, NameTokens], tuple[float, Alignment]] = {}

    def aligned(self, q: NameTokens, r: NameTokens, weigh: Weigh) -> tuple[float, Alignment]:
        """Name against name, once per distinct pair (many people share "Mohammed Ali")."""
        key = (q, r)
        found = self._aligned.get(key)
        if found is None:
            a = align(q, r, self, weigh)
            found = self._aligned[key] = (name_value(a), a)
        return found

    def __call__(self, q: Token, r: Token) -> WordMatch | None:
        key = (q, r)
        if key not in self._seen:
            self._seen[key] = compare_words(q, r)
        return self._seen[key]


def score(
    record_id: str,
    queries: Iterable[NameTokens],
    facts: Facts,
    names: Iterable[tuple[str, NameTokens]],
    record: Facts,
    weigh: Weigh,
    threshold: float,
    cache: WordCache | None = None,
) -> Match:
    compare = cache or WordCache()
    best: tuple[float, str, Alignment] | None = None
    named = list(names)
    for q in queries:
        for display, tokens in named:
            if not any(not t.connector for t in tokens):
                continue
            value, a = compare.aligned(q, tokens, weigh)
            if best is None or value > best[0]:
                best = (value, display, a)
    dob = evidence.birth_date(facts.birth_dates, record.birth_dates)
    nat = evidence.nationality(facts.nationalities, record.nationalities)
    sx = evidence.sex(facts.sex, record.sex)
    ident = evidence.identifier(facts.identifiers, record.identifiers)
    base = best[0] if best else NO_NAME_BASE
    total = min(1.0, max(0.0, base + evidence.adjustment(dob, nat, sx, ident)))
    explanation = Explanation(
        name_parts=_parts(best[2]) if best else (),
        unmatched_query_parts=tuple(t.display for t in best[2].unmatched_query) if best else (),
        matched_name=best[1] if best else None,
        name_score=round(best[0], 4) if best else None,
        birth_date=dob,
        nationality=nat,
        sex=sx,
        identifier=ident,
    )
    return Match(record_id, round(total, 4), total >= threshold, explanation)


def _parts(a: Alignment) -> tuple[PartMatch, ...]:
    return tuple(
        PartMatch(q.display, r.display, m.how, round(m.similarity, 4), round(a.weights[id(q)], 4))
        for q, r, m in a.pairs
    )


def compare(a: PersonQuery, b: PersonQuery, *, threshold: float = DEFAULT_THRESHOLD) -> Match:
    """Two descriptions of a person, scored as a search would score b for the query a.

    Word weights come from the prior alone (there is no index to count words in)."""
    names = [(display, tokens) for display, tokens in _described_names(b)]
    return score("", query_names(a), _facts(a), names, _facts(b), _prior_weight, threshold)


def _described_names(q: PersonQuery) -> list[tuple[str, NameTokens]]:
    texts = [q.name or "", " ".join(p for p in (q.given, q.family) if p)]
    return [(t, analyse_name(t)) for t in dict.fromkeys(x.strip() for x in texts) if t]


def _facts(q: PersonQuery) -> Facts:
    return Facts(q.birth_dates, q.nationalities, q.sex, q.identifiers)


def _prior_weight(token: Token) -> float:
    return weight(token.weight_key)
