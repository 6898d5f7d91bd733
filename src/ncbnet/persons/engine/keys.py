"""Keys that make spellings meet: ASCII folds, consonant skeletons, dictionary lookup keys."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from .arabic import normalise_arabic

_NOT_AZ = re.compile(r"[^a-z]+")
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# German umlauts written without the dots ("Juergen") also meet the plain vowel ("Jurgen");
# after g/q the "ue" is a real u + e (Miguel, Enrique) and is left alone.
_UE = re.compile(r"(?<=[bcdfhjklmnprstvwxz])(ae|oe|ue)")

# One regex pass, longest spellings first: several Latin spellings of one sound become one
# symbol. Upper-case symbols are classes (S = sh/ch/sch, J = j/g/dj/zh, G = gh, A = initial
# vowel), so "Gamal"/"Jamal" and "Chérif"/"Sharif" share a skeleton.
_SOUNDS = re.compile(r"dzh|tch|sch|ch|sh|zh|kh|gh|th|dh|ph|ck|dj|[a-z]")
_SOFT_C = re.compile(r"c(?=[eiy])")
_SOUND_MAP = {
    "dzh": "J",
    "tch": "S",
    "sch": "S",
    "ch": "S",
    "sh": "S",
    "zh": "J",
    "kh": "x",
    "gh": "G",
    "th": "t",
    "dh": "d",
    "ph": "f",
    "ck": "k",
    "dj": "J",
    "c": "k",
    "q": "k",
    "x": "ks",
    "v": "f",
    "p": "b",
    "g": "J",
    "j": "J",
}
_VOWELS = frozenset("aeiouy")


def fold_ascii(token: str) -> str:
    """Lower-case ASCII letters only (ü -> u, ø -> o, é -> e)."""
    return _NOT_AZ.sub("", anyascii(token).lower())


def latin_forms(token: str) -> list[str]:
    """Latin spellings of a Latin-script token: plain fold, German fold, umlaut undone."""
    forms = [fold_ascii(token)]
    if any(ch in token for ch in "äöüß"):
        forms.append(fold_ascii(token.translate(_GERMAN)))
    for form in list(forms):
        if _UE.search(form):
            forms.append(_UE.sub(lambda m: m.group(1)[0], form))
    return list(dict.fromkeys(f for f in forms if f))


@lru_cache(maxsize=200_000)
def skeleton(form: str) -> str:
    """Consonant skeleton of an ASCII spelling: what Arabic script (an abjad) would write.

    Vowels go (an initial vowel becomes "A"), so do doubled consonants, a final h after a vowel
    (ta marbuta: Fatimah/Fatima) and a non-initial w/y (long vowels: Marwan/مروان).
    """
    out: list[str] = []
    sounds = _SOUNDS.findall(_SOFT_C.sub("s", form))
    for i, sound in enumerate(sounds):
        if sound in _VOWELS or sound == "w":
            if i == 0:
                out.append("A" if sound in "aeiou" else sound)
            continue
        if sound == "h" and i == len(sounds) - 1 and i > 0 and sounds[i - 1] in _VOWELS:
            continue
        # Initial x is pinyin/Portuguese "sh" (Xi, Xavier), elsewhere "ks" (Alex).
        symbol = "S" if sound == "x" and i == 0 else _SOUND_MAP.get(sound, sound)
        for ch in symbol:
            if not out or out[-1] != ch:
                out.append(ch)
    return "".join(out)


_VOWEL_RUNS = re.compile(r"[aeiouy]+")


def weight_key(form: str) -> str:
    """Skeleton plus the number of vowel groups: pools spellings of one name (Mohammed,
    Muhammad, Mohamed) without pooling names that share consonants (Hussein, Husseini)."""
    vowels = _VOWEL_RUNS.findall(form[1:] if form.startswith("y") else form)
    return f"{skeleton(form)}{len(vowels)}"


def deletions(key: str) -> set[str]:
    """Keys one deletion away: two keys one edit apart share one of these (or each other)."""
    if len(key) < 3:
        return set()
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


def han_syllables(token: str) -> list[str]:
    """Pinyin syllable of each Han character, tones dropped (traditional = simplified)."""
    return [fold_ascii(anyascii(ch)) for ch in token]


def native_key(token: str, script: str) -> str | None:
    """The key under which the name dictionary stores a non-Latin token."""
    if script == "arabic":
        return "ar:" + normalise_arabic(token)
    if script == "cyrillic":
        return "ru:" + token.lower().replace("ё", "е")
    if script == "han":
        return "zh:" + "-".join(han_syllables(token))
    return None
