"""Synthetic persons and a query set with known truth, for the name-matching benchmark.

Seven naming cultures, each person built from name parts that know their native script and
their Latin spellings, so that a query can write the same person in another script, another
Latin spelling, with a typo, a part missing or the order swapped, and so that negatives (similar
but different people) can be proven absent from the set:

- arabic: given + father (+ grandfather) + family, hand lists (bench/name_data.py and
  ncbnet.persons.demo_names) with the Latin spellings met at borders;
- russian: given (+ patronymic) + family in Cyrillic, Latin forms from six real transliteration
  systems (ICAO passports, BGN/PCGN, popular English, German, French, scholarly);
- chinese: family + one or two given characters, pinyin, Wade-Giles (Taiwan), traditional
  characters;
- latin: given (+ second given) + family (+ second family), with diacritics; family names also
  from the Latin tokens of the Wikidata development slices;
- translit_ar / translit_zh / translit_ru: two-token names (mostly non-Arabic, non-Chinese,
  non-Russian in origin) with their Arabic / Chinese / Cyrillic renderings, taken as pairs from
  the Wikidata development slices (wd_<script>_16.tsv, count >= 2): the engine's dictionary is
  built from the _64 training slices, so these stay unseen.

Everything is drawn from one seeded random.Random: the same seed gives the same persons.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import os
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from ncbnet.persons import demo_names

from . import name_data as nd


def _translit_dir() -> Path:
    """The Wikidata pairs: $NCBNET_BENCH_TRANSLIT_DIR, else shared/ beside the checkout."""
    if os.environ.get("NCBNET_BENCH_TRANSLIT_DIR"):
        return Path(os.environ["NCBNET_BENCH_TRANSLIT_DIR"])
    for root in (Path(__file__).resolve().parents[2], Path("/work")):
        candidate = root / "shared" / "bench-data" / "transliteration"
        if candidate.is_dir():
            return candidate
    return Path("/work/shared/bench-data/transliteration")


TRANSLIT_DIR = _translit_dir()
CULTURE_WEIGHTS = {
    "arabic": 28, "chinese": 15, "russian": 17, "latin": 22,
    "translit_ar": 6, "translit_zh": 4, "translit_ru": 8,
}  # fmt: skip
NATIVE_SCRIPT = {
    "arabic": "arabic", "chinese": "han", "russian": "cyrillic", "latin": "latin",
    "translit_ar": "arabic", "translit_zh": "han", "translit_ru": "cyrillic",
}  # fmt: skip
RU_SYSTEMS = list(nd.TRANSLIT_SYSTEMS)  # icao, bgn, popular, german, french, scholarly
ZH_PINYIN, ZH_WADE_GILES, ZH_SPLIT = 0, 1, 2

# Which scripts a record of a non-Latin culture carries.
HAS_NATIVE, HAS_LATIN = 1, 2
SCRIPT_MIX = ((HAS_NATIVE | HAS_LATIN, 50), (HAS_LATIN, 30), (HAS_NATIVE, 20))

POSITIVE_KINDS = {
    "exact": 5, "other_script": 22, "other_spelling": 18, "typo": 15,
    "missing_part": 10, "swapped": 12, "combined": 18,
}  # fmt: skip
NEGATIVE_KINDS = {"neg_given": 40, "neg_family": 40, "neg_date": 20}
DATE_KINDS = {
    "full": 50, "year_month": 10, "year": 15, "none": 10, "near_year": 8, "day_month_swapped": 7,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Part:
    """One name part: how it is written natively and its Latin spellings (first = usual)."""

    native: str
    latin: tuple[str, ...]


class Pool:
    """Name parts with sampling weights (Zipf-like: a few common names, a long tail)."""

    def __init__(self, parts: Sequence[Part], weights: Sequence[float]) -> None:
        self.parts = list(parts)
        self.cum = list(itertools.accumulate(weights))
        self._folded: list[str] | None = None

    def __len__(self) -> int:
        return len(self.parts)

    def sample(self, rng: random.Random) -> int:
        return bisect.bisect_right(self.cum, rng.random() * self.cum[-1])

    def folded(self) -> list[str]:
        if self._folded is None:
            self._folded = [nd.strip_marks(p.latin[0]).lower() for p in self.parts]
        return self._folded


def zipf(n: int, s: float) -> list[float]:
    return [1.0 / (rank + 1) ** s for rank in range(n)]


def _dedupe(parts: Iterable[Part]) -> list[Part]:
    seen: set[str] = set()
    out = []
    for part in parts:
        key = part.native.lower()
        if key not in seen:
            seen.add(key)
            out.append(part)
    return out


def read_pairs(script: str, split: str = "16") -> list[tuple[str, str, int]]:
    """(latin token, native token, count) from wd_<script>_<split>.tsv."""
    rows = []
    with (TRANSLIT_DIR / f"wd_{script}_{split}.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3 and fields[0] and fields[1]:
                rows.append((fields[0], fields[1].replace(" ", ""), int(fields[2] or 1)))
    return rows


def _cap(token: str) -> str:
    return token[:1].upper() + token[1:]


class Pools:
    """Every pool the generator draws from, built once (about a second)."""

    def __init__(self) -> None:
        arabic_male = _dedupe(
            [Part(n[0], tuple(n[1:])) for n in nd.ARABIC_MALE]
            + [Part(n[0], tuple(n[1:])) for n in demo_names.ARABIC_GIVEN[:15]]
        )
        arabic_female = _dedupe(
            [Part(n[0], tuple(n[1:])) for n in nd.ARABIC_FEMALE]
            + [Part(n[0], tuple(n[1:])) for n in demo_names.ARABIC_GIVEN[15:]]
        )
        arabic_family = _dedupe(
            [Part(n[0], tuple(n[1:])) for n in nd.ARABIC_FAMILY]
            + [Part(n[0], tuple(n[1:])) for n in demo_names.ARABIC_FAMILY]
        )
        self.ar_m = Pool(arabic_male, zipf(len(arabic_male), 0.8))
        self.ar_f = Pool(arabic_female, zipf(len(arabic_female), 0.8))
        self.ar_fam = Pool(arabic_family, zipf(len(arabic_family), 0.5))

        self.ru_m = Pool([_russian(n) for n in nd.RUSSIAN_MALE], zipf(len(nd.RUSSIAN_MALE), 0.8))
        self.ru_f = Pool(
            [_russian(n) for n in nd.RUSSIAN_FEMALE], zipf(len(nd.RUSSIAN_FEMALE), 0.8)
        )
        suffixes = ("ов", "ев", "ёв", "ин", "ский", "цкий", "енко", "чук", "юк")
        mined = sorted(
            {
                _cap(native)
                for _, native, _ in read_pairs("russian")
                if native.endswith(suffixes) and len(native) >= 5 and native.isalpha()
            }
        )
        hand = list(dict.fromkeys(nd.RUSSIAN_FAMILY))
        known_ru = frozenset(hand)
        family = hand + [n for n in mined if n not in known_ru]
        self.ru_fam = Pool(
            [_russian(n) for n in family],
            zipf(len(hand), 0.6) + [0.3 / len(hand)] * (len(family) - len(hand)),
        )

        self.zh_fam = Pool(
            [Part(h, (p, _wg_word(p), p)) for h, p in nd.CHINESE_FAMILY],
            zipf(len(nd.CHINESE_FAMILY), 0.9),
        )
        self.zh_given = Pool(
            [Part(h, (p, nd.wade_giles(p), p)) for h, p in nd.CHINESE_GIVEN],
            zipf(len(nd.CHINESE_GIVEN), 0.5),
        )

        def latin(names: Sequence[str]) -> list[Part]:
            return _dedupe(Part(n, (n, *nd.latin_variants(n))) for n in names)

        male, female = latin(nd.LATIN_MALE), latin(nd.LATIN_FEMALE)
        self.la_m = Pool(male, zipf(len(male), 0.7))
        self.la_f = Pool(female, zipf(len(female), 0.7))
        hand_family = latin(list(nd.LATIN_FAMILY) + [f[0] for f in demo_names.LATIN_FAMILY])
        known = {p.native.lower() for p in hand_family}
        tokens: dict[str, int] = defaultdict(int)
        for script in ("arabic", "chinese", "russian"):
            for token, _, count in read_pairs(script):
                if token.isalpha() and 3 <= len(token) <= 16 and token not in known:
                    tokens[token] += count
        mined_latin = latin([_cap(t) for t in sorted(tokens)])
        self.la_fam = Pool(
            hand_family + mined_latin,
            zipf(len(hand_family), 0.6)
            + [(tokens[p.native.lower()] ** 0.5) / (4 * len(hand_family)) for p in mined_latin],
        )

        self.translit: dict[str, Pool] = {}
        for culture, script in (
            ("translit_ar", "arabic"),
            ("translit_zh", "chinese"),
            ("translit_ru", "russian"),
        ):
            pairs = [
                (_cap(latin_token), native, count)
                for latin_token, native, count in read_pairs(script)
                if count >= 2 and latin_token.isalpha()
            ]
            self.translit[culture] = Pool(
                [Part(_cap(native), (latin_token,)) for latin_token, native, _ in pairs],
                [count**0.5 for _, _, count in pairs],
            )

    def given_pool(self, culture: str, sex: str) -> Pool:
        if culture == "arabic":
            return self.ar_f if sex == "f" else self.ar_m
        if culture == "russian":
            return self.ru_f if sex == "f" else self.ru_m
        if culture == "chinese":
            return self.zh_given
        if culture == "latin":
            return self.la_f if sex == "f" else self.la_m
        return self.translit[culture]

    def family_pool(self, culture: str) -> Pool:
        return {
            "arabic": self.ar_fam, "russian": self.ru_fam, "chinese": self.zh_fam,
            "latin": self.la_fam,
        }.get(culture) or self.translit[culture]  # fmt: skip


def _russian(cyrillic: str) -> Part:
    return Part(cyrillic, tuple(nd.transliterate_cyrillic(cyrillic, s) for s in RU_SYSTEMS))


_ZH_COMPOUND = {"Ouyang": ("ou", "yang"), "Sima": ("si", "ma"), "Zhuge": ("zhu", "ge"),
                "Shangguan": ("shang", "guan")}  # fmt: skip


def _wg_word(pinyin: str) -> str:
    syllables = _ZH_COMPOUND.get(pinyin)
    if syllables is None:
        return nd.wade_giles(pinyin)
    return _cap("-".join(nd.wade_giles(s) for s in syllables))


@cache
def russian_patronymic(father: Part, sex: str) -> Part:
    return _russian(nd.patronymic(father.native, sex))


@cache
def russian_family(part: Part, sex: str) -> Part:
    return part if sex == "m" else _russian(nd.russian_feminine(part.native))


@cache
def chinese_given(first: Part, second: Part | None) -> Part:
    """A one- or two-character given name: Weiming / Wei-ming / Wei Ming."""
    if second is None:
        return Part(first.native, tuple(_cap(s) for s in first.latin))
    pinyin = _cap(first.latin[0] + second.latin[0])
    wg = _cap(f"{first.latin[1]}-{second.latin[1]}")
    split = f"{_cap(first.latin[0])} {_cap(second.latin[0])}"
    return Part(first.native + second.native, (pinyin, wg, split))


# --- persons -----------------------------------------------------------------------------------


@dataclass(slots=True)
class SynthPerson:
    index: int
    culture: str
    sex: str
    parts: tuple[int, ...]
    """Pool indexes, layout by culture; -1 = absent. arabic: given, father, grandfather, family;
    russian: given, father (patronymic), family; chinese: family, given 1, given 2;
    latin: given, given 2, family, family 2; translit: first, second."""
    scripts: int
    native_family_first: bool
    traditional: bool
    latin_choices: tuple[tuple[int, ...], ...]
    """One Latin alias per entry: the spelling index of each part."""
    birth: tuple[int, int, int]
    precision: int
    """3 = the record knows the day, 2 = the month, 1 = the year."""
    nationality: str
    names: tuple[tuple[str, str | None, str | None], ...] = ()
    """Rendered (full, given, family) of each name the record carries, native first."""

    @property
    def key(self) -> tuple[str, str, tuple[int, ...]]:
        """Who this is by name: persons with the same key are namesakes."""
        return self.culture, self.sex, self.parts

    @property
    def loose_key(self) -> tuple[str, str, int, int]:
        """Culture, sex, first given and family name: who a query without the middle names
        cannot tell apart."""
        family = 0 if self.culture == "chinese" else {4: 3, 3: 2, 2: 1}[len(self.parts)]
        given = 1 if self.culture == "chinese" else 0
        return self.culture, self.sex, self.parts[given], self.parts[family]

    @property
    def record_birth(self) -> tuple[int, int | None, int | None]:
        y, m, d = self.birth
        return y, m if self.precision >= 2 else None, d if self.precision >= 3 else None


class Generator:
    def __init__(self, seed: int = 20240611) -> None:
        self.seed = seed
        self.pools = Pools()
        cultures = list(CULTURE_WEIGHTS)
        self._cultures = cultures
        self._culture_cum = list(itertools.accumulate(CULTURE_WEIGHTS.values()))

    # Parts of a person in canonical (given-first; Chinese family-first) order.
    def parts_of(self, p: SynthPerson) -> list[tuple[str, Part]]:
        pools, c, idx = self.pools, p.culture, p.parts
        if c == "arabic":
            given = pools.given_pool(c, p.sex).parts[idx[0]]
            out = [("given", given), ("father", pools.ar_m.parts[idx[1]])]
            if idx[2] >= 0:
                out.append(("grandfather", pools.ar_m.parts[idx[2]]))
            out.append(("family", pools.ar_fam.parts[idx[3]]))
            return out
        if c == "russian":
            out = [("given", pools.given_pool(c, p.sex).parts[idx[0]])]
            if idx[1] >= 0:
                out.append(("patronymic", russian_patronymic(pools.ru_m.parts[idx[1]], p.sex)))
            out.append(("family", russian_family(pools.ru_fam.parts[idx[2]], p.sex)))
            return out
        if c == "chinese":
            second = pools.zh_given.parts[idx[2]] if idx[2] >= 0 else None
            given = chinese_given(pools.zh_given.parts[idx[1]], second)
            return [("family", pools.zh_fam.parts[idx[0]]), ("given", given)]
        if c == "latin":
            gpool = pools.given_pool(c, p.sex)
            out = [("given", gpool.parts[idx[0]])]
            if idx[1] >= 0:
                out.append(("given2", gpool.parts[idx[1]]))
            out.append(("family", pools.la_fam.parts[idx[2]]))
            if idx[3] >= 0:
                out.append(("family2", pools.la_fam.parts[idx[3]]))
            return out
        pool = pools.translit[c]
        return [("given", pool.parts[idx[0]]), ("family", pool.parts[idx[1]])]

    def render(
        self,
        p: SynthPerson,
        parts: list[tuple[str, Part]],
        choice: tuple[int, ...] | None,
    ) -> list[tuple[str, str]]:
        """(role, text) per part, in the order the script writes them: None = native script.
        A part's text may hold spaces ("Abd al-Rahman")."""
        if choice is None:
            out = [(role, part.native) for role, part in parts]
            if p.culture == "chinese" and p.traditional:
                out = [(role, to_traditional(t)) for role, t in out]
            if p.native_family_first and p.culture == "russian":
                out = out[-1:] + out[:-1]  # "Иванов Сергей Петрович"
            return out
        out = [
            (role, part.latin[k % len(part.latin)])
            for (role, part), k in zip(parts, choice, strict=True)
        ]
        if p.culture == "chinese" and not p.native_family_first:
            out = out[::-1]  # "Weiming Zhang"
        return out

    def join(self, p: SynthPerson, tokens: list[tuple[str, str]], native: bool) -> str:
        texts = [t for _, t in tokens]
        if native and p.culture == "chinese":
            return "".join(texts)
        if native and p.culture == "translit_zh":
            return "·".join(texts)
        return " ".join(texts)

    def person(self, rng: random.Random, index: int) -> SynthPerson:
        pools = self.pools
        culture = self._cultures[
            bisect.bisect_right(self._culture_cum, rng.random() * self._culture_cum[-1])
        ]
        sex = "f" if rng.random() < 0.45 else "m"
        traditional = False
        native_family_first = False
        scripts = HAS_LATIN
        if culture != "latin":
            roll = rng.random() * 100
            scripts = (
                SCRIPT_MIX[0][0]
                if roll < 50
                else SCRIPT_MIX[1][0]
                if roll < 80
                else (SCRIPT_MIX[2][0])
            )
        choices: list[tuple[int, ...]] = []
        nationality_culture = culture if culture in nd.NATIONALITIES else "latin"
        nationality = rng.choice(nd.NATIONALITIES[nationality_culture])
        if culture == "arabic":
            gpool = pools.given_pool(culture, sex)
            parts: tuple[int, ...] = (
                gpool.sample(rng), pools.ar_m.sample(rng),
                pools.ar_m.sample(rng) if rng.random() < 0.45 else -1, pools.ar_fam.sample(rng),
            )  # fmt: skip
            width = 4 if parts[2] >= 0 else 3
            for _ in range(1 if rng.random() < 0.6 else 2):
                choices.append(tuple(rng.randrange(6) for _ in range(width)))
        elif culture == "russian":
            parts = (
                pools.given_pool(culture, sex).sample(rng),
                pools.ru_m.sample(rng) if rng.random() < 0.6 else -1,
                pools.ru_fam.sample(rng),
            )
            native_family_first = rng.random() < 0.5
            width = 3 if parts[1] >= 0 else 2
            first = 0 if rng.random() < 0.7 else rng.choice((1, 2))  # ICAO, BGN or popular
            choices.append((first,) * width)
            if rng.random() < 0.3:
                choices.append((rng.choice([s for s in (0, 1, 2) if s != first]),) * width)
        elif culture == "chinese":
            parts = (
                pools.zh_fam.sample(rng), pools.zh_given.sample(rng),
                pools.zh_given.sample(rng) if rng.random() < 0.75 else -1,
            )  # fmt: skip
            native_family_first = rng.random() < 0.6  # Latin order "Zhang Weiming"
            traditional = nationality in ("TW", "HK")
            system = ZH_WADE_GILES if traditional else ZH_PINYIN
            choices.append((system, system))
        elif culture == "latin":
            gpool = pools.given_pool(culture, sex)
            parts = (
                gpool.sample(rng), gpool.sample(rng) if rng.random() < 0.2 else -1,
                pools.la_fam.sample(rng),
                pools.la_fam.sample(rng) if nationality in ("ES", "PT", "BR")
                and rng.random() < 0.6 else -1,
            )  # fmt: skip
            width = sum(1 for i in parts if i >= 0)
            choices.append((0,) * width)
            if rng.random() < 0.3:  # and as a keyboard without diacritics wrote it
                choices.append((1,) * width)
        else:
            pool = pools.translit[culture]
            parts = (pool.sample(rng), pool.sample(rng))
            choices.append((0, 0))
        born = _EPOCH + timedelta(days=rng.randrange(_DAYS))
        roll = rng.random()
        precision = 3 if roll < 0.8 else 2 if roll < 0.9 else 1
        p = SynthPerson(
            index=index, culture=culture, sex=sex, parts=parts, scripts=scripts,
            native_family_first=native_family_first, traditional=traditional,
            latin_choices=tuple(dict.fromkeys(choices)), birth=(born.year, born.month, born.day),
            precision=precision, nationality=nationality,
        )  # fmt: skip
        p.names = self._names(p)
        return p

    def _names(self, p: SynthPerson) -> tuple[tuple[str, str | None, str | None], ...]:
        parts = self.parts_of(p)
        names: list[tuple[str, str | None, str | None]] = []
        if p.scripts & HAS_NATIVE:
            names.append((self.join(p, self.render(p, parts, None), True), None, None))
        if p.scripts & HAS_LATIN:
            for choice in p.latin_choices:
                tokens = self.render(p, parts, choice)
                full = self.join(p, tokens, False)
                roles = dict(tokens)
                if all(full != n[0] for n in names):
                    names.append((full, roles["given"], roles["family"]))
        return tuple(names)

    def persons(self, count: int) -> list[SynthPerson]:
        rng = random.Random(self.seed)
        return [self.person(rng, i) for i in range(count)]


