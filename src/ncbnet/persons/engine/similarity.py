"""Word against word, then name against name: which part met which, how, how well."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import OSA, Indel

from .analysis import Token, merge
from .types import How

SIMILARITY = {How.EXACT: 1.0, How.EQUIVALENT: 0.96, How.TRANSLITERATION: 0.95}
SAME_CANONICAL = 0.98
DICTIONARY_BRIDGE = 0.92
"""Same dictionary entry but no shared spelling: a known variant, slightly less sure."""
MIN_FUZZY = 0.8
MIN_CROSS_SKELETON = 0.75
MISSING_PART = 0.3
"""Share of its weight that a query word counts when the record simply does not have it."""
ORDER_PENALTY = 0.5
"""Share of the score lost to a word order contradicting a patronymic chain."""
TYPO = 0.9
"""One keyboard slip (an insertion, deletion, substitution or transposition) in a word of four
letters or more: the same name mistyped, unlike two names a few letters apart."""
STRONG = 0.85
"""A word pair below this similarity is a guess (Pettigrove / Pettigrew, Molina / Мельникова),
not evidence of the same name: it counts as a contradiction, only less than none at all."""


@dataclass(frozen=True, slots=True)
class WordMatch:
    how: How
    similarity: float


def _best_ratio(a: tuple[str, ...] | frozenset[str], b: tuple[str, ...] | frozenset[str]) -> float:
    best = 0.0
    for x in a:
        for y in b:
            best = max(best, Indel.normalized_similarity(x, y))
    return best


def compare_words(q: Token, r: Token) -> WordMatch | None:
    if q.text == r.text and q.script == r.script:
        if q.display.replace(" ", "") == r.display.replace(" ", ""):
            return WordMatch(How.EXACT, 1.0)
        return WordMatch(How.EQUIVALENT, SAME_CANONICAL)  # Abdulrahman / Abd al-Rahman
    cross = q.script != r.script
    if len(q.text) == 1 and q.forms and any(f.startswith(q.forms[0]) for f in r.forms[:2]):
        return WordMatch(How.FUZZY, STRONG)  # an initial: "M. Husaini"
    if not set(q.forms).isdisjoint(r.forms):
        how = How.TRANSLITERATION if cross else How.EQUIVALENT
        return WordMatch(how, SIMILARITY[how])
    if cross and not q.groups.isdisjoint(r.groups):
        return WordMatch(How.TRANSLITERATION, DICTIONARY_BRIDGE)
    if not cross and not q.equivalents.isdisjoint(r.equivalents):
        return WordMatch(How.EQUIVALENT, DICTIONARY_BRIDGE)
    slip = not cross and _one_slip(q.forms[:2], r.forms[:2])
    ratio = _best_ratio(q.forms[:4], r.forms[:4])
    shared = q.skeletons & r.skeletons
    # A one- or two-consonant skeleton (Li/Lu, Ali/Eli) says little: ask the spelling too.
    if shared and (max(map(len, shared)) >= 3 or ratio >= 0.6):
        how = How.TRANSLITERATION if cross else How.PHONETIC
        # Three consonants in the same order are strong evidence across scripts, but not
        # for Chinese syllables (Kuang / 孔 kong, Hao / 海 hai), whose vowels tell them apart.
        floor = STRONG if cross and "han" not in (q.script, r.script) else 0.0
        return WordMatch(how, max(0.7 + 0.25 * ratio, TYPO if slip else 0.0, floor))
    if slip:
        return WordMatch(How.FUZZY, TYPO)
    if ratio >= MIN_FUZZY:
        return WordMatch(How.FUZZY, ratio)
    if cross:
        long_q = frozenset(s for s in q.skeletons if len(s) >= 3)
        long_r = frozenset(s for s in r.skeletons if len(s) >= 3)
        skeleton_ratio = _best_ratio(long_q, long_r)
        if skeleton_ratio >= MIN_CROSS_SKELETON:
            return WordMatch(How.TRANSLITERATION, 0.55 + 0.3 * skeleton_ratio)
    return None


def _one_slip(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(
        min(len(x), len(y)) >= 4 and OSA.distance(x, y, score_cutoff=1) <= 1 for x in a for y in b
    )


@dataclass(frozen=True, slots=True)
class Alignment:
    pairs: tuple[tuple[Token, Token, WordMatch], ...]
    unmatched_query: tuple[Token, ...]
    query_coverage: float
    """Weighted share of the query explained, 0..1."""
    record_coverage: float
    matched_weight: float
    """Sum of weight x similarity over matched query words: how much identifying evidence."""
    weights: dict[int, float]
    """id(query token) -> weight, for the explanation."""
    conflicts: float = 0.0
    """Parts the two names contradict: a query word facing an unmatched record word, weak
    word pairs, the record's given or family name absent from a query of several words."""


WordCompare = Callable[[Token, Token], WordMatch | None]
Weigh = Callable[[Token], float]


