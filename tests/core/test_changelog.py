from __future__ import annotations

import threading

from ncbnet.core.changelog import Operation, changes_since, latest_seq, record_change
from ncbnet.core.db import Database


def test_sequence_is_gap_free_and_readable_from_any_point(db: Database) -> None:
    start = _latest(db)
    with db.write() as session:
        for i in range(5):
            record_change(session, "persons", f"r{i}", Operation.CREATE)
    with db.write() as session:
        record_change(session, "documents", "d1", Operation.UPDATE)
    with db.read() as session:
        everything = changes_since(session, start)
        persons = changes_since(session, start, capabilities=["persons"])
        tail = changes_since(session, start + 4)
    assert [c.seq for c in everything] == list(range(start + 1, start + 7))
    assert [c.record_id for c in persons] == [f"r{i}" for i in range(5)]
    assert [(c.capability, c.operation) for c in tail] == [
        ("persons", Operation.CREATE),
        ("documents", Operation.UPDATE),
    ]


def test_rolled_back_changes_leave_no_trace(db: Database) -> None:
    start = _latest(db)
    try:
        with db.write() as session:
            record_change(session, "persons", "ghost", Operation.CREATE)
            raise RuntimeError("abort")
    except RuntimeError:
        pass
    with db.write() as session:
        seq = record_change(session, "persons", "real", Operation.CREATE)
    assert seq == start + 1


def test_concurrent_writers_get_distinct_ordered_numbers(db: Database) -> None:
    start = _latest(db)

    def write(n: int) -> None:
        for i in range(10):
            with db.write() as session:
                record_change(session, "persons", f"{n}-{i}", Operation.UPDATE)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with db.read() as session:
        seqs = [c.seq for c in changes_since(session, start)]
    assert seqs == list(range(start + 1, start + 41))


def _latest(db: Database) -> int:
    with db.read() as session:
        return latest_seq(session)
