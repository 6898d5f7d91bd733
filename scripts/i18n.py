"""Extract, update and check the Babel catalogues of ncbnet.

Each package (core, web and every installed capability) keeps its own catalogue of the strings
found in its own files, in ``<package>/locale``. English is the source language.

    python scripts/i18n.py extract   # write <package>/locale/messages.pot
    python scripts/i18n.py update    # extract, then create or update ar/fr/es messages.po
    python scripts/i18n.py check     # exit 1 on a missing, untranslated or fuzzy message
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from importlib.util import find_spec
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from ncbnet import __version__
from ncbnet.capabilities import INSTALLED

LANGUAGES = ("ar", "fr", "es")
METHOD_MAP = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
OPTIONS_MAP = {"**/templates/**.html": {"trim_blocks": "true", "lstrip_blocks": "true"}}
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
# A %-conversion: %(name)s, %s, %%... so a stray "% d" in a translation is caught too.
CONVERSION = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")
DATE_LINES = re.compile(rb'^"(?:POT-Creation-Date|PO-Revision-Date): .*\n', re.MULTILINE)
HEADER = "# Translations template for PROJECT.\n# Distributed under PROJECT's license (Apache-2.0)."
TEAM = "ncbnet translators"


def packages() -> dict[str, Path]:
    """core, web and every installed capability, by short name."""
    found: dict[str, Path] = {}
    for name in ("ncbnet.core", "ncbnet.web", *INSTALLED):
        spec = find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit(f"{name} is not a package")
        found[name.rsplit(".", 1)[-1]] = Path(list(spec.submodule_search_locations)[0])
    return found


def extract(directory: Path) -> Catalog:
    template = Catalog(header_comment=HEADER, project="ncbnet", version=__version__)
    for filename, lineno, message, comments, context in extract_from_dir(
        directory, METHOD_MAP, OPTIONS_MAP, KEYWORDS, ("TRANSLATORS:",), strip_comment_tags=True
    ):
        where = (f"{directory.name}/{filename}", lineno)
        template.add(message, None, [where], auto_comments=comments, context=context)
    return template


def po_path(directory: Path, lang: str) -> Path:
    return directory / "locale" / lang / "LC_MESSAGES" / "messages.po"


def load(path: Path, lang: str) -> Catalog:
    """The catalogue at ``path``, or a new empty one for ``lang``."""
    if not path.exists():
        new = Catalog(lang, header_comment=HEADER, project="ncbnet", fuzzy=False)
        new.last_translator = new.language_team = TEAM
        return new
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def save(path: Path, catalog: Catalog) -> None:
    """Writes the file only if something other than its dates changed, to keep diffs quiet."""
    buffer = BytesIO()
    write_po(buffer, catalog, ignore_obsolete=True, include_lineno=False)
    new = buffer.getvalue()
    if path.exists() and DATE_LINES.sub(b"", path.read_bytes()) == DATE_LINES.sub(b"", new):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(new)
    print(f"wrote {path}")


def texts(value: object) -> tuple[str, ...]:
    """A message's id or string as a tuple: one item, or one per plural form."""
    if isinstance(value, (tuple, list)):
        return tuple(str(item or "") for item in value)
    return (str(value or ""),)


def format_problem(message: Message) -> str | None:
    """Why a translation would break or lose its %-placeholders, if it would."""
    ids = texts(message.id)
    expected = set(CONVERSION.findall(" ".join(ids)))
    names = {name: 1 for name in re.findall(r"%\((\w+)\)", " ".join(ids))}
    for string in texts(message.string):
        found = set(CONVERSION.findall(string))
        # A plural form may leave the number out ("one member country"), never add one.
        if found != expected and not (len(ids) > 1 and found <= expected):
            return f"placeholders {sorted(found)} instead of {sorted(expected)}"
        try:
            string % names
        except (KeyError, TypeError, ValueError) as exc:
            return f"does not format: {exc}"
    return None


def problems(directory: Path, lang: str, template: Catalog) -> Iterator[str]:
    path = po_path(directory, lang)
    if not path.exists():
        yield f"{path}: missing catalogue"
        return
    catalog = load(path, lang)
    if catalog.fuzzy:
        yield f"{path}: header marked fuzzy"
    for message in template:
        if not message.id:
            continue
        msgid = texts(message.id)[0]
        found = catalog.get(message.id, message.context)
        if found is None:
            yield f"{path}: missing {msgid!r}"
        elif not all(texts(found.string)):
            yield f"{path}: untranslated {msgid!r}"
        elif found.fuzzy:
            yield f"{path}: fuzzy {msgid!r}"
        elif message.python_format and (problem := format_problem(found)):
            yield f"{path}: {msgid!r}: {problem}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["extract", "update", "check"])
    command = parser.parse_args(argv).command
    failures: list[str] = []
    for name, directory in packages().items():
        template = extract(directory)
        if command == "check":
            failures += [p for lang in LANGUAGES for p in problems(directory, lang, template)]
            continue
        save(directory / "locale" / "messages.pot", template)
        for lang in LANGUAGES if command == "update" else ():
            catalog = load(po_path(directory, lang), lang)
            catalog.version = __version__
            catalog.update(template)
            save(po_path(directory, lang), catalog)
        print(f"{name}: {len(template)} messages")
    for failure in failures:
        print(failure)
    if command == "check":
        print(f"{len(failures)} problem(s)" if failures else "all catalogues complete")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
