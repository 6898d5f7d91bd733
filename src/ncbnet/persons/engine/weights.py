"""How much a name word counts: rare words identify, common ones (Mohammed, Wang) barely do.

A word's frequency is estimated from the index's own records, blended with a prior so that a
small or new index still knows that "Mohammed" is common. The prior is the Wikidata usage count
of each spelling (pooled by skeleton) plus a floor for name parts known to be very common
worldwide, which Wikidata under-counts.
"""

from __future__ import annotations

import math
from functools import lru_cache

from . import dictionary
from .keys import weight_key

VERY_COMMON = (
    "mohammed muhammad mohamed ahmed ali hassan hussein abdullah mahmoud omar ibrahim khan "
    "youssef mustafa abdul fatima aisha wang li zhang liu chen yang huang zhao wu zhou xu sun "
    "kim lee park choi nguyen tran le pham singh kumar devi sharma smith johnson williams jones "
    "brown garcia rodriguez martinez hernandez lopez gonzalez perez sanchez silva santos ivanov "
    "ivanova smirnov kuznetsov popov muller schmidt rossi martin bernard dubois jose juan maria "
    "john james david michael robert peter paul anna alexander sergey andrey"
).split()
VERY_COMMON_SHARE = 0.01
RARE_SHARE = 1e-6
"""A word this rare or rarer gets full weight."""
UNSEEN_SHARE = 2e-6
PRIOR_PSEUDO_COUNT = 20_000
"""The prior counts as this many records: it dominates a small index, not a large one."""
MIN_WEIGHT = 0.2


@lru_cache(maxsize=1)
def _prior() -> dict[str, float]:
    d = dictionary.get()
    pooled: dict[str, int] = {}
    for latin, count in d.latin_counts.items():
        key = weight_key(latin)
        pooled[key] = pooled.get(key, 0) + count
    shares = {key: count / d.total for key, count in pooled.items()}
    for name in VERY_COMMON:
        key = weight_key(name)
        shares[key] = max(shares.get(key, 0.0), VERY_COMMON_SHARE)
    return shares


def prior_share(key: str) -> float:
    return _prior().get(key, UNSEEN_SHARE)


def weight(key: str, count: int = 0, total: int = 0) -> float:
    """Weight in [MIN_WEIGHT, 1] of a word whose key appears in `count` of `total` records."""
    share = (count + PRIOR_PSEUDO_COUNT * prior_share(key)) / (total + PRIOR_PSEUDO_COUNT)
    share = max(share, RARE_SHARE)
    rarity = math.log(share) / math.log(RARE_SHARE)  # 1 for rare, toward 0 for common
    return MIN_WEIGHT + (1 - MIN_WEIGHT) * min(1.0, max(0.0, rarity))
