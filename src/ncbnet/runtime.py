"""What CLI commands share: settings, the database, and turning errors into clear messages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import typer
from pydantic import ValidationError

from ncbnet.core.db import Database
from ncbnet.core.errors import NcbnetError
from ncbnet.core.settings import Settings


def load_settings(**overrides: object) -> Settings:
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = [
            f"  {'.'.join(str(p) for p in e['loc']) or 'settings'}: {e['msg']}"
            for e in exc.errors()
        ]
        typer.secho("configuration error:\n" + "\n".join(lines), fg="red", err=True)
        raise typer.Exit(2) from None


@lru_cache(maxsize=1)
def cli_database() -> Database:
    settings = load_settings()
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    return Database(settings.resolved_database_url)


@contextmanager
def fail_on_error() -> Iterator[None]:
    """Bad input becomes a one-line message and exit code 1, never a traceback."""
    try:
        yield
    except NcbnetError as exc:
        typer.secho(f"error: {exc.detail}", fg="red", err=True)
        raise typer.Exit(1) from None
    except ValidationError as exc:
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "input"
            typer.secho(f"error: {where}: {err['msg']}", fg="red", err=True)
        raise typer.Exit(1) from None
