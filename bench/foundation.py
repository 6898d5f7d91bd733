"""Foundation: the audit chain's cost against a plain insert, chain verification speed, and the
HTTP stack's overhead (auth + token lookup) against a bare health check, on both engines."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table
from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bench.common import scratch_database, write_results
from ncbnet.core import audit, identity
from ncbnet.core.db import Database
from ncbnet.core.permissions import system_caller

ENTRIES = 3000
BATCH = 100


class _Plain(DeclarativeBase):
    pass


class PlainLog(_Plain):
    """The same columns as the audit log, without the chain: the baseline."""

    __tablename__ = "bench_plain_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor: Mapped[str] = mapped_column(String(64))
    event: Mapped[str] = mapped_column(String(48))
    details: Mapped[str] = mapped_column(Text)


def bench_audit(db: Database) -> dict[str, float]:
    _Plain.metadata.create_all(db.engine)
    caller = system_caller()
    figures: dict[str, float] = {}

    started = time.perf_counter()
    for i in range(ENTRIES):
        with db.write() as session:
            session.add(PlainLog(actor="bench", event="search", details=f'{{"i":{i}}}'))
    figures["plain_insert_per_txn_per_s"] = ENTRIES / (time.perf_counter() - started)

    started = time.perf_counter()
    for i in range(ENTRIES):
        with db.write() as session:
            audit.record(session, caller, audit.AuditEvent.SEARCH, None, i=i)
    figures["audit_append_per_txn_per_s"] = ENTRIES / (time.perf_counter() - started)

    started = time.perf_counter()
    for start in range(0, ENTRIES, BATCH):
        with db.write() as session:
            for i in range(start, start + BATCH):
                audit.record(session, caller, audit.AuditEvent.SEARCH, None, i=i)
    figures["audit_append_batched_per_s"] = ENTRIES / (time.perf_counter() - started)

    with db.read() as session:
        started = time.perf_counter()
        report = audit.verify_chain(session)
        elapsed = time.perf_counter() - started
    assert report.ok, report
    figures["audit_verify_entries_per_s"] = report.entries / elapsed
    return figures


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _load(url: str, headers: dict[str, str], seconds: float, concurrency: int) -> float:
    """Requests per second: wrk (C, from Debian) when installed, else an httpx load loop, which
    saturates at a few hundred requests/s and then measures itself rather than the server."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return asyncio.run(_httpx_load(url, headers, seconds, concurrency))
    command = [wrk, "-t2", f"-c{concurrency}", f"-d{int(seconds)}s", url]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:
        raise RuntimeError(f"errors under load:\n{output}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    assert match, output
    return float(match.group(1))


def load_generator() -> str:
    return "wrk" if shutil.which("wrk") else "httpx"


async def _httpx_load(url: str, headers: dict[str, str], seconds: float, concurrency: int) -> float:
    done = 0
    deadline = time.perf_counter() + seconds
    async with httpx.AsyncClient(headers=headers, timeout=10) as client:

        async def worker() -> None:
            nonlocal done
            while time.perf_counter() < deadline:
                response = await client.get(url)
                response.raise_for_status()
                done += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return done / (time.perf_counter() - started)


def _serve(command: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(150):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError(f"{command} did not start")


def bench_bare_http() -> float:
    port = _free_port()
    server = _serve(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench.bare_app:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        dict(os.environ),
        port,
    )
    try:
        return _load(f"http://127.0.0.1:{port}/healthz", {}, 4, 16)
    finally:
        server.terminate()
        server.wait(timeout=10)


def bench_http(db: Database, url: str) -> dict[str, float]:
    with db.write() as session:
        _, secret = identity.create_token(
            session, system_caller(), name="bench", bureau="FR", scopes=["members"]
        )
    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NCBNET_DATABASE_URL": url, "NCBNET_DATA_DIR": tmp}
        server = subprocess.Popen(
            [sys.executable, "-m", "ncbnet", "serve", "--port", str(port), "--no-migrate"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    if httpx.get(f"{base}/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            bearer = {"Authorization": f"Bearer {secret}"}
            return {
                "healthz_req_per_s": _load(f"{base}/healthz", {}, 4, 16),
                "api_me_token_req_per_s": _load(f"{base}/api/v1/me", bearer, 4, 16),
                "api_member_detail_req_per_s": _load(f"{base}/api/v1/members/FR", bearer, 4, 16),
            }
        finally:
            server.terminate()
            server.wait(timeout=10)


def main() -> None:
    figures: dict[str, Any] = {}
    bare = bench_bare_http()
    for backend in ("sqlite", "postgresql"):
        with scratch_database(backend) as db:
            figures[backend] = bench_audit(db)
            figures[backend]["bare_fastapi_healthz_req_per_s"] = bare
            figures[backend].update(bench_http(db, db.url))
            db.dispose()
    notes = [
        "plain_insert_per_txn_per_s is the baseline for audit_append_per_txn_per_s: same row, "
        "one transaction each, without the hash chain and its head-row lock.",
        "bare_fastapi_healthz_req_per_s (a bare FastAPI route on the same uvicorn, measured once)"
        " is the floor for healthz_req_per_s, which is the baseline for the authenticated API "
        "calls: one uvicorn worker, 16 concurrent connections on loopback, the load generator "
        f"({load_generator()}) sharing the same 2 cores.",
    ]
    path = write_results("foundation", figures, notes)
    table = Table("figure", "sqlite", "postgresql", title="foundation")
    for key in figures["sqlite"]:
        table.add_row(key, f"{figures['sqlite'][key]:,.0f}", f"{figures['postgresql'][key]:,.0f}")
    Console().print(table)
    Console().print(f"written to {path}")


if __name__ == "__main__":
    main()
