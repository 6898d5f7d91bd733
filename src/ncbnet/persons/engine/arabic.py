"""Arabic names: letter normalisation, consonant skeleton and the particles of Arabic names.

Particles are handled on the token sequence, in Arabic script and in Latin transliteration:
the article (al-, el-, ul-, sun-letter ad-/ar-/as-...) joins the next word; "abd" with its
article joins the next word into one compound ("Abd al-Rahman" = "Abdulrahman" = "Abdel
Rahman" = "abd" + "rahman"); bin/ibn/ben/bint are kept as connectors because they make word
order meaningful ("Mohammed bin Salman" is not "Salman bin Mohammed").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و", "ک": "ك"}
)
# Letter -> skeleton symbol, the same symbols as keys.skeleton uses for Latin spellings.
# ا ع ء و ي only count at the start of a word: elsewhere they are vowels or dropped in Latin.
_SKELETON = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "J", "چ": "S", "ح": "h",
    "خ": "x", "د": "d", "ذ": "d", "ض": "d", "ر": "r", "ز": "z", "ژ": "J", "ظ": "z",
    "س": "s", "ص": "s", "ش": "S", "غ": "G", "ف": "f", "ڤ": "f", "ق": "k", "ك": "k",
    "گ": "J", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}  # fmt: skip
_INITIAL = {"ا": "A", "ع": "A", "ء": "A", "و": "w", "ي": "y"}

LATIN_ARTICLES = frozenset({"al", "el", "ul", "il", "ol"})
# Sun-letter assimilation: "ad-din", "ar-rahman", "as-sayed", "ash-shami", "an-nur".
_SUN_ARTICLES = frozenset("ad ar as at az an ash adh ath ed er es en et ez".split())
_CONNECTORS = frozenset({"bin", "ibn", "ben", "bint", "binti", "bent", "ibnu", "ould", "walad"})
_AR_CONNECTORS = frozenset({"بن", "ابن", "بنت"})
_ABD_ALONE = re.compile(r"^abd(?:[aeiou]l|[aeiou][drstzn]|[aeiou])?$")
_ABD_JOINED = re.compile(r"^abd(?:[aeiou]l|[aeiou](?=([bdfhjklmnrstvwxz])\1)|[aeiou])?(.{2,})$")
_ATTACHED = re.compile(r"^(?:al|el)(?=[bcdfghjklmnpqrstvwxz])(.{3,})$")
_ATTACHED_SUN = re.compile(r"^[ae]([dtsrzn])(?=\1)(.{3,})$")


def normalise_arabic(token: str) -> str:
    """Drop vowel marks and tatweel; one form for each alef, ya, hamza seat and ta marbuta."""
    return _HARAKAT.sub("", token).translate(_LETTERS).replace("ة", "ه")


def strip_arabic_article(token: str) -> str:
    if token.startswith("ال") and len(token) >= 4:
        return token[2:]
    return token


def arabic_skeleton(token: str) -> str:
    letters = normalise_arabic(token)
    out: list[str] = []
    for i, ch in enumerate(letters):
        symbol = _SKELETON.get(ch, "")
        if i == 0:
            symbol = _INITIAL.get(ch, symbol)
        if ch == "ه" and i == len(letters) - 1 and i > 0:
            symbol = ""  # final h / ta marbuta is a vowel in Latin spellings (Fatima, Abdallah)
        if symbol and (not out or out[-1] != symbol):
            out.append(symbol)
    return "".join(out)


def strip_latin_article(form: str) -> str | None:
    """'alhusseini' -> 'husseini', 'arrashid' -> 'rashid'; None if no attached article."""
    m = _ATTACHED.match(form)
    if m:
        return m.group(1)
    m = _ATTACHED_SUN.match(form)
    if m:
        return m.group(1) + m.group(2)
    return None


def split_abd(form: str) -> str | None:
    """'abdulrahman' -> 'rahman' (the part after "abd" and its article), else None."""
    m = _ABD_JOINED.match(form)
    if not m:
        return None
    stem = m.group(2)
    if len(stem) >= 2 and stem[0] == stem[1]:
        stem = stem[1:]  # abdurrahman, abdussalam
    return stem if len(stem) >= 2 else None


@dataclass(frozen=True, slots=True)
class Piece:
    """One name word after particles are folded: what is displayed and what is analysed."""

    display: str
    stem: str
    script: str
    abd: bool = False
    connector: bool = False


def fold_particles(words: list[tuple[str, str]]) -> list[Piece]:
    """Fold articles, 'abd' compounds and patronymic connectors of (token, script) words."""
    out: list[Piece] = []
    i = 0
    n = len(words)
    while i < n:
        word, script = words[i]
        has_next = i + 1 < n
        if script == "arabic":
            if word in _AR_CONNECTORS and out and has_next:
                out.append(Piece(word, "bin", script, connector=True))
                i += 1
                continue
            if word == "ال" and has_next:
                i += 1
                continue
            if normalise_arabic(word) == "عبد" and has_next:
                nxt = words[i + 1][0]
                out.append(Piece(f"{word} {nxt}", strip_arabic_article(nxt), script, abd=True))
                i += 2
                continue
            norm = normalise_arabic(word)
            if norm.startswith("عبد") and len(norm) >= 6:
                out.append(Piece(word, strip_arabic_article(norm[3:]), script, abd=True))
                i += 1
                continue
            out.append(Piece(word, word, script))
            i += 1
            continue
        if script != "latin":
            out.append(Piece(word, word, script))
            i += 1
            continue
        if word in _CONNECTORS and out and has_next:
            out.append(Piece(word, "bin", script, connector=True))
            i += 1
            continue
        if has_next and _is_article(word, words[i + 1][0]):
            i += 1  # the article's meaning is carried by the next word alone
            continue
        if _ABD_ALONE.match(word) and has_next:
            j = i + 1
            while j + 1 < n and _is_article(words[j][0], words[j + 1][0]):
                j += 1
            display = " ".join(w for w, _ in words[i : j + 1])
            out.append(Piece(display, words[j][0], script, abd=True))
            i = j + 1
            continue
        stem = split_abd(word)
        if stem is not None:
            out.append(Piece(word, stem, script, abd=True))
        else:
            out.append(Piece(word, word, script))
        i += 1
    return out


def _is_article(word: str, following: str) -> bool:
    if word in LATIN_ARTICLES:
        return True
    # "ad" before "din", "ash" before "shami": only an article when it copies the next letter.
    return word in _SUN_ARTICLES and following.startswith(word[1:])
