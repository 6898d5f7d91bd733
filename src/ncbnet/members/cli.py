from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ncbnet.core.members import Region
from ncbnet.core.permissions import system_caller
from ncbnet.members import service
from ncbnet.runtime import cli_database, fail_on_error

app = typer.Typer(help="Member countries and their bureaus.", no_args_is_help=True)


@app.command("list")
def list_command(
    region: Annotated[Region | None, typer.Option(help="Only this region.")] = None,
    lang: Annotated[str, typer.Option(help="Language of the names: ar, en, fr, es.")] = "en",
) -> None:
    """List member countries."""
    with fail_on_error(), cli_database().read() as session:
        rows = service.find_countries(session, system_caller(), lang=lang, region=region)
    table = Table("code", "name", "region", "joined")
    for row in rows:
        table.add_row(row.code, row.name, row.region, str(row.joined or ""))
    Console().print(table)
    typer.echo(f"{len(rows)} members")
