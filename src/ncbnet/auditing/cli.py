from __future__ import annotations

import typer
from rich.progress import Progress

from ncbnet.auditing import service
from ncbnet.core import audit
from ncbnet.core.permissions import system_caller
from ncbnet.runtime import cli_database, fail_on_error

app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)


@app.command("verify")
def verify() -> None:
    """Check every entry of the chain; exit 1 naming the first bad entry."""
    db = cli_database()
    caller = system_caller()
    with fail_on_error(), db.read() as session:
        total = audit.count_entries(session)
        with Progress(transient=True) as progress:
            task = progress.add_task("verifying", total=total or None)
            report = service.verify(session, caller, progress=lambda n: progress.advance(task, n))
    with db.write() as session:
        service.record_verification(session, caller, report)
    if report.ok:
        typer.echo(f"audit chain intact: {report.entries} entries verified")
        return
    typer.secho(
        f"audit chain BROKEN at entry {report.first_bad_seq}: {report.problem}", fg="red", err=True
    )
    raise typer.Exit(1)
