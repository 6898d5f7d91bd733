"""Demo persons: believable records whose names come in several scripts and spellings."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from rich.progress import Progress
from sqlalchemy import func, select

from ncbnet.accounts.demo import DEMO_BUREAUS
from ncbnet.core import audit
from ncbnet.core.demo import DemoContext
from ncbnet.core.permissions import system_caller
from ncbnet.persons import demo_names as names
from ncbnet.persons import service
from ncbnet.persons.models import Person
from ncbnet.persons.schemas import PersonCreate

PER_SCALE = 300
CATEGORY_WEIGHTS = {"wanted": 5, "suspect": 3, "missing": 2, "convicted": 1, "unidentified": 1}
# Fictional people whose names show what the engine does (other script, other spelling), so
# that a newcomer can try them at once. No real person is put on a list in the demo.
SHOWCASE: list[dict[str, Any]] = [
    {
        "category": "wanted",
        "owner": "EG",
        "sex": "m",
        "birth_dates": ["1975-03-02"],
        "nationalities": ["EG"],
        "offences": ["terrorism_financing"],
        "names": [
            {"full": "محمد عبد الرحمن الحسيني"},
            {
                "full": "Mohammed Abdulrahman Al-Husseini",
                "given": "Mohammed Abdulrahman",
                "family": "Al-Husseini",
            },
        ],
        "identifiers": [{"kind": "passport", "value": "A12345678", "country": "EG"}],
    },
    {
        "category": "suspect",
        "owner": "DE",
        "sex": "m",
        "birth_dates": ["1963"],
        "nationalities": ["DE"],
        "offences": ["fraud"],
        "names": [{"full": "Jürgen Stock", "given": "Jürgen", "family": "Stock"}],
    },
    {
        "category": "wanted",
        "owner": "FR",
        "sex": "m",
        "birth_dates": ["1981-11"],
        "nationalities": ["RU"],
        "offences": ["cybercrime", "money_laundering"],
        "names": [{"full": "Сергей Иванов"}, {"full": "Sergei Ivanov"}],
    },
    {
        "category": "missing",
        "owner": "MA",
        "sex": "f",
        "birth_dates": ["2004-07-19"],
        "nationalities": ["MA"],
        "names": [{"full": "فاطمة الزهراء العلمي"}, {"full": "Fatima Zahra El Alami"}],
    },
]


def _pick(rng: random.Random, options: tuple[str, ...]) -> tuple[str, str]:
    """(native, one Latin spelling) of a name part."""
    return options[0], rng.choice(options[1:] or options[:1])


def synthetic_person(rng: random.Random) -> dict[str, Any]:
    """A PersonCreate-shaped record with a native-script name and Latin aliases."""
    culture = rng.choices(["arabic", "chinese", "russian", "latin"], weights=(4, 2, 2, 3))[0]
    sex = rng.choice(["m", "f"])
    if culture == "arabic":
        given, family = rng.choice(names.ARABIC_GIVEN), rng.choice(names.ARABIC_FAMILY)
        father = rng.choice(names.ARABIC_GIVEN[:15])
        native = f"{given[0]} {father[0]} {family[0]}"
        latin = [
            f"{rng.choice(given[1:])} {rng.choice(father[1:])} {rng.choice(family[1:])}"
            for _ in range(2)
        ]
        parts = (rng.choice(given[1:]), rng.choice(family[1:]))
    elif culture == "chinese":
        (fam_h, fam_p), (giv_h, giv_p) = rng.choice(names.CHINESE)
        native, latin, parts = f"{fam_h}{giv_h}", [f"{fam_p} {giv_p}"], (giv_p, fam_p)
    elif culture == "russian":
        given, family = rng.choice(names.RUSSIAN_GIVEN), rng.choice(names.RUSSIAN_FAMILY)
        fam_native = family[0] + ("а" if sex == "f" else "")
        native = f"{given[0]} {fam_native}"
        latin = [
            f"{g} {f}{'a' if sex == 'f' else ''}"
            for g, f in {(rng.choice(given[1:]), rng.choice(family[1:])) for _ in range(2)}
        ]
        parts = (given[1], family[1])
    else:
        given, family = rng.choice(names.LATIN_GIVEN), rng.choice(names.LATIN_FAMILY)
        native = f"{given[0]} {family[0]}"
        latin = [f"{rng.choice(given)} {rng.choice(family)}"]
        parts = (given[0], family[0])
    all_names = [{"full": native}] + [{"full": n} for n in dict.fromkeys(latin) if n != native]
    all_names[-1].update(given=parts[0], family=parts[1])
    year = rng.randint(1950, 2006)
    precision = rng.choices(["day", "month", "year"], weights=(7, 2, 1))[0]
    birth = (
        str(year)
        if precision == "year"
        else f"{year}-{rng.randint(1, 12):02d}"
        + (f"-{rng.randint(1, 28):02d}" if precision == "day" else "")
    )
    nationality = rng.choice(names.NATIONALITIES[culture])
    record: dict[str, Any] = {
        "category": rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0],
        "names": all_names,
        "sex": sex,
        "birth_dates": [birth],
        "nationalities": [nationality],
        "offences": rng.sample(names.OFFENCES, rng.randint(1, 2)),
    }
    if rng.random() < 0.6:
        number = f"{rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rng.randint(1000000, 99999999)}"
        record["identifiers"] = [{"kind": "passport", "value": number, "country": nationality}]
    return record


def demo_records(rng: random.Random, count: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """(owner bureau, record) pairs: the showcase first, then synthetic persons."""
    for item in SHOWCASE:
        record = dict(item)
        yield record.pop("owner"), record
    for _ in range(count):
        yield rng.choice(DEMO_BUREAUS), synthetic_person(rng)


def seed(ctx: DemoContext) -> None:
    with ctx.db.read() as session:
        if session.execute(select(func.count()).select_from(Person)).scalar_one():
            return
    count = PER_SCALE * ctx.scale
    records = list(demo_records(ctx.rng, count))
    with Progress(transient=True) as progress:
        task = progress.add_task("demo persons", total=len(records))
        for start in range(0, len(records), 500):
            with ctx.db.write() as session:
                chunk = records[start : start + 500]
                for owner, record in chunk:
                    caller = system_caller(owner)
                    service.create_person(
                        session, caller, PersonCreate.model_validate(record), audited=False
                    )
                audit.record(
                    session, ctx.caller, service.PersonEvent.IMPORTED, "demo", rows=len(chunk)
                )
            progress.advance(task, len(chunk))
