from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from ncbnet.cli import app as cli
from ncbnet.core.db import Database
from ncbnet.core.permissions import system_caller
from ncbnet.persons import imports
from ncbnet.persons.models import ImportJob, Person

HEADER = (
    "category,name,given,family,aliases,sex,birth_dates,nationalities,passport,"
    "national_id,place_of_birth,offences,remarks\n"
)
CSV = (
    HEADER
    + """\
wanted,Сергей Иванов,,,Sergei Ivanov;Sergey Ivanov,m,1981-11,RU,,,Moscow,cybercrime,
missing,Fatima Zahra El Alami,Fatima Zahra,El Alami,فاطمة الزهراء العلمي,f,2004-07-19,MA,,,,,
wanted,,,,,m,1970,FR,,,,,no name
suspect,Jürgen Stock,Jürgen,Stock,,m,2023-02-30,DE,,,,,bad date
suspect,Li Na,Na,Li,李娜,f,1982,ZZ,,,,,bad country
"""
)

FTM = [
    {
        "id": "os-1",
        "schema": "Person",
        "properties": {
            "name": ["Xi Jinping"],
            "alias": ["习近平"],
            "birthDate": ["1953-06-15"],
            "nationality": ["cn"],
            "gender": ["male"],
            "topics": ["role.pep"],
        },
    },
    {"id": "os-2", "schema": "Company", "properties": {"name": ["ACME Ltd"]}},
    {
        "id": "os-3",
        "schema": "Person",
        "properties": {"firstName": ["Jürgen"], "lastName": ["Stock"], "topics": ["wanted"]},
    },
]


def _persons(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(Person)).scalar_one())


def test_csv_import_stores_good_rows_and_reports_bad_ones(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "persons.csv"
    path.write_text(CSV)
    errors: list[tuple[int, str]] = []
    report = imports.import_file(
        db,
        system_caller("FR"),
        path,
        imports.Format.CSV,
        on_error=lambda line, msg: errors.append((line, msg)),
    )
    assert (report.stored, report.rejected) == (2, 3)
    assert [line for line, _ in errors] == [4, 5, 6]
    assert "names.0.full" in errors[0][1] and "no such day" in errors[1][1]
    assert "ZZ" in errors[2][1]
    assert _persons(db) == 2


def test_import_resumes_after_the_last_committed_batch(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "persons.jsonl"
    rows = [{"category": "wanted", "names": [{"full": f"Person Number {i}"}]} for i in range(7)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    calls = {"n": 0}

    def crash_after_two_batches(_: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        imports.import_file(
            db,
            system_caller("FR"),
            path,
            imports.Format.JSONL,
            batch_size=3,
            progress=crash_after_two_batches,
        )
    assert _persons(db) == 6
    report = imports.import_file(db, system_caller("FR"), path, imports.Format.JSONL, batch_size=3)
    assert (report.resumed_from, report.stored) == (6, 1)
    assert _persons(db) == 7
    with db.read() as session:
        assert session.execute(select(ImportJob.finished)).scalars().all() == [True]


def test_ftm_import_and_export_round_trip(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ncbnet.persons.cli.cli_database", lambda: db)
    source = tmp_path / "entities.ftm.json"
    source.write_text("\n".join(json.dumps(e) for e in FTM) + "\n")
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "persons",
            "import",
            str(source),
            "--bureau",
            "DE",
            "--format",
            "ftm",
            "--category",
            "suspect",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "stored 2, rejected 0, skipped 1" in result.output
    out = tmp_path / "export.jsonl"
    exported = runner.invoke(cli, ["persons", "export", str(out), "--bureau", "DE"])
    assert exported.exit_code == 0, exported.output
    entities = [json.loads(line) for line in out.read_text().splitlines()]
    by_name = {e["properties"]["name"][0]: e for e in entities}
    xi = by_name["Xi Jinping"]
    assert xi["schema"] == "Person" and xi["properties"]["alias"] == ["习近平"]
    assert xi["properties"]["nationality"] == ["cn"] and xi["properties"]["gender"] == ["male"]
    assert by_name["Jürgen Stock"]["properties"]["topics"] == ["wanted"]


def test_cli_import_of_a_bad_file_is_a_clear_error(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ncbnet.persons.cli.cli_database", lambda: db)
    path = tmp_path / "persons.txt"
    path.write_text("hello\n")
    result = CliRunner().invoke(cli, ["persons", "import", str(path), "--bureau", "FR"])
    assert result.exit_code == 1 and "--format" in result.output
    assert _persons(db) == 0


def test_cli_add_update_show_cancel(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ncbnet.persons.cli.cli_database", lambda: db)
    runner = CliRunner()
    added = runner.invoke(
        cli,
        [
            "persons",
            "add",
            "Сергей Иванов",
            "--bureau",
            "FR",
            "--category",
            "wanted",
            "--alias",
            "Sergei Ivanov",
            "--birth-date",
            "1981-11",
            "--nationality",
            "RU",
        ],
    )
    assert added.exit_code == 0, added.output
    person_id = added.output.strip()
    changes = tmp_path / "changes.json"
    changes.write_text('{"remarks": "seen in Lyon", "birth_dates": ["1981-11-05"]}')
    updated = runner.invoke(
        cli, ["persons", "update", person_id, "--bureau", "FR", "--changes", str(changes)]
    )
    assert updated.exit_code == 0, updated.output
    shown = json.loads(runner.invoke(cli, ["persons", "show", person_id]).output)
    assert shown["birth_dates"] == ["1981-11-05"] and shown["remarks"] == "seen in Lyon"
    not_owner = runner.invoke(
        cli, ["persons", "cancel", person_id, "--bureau", "DE", "--reason", "x"]
    )
    assert not_owner.exit_code == 1 and "owner" in not_owner.output
    changes.write_text("{not json")
    broken = runner.invoke(
        cli, ["persons", "update", person_id, "--bureau", "FR", "--changes", str(changes)]
    )
    assert broken.exit_code == 1 and "Traceback" not in broken.output
    bad = runner.invoke(cli, ["persons", "add", "  ", "--bureau", "FR", "--category", "wanted"])
    assert bad.exit_code == 1
    assert (
        runner.invoke(
            cli, ["persons", "cancel", person_id, "--bureau", "FR", "--reason", "arrested"]
        ).exit_code
        == 0
    )
