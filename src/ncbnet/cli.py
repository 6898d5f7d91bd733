"""The ``ncbnet`` command: platform commands here, capability commands mounted from each."""

from __future__ import annotations

import shutil
import time
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ncbnet.capabilities import load_capabilities
from ncbnet.core import migrate
from ncbnet.core.db import Database
from ncbnet.core.demo import DEMO_PASSWORD, DemoContext, seed_demo
from ncbnet.runtime import load_settings

app = typer.Typer(
    help="ncbnet — cooperation between National Central Bureaus.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply all migrations (creates the database if needed)."""
    settings = load_settings()
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    migrate.upgrade(settings.resolved_database_url)
    typer.echo(f"database at revision {migrate.current_revision(settings.resolved_database_url)}")


@db_app.command("current")
def db_current() -> None:
    """Show the database's revision and the code's."""
    settings = load_settings()
    typer.echo(f"database: {migrate.current_revision(settings.resolved_database_url)}")
    typer.echo(f"code:     {migrate.head_revision()}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[
        int, typer.Option(help="Server processes (PostgreSQL for more than 1).")
    ] = 1,
    migrate_first: Annotated[
        bool, typer.Option("--migrate/--no-migrate", help="Upgrade the schema before serving.")
    ] = True,
) -> None:
    """Serve the platform (no demo data)."""
    settings = load_settings()
    if workers > 1 and settings.is_sqlite:
        typer.secho(
            "error: several workers need PostgreSQL (NCBNET_DATABASE_URL)", fg="red", err=True
        )
        raise typer.Exit(2)
    if migrate_first:
        if settings.is_sqlite:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        migrate.upgrade(settings.resolved_database_url)
    _run_server(host, port, workers)


def _run_server(host: str, port: int, workers: int) -> None:
    import uvicorn

    uvicorn.run(
        "ncbnet.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        proxy_headers=False,
    )


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    seed: Annotated[int, typer.Option(help="Seed of the demo world.")] = 2026,
    scale: Annotated[int, typer.Option(min=1, help="Multiply record counts.")] = 1,
    reset: Annotated[bool, typer.Option(help="Start from an empty database.")] = False,
    serve_after: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve once seeded.")
    ] = True,
) -> None:
    """Create the database, load demo data and serve the platform."""
    import os

    os.environ["NCBNET_DEMO_MODE"] = "true"
    settings = load_settings()
    if reset and settings.is_sqlite and settings.data_dir.exists():
        for name in ("ncbnet.db", "ncbnet.db-wal", "ncbnet.db-shm"):
            (settings.data_dir / name).unlink(missing_ok=True)
        shutil.rmtree(settings.data_dir / "files", ignore_errors=True)
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    migrate.upgrade(settings.resolved_database_url)
    database = Database(settings.resolved_database_url)
    ctx = DemoContext(db=database, seed=seed, scale=scale)
    ran = seed_demo(ctx, load_capabilities())
    database.dispose()
    console = Console()
    console.print(f"demo data ready in {time.monotonic() - started:.1f}s ({', '.join(ran)})")
    table = Table("login", "who", title=f"Demo logins (password: {DEMO_PASSWORD})")
    for username, description in ctx.logins:
        table.add_row(username, description)
    console.print(table)
    if serve_after:
        console.print(f"serving on http://{host}:{port}  (Ctrl+C to stop)")
        _run_server(host, port, 1)


for _capability in load_capabilities():
    for _group, _typer in _capability.cli.items():
        app.add_typer(_typer, name=_group)


def main() -> None:
    app()
