from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from ncbnet.cli import app as cli
from ncbnet.core import audit
from ncbnet.core.db import Database
from ncbnet.core.permissions import system_caller


def _append(db: Database, n: int) -> None:
    with db.write() as session:
        for i in range(n):
            audit.record(session, system_caller(), audit.AuditEvent.SEARCH, f"test:{i}", q=i)


def _verify(db: Database) -> audit.ChainReport:
    with db.read() as session:
        return audit.verify_chain(session)


def _drop_guard(db: Database) -> None:
    """Simulate a DBA with full rights: remove the append-only triggers first."""
    with db.engine.begin() as conn:
        if db.is_sqlite:
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_update")
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        else:
            conn.exec_driver_sql("DROP TRIGGER audit_log_append_only ON audit_log")


def test_intact_chain_verifies(db: Database) -> None:
    _append(db, 5)
    report = _verify(db)
    assert report.ok and report.entries >= 5


def test_database_refuses_updates_and_deletes(db: Database) -> None:
    _append(db, 1)
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError), db.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    assert _verify(db).ok


@pytest.mark.parametrize(
    "tamper, problem",
    [
        ("UPDATE audit_log SET details = '{\"q\":99}' WHERE seq = {seq}", "altered"),
        ("DELETE FROM audit_log WHERE seq = {seq}", "missing"),
    ],
)
def test_tampering_is_detected_and_named(db: Database, tamper: str, problem: str) -> None:
    _append(db, 6)
    with db.read() as session:
        seq = audit.count_entries(session) - 3
    _drop_guard(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(tamper.replace("{seq}", str(seq)))
    report = _verify(db)
    assert not report.ok
    assert report.first_bad_seq == seq
    assert problem in (report.problem or "")


def test_inserted_entry_is_detected(db: Database) -> None:
    _append(db, 3)
    with db.read() as session:
        last = audit.count_entries(session)
    _drop_guard(db)
    with db.engine.begin() as conn:
        # Make room in the middle, then slip a forged entry in.
        conn.execute(text("UPDATE audit_log SET seq = seq + 1000 WHERE seq = :s"), {"s": last})
        conn.execute(
            text(
                "INSERT INTO audit_log"
                " (seq, at, actor, bureau, via, event, details, prev_hash, hash)"
                " SELECT :s, at, 'forger', bureau, via, event, details, prev_hash, hash"
                " FROM audit_log WHERE seq = :old"
            ),
            {"s": last, "old": last + 1000},
        )
        conn.execute(text("DELETE FROM audit_log WHERE seq = :old"), {"old": last + 1000})
    report = _verify(db)
    assert not report.ok and report.first_bad_seq == last


def test_removed_tail_is_detected(db: Database) -> None:
    _append(db, 4)
    with db.read() as session:
        last = audit.count_entries(session)
    _drop_guard(db)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = :s"), {"s": last})
    report = _verify(db)
    assert not report.ok and report.first_bad_seq == last
    assert "removed" in (report.problem or "")


def test_cli_verify_exit_codes(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from ncbnet import runtime

    monkeypatch.setattr(runtime, "cli_database", lambda: db)
    monkeypatch.setattr("ncbnet.auditing.cli.cli_database", lambda: db)
    _append(db, 3)
    runner = CliRunner()
    ok = runner.invoke(cli, ["audit", "verify"])
    assert ok.exit_code == 0, ok.output
    assert "intact" in ok.output
    with db.read() as session:
        seq = audit.count_entries(session) - 1
    _drop_guard(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = :s"), {"s": seq})
    broken = runner.invoke(cli, ["audit", "verify"])
    assert broken.exit_code == 1
    assert f"entry {seq}" in broken.output
