"""From a written name to comparable tokens: Latin spellings, skeletons, dictionary groups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from . import dictionary
from .arabic import Piece, arabic_skeleton, fold_particles, normalise_arabic, strip_latin_article
from .arabic import strip_arabic_article as strip_al
from .keys import fold_ascii, latin_forms, native_key, skeleton, weight_key
from .text import script_of, tokens
from .transliterate import cyrillic_forms, han_forms, split_han

MAX_FORMS = 8
MAX_BRIDGED = 5


@dataclass(frozen=True, slots=True, eq=False)
class Token:
    """One name word, ready to compare. Interned: equal words share one object."""

    display: str
    text: str
    """Canonical text in its own script (stem of a compound prefixed with 'abd ')."""
    script: str
    forms: tuple[str, ...]
    """Latin ASCII spellings, the most likely first."""
    skeletons: frozenset[str]
    groups: frozenset[int]
    """Name-dictionary keys this word is (a spelling of)."""
    equivalents: frozenset[int]
    """Arabic/Cyrillic dictionary keys: Latin words sharing one are variant spellings."""
    weight_key: str = ""
    """The key whose frequency says how common the word is (spellings pooled)."""
    connector: bool = False


CONNECTOR = Token("bin", "bin", "latin", ("bin",), frozenset(), frozenset(), frozenset(), "", True)


def analyse_name(text: str) -> tuple[Token, ...]:
    return _analyse_name(text)


def normalise_name(text: str) -> list[str]:
    """Canonical words of a name in its own script ("Abd al-Rahman" -> ["abd rahman"])."""
    return [t.text for t in analyse_name(text) if not t.connector]


def romanise_name(text: str) -> list[str]:
    """Most likely Latin spelling of each word ("Сергей Иванов" -> ["sergei", "ivanov"])."""
    return [t.forms[0] if t.forms else t.text for t in analyse_name(text) if not t.connector]


@lru_cache(maxsize=100_000)
def _analyse_name(text: str) -> tuple[Token, ...]:
    words = [(w, script_of(w)) for w in tokens(text)]
    expanded: list[tuple[str, str]] = []
    for word, script in words:
        if script == "han" and native_key(word, script) not in dictionary.get().latin_of:
            expanded.extend((part, script) for part in split_han(word))
        else:
            expanded.append((word, script))
    out: list[Token] = []
    for piece in fold_particles(expanded):
        out.append(CONNECTOR if piece.connector else analyse_piece(piece))
    return tuple(out)


@lru_cache(maxsize=500_000)
def analyse_piece(piece: Piece) -> Token:
    d = dictionary.get()
    keys: list[str] = []
    skeletons: list[str] = []
    bridged: list[str] = []
    stem = piece.stem
    if piece.script == "latin":
        own = latin_forms(stem)
        for form in list(own):
            stripped = strip_latin_article(form)
            if stripped:
                own.append(stripped)
        if piece.abd:
            own = [variant + form for form in own for variant in ("abd", "abdul", "abdel")]
    else:
        if piece.script == "arabic":
            norm = strip_al(normalise_arabic(stem))
            own = [fold_ascii(anyascii(norm))]
            skeletons.append(arabic_skeleton(norm))
            keys = ["ar:" + ("عبدال" if piece.abd else "") + norm]
            if not piece.abd and norm != normalise_arabic(stem):
                keys.append("ar:" + normalise_arabic(stem))
        elif piece.script == "cyrillic":
            own = cyrillic_forms(stem)
        elif piece.script == "han":
            own = han_forms(stem)
        else:
            own = [fold_ascii(stem)]
        keys += [k for k in [native_key(stem, piece.script)] if k and k not in keys]
        for key in keys:
            bridged += [f for f in d.latin(key)[:MAX_BRIDGED] if f not in bridged]
        if piece.abd:
            own = ["abd" + form for form in own]
            skeletons = ["A" + "bd" + s.lstrip("A") for s in skeletons]
            bridged = [b if b.startswith("abd") else "abd" + b for b in bridged]
    forms = list(dict.fromkeys([*bridged, *own]))[:MAX_FORMS]
    skeletons += [_abd_skeleton(f) for f in forms]
    groups = {d.key_ids[k] for k in keys if k in d.key_ids}
    equivalents: set[int] = set()
    for form in forms[:4]:
        groups.update(d.groups_of.get(form, ()))
        equivalents.update(d.equivalence_groups_of.get(form, ()))
    text = ("abd " if piece.abd else "") + (
        normalise_arabic(stem) if piece.script == "arabic" else stem
    )
    return Token(
        display=piece.display,
        text=text,
        script=piece.script,
        forms=tuple(forms),
        skeletons=frozenset(s for s in skeletons if s),
        groups=frozenset(groups),
        equivalents=frozenset(equivalents),
        weight_key=weight_key(forms[0]) if forms else text,
    )


def _abd_skeleton(form: str) -> str:
    # "abdul"/"abdel" + stem: the linking article is not part of the name's consonants.
    for prefix in ("abdul", "abdel"):
        if form.startswith(prefix) and len(form) > len(prefix) + 1:
            return "Abd" + skeleton(form[len(prefix) :]).lstrip("A")
    return skeleton(form)


def merge(a: Token, b: Token) -> Token:
    """Two adjacent words read as one ("Jin Ping" / "Jinping", "Abdel Aziz" / "Abdelaziz")."""
    return _merge(a, b)


@lru_cache(maxsize=50_000)
def _merge(a: Token, b: Token) -> Token:
    d = dictionary.get()
    forms = tuple(dict.fromkeys(x + y for x in a.forms[:3] for y in b.forms[:3]))
    groups: set[int] = set()
    for form in forms:
        groups.update(d.groups_of.get(form, ()))
    return Token(
        display=f"{a.display} {b.display}",
        text=a.text + b.text,
        script=a.script if a.script == b.script else "mixed",
        forms=forms[:MAX_FORMS],
        skeletons=frozenset(skeleton(f) for f in forms),
        groups=frozenset(groups),
        equivalents=frozenset(),
        weight_key=weight_key(forms[0]) if forms else a.text + b.text,
    )
