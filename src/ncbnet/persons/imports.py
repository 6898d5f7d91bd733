"""Bulk import, streamed in batches and resumable: each batch commits its rows together with
the job's progress, so a run killed at any point restarts after the last committed batch."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select

from ncbnet.core import audit
from ncbnet.core.db import Database
from ncbnet.core.errors import N_, Invalid, NcbnetError
from ncbnet.core.permissions import Caller
from ncbnet.persons import formats, service
from ncbnet.persons.models import ImportJob
from ncbnet.persons.schemas import Category, PersonCreate


class Format(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    FTM = "ftm"


@dataclass
class ImportReport:
    job_id: str
    rows: int
    stored: int
    rejected: int
    skipped: int
    resumed_from: int


def fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def guess_format(path: Path) -> Format:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return Format.CSV
    if suffix in (".jsonl", ".ndjson", ".json"):
        return Format.JSONL
    raise Invalid(N_("cannot tell the format of %(name)s; give --format"), name=path.name)


def _rows(
    path: Path, fmt: Format, category: Category
) -> Iterator[tuple[int, dict[str, Any] | str | None]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        if fmt is Format.CSV:
            yield from formats.csv_rows(handle)
        else:
            yield from formats.jsonl_rows(handle, ftm=fmt is Format.FTM, default_category=category)


def _describe(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())


def import_file(
    db: Database,
    caller: Caller,
    path: Path,
    fmt: Format,
    *,
    category: Category = Category.WANTED,
    batch_size: int = 500,
    on_error: Callable[[int, str], None] = lambda line, message: None,
    progress: Callable[[int], None] = lambda rows: None,
) -> ImportReport:
    caller.require(service.PERSONS_WRITE)
    mark = fingerprint(path)
    with db.write() as session:
        job = session.execute(
            select(ImportJob).where(
                ImportJob.fingerprint == mark,
                ImportJob.owner == caller.bureau,
                ImportJob.finished.is_(False),
            )
        ).scalar_one_or_none()
        if job is None:
            job = ImportJob(source=path.name, fingerprint=mark, owner=caller.bureau)
            session.add(job)
            session.flush()
        job_id, resume_at = job.id, job.rows_done
    report = ImportReport(job_id, 0, 0, 0, 0, resume_at)
    pending: list[tuple[int, dict[str, Any] | str | None]] = []
    for index, row in enumerate(_rows(path, fmt, category), 1):
        if index <= resume_at:
            continue
        pending.append(row)
        if len(pending) >= batch_size:
            _commit_batch(db, caller, job_id, pending, report, on_error)
            progress(len(pending))
            pending = []
    _commit_batch(db, caller, job_id, pending, report, on_error, finished=True)
    progress(len(pending))
    return report


def _commit_batch(
    db: Database,
    caller: Caller,
    job_id: str,
    rows: list[tuple[int, dict[str, Any] | str | None]],
    report: ImportReport,
    on_error: Callable[[int, str], None],
    finished: bool = False,
) -> None:
    errors: list[tuple[int, str]] = []
    stored = skipped = 0
    with db.write() as session:
        for line, record in rows:
            if record is None:
                skipped += 1
                continue
            if isinstance(record, str):
                errors.append((line, record))
                continue
            try:
                data = PersonCreate.model_validate(record)
                with session.begin_nested():
                    service.create_person(session, caller, data, audited=False)
                stored += 1
            except ValidationError as exc:
                errors.append((line, _describe(exc)))
            except NcbnetError as exc:
                errors.append((line, exc.detail))
        job = session.get(ImportJob, job_id)
        assert job is not None
        job.rows_done += len(rows)
        job.stored += stored
        job.rejected += len(errors)
        job.finished = finished
        if rows:
            audit.record(
                session,
                caller,
                service.PersonEvent.IMPORTED,
                f"import:{job_id}",
                source=job.source,
                rows=len(rows),
                stored=stored,
                rejected=len(errors),
            )
    for line, message in errors:
        on_error(line, message)
    report.rows += len(rows)
    report.stored += stored
    report.rejected += len(errors)
    report.skipped += skipped
