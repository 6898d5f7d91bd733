from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, TextIO

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.table import Table

from ncbnet.core.errors import N_, Invalid
from ncbnet.core.permissions import system_caller
from ncbnet.persons import imports, search, service
from ncbnet.persons.convert import to_public
from ncbnet.persons.formats import to_ftm
from ncbnet.persons.matcher import matcher_for
from ncbnet.persons.schemas import Category, CompareIn, PersonCreate, PersonUpdate, SearchIn
from ncbnet.runtime import cli_database, fail_on_error

app = typer.Typer(help="The nominal database: persons of interest.", no_args_is_help=True)


@app.command("compare")
def compare_command(
    name_a: Annotated[str, typer.Argument(help="First name, any script.")],
    name_b: Annotated[str, typer.Argument(help="Second name, any script.")],
    birth_date_a: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
    birth_date_b: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
    nationality_a: Annotated[str | None, typer.Option(help="ISO code")] = None,
    nationality_b: Annotated[str | None, typer.Option(help="ISO code")] = None,
) -> None:
    """Score two names with the matching engine; prints JSON."""
    with fail_on_error():
        result = search.compare_names(
            system_caller(),
            CompareIn(
                name_a=name_a,
                name_b=name_b,
                birth_date_a=birth_date_a,
                birth_date_b=birth_date_b,
                nationality_a=nationality_a,
                nationality_b=nationality_b,
            ),
        )
    typer.echo(json.dumps(result.model_dump(), ensure_ascii=False, indent=2))