_EPOCH = date(1945, 1, 1)
_DAYS = (date(2007, 12, 31) - _EPOCH).days


def to_traditional(text: str) -> str:
    return "".join(nd.TRADITIONAL.get(ch, ch) for ch in text)


# --- queries -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BenchQuery:
    text: str
    birth: tuple[int, int | None, int | None] | None
    truth: int | None
    """The true person's index; None for a negative (nobody in the set)."""
    culture: str
    script: str
    kind: str
    detail: str
    date_kind: str
    namesakes: int = 0
    """Other persons with the same name parts (for a query with a middle name dropped: the same
    given and family name) and a birth date the query cannot tell apart."""

    @property
    def birth_text(self) -> str | None:
        if self.birth is None:
            return None
        y, m, d = self.birth
        return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else "")


def compatible(
    a: tuple[int, int | None, int | None] | None, b: tuple[int, int | None, int | None]
) -> bool:
    """Whether two partial dates can be the same day."""
    if a is None:
        return True
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


_KEYBOARD = {
    "a": "qsz", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj",
    "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o",
    "q": "wa", "r": "et", "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc",
    "y": "tu", "z": "xs",
}  # fmt: skip
_CYRILLIC_LETTERS = "абвгдежзийклмнопрстуфхцчшщыэюя"


