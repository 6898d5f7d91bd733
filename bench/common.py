"""Shared pieces of the benchmarks: scratch databases on both engines and result files."""

from __future__ import annotations

import json
import os
import platform
import re
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from ncbnet.core import members, migrate
from ncbnet.core.db import Database
from ncbnet.core.permissions import system_caller

RESULTS = Path(__file__).parent / "results"
PG_ADMIN_URL = os.environ.get(
    "NCBNET_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@contextmanager
def scratch_database(backend: str) -> Iterator[Database]:
    """A migrated database with the member roster, removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/bench.db"
            yield _prepared(url)
        return
    name = f"ncbnet_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield _prepared(re.sub(r"/[^/]*$", f"/{name}", PG_ADMIN_URL))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _prepared(url: str) -> Database:
    migrate.upgrade(url)
    database = Database(url)
    with database.write() as session:
        members.load_roster(session, system_caller())
    return database


def write_results(name: str, figures: dict[str, Any], notes: list[str]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    payload = {
        "benchmark": name,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "figures": figures,
        "notes": notes,
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return path
