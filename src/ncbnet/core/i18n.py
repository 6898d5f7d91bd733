"""Translations in the four working languages, from Babel catalogues (.po) merged across the
web shell and every capability, so a capability ships its own strings."""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from ncbnet.core.settings import LANGUAGES

RTL_LANGUAGES = frozenset({"ar"})
LANGUAGE_NAMES = {"ar": "العربية", "en": "English", "fr": "Français", "es": "Español"}


class Catalogues:
    """Compiled translations per language. .po files are compiled in memory at start-up, so the
    repository holds only the sources and nothing can run with stale .mo files."""

    def __init__(self, locale_dirs: Iterable[Path]) -> None:
        self._by_lang: dict[str, NullTranslations] = {}
        dirs = list(locale_dirs)
        for lang in LANGUAGES:
            merged: Translations | None = None
            for directory in dirs:
                po_path = directory / lang / "LC_MESSAGES" / "messages.po"
                if not po_path.exists():
                    continue
                with po_path.open("rb") as handle:
                    catalog = read_po(handle, locale=lang)
                buffer = BytesIO()
                write_mo(buffer, catalog, use_fuzzy=False)
                buffer.seek(0)
                translations = Translations(fp=buffer)
                if merged is None:
                    merged = translations
                else:
                    merged.merge(translations)
            self._by_lang[lang] = merged if merged is not None else NullTranslations()

    def get(self, lang: str) -> NullTranslations:
        return self._by_lang.get(lang) or NullTranslations()


def negotiate(
    *, query: str | None, cookie: str | None, user: str | None, accept: str | None, default: str
) -> str:
    """Query parameter, then the cookie (the latest choice in this browser; login sets it from
    the user's saved choice), then the user's saved choice, then Accept-Language."""
    for candidate in (query, cookie, user):
        if candidate in LANGUAGES:
            return candidate
    if accept:
        ranked: list[tuple[float, int, str]] = []
        for index, part in enumerate(accept.split(",")):
            piece = part.strip()
            if not piece:
                continue
            tag, _, params = piece.partition(";")
            quality = 1.0
            if params.strip().startswith("q="):
                try:
                    quality = float(params.strip()[2:])
                except ValueError:
                    quality = 0.0
            primary = tag.strip().split("-")[0].lower()
            if primary in LANGUAGES and quality > 0:
                ranked.append((-quality, index, primary))
        if ranked:
            return sorted(ranked)[0][2]
    return default


def direction(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"
