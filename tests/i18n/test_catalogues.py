"""Every user-facing string is translated into Arabic, French and Spanish, placeholders intact,
and the catalogues the app loads at start-up really translate the interface. No database."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from ncbnet.app import CORE_DIR, WEB_DIR
from ncbnet.capabilities import INSTALLED, load_capabilities
from ncbnet.core.i18n import Catalogues

LANGUAGES = ("ar", "fr", "es")
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "i18n.py"
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ncbnet_i18n_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


i18n_script = _load_script()
PACKAGES: dict[str, Path] = i18n_script.packages()


def _templates() -> dict[str, Catalog]:
    return {name: i18n_script.extract(directory) for name, directory in PACKAGES.items()}


TEMPLATES = _templates()


def _catalogue(package: str, lang: str) -> Catalog:
    path = PACKAGES[package] / "locale" / lang / "LC_MESSAGES" / "messages.po"
    assert path.exists(), f"{path} is missing: run `python scripts/i18n.py update`"
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def _strings(message: Message) -> tuple[str, ...]:
    string = message.string
    if isinstance(string, (list, tuple)):
        return tuple(item or "" for item in string)
    return (string or "",)


def _ids(message: Message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


CASES = [(package, lang) for package in PACKAGES for lang in LANGUAGES]


def test_every_package_is_covered() -> None:
    expected = {"core", "web", *(name.rsplit(".", 1)[-1] for name in INSTALLED)}
    assert set(PACKAGES) == expected
    assert all(len(TEMPLATES[name]) > 0 for name in expected)


@pytest.mark.parametrize(("package", "lang"), CASES)
def test_every_msgid_is_translated(package: str, lang: str) -> None:
    catalog = _catalogue(package, lang)
    assert not catalog.fuzzy, "catalogue header is marked fuzzy"
    assert catalog.locale_identifier == lang
    problems = []
    for message in TEMPLATES[package]:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        if found is None:
            problems.append(f"missing: {message.id!r}")
        elif isinstance(found.id, tuple) != isinstance(message.id, tuple):
            problems.append(f"singular/plural mismatch: {message.id!r}")
        elif found.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        elif len(_strings(found)) != (catalog.num_plurals if isinstance(found.id, tuple) else 1):
            problems.append(f"wrong number of plural forms: {message.id!r}")
        elif not all(_strings(found)):
            problems.append(f"untranslated: {message.id!r}")
    assert not problems, f"{package}/{lang} (run scripts/i18n.py update, translate): {problems}"


@pytest.mark.parametrize(("package", "lang"), CASES)
def test_placeholders_match(package: str, lang: str) -> None:
    catalog = _catalogue(package, lang)
    problems = []
    for message in catalog:
        if not message.id or not message.python_format or not all(_strings(message)):
            continue
        ids = _ids(message)
        expected = set().union(*(_placeholders(text) for text in ids))
        names = {name: 1 for name in re.findall(r"%\((\w+)\)", " ".join(ids))}
        for string in _strings(message):
            found = _placeholders(string)
            # A plural form may leave the number out ("one member country"), never add one.
            if found != expected and not (len(ids) > 1 and found <= expected):
                problems.append(f"{message.id!r} -> {string!r}")
            try:
                string % names
            except (KeyError, TypeError, ValueError):
                problems.append(f"does not format: {string!r}")
    assert not problems


def test_shared_msgids_are_translated_alike() -> None:
    """The app merges every catalogue into one, so the same msgid must not differ by package."""
    for lang in LANGUAGES:
        seen: dict[object, tuple[str, tuple[str, ...]]] = {}
        for package in PACKAGES:
            for message in _catalogue(package, lang):
                if not message.id:
                    continue
                key = _ids(message)
                first = seen.setdefault(key, (package, _strings(message)))
                assert first[1] == _strings(message), (
                    f"{lang}: {key[0]!r} differs between {first[0]} and {package}"
                )


@pytest.fixture(scope="module")
def catalogues() -> Catalogues:
    """Built exactly as ncbnet.app.create_app builds it."""
    locale_dirs = [WEB_DIR / "locale", CORE_DIR / "locale"]
    locale_dirs += [cap.locale_dir for cap in load_capabilities() if cap.locale_dir]
    return Catalogues(locale_dirs)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "msgid", ["Members", "Log in", "General Assembly", "Audit log", "API tokens", "Africa"]
)
def test_loaded_catalogues_translate_the_interface(
    catalogues: Catalogues, lang: str, msgid: str
) -> None:
    text = catalogues.get(lang).gettext(msgid)
    assert text and text != msgid


def test_loaded_catalogues_use_the_known_terms(catalogues: Catalogues) -> None:
    terms = {
        "ar": ("المكتب المركزي الوطني", "الأمانة العامة", "الجمعية العامة"),
        "fr": ("Bureau central national", "Secrétariat général", "Assemblée générale"),
        "es": ("Oficina Central Nacional", "Secretaría General", "Asamblea General"),
    }
    for lang, (ncb, secretariat, assembly) in terms.items():
        translations = catalogues.get(lang)
        named = translations.gettext("National Central Bureau of %(country)s")
        assert ncb in named and "%(country)s" in named
        assert translations.gettext("General Secretariat") == secretariat
        assert translations.gettext("General Assembly") == assembly
        assert translations.gettext("ncbnet") == "ncbnet"
        wrong = translations.gettext("Wrong username or password.")  # a Python-side N_ string
        assert wrong != "Wrong username or password."


def test_arabic_plural_forms(catalogues: Catalogues) -> None:
    singular, plural = "%(num)s member country", "%(num)s member countries"
    arabic = catalogues.get("ar")
    forms = {arabic.ngettext(singular, plural, n) % {"num": n} for n in (0, 1, 2, 5, 11, 100)}
    assert len(forms) == 6
    french = catalogues.get("fr")
    assert french.ngettext(singular, plural, 1) % {"num": 1} == "1 pays membre"
    assert french.ngettext(singular, plural, 3) % {"num": 3} == "3 pays membres"
