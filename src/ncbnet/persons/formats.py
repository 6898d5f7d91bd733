"""Reading persons from CSV, JSON Lines and FollowTheMoney, and writing FollowTheMoney.

FollowTheMoney (the entity model of Aleph and OpenSanctions) is read as plain JSON: the
`followthemoney` package would pull a large dependency tree for the one schema we map.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from ncbnet.persons.schemas import Category, PersonPublic

# CSV columns; list-valued cells separate values with ";".
CSV_COLUMNS = (
    "category",
    "name",
    "given",
    "family",
    "aliases",
    "sex",
    "birth_dates",
    "nationalities",
    "passport",
    "national_id",
    "place_of_birth",
    "offences",
    "remarks",
)


def _split(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split(";") if v.strip()]


def csv_rows(lines: Iterator[str]) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, PersonCreate-shaped dict or an error message) per data row."""
    reader = csv.DictReader(lines)
    missing = {"name"} - set(reader.fieldnames or ())
    if missing:
        yield 1, f"missing column(s): {', '.join(sorted(missing))}"
        return
    for row in reader:
        line = reader.line_num
        names = [
            {
                "full": row.get("name") or "",
                **{k: row[k] for k in ("given", "family") if row.get(k)},
            }
        ]
        names += [{"full": alias} for alias in _split(row.get("aliases"))]
        identifiers = [{"kind": "passport", "value": v} for v in _split(row.get("passport"))]
        identifiers += [{"kind": "national_id", "value": v} for v in _split(row.get("national_id"))]
        record: dict[str, Any] = {
            "category": row.get("category") or Category.WANTED,
            "names": names,
            "birth_dates": _split(row.get("birth_dates")),
            "nationalities": _split(row.get("nationalities")),
            "identifiers": identifiers,
            "offences": _split(row.get("offences")),
        }
        for key in ("sex", "place_of_birth", "remarks"):
            if row.get(key):
                record[key] = row[key]
        yield line, record


def jsonl_rows(
    lines: Iterator[str], *, ftm: bool, default_category: Category
) -> Iterator[tuple[int, dict[str, Any] | str | None]]:
    """JSON Lines of PersonCreate objects, or of FollowTheMoney entities (None: not a Person)."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, f"not JSON: {exc.msg} at column {exc.colno}"
            continue
        if not isinstance(value, dict):
            yield number, "a line must hold a JSON object"
        elif ftm or "schema" in value:
            yield number, from_ftm(value, default_category)
        else:
            yield number, value


def from_ftm(entity: dict[str, Any], default_category: Category) -> dict[str, Any] | None:
    if entity.get("schema") != "Person":
        return None
    props: dict[str, list[str]] = entity.get("properties") or {}

    def values(*keys: str) -> list[str]:
        return [v for k in keys for v in props.get(k, []) if isinstance(v, str) and v.strip()]

    names = [{"full": n} for n in values("name")]
    first, last = values("firstName"), values("lastName")
    if names and first and last:
        names[0].update(given=first[0], family=last[0])
    elif not names and (first or last):
        names = [
            {
                "full": " ".join(first[:1] + last[:1]),
                **({"given": first[0]} if first else {}),
                **({"family": last[0]} if last else {}),
            }
        ]
    names += [{"full": a} for a in values("alias", "weakAlias", "previousName")]
    gender = (values("gender") or [""])[0].lower()
    topics = set(values("topics"))
    category = Category.WANTED if "wanted" in topics or "crime" in topics else default_category
    record: dict[str, Any] = {
        "category": category,
        "names": names,
        "birth_dates": [d[:10] for d in values("birthDate")],
        "nationalities": [c.upper() for c in values("nationality", "citizenship") if len(c) == 2],
        "identifiers": [{"kind": "passport", "value": v} for v in values("passportNumber")]
        + [{"kind": "national_id", "value": v} for v in values("idNumber")],
        "remarks": "; ".join(values("notes")) or None,
        "place_of_birth": next(iter(values("birthPlace")), None),
    }
    if gender in ("male", "female"):
        record["sex"] = gender[0]
    return {k: v for k, v in record.items() if v is not None}


def to_ftm(person: PersonPublic) -> dict[str, Any]:
    primary, aliases = person.names[0], person.names[1:]
    props: dict[str, list[str]] = {
        "name": [primary.full],
        "alias": [a.full for a in aliases],
        "firstName": [primary.given] if primary.given else [],
        "lastName": [primary.family] if primary.family else [],
        "birthDate": person.birth_dates,
        "birthPlace": [person.place_of_birth] if person.place_of_birth else [],
        "nationality": [c.lower() for c in person.nationalities],
        "gender": [{"m": "male", "f": "female"}[person.sex]] if person.sex else [],
        "passportNumber": [i.value for i in person.identifiers if i.kind == "passport"],
        "idNumber": [i.value for i in person.identifiers if i.kind != "passport"],
        "notes": [person.remarks] if person.remarks else [],
        "topics": ["wanted"] if person.category == Category.WANTED else [],
    }
    return {
        "id": f"ncbnet-{person.id}",
        "schema": "Person",
        "properties": {k: v for k, v in props.items() if v},
    }
