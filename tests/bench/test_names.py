"""The name-matching benchmark runs end to end on a few hundred persons (seconds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import common, name_queries, names


def test_generator_is_deterministic_and_negatives_are_absent() -> None:
    gen = name_queries.Generator(seed=5)
    persons = gen.persons(300)
    again = name_queries.Generator(seed=5).persons(300)
    assert [p.names for p in persons] == [p.names for p in again]
    queries = name_queries.QueryMaker(gen, persons, seed=6).make(80, 20)
    assert len(queries) == 100
    for q in queries:
        if q.truth is None:
            continue
        truth = persons[q.truth]
        assert q.text and all(q.text != n[0] for n in truth.names) or q.kind == "exact"


@pytest.mark.skipif(not name_queries.TRANSLIT_DIR.is_dir(), reason="no transliteration pairs")
def test_benchmark_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "RESULTS", tmp_path)
    figures = names.main(
        [
            "300",
            "--queries",
            "60",
            "--no-http",
            "--no-pg",
            "--translit-pairs",
            "20",
            "--brute-queries",
            "10",
        ]
    )
    written = json.loads((tmp_path / "names.json").read_text())
    assert written["figures"]["n_persons"] == 300
    accuracy = figures["engine"]["accuracy"]
    assert accuracy["positives"] == 48 and accuracy["negatives"] == 12
    assert accuracy["recall_at_10"] > 0.5
    assert set(figures["transliteration_dev"]) == {"arabic", "chinese", "russian"}