def align(
    query: tuple[Token, ...], record: tuple[Token, ...], compare: WordCompare, weigh: Weigh
) -> Alignment:
    """Best alignment of the query's words on the record's, reading two words as one if the
    word counts differ; order-preserving when either side is a patronymic chain."""
    ordered = any(t.connector for t in query) or any(t.connector for t in record)
    q = tuple(t for t in query if not t.connector)
    r = tuple(t for t in record if not t.connector)
    best = _align_once(q, r, ordered, compare, weigh)
    variants: list[tuple[tuple[Token, ...], tuple[Token, ...]]] = []
    if len(q) > len(r):
        variants = [(v, r) for v in _merged(q)]
    elif len(r) > len(q):
        variants = [(q, v) for v in _merged(r)]
    for vq, vr in variants:
        candidate = _align_once(vq, vr, ordered, compare, weigh)
        if _value(candidate) > _value(best):
            best = candidate
    return best


def _value(a: Alignment) -> float:
    return 0.8 * a.query_coverage + 0.2 * a.record_coverage - 0.3 * a.conflicts


def _merged(words: tuple[Token, ...]) -> list[tuple[Token, ...]]:
    if len(words) > 6:
        return []
    return [
        (*words[:k], merge(words[k], words[k + 1]), *words[k + 2 :]) for k in range(len(words) - 1)
    ]


def _align_once(
    q: tuple[Token, ...], r: tuple[Token, ...], ordered: bool, compare: WordCompare, weigh: Weigh
) -> Alignment:
    wq = [weigh(t) for t in q]
    wr = [weigh(t) for t in r]
    sims = [[compare(a, b) for b in r] for a in q]
    free = _greedy(sims, wq)
    chosen = _monotone(sims, wq) if ordered else free
    pairs = tuple((q[i], r[j], m) for i, j, m in chosen)
    used_q = {i for i, _, _ in chosen}
    used_r = {j: m.similarity for _, j, m in chosen}
    matched = sum(wq[i] * m.similarity for i, _, m in chosen)
    if ordered:
        # Words that match but in the wrong order count against: "Salman bin Mohammed".
        lost = sum(wq[i] * m.similarity for i, _, m in free) - matched
        matched -= ORDER_PENALTY * max(0.0, lost)
    # A query word with nothing left in the record to contradict it is a part the record
    # lacks (a missing middle name), which counts less than a part the record has otherwise.
    spare_record_words = len(used_r) < len(r)
    factor = 1.0 if spare_record_words else MISSING_PART
    total_q = sum(w if i in used_q else factor * w for i, w in enumerate(wq)) or 1.0
    total_r = sum(wr) or 1.0
    matched_r = sum(wr[j] * s for j, s in used_r.items())
    conflicts = (len(q) - len(used_q) if spare_record_words else 0) + sum(
        min(1.0, (STRONG - m.similarity) / 0.05) for _, _, m in chosen if m.similarity < STRONG
    )
    if len(q) >= 2:
        conflicts += sum(1 for j in _edges(r) if j not in used_r)
    return Alignment(
        pairs=pairs,
        unmatched_query=tuple(t for i, t in enumerate(q) if i not in used_q),
        query_coverage=max(0.0, matched / total_q),
        record_coverage=matched_r / total_r,
        matched_weight=max(0.0, matched),
        weights={id(t): w for t, w in zip(q, wq, strict=True)},
        conflicts=conflicts,
    )


_PATRONYMIC = ("ovich", "evich", "ovna", "evna", "ichna", "вич", "вна", "ична", "чна")


def _edges(r: tuple[Token, ...]) -> set[int]:
    """The record's given and family name: its first and last words, patronymics aside."""
    named = [j for j, t in enumerate(r) if not t.display.endswith(_PATRONYMIC)]
    return {named[0], named[-1]} if named else set()


Chosen = list[tuple[int, int, WordMatch]]


def _greedy(sims: list[list[WordMatch | None]], wq: list[float]) -> Chosen:
    cells = [
        (m.similarity * wq[i], i, j, m)
        for i, row in enumerate(sims)
        for j, m in enumerate(row)
        if m
    ]
    cells.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_q: set[int] = set()
    used_r: set[int] = set()
    out: Chosen = []
    for _, i, j, m in cells:
        if i not in used_q and j not in used_r:
            used_q.add(i)
            used_r.add(j)
            out.append((i, j, m))
    return out


def _monotone(sims: list[list[WordMatch | None]], wq: list[float]) -> Chosen:
    """Heaviest order-preserving matching (an LCS with weights)."""
    n, m = len(sims), len(sims[0]) if sims else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            match = sims[i][j]
            take = match.similarity * wq[i] + best[i + 1][j + 1] if match else 0.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    out: Chosen = []
    i = j = 0
    while i < n and j < m:
        match = sims[i][j]
        if match and best[i][j] == match.similarity * wq[i] + best[i + 1][j + 1]:
            out.append((i, j, match))
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return out
