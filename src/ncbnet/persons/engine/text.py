"""Unicode clean-up, tokenisation and per-token script detection."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Apostrophes and the marks used for hamza and ʿayn join the letters around them
# ("Sa'id" is "Said", "O'Brien" is "Obrien"); everything else that is not a letter splits.
_JOINERS = dict.fromkeys(map(ord, "'’‘`´ʼʻʿʾ′ʹ\u0640"), None)

_SCRIPT_PREFIXES = (
    ("LATIN", "latin"),
    ("CYRILLIC", "cyrillic"),
    ("ARABIC", "arabic"),
    ("GREEK", "greek"),
    ("CJK", "han"),
    ("HANGUL", "hangul"),
    ("HIRAGANA", "kana"),
    ("KATAKANA", "kana"),
    ("HEBREW", "hebrew"),
)


def clean(text: str) -> str:
    """NFKC, casefold, drop controls and punctuation; words separated by single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_JOINERS)
    kept = [ch if unicodedata.category(ch)[0] in "LM" else " " for ch in folded]
    return " ".join("".join(kept).split())


def tokens(text: str) -> list[str]:
    return clean(text).split()


@lru_cache(maxsize=8192)
def char_script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    for prefix, script in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return script
    return "other"


def script_of(token: str) -> str:
    """The script of most of the token's letters (marks do not vote)."""
    votes: dict[str, int] = {}
    for ch in token:
        if unicodedata.category(ch)[0] == "L":
            script = char_script(ch)
            votes[script] = votes.get(script, 0) + 1
    if not votes:
        return "other"
    return max(votes.items(), key=lambda kv: kv[1])[0]