def typo(token: str, rng: random.Random) -> tuple[str, str]:
    """One keyboard slip in a word of four letters or more (never the first letter, never
    next to a hyphen or apostrophe)."""
    letters = [i for i in range(1, len(token)) if token[i].isalpha()]
    i = rng.choice(letters)
    op = rng.choice(("substitute", "delete", "double", "transpose"))
    if (
        op == "transpose"
        and i < len(token) - 1
        and token[i + 1].isalpha()
        and (token[i].lower() != token[i + 1].lower())
    ):
        return token[:i] + token[i + 1] + token[i] + token[i + 2 :], op
    if op == "delete":
        return token[:i] + token[i + 1 :], op
    if op == "double":
        return token[:i] + token[i] + token[i:], op
    low = token[i].lower()
    if low in _KEYBOARD:
        new = rng.choice(_KEYBOARD[low])
    elif low in _CYRILLIC_LETTERS:
        new = rng.choice(_CYRILLIC_LETTERS.replace(low, ""))
    else:
        new = rng.choice("aeiou")
    new = new.upper() if token[i].isupper() else new
    return token[:i] + new + token[i + 1 :], "substitute"


def consonants(folded: str) -> str:
    """First letter, then the consonants without repeats: "rami" and "remi" are both "rm"."""
    out = folded[:1]
    for ch in folded[1:]:
        if ch not in "aeiouyhw" and ch != out[-1:]:
            out += ch
    return out