@app.command("search")
def search_command(
    name: Annotated[str, typer.Argument(help="Name in any script.")],
    birth_date: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
    nationality: Annotated[str | None, typer.Option(help="ISO code")] = None,
    limit: Annotated[int, typer.Option(min=1, max=50)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Search the persons database as the operator (sees every record; audited)."""
    db = cli_database()
    with fail_on_error():
        found = search.search_persons(
            db,
            system_caller(),
            matcher_for(db),
            SearchIn(name=name, birth_date=birth_date, nationality=nationality, limit=limit),
        )
    if as_json:
        typer.echo(json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    table = Table(
        "score",
        "match",
        "name",
        "born",
        "nat.",
        "owner",
        "id",
        title=f"threshold {found.threshold:.2f}",
    )
    for hit in found.matches:
        table.add_row(
            f"{hit.score:.3f}",
            "yes" if hit.is_match else "",
            hit.person.names[0].full,
            ", ".join(hit.person.birth_dates),
            ",".join(hit.person.nationalities),
            hit.person.owner,
            hit.person.id,
        )
    Console().print(table)


@app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="Full name, any script.")],
    bureau: Annotated[str, typer.Option(help="Owner bureau, on whose behalf.")],
    category: Annotated[Category, typer.Option(help="Why the person is recorded.")],
    alias: Annotated[list[str] | None, typer.Option(help="Another name; repeat.")] = None,
    birth_date: Annotated[list[str] | None, typer.Option(help="YYYY[-MM[-DD]]; repeat.")] = None,
    nationality: Annotated[list[str] | None, typer.Option(help="ISO code; repeat.")] = None,
    sex: Annotated[str | None, typer.Option(help="m or f")] = None,
    passport: Annotated[str | None, typer.Option(help="Passport number.")] = None,
) -> None:
    """Record a person on behalf of a bureau; prints the new id."""
    record: dict[str, object] = {
        "category": category,
        "names": [{"full": name}] + [{"full": a} for a in alias or []],
        "birth_dates": birth_date or [],
        "nationalities": nationality or [],
        "sex": sex,
        "identifiers": [{"kind": "passport", "value": passport}] if passport else [],
    }
    with fail_on_error(), cli_database().write() as session:
        person = service.create_person(
            session, system_caller(bureau.upper()), PersonCreate.model_validate(record)
        )
        typer.echo(person.id)


@app.command("update")
def update_command(
    person_id: Annotated[str, typer.Argument(help="Person id.")],
    bureau: Annotated[str, typer.Option(help="The owner bureau, on whose behalf.")],
    changes: Annotated[
        Path, typer.Option(exists=True, dir_okay=False, help="JSON object of the fields to change.")
    ],
) -> None:
    """Change a record on behalf of its owner bureau (fields as in PATCH /api/v1/persons)."""
    with fail_on_error():
        try:
            data = PersonUpdate.model_validate_json(changes.read_text())
        except ValueError as exc:
            if not isinstance(exc, ValidationError):
                raise Invalid(N_("%(file)s is not valid JSON"), file=str(changes)) from None
            raise
        with cli_database().write() as session:
            service.update_person(session, system_caller(bureau.upper()), person_id, data)
    typer.echo(f"updated {person_id}")


@app.command("show")
def show_command(person_id: Annotated[str, typer.Argument(help="Person id.")]) -> None:
    """Print one person record as JSON."""
    with fail_on_error(), cli_database().write() as session:
        person = to_public(service.get_person(session, system_caller(), person_id))
    typer.echo(json.dumps(person.model_dump(mode="json"), ensure_ascii=False, indent=2))


@app.command("cancel")
def cancel_command(
    person_id: Annotated[str, typer.Argument(help="Person id.")],
    bureau: Annotated[str, typer.Option(help="The owner bureau, on whose behalf.")],
    reason: Annotated[str, typer.Option(help="Why, for the audit log.")],
) -> None:
    """Cancel a record on behalf of its owner bureau."""
    with fail_on_error(), cli_database().write() as session:
        service.cancel_person(session, system_caller(bureau.upper()), person_id, reason)
    typer.echo(f"cancelled {person_id}")


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    bureau: Annotated[str, typer.Option(help="Owner bureau of the imported records.")],
    fmt: Annotated[
        imports.Format | None,
        typer.Option("--format", help="csv, jsonl or ftm (FollowTheMoney); guessed from the name."),
    ] = None,
    category: Annotated[Category, typer.Option(help="For rows that do not say.")] = Category.WANTED,
    batch_size: Annotated[int, typer.Option(min=1, max=10_000)] = 500,
    errors: Annotated[Path | None, typer.Option(help="Where to write rejected rows (CSV).")] = None,
) -> None:
    """Import persons (resumes an interrupted import of the same file)."""
    db = cli_database()
    error_path = errors or file.with_name(file.name + ".errors.csv")
    with fail_on_error():
        chosen = fmt or imports.guess_format(file)
        with file.open("rb") as handle:
            total = sum(1 for _ in handle) - (1 if chosen is imports.Format.CSV else 0)
        with (
            error_path.open("a", encoding="utf-8") as err,
            Progress(
                *Progress.get_default_columns()[:1],
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
            ) as progress,
        ):
            task = progress.add_task("importing", total=max(total, 0))
            report = imports.import_file(
                db,
                system_caller(bureau.upper()),
                file,
                chosen,
                category=category,
                batch_size=batch_size,
                on_error=lambda line, message: _write_error(err, line, message),
                progress=lambda n: progress.advance(task, n),
            )
    typer.echo(
        f"stored {report.stored}, rejected {report.rejected}, skipped {report.skipped} "
        f"(not persons) of {report.rows} rows"
        + (f", resumed after row {report.resumed_from}" if report.resumed_from else "")
    )
    if report.rejected:
        typer.echo(f"rejected rows: {error_path}")
    else:
        error_path.unlink(missing_ok=True)


def _write_error(out: TextIO, line: int, message: str) -> None:
    out.write(f"{line},{json.dumps(message, ensure_ascii=False)}\n")


@app.command("export")
def export_command(
    file: Annotated[Path, typer.Argument(dir_okay=False, help="FollowTheMoney JSON Lines.")],
    bureau: Annotated[str | None, typer.Option(help="Only this owner's records.")] = None,
) -> None:
    """Export active persons as FollowTheMoney entities (for Aleph / OpenSanctions tools)."""
    written = 0
    with fail_on_error(), cli_database().read() as session, file.open("w") as out:
        offset = 0
        while True:
            rows, _ = service.list_persons(
                session, system_caller(), owner=bureau, limit=1000, offset=offset
            )
            for person in rows:
                out.write(json.dumps(to_ftm(to_public(person)), ensure_ascii=False) + "\n")
            written += len(rows)
            offset += len(rows)
            if len(rows) < 1000:
                break
    typer.echo(f"exported {written} persons to {file}")