class QueryMaker:
    def __init__(self, gen: Generator, persons: list[SynthPerson], seed: int) -> None:
        self.gen = gen
        self.persons = persons
        self.rng = random.Random(seed)
        self.by_key: dict[object, list[int]] = defaultdict(list)
        for p in persons:
            self.by_key[p.key].append(p.index)
            self.by_key[p.loose_key].append(p.index)

    def namesakes(
        self,
        key: object,
        birth: tuple[int, int | None, int | None] | None,
        exclude: int | None,
    ) -> int:
        return sum(
            1
            for i in self.by_key.get(key, ())
            if i != exclude and compatible(birth, self.persons[i].record_birth)
        )

    def make(self, positives: int, negatives: int) -> list[BenchQuery]:
        out: list[BenchQuery] = []
        kinds, weights = list(POSITIVE_KINDS), list(POSITIVE_KINDS.values())
        while len(out) < positives:
            kind = self.rng.choices(kinds, weights)[0]
            query = self._positive(kind)
            if query is not None:
                out.append(query)
        kinds, weights = list(NEGATIVE_KINDS), list(NEGATIVE_KINDS.values())
        made = 0
        while made < negatives:
            kind = self.rng.choices(kinds, weights)[0]
            query = self._negative(kind)
            if query is not None:
                out.append(query)
                made += 1
        return out

    # -- dates --
    def _date(self, p: SynthPerson) -> tuple[tuple[int, int | None, int | None] | None, str]:
        kind = self.rng.choices(list(DATE_KINDS), list(DATE_KINDS.values()))[0]
        y, m, d = p.birth
        if kind == "full":
            return (y, m, d), kind
        if kind == "year_month":
            return (y, m, None), kind
        if kind == "year":
            return (y, None, None), kind
        if kind == "near_year" and (m, d) != (2, 29):
            return (y + self.rng.choice((-1, 1)), m, d), kind
        if kind == "near_year":
            return (y, m, d), "full"
        if kind == "day_month_swapped" and d <= 12 and d != m:
            return (y, d, m), kind
        if kind == "day_month_swapped":
            return (y, m, d), "full"
        return None, kind

    # -- positives --
    def _positive(self, kind: str) -> BenchQuery | None:
        rng, gen = self.rng, self.gen
        p = self.persons[rng.randrange(len(self.persons))]
        parts = gen.parts_of(p)
        if kind == "exact":
            full = rng.choice(p.names)[0]
            native = bool(p.scripts & HAS_NATIVE) and full == p.names[0][0]
            return self._finish(p, full, native, kind, "")
        steps = [kind]
        if kind == "combined":
            first = "other_script" if p.scripts != (HAS_NATIVE | HAS_LATIN) else "other_spelling"
            steps = [first, rng.choice(("typo", "swapped", "missing_part"))]
        detail = ""
        tokens: list[tuple[str, str]] | None = None
        native = False
        for step in steps:
            if step in ("other_script", "other_spelling"):
                made = self._respell(p, parts, step)
                if made is None:
                    return None
                tokens, native, detail = made
                continue
            if tokens is None:
                tokens, native = self._existing(p, parts)
            if native and p.culture in ("chinese", "translit_zh"):
                return None  # Han names: no typing slips, spaces or parts to play with here
            changed = self._perturb(step, tokens, native and p.culture != "russian")
            if changed is None:
                return None
            tokens, what = changed
            detail = f"{detail}+{what}" if detail else what
        assert tokens is not None
        text = gen.join(p, tokens, native)
        if any(text == n[0] for n in p.names):
            return None
        return self._finish(p, text, native, kind, detail)

    def _perturb(
        self, step: str, tokens: list[tuple[str, str]], no_typo: bool
    ) -> tuple[list[tuple[str, str]], str] | None:
        rng = self.rng
        if step == "typo":
            if no_typo:
                return None
            candidates = [i for i, (_, t) in enumerate(tokens) if max(map(len, t.split())) >= 4]
            if not candidates:
                return None
            i = rng.choice(candidates)
            role, text = tokens[i]
            words = text.split(" ")
            w = max(range(len(words)), key=lambda j: len(words[j]))
            words[w], op = typo(words[w], rng)
            return tokens[:i] + [(role, " ".join(words))] + tokens[i + 1 :], f"typo_{op}"
        if step == "swapped":
            if len(tokens) < 2:
                return None
            if tokens[0][0] == "family":  # family first -> family last
                return tokens[1:] + tokens[:1], "family_last"
            at = max(i for i, (role, _) in enumerate(tokens) if role.startswith("family"))
            family = [t for t in tokens[: at + 1] if t[0].startswith("family")]
            rest = [t for t in tokens if not t[0].startswith("family")]
            return family + rest, "family_first"
        # missing_part: a middle name (father, grandfather, patronymic, second given/family)
        optional = [i for i, (role, _) in enumerate(tokens) if role not in ("given", "family")]
        if not optional:
            return None
        i = rng.choice(optional)
        return tokens[:i] + tokens[i + 1 :], f"{tokens[i][0]}_dropped"

    def _existing(
        self, p: SynthPerson, parts: list[tuple[str, Part]]
    ) -> tuple[list[tuple[str, str]], bool]:
        """One of the names the record carries (the Cyrillic one for a fifth of Russians)."""
        use_native = not (p.scripts & HAS_LATIN) or (
            p.culture == "russian" and bool(p.scripts & HAS_NATIVE) and self.rng.random() < 0.2
        )
        if use_native:
            return self.gen.render(p, parts, None), True
        return self.gen.render(p, parts, self.rng.choice(p.latin_choices)), False

    def _respell(
        self, p: SynthPerson, parts: list[tuple[str, Part]], step: str
    ) -> tuple[list[tuple[str, str]], bool, str] | None:
        gen = self.gen
        width = len(parts)
        if step == "other_script":
            if p.culture == "latin":
                return None
            if p.scripts == HAS_LATIN:
                return gen.render(p, parts, None), True, f"to_{NATIVE_SCRIPT[p.culture]}"
            if p.scripts == HAS_NATIVE:
                choice = self._latin_choice(p, width, exclude=())
                return gen.render(p, parts, choice), False, f"to_latin_{self._system(p, choice)}"
            if p.culture == "chinese" and not p.traditional:
                tokens = [(role, to_traditional(t)) for role, t in gen.render(p, parts, None)]
                if gen.join(p, tokens, True) == p.names[0][0]:
                    return None
                return tokens, True, "han_traditional"
            return None
        # other_spelling: a Latin spelling the record does not carry
        if not p.scripts & HAS_LATIN or p.culture.startswith("translit"):
            return None
        existing = {gen.join(p, gen.render(p, parts, c), False) for c in p.latin_choices}
        for _ in range(12):
            choice = self._latin_choice(p, width, exclude=p.latin_choices)
            tokens = gen.render(p, parts, choice)
            if gen.join(p, tokens, False) not in existing:
                return tokens, False, self._system(p, choice)
        return None

    def _latin_choice(
        self, p: SynthPerson, width: int, exclude: Iterable[tuple[int, ...]]
    ) -> tuple[int, ...]:
        rng = self.rng
        excluded = set(exclude)
        if p.culture == "russian":
            options = [s for s in range(len(RU_SYSTEMS)) if (s,) * width not in excluded]
            s = rng.choice(options)
            return (s,) * width
        if p.culture == "chinese":
            options = [s for s in (ZH_PINYIN, ZH_WADE_GILES, ZH_SPLIT) if (s, s) not in excluded]
            s = rng.choice(options)
            return (s, s)
        if p.culture == "latin":
            return tuple(rng.randrange(1, 3) for _ in range(width))
        if p.culture == "arabic":
            return tuple(rng.randrange(6) for _ in range(width))
        return (0,) * width

    def _system(self, p: SynthPerson, choice: tuple[int, ...]) -> str:
        if p.culture == "russian":
            return RU_SYSTEMS[choice[0]]
        if p.culture == "chinese":
            return ("pinyin", "wade_giles", "pinyin_split")[choice[0]]
        if p.culture == "latin":
            return "marks_dropped"
        if p.culture == "arabic":
            return "variant_spelling"
        return "wikidata"

    def _finish(
        self,
        p: SynthPerson,
        text: str,
        native: bool,
        kind: str,
        detail: str,
        birth: tuple[int, int | None, int | None] | None = None,
        date_kind: str | None = None,
    ) -> BenchQuery:
        if date_kind is None:
            birth, date_kind = self._date(p)
        script = NATIVE_SCRIPT[p.culture] if native else "latin"
        return BenchQuery(
            text=text, birth=birth, truth=p.index, culture=p.culture, script=script, kind=kind,
            detail=detail, date_kind=date_kind,
            namesakes=self.namesakes(
                p.loose_key if "dropped" in detail else p.key,
                birth if date_kind != "near_year" else None, exclude=p.index),
        )  # fmt: skip

    # -- negatives --
    def _negative(self, kind: str) -> BenchQuery | None:
        rng, gen = self.rng, self.gen
        p = self.persons[rng.randrange(len(self.persons))]
        birth, date_kind = self._date(p)
        if date_kind in ("near_year", "day_month_swapped"):
            birth, date_kind = p.birth, "full"
        changed = p
        if kind == "neg_date":
            y, m, d = p.birth
            year = y + rng.choice((-1, 1)) * rng.randint(3, 15)
            if m == 2 and d == 29:
                return None
            birth = (year, m, d)
            date_kind = "full"
        else:
            slot, pool = self._slot(p, kind)
            if slot < 0:
                return None
            other = self._similar(pool, p.parts[slot])
            if other is None:
                return None
            changed = dataclasses.replace(p, parts=p.parts[:slot] + (other,) + p.parts[slot + 1 :])
        if self.namesakes(changed.key, birth, exclude=None):
            return None  # somebody in the set is that person after all
        tokens, native = self._existing(changed, gen.parts_of(changed))
        script = NATIVE_SCRIPT[p.culture] if native else "latin"
        return BenchQuery(
            text=gen.join(changed, tokens, native),
            birth=birth,
            truth=None,
            culture=p.culture,
            script=script,
            kind=kind,
            detail=f"like {p.index}",
            date_kind=date_kind,
        )

    def _slot(self, p: SynthPerson, kind: str) -> tuple[int, Pool]:
        pools = self.gen.pools
        given = kind == "neg_given"
        c = p.culture
        if c == "arabic":
            return (0, pools.given_pool(c, p.sex)) if given else (3, pools.ar_fam)
        if c == "russian":
            return (0, pools.given_pool(c, p.sex)) if given else (2, pools.ru_fam)
        if c == "chinese":
            return (1, pools.zh_given) if given else (0, pools.zh_fam)
        if c == "latin":
            return (0, pools.given_pool(c, p.sex)) if given else (2, pools.la_fam)
        return (0, pools.translit[c]) if given else (1, pools.translit[c])

    def _similar(self, pool: Pool, index: int) -> int | None:
        """A different name that looks alike (one of the five nearest), never what could be a
        spelling of the same name: a shared spelling, one edit apart, or the same consonants
        (Rami / Remi, Salem / Salim)."""
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import Levenshtein

        folded = pool.folded()
        mine = {nd.strip_marks(s).lower() for s in pool.parts[index].latin}
        my_consonants = {consonants(m) for m in mine}
        found = process.extract(folded[index], folded, scorer=fuzz.ratio, limit=40)
        options = []
        for _, _, j in found:
            theirs = {nd.strip_marks(s).lower() for s in pool.parts[j].latin}
            if j == index or mine & theirs or pool.parts[j].native == pool.parts[index].native:
                continue
            if any(Levenshtein.distance(a, b) <= 1 for a in mine for b in theirs):
                continue
            if my_consonants & {consonants(t) for t in theirs}:
                continue
            options.append(j)
            if len(options) == 5:
                break
        return self.rng.choice(options) if options else None
