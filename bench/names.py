"""Name matching: the persons engine on N synthetic persons (default 1,000,000) against a
brute-force rapidfuzz scan and PostgreSQL pg_trgm, in one run.

    python -m bench names                 # N = 1,000,000
    python -m bench names 50000           # a smaller N while developing
    python -m bench names 50000 --queries 2000 --http-n 5000 --no-pg

Measures recall@10 and precision at the engine's threshold (overall and per naming culture,
query script, variant kind, birth-date form), latency in-process and over HTTP (the real
server on SQLite), single-thread throughput, index build time and memory; the two baselines on
the same queries; and recall on the held-in Wikidata transliteration pairs (dev slices).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from anyascii import anyascii
from rich.console import Console
from rich.table import Table

from bench.common import PG_ADMIN_URL, scratch_database, write_results
from bench.name_queries import (
    BenchQuery,
    Generator,
    QueryMaker,
    SynthPerson,
    compatible,
    read_pairs,
)
from ncbnet.persons.engine.types import (
    IndexedPerson,
    Match,
    PartialDate,
    PersonName,
    PersonQuery,
)

DEFAULT_N = 1_000_000
ENGINE_DIR = Path(__file__).resolve().parents[1] / "src" / "ncbnet" / "persons" / "engine"
TARGETS = {"recall_at_10": 0.98, "precision": 0.95, "build_s_at_1m": 60.0, "index_gb": 2.0}
OWNERS = ("FR", "MA", "DE", "US", "BR", "CN", "EG", "AE", "ES", "NG", "JP")
CATEGORY_ORDER = ("wanted", "suspect", "missing", "convicted", "unidentified")
console = Console(width=None if sys.stdout.isatty() else 120)


# --- small helpers -----------------------------------------------------------------------------


def rss_mb(field_name: str = "VmRSS") -> float:
    """Resident memory of this process in MB (VmHWM = its peak so far)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def percentiles(values: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99 (nearest rank) and mean of latencies given in seconds, in milliseconds."""
    if not values:
        return {}
    ordered = sorted(values)

    def rank(q: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))] * 1000

    return {
        "p50_ms": rank(0.50), "p95_ms": rank(0.95), "p99_ms": rank(0.99),
        "mean_ms": sum(ordered) / len(ordered) * 1000, "count": len(ordered),
    }  # fmt: skip


class phase:
    """Times a step and says so on the console."""

    def __init__(self, name: str, timings: dict[str, float]) -> None:
        self.name, self.timings = name, timings

    def __enter__(self) -> phase:
        self.started = time.perf_counter()
        console.log(f"[bold]{self.name}[/bold] ...")
        return self

    def __exit__(self, *exc: object) -> None:
        elapsed = time.perf_counter() - self.started
        self.timings[self.name] = round(elapsed, 2)
        console.log(f"{self.name}: {elapsed:.1f} s")


def person_id(index: int) -> str:
    return f"P{index:07d}"


def to_indexed(p: SynthPerson) -> IndexedPerson:
    y, m, d = p.record_birth
    return IndexedPerson(
        id=person_id(p.index),
        names=tuple(PersonName(full, given, family) for full, given, family in p.names),
        birth_dates=(PartialDate(y, m, d),), nationalities=frozenset({p.nationality}), sex=p.sex,
    )  # fmt: skip


def to_query(q: BenchQuery) -> PersonQuery:
    birth = (PartialDate(*q.birth),) if q.birth else ()
    return PersonQuery(name=q.text, birth_dates=birth)


def fold(text: str) -> str:
    """Latin transliteration for the baselines: ASCII, lower case, words split on non-letters."""
    return " ".join(re.findall(r"[a-z0-9]+", anyascii(text).lower()))


# --- accuracy ----------------------------------------------------------------------------------


@dataclass
class Hit:
    """One result: the person (None = not a synthetic person), its score, whether flagged."""

    person: int | None
    score: float
    flagged: bool


@dataclass
class Tally:
    queries: int = 0
    positives: int = 0
    found10: int = 0
    found_flagged: int = 0
    top1: int = 0
    tp: int = 0
    fp: int = 0
    fp_namesakes: int = 0
    negatives: int = 0
    negatives_flagged: int = 0
    ambiguous: int = 0
    flagged_queries: int = 0
    first_flag_true: int = 0
    unambiguous: int = 0
    found10_unambiguous: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def summary(self) -> dict[str, float | int | None]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "queries": self.queries,
            "positives": self.positives,
            "negatives": self.negatives,
            "recall_at_10": ratio(self.found10, self.positives),
            "recall_at_10_unambiguous": ratio(self.found10_unambiguous, self.unambiguous),
            "recall_at_threshold": ratio(self.found_flagged, self.positives),
            "top1": ratio(self.top1, self.positives),
            "precision_at_threshold": ratio(self.tp, self.tp + self.fp) if self.positives else None,
            "precision_excl_namesakes": ratio(self.tp, self.tp + self.fp - self.fp_namesakes)
            if self.positives
            else None,
            "flagged_true": self.tp,
            "flagged_false": self.fp,
            "flagged_false_namesakes": self.fp_namesakes,
            "negative_false_alarm_rate": ratio(self.negatives_flagged, self.negatives),
            "query_precision": ratio(self.first_flag_true, self.flagged_queries),
            "ambiguous_positives": self.ambiguous,
        }


def tally_one(q: BenchQuery, hits: list[Hit], persons: list[SynthPerson]) -> Tally:
    t = Tally(queries=1)
    flagged = [h for h in hits if h.flagged]
    t.flagged_queries = int(bool(flagged))
    t.first_flag_true = int(q.truth is not None and bool(flagged) and flagged[0].person == q.truth)
    if q.truth is None:
        t.negatives = 1
        t.negatives_flagged = int(bool(flagged))
        t.fp = len(flagged)
        return t
    truth = persons[q.truth]
    t.positives = 1
    t.ambiguous = int(q.namesakes >= 10)
    ids = [h.person for h in hits[:10]]
    t.found10 = int(q.truth in ids)
    t.unambiguous = 1 - t.ambiguous
    t.found10_unambiguous = t.found10 * t.unambiguous
    t.top1 = int(bool(ids) and ids[0] == q.truth)
    t.found_flagged = int(any(h.person == q.truth for h in flagged))
    for h in flagged:
        if h.person == q.truth:
            t.tp += 1
            continue
        t.fp += 1
        other = persons[h.person] if h.person is not None else None
        if other is not None and is_namesake(q, truth, other):
            t.fp_namesakes += 1
    return t


def is_namesake(q: BenchQuery, truth: SynthPerson, other: SynthPerson) -> bool:
    """Whether the query cannot tell `other` from its true person (see BenchQuery.namesakes)."""
    if "dropped" in q.detail:
        same = other.loose_key == truth.loose_key
    else:
        same = other.key == truth.key
    birth = None if q.date_kind == "near_year" else q.birth
    return same and compatible(birth, other.record_birth)


def categories(q: BenchQuery, n: int) -> list[tuple[str, str]]:
    if q.truth is None:
        return [("negative", q.kind), ("negative_culture", q.culture), ("date", q.date_kind)]
    decile = min(9, 10 * q.truth // n)
    return [
        ("truth_position", f"{decile * 10:02d}-{decile * 10 + 10}%"),
        ("culture", q.culture), ("script", q.script), ("kind", q.kind),
        ("detail", q.detail.split("+")[0] or "exact"), ("date", q.date_kind),
        ("kind_x_culture", f"{q.kind}/{q.culture}"),
    ]  # fmt: skip


def evaluate(
    queries: Sequence[BenchQuery], results: Sequence[list[Hit]], persons: list[SynthPerson]
) -> dict[str, Any]:
    overall = Tally()
    groups: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for q, hits in zip(queries, results, strict=True):
        t = tally_one(q, hits, persons)
        overall.add(t)
        for group, name in categories(q, len(persons)):
            groups[group][name].add(t)
    return {
        "overall": overall.summary(),
        "by": {g: {k: v.summary() for k, v in sorted(d.items())} for g, d in groups.items()},
    }


def examples(
    queries: Sequence[BenchQuery],
    results: Sequence[list[Hit]],
    persons: list[SynthPerson],
    per_kind: int = 4,
) -> dict[str, list[dict[str, Any]]]:
    """A few misses and false alarms per category, for whoever tunes the engine."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q, hits in zip(queries, results, strict=True):
        flagged = [h for h in hits if h.flagged]
        if q.truth is not None and q.truth not in [h.person for h in hits[:10]]:
            bucket = f"missed/{q.kind}/{q.culture}"
        elif q.truth is not None and any(h.person != q.truth for h in flagged):
            bucket = f"flagged_other/{q.kind}/{q.culture}"
        elif q.truth is None and flagged:
            bucket = f"false_alarm/{q.kind}/{q.culture}"
        else:
            continue
        if len(out[bucket]) >= per_kind:
            continue
        out[bucket].append({
            "query": q.text, "birth_date": q.birth_text, "detail": q.detail,
            "truth": [n[0] for n in persons[q.truth].names] if q.truth is not None else None,
            "truth_birth": str(PartialDate(*persons[q.truth].record_birth))
            if q.truth is not None else None,
            "top": [{"names": [n[0] for n in persons[h.person].names] if h.person is not None
                     else None, "score": round(h.score, 3), "flagged": h.flagged}
                    for h in hits[:3]],
        })  # fmt: skip
    return dict(sorted(out.items()))


# --- the engine --------------------------------------------------------------------------------


@dataclass
class EngineRun:
    results: list[list[Hit]]
    latencies: list[float]
    figures: dict[str, Any] = field(default_factory=dict)


def run_engine(
    indexed: list[IndexedPerson],
    queries: Sequence[BenchQuery],
    *,
    measure_memory: bool,
    profile: int = 0,
) -> EngineRun:
    from ncbnet.persons.engine import DEFAULT_THRESHOLD, NameIndex

    gc.collect()
    before = rss_mb()
    started = time.perf_counter()
    index = NameIndex(threshold=DEFAULT_THRESHOLD)
    for person in indexed:
        index.add(person)
    build_s = time.perf_counter() - started
    gc.collect()
    figures: dict[str, Any] = {
        "threshold": DEFAULT_THRESHOLD,
        "build_s": round(build_s, 2),
        "persons_indexed_per_s": round(len(indexed) / build_s),
    }
    if measure_memory:
        figures["index_rss_mb"] = round(rss_mb() - before, 1)
    warm = [to_query(q) for q in queries[:100]]
    for query in warm:
        index.search(query, limit=10)
    prepared = [to_query(q) for q in queries]
    results: list[list[Hit]] = []
    latencies: list[float] = []
    clock = time.perf_counter
    for query in prepared:
        t0 = clock()
        found = index.search(query, limit=10)
        latencies.append(clock() - t0)
        results.append([_hit(m) for m in found])
    figures["latency"] = percentiles(latencies)
    figures["queries_per_s_single_thread"] = round(len(latencies) / sum(latencies), 1)
    by: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for q, seconds in zip(queries, latencies, strict=True):
        for group, name in (
            ("kind", q.kind),
            ("date", q.date_kind),
            ("culture", q.culture),
            ("script", q.script),
        ):
            by[group][name].append(seconds)
    figures["latency_by"] = {
        g: {k: {m: round(v, 2) for m, v in percentiles(v).items()} for k, v in sorted(d.items())}
        for g, d in by.items()
    }
    if profile:
        figures["profile"] = _profile(index, prepared[:profile])
    del index
    gc.collect()
    return EngineRun(results, latencies, figures)


def _profile(index: Any, prepared: Sequence[PersonQuery]) -> dict[str, Any]:
    """Where search time goes: cProfile over some queries, the functions with the most own
    time (shares of the profiled total; cProfile slows everything, shares stay telling)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for query in prepared:
        index.search(query, limit=10)
    profiler.disable()
    raw = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values()) or 1.0
    top = sorted(raw.items(), key=lambda item: -item[1][2])[:15]
    return {
        "queries": len(prepared),
        "top_own_time": [
            {"function": f"{Path(file).name}:{line} {name}", "calls": entry[1],
             "own_share": round(entry[2] / total, 3),
             "cumulative_share": round(entry[3] / total, 3)}
            for (file, line, name), entry in top
        ],
    }  # fmt: skip


def miss_analysis(
    queries: Sequence[BenchQuery], results: Sequence[list[Hit]], persons: list[SynthPerson]
) -> dict[str, dict[str, int]]:
    """Why the true person was not in the top 10: compare() scores the query against the true
    record (best of its names, record's birth date). If that beats the 10th result, the search
    never scored the truth (candidate gathering lost it); otherwise scoring ranked it lower.
    compare() weighs words by the prior alone, the index by their counts: an approximation."""
    from ncbnet.persons.engine import compare

    out: dict[str, dict[str, int]] = defaultdict(
        lambda: {"missed": 0, "not_gathered": 0, "scored_below_top10": 0}
    )
    for q, hits in zip(queries, results, strict=True):
        if q.truth is None or q.truth in [h.person for h in hits[:10]]:
            continue
        truth = persons[q.truth]
        birth = (PartialDate(*truth.record_birth),)
        query = to_query(q)
        best = max(
            compare(query, PersonQuery(name=full, birth_dates=birth)).score
            for full, _, _ in truth.names
        )
        floor = hits[9].score if len(hits) >= 10 else 0.0
        reason = "not_gathered" if best > floor else "scored_below_top10"
        for key in ("all", f"date:{q.date_kind}", f"kind:{q.kind}", f"culture:{q.culture}"):
            out[key]["missed"] += 1
            out[key][reason] += 1
    return dict(sorted(out.items()))


def _hit(m: Match) -> Hit:
    person = int(m.record_id[1:]) if m.record_id.startswith("P") else None
    return Hit(person, m.score, m.is_match)


def subset_with_truths(
    persons: list[SynthPerson], size: int, queries: Sequence[BenchQuery]
) -> list[SynthPerson]:
    """The first `size` persons plus the true person of every positive query given: a smaller
    haystack in which every query still has its needle."""
    chosen = {p.index: p for p in persons[:size]}
    for q in queries:
        if q.truth is not None:
            chosen.setdefault(q.truth, persons[q.truth])
    return list(chosen.values())


# --- baseline 1: brute-force rapidfuzz ---------------------------------------------------------


def run_rapidfuzz(
    persons: list[SynthPerson], queries: Sequence[BenchQuery], subset: int, sample: int, seed: int
) -> dict[str, Any]:
    """token_sort_ratio over every Latin-transliterated name of the first `subset` persons
    (plus the sampled queries' true persons);
    tokens are sorted once up front, so fuzz.ratio on them *is* token_sort_ratio."""
    from rapidfuzz import fuzz, process

    chosen = random.Random(seed).sample(list(queries), min(sample, len(queries)))
    haystack = subset_with_truths(persons, subset, chosen)
    size = len(haystack)
    choices: list[str] = []
    owner: list[int] = []
    for p in haystack:
        for full, _, _ in p.names:
            choices.append(" ".join(sorted(fold(full).split())))
            owner.append(p.index)
    results: list[list[Hit]] = []
    latencies: list[float] = []
    for q in chosen:
        text = " ".join(sorted(fold(q.text).split()))
        t0 = time.perf_counter()
        found = process.extract(text, choices, scorer=fuzz.ratio, processor=None, limit=40)
        latencies.append(time.perf_counter() - t0)
        seen: dict[int, float] = {}
        for _, score, i in found:
            seen.setdefault(owner[i], score)
        results.append([Hit(pid, s / 100, False) for pid, s in list(seen.items())[:10]])
    scale = len(persons) / size
    return {
        "persons_scanned": size, "names_scanned": len(choices), "queries": len(chosen),
        "latency_at_subset": percentiles(latencies),
        "latency_scaled_to_n": {k: round(v * scale, 2) if k.endswith("_ms") else v
                                for k, v in percentiles(latencies).items()},
        "scale_factor": round(scale, 2),
        "accuracy": evaluate(chosen, results, persons)["overall"],
        "accuracy_by_kind": {k: v["recall_at_10"] for k, v in
                             evaluate(chosen, results, persons)["by"].get("kind", {}).items()},
        "_chosen": chosen, "_results": results,
    }  # fmt: skip


# --- baseline 2: PostgreSQL pg_trgm ------------------------------------------------------------


def run_pg_trgm(
    persons: list[SynthPerson],
    queries: Sequence[BenchQuery],
    sample: int,
    budget_s: float,
    seed: int,
) -> dict[str, Any]:
    import uuid

    import psycopg

    admin_url = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    name = f"ncbnet_bench_names_{uuid.uuid4().hex[:8]}"
    figures: dict[str, Any] = {}
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        with psycopg.connect(re.sub(r"/[^/]*$", f"/{name}", admin_url), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION pg_trgm")
            conn.execute("CREATE TABLE names (person_id integer NOT NULL, name text NOT NULL)")
            started = time.perf_counter()
            rows = 0
            with conn.cursor().copy("COPY names (person_id, name) FROM STDIN") as copy:
                for p in persons:
                    for full in dict.fromkeys(fold(n[0]) for n in p.names):
                        copy.write_row((p.index, full))
                        rows += 1
            figures["rows"] = rows
            figures["copy_s"] = round(time.perf_counter() - started, 2)
            started = time.perf_counter()
            conn.execute("CREATE INDEX names_trgm ON names USING gin (name gin_trgm_ops)")
            conn.execute("ANALYZE names")
            figures["gin_build_s"] = round(time.perf_counter() - started, 2)
            size = conn.execute("SELECT pg_relation_size('names_trgm')").fetchone()
            figures["gin_index_mb"] = round((size[0] if size else 0) / 2**20, 1)
            conn.execute("SET pg_trgm.similarity_threshold = 0.3")
            chosen = random.Random(seed).sample(list(queries), min(sample, len(queries)))
            sql = ("SELECT person_id, similarity(name, %(q)s) AS s FROM names "
                   "WHERE name %% %(q)s ORDER BY s DESC LIMIT 30")  # fmt: skip
            results: list[list[Hit]] = []
            latencies: list[float] = []
            deadline = time.perf_counter() + budget_s
            for q in chosen:
                if time.perf_counter() > deadline:
                    break
                text = fold(q.text)
                t0 = time.perf_counter()
                found = conn.execute(sql, {"q": text}, prepare=True).fetchall()
                latencies.append(time.perf_counter() - t0)
                seen: dict[int, float] = {}
                for pid, s in found:
                    seen.setdefault(pid, s)
                results.append([Hit(pid, s, False) for pid, s in list(seen.items())[:10]])
            done = chosen[: len(results)]
            figures["queries"] = len(done)
            figures["latency"] = percentiles(latencies)
            evaluated = evaluate(done, results, persons)
            figures["accuracy"] = evaluated["overall"]
            figures["accuracy_by_kind"] = {
                k: v["recall_at_10"] for k, v in evaluated["by"].get("kind", {}).items()
            }
            figures["_chosen"], figures["_results"] = done, results
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return figures


# --- held-in transliteration pairs -------------------------------------------------------------


def run_transliteration(per_script: int, seed: int) -> dict[str, Any]:
    """Latin tokens of each dev slice indexed as single-name persons, queried in the other
    script; "seen" = the native spelling also occurs in the _64 slice the engine learnt from."""
    from ncbnet.persons.engine import DEFAULT_THRESHOLD, NameIndex

    out: dict[str, Any] = {}
    for script in ("arabic", "chinese", "russian") if per_script > 0 else ():
        pairs = read_pairs(script, "16")
        seen_natives = {native for _, native, _ in read_pairs(script, "64")}
        index = NameIndex(threshold=DEFAULT_THRESHOLD)
        for token in sorted({latin for latin, _, _ in pairs}):
            index.add(IndexedPerson(id=token, names=(PersonName(token),)))
        chosen = random.Random(seed).sample(pairs, min(per_script, len(pairs)))
        stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        latencies: list[float] = []
        for latin, native, _ in chosen:
            t0 = time.perf_counter()
            found = index.search(PersonQuery(name=native), limit=10)
            latencies.append(time.perf_counter() - t0)
            ids = [m.record_id for m in found]
            row = [
                1,
                int(latin in ids),
                int(bool(ids) and ids[0] == latin),
                int(any(m.record_id == latin and m.is_match for m in found)),
            ]
            for group in ("all", "seen" if native in seen_natives else "unseen"):
                stats[group] = [a + b for a, b in zip(stats[group], row, strict=True)]
        out[script] = {
            "pairs_in_slice": len(pairs), "latin_tokens_indexed": len(index),
            **{group: {"queries": n, "recall_at_10": round(r10 / n, 4), "top1": round(r1 / n, 4),
                       "recall_at_threshold": round(rt / n, 4)}
               for group, (n, r10, r1, rt) in stats.items()},
            "latency": percentiles(latencies),
        }  # fmt: skip
    return out


# --- over HTTP: the real server on SQLite ------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _record(p: SynthPerson, rng: random.Random) -> dict[str, Any]:
    return {
        "category": rng.choice(CATEGORY_ORDER),
        "names": [{k: v for k, v in (("full", f), ("given", g), ("family", fam)) if v}
                  for f, g, fam in p.names],
        "sex": p.sex, "birth_dates": [str(PartialDate(*p.record_birth))],
        "nationalities": [p.nationality],
    }  # fmt: skip


_WRK_SCRIPT = """
local bodies = {%s}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %s"
request = function()
  i = i %% #bodies + 1
  return wrk.format(nil, "/api/v1/persons/search", nil, bodies[i])
end
done = function(summary, latency, requests)
  io.write(string.format(
    "WRKJSON {\\"p50_us\\": %%d, \\"p95_us\\": %%d, \\"p99_us\\": %%d, \\"mean_us\\": %%f, "
    .. "\\"requests\\": %%d, \\"duration_us\\": %%d, \\"status_errors\\": %%d}\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean,
    summary.requests, summary.duration, summary.errors.status))
end
"""


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run_http(
    persons: list[SynthPerson], queries: Sequence[BenchQuery], size: int, seconds: int, seed: int
) -> dict[str, Any]:
    from ncbnet.core import audit, identity
    from ncbnet.core.permissions import system_caller
    from ncbnet.persons import service
    from ncbnet.persons.schemas import PersonCreate

    subset = subset_with_truths(persons, size, queries)
    rng = random.Random(seed)
    figures: dict[str, Any] = {"persons": len(subset)}
    db_ids: dict[str, int] = {}
    with scratch_database("sqlite") as db:
        started = time.perf_counter()
        batch = 1000
        for start in range(0, len(subset), batch):
            with db.write() as session:
                chunk = subset[start : start + batch]
                for p in chunk:
                    row = service.create_person(
                        session, system_caller(rng.choice(OWNERS)),
                        PersonCreate.model_validate(_record(p, rng)), audited=False,
                    )  # fmt: skip
                    db_ids[row.id] = p.index
                audit.record(
                    session, system_caller(), service.PersonEvent.IMPORTED, "bench", rows=len(chunk)
                )
        figures["load_s"] = round(time.perf_counter() - started, 1)
        figures["load_persons_per_s"] = round(len(subset) / (time.perf_counter() - started))
        with db.write() as session:
            _, secret = identity.create_token(
                session, system_caller(), name="bench", bureau="FR", scopes=["persons"]
            )
        url = db.url
        db.dispose()
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "NCBNET_DATABASE_URL": url, "NCBNET_DATA_DIR": tmp}
            started = time.perf_counter()
            server = subprocess.Popen(
                [sys.executable, "-m", "ncbnet", "serve", "--port", str(port), "--no-migrate"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            try:
                _wait_healthy(base, timeout=600)
                headers = {"Authorization": f"Bearer {secret}"}
                usable = list(queries)
                bodies = [_body(q) for q in usable]
                with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
                    first = client.post("/api/v1/persons/search", json=bodies[0])
                    first.raise_for_status()
                    figures["start_to_first_answer_s"] = round(time.perf_counter() - started, 1)
                    sample = random.Random(seed).sample(range(len(usable)), min(300, len(usable)))
                    figures.update(
                        _httpx_pass(
                            client,
                            [usable[i] for i in sample],
                            [bodies[i] for i in sample],
                            db_ids,
                            persons,
                        )
                    )
                if shutil.which("wrk"):
                    figures["wrk_c1"] = _wrk(base, secret, bodies, seconds, 1)
                    figures["wrk_c8"] = _wrk(base, secret, bodies, seconds, 8)
            finally:
                server.terminate()
                server.wait(timeout=30)
    return figures


def _body(q: BenchQuery) -> dict[str, Any]:
    body: dict[str, Any] = {"name": q.text, "limit": 10}
    if q.birth_text:
        body["birth_date"] = q.birth_text
    return body


def _wait_healthy(base: str, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not come up")


def _httpx_pass(
    client: httpx.Client,
    usable: Sequence[BenchQuery],
    bodies: Sequence[dict[str, Any]],
    db_ids: dict[str, int],
    persons: list[SynthPerson],
) -> dict[str, Any]:
    """One client, one request at a time: latency seen by a Python caller, and the answers
    checked against the truth (the HTTP path must find what the engine finds)."""
    results: list[list[Hit]] = []
    latencies: list[float] = []
    for body in bodies:
        t0 = time.perf_counter()
        response = client.post("/api/v1/persons/search", json=body)
        latencies.append(time.perf_counter() - t0)
        response.raise_for_status()
        results.append(
            [
                Hit(db_ids.get(m["person"]["id"]), m["score"], m["is_match"])
                for m in response.json()["matches"]
            ]
        )
    return {
        "httpx_sequential_latency": percentiles(latencies),
        "httpx_accuracy": evaluate(usable, results, persons)["overall"],
    }


def _wrk(
    base: str, secret: str, bodies: Sequence[dict[str, Any]], seconds: int, connections: int
) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            _WRK_SCRIPT
            % (",".join(_lua_string(json.dumps(b, ensure_ascii=False)) for b in bodies), secret)
        )
    try:
        command = [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "-s",
            script.name,
            "--timeout",
            "30s",
            base,
        ]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    finally:
        Path(script.name).unlink()
    match = re.search(r"WRKJSON (\{.*\})", output)
    if not match:
        raise RuntimeError(f"wrk said:\n{output}")
    raw = json.loads(match.group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "connections": connections, "requests": raw["requests"],
        "req_per_s": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": raw["p50_us"] / 1000, "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000, "mean_ms": round(raw["mean_us"] / 1000, 3),
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
    }  # fmt: skip


# --- the run -----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench names",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "n", nargs="?", type=int, default=DEFAULT_N, help="synthetic persons (default 1,000,000)"
    )
    parser.add_argument(
        "--queries",
        type=int,
        default=5000,
        help="queries with known truth, a fifth of them negatives (default 5000)",
    )
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument(
        "--http-n",
        type=int,
        default=50_000,
        help="persons loaded into the server's database, plus every query's true person "
        "(default 50,000)",
    )
    parser.add_argument("--http-seconds", type=int, default=10)
    parser.add_argument(
        "--brute-subset",
        type=int,
        default=100_000,
        help="persons the rapidfuzz scan covers, scaled up to N (default 100k)",
    )
    parser.add_argument("--brute-queries", type=int, default=300)
    parser.add_argument("--pg-queries", type=int, default=1000)
    parser.add_argument("--pg-budget", type=float, default=180.0, help="seconds at most")
    parser.add_argument("--translit-pairs", type=int, default=3000, help="per script")
    parser.add_argument(
        "--profile", type=int, default=300, help="queries run again under cProfile (0 = none)"
    )
    parser.add_argument("--no-http", action="store_true")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--output", default="names", help="results file name (bench/results)")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] = ()) -> dict[str, Any]:
    args = parse_args(argv)
    timings: dict[str, float] = {}
    figures: dict[str, Any] = {"n_persons": args.n, "seed": args.seed, "timings_s": timings}
    engine_at_start = _engine_digest()
    base_rss = rss_mb()

    with phase("generate persons", timings):
        gen = Generator(args.seed)
        persons = gen.persons(args.n)
    figures["generation"] = {
        "persons_per_s": round(args.n / timings["generate persons"]),
        "cultures": _count(p.culture for p in persons),
        "distinct_name_keys": len({p.key for p in persons}),
        "names_per_person": round(sum(len(p.names) for p in persons) / len(persons), 2),
    }  # fmt: skip
    with phase("generate queries", timings):
        negatives = args.queries // 5
        queries = QueryMaker(gen, persons, args.seed + 1).make(args.queries - negatives, negatives)
    figures["queries"] = {
        "total": len(queries), "positives": args.queries - negatives, "negatives": negatives,
        "by_kind": _count(q.kind for q in queries),
        "ambiguous_positives": sum(1 for q in queries if q.truth is not None and q.namesakes >= 10),
    }  # fmt: skip

    with phase("engine records", timings):
        gc.collect()
        before = rss_mb()
        indexed = [to_indexed(p) for p in persons]
        gc.collect()
        records_mb = rss_mb() - before
    with phase("engine", timings):
        engine = run_engine(indexed, queries, measure_memory=True, profile=args.profile)
    engine.figures["records_rss_mb"] = round(records_mb, 1)
    engine.figures["process_peak_rss_mb"] = round(rss_mb("VmHWM"), 1)
    engine.figures["process_rss_at_start_mb"] = round(base_rss, 1)
    evaluated = evaluate(queries, engine.results, persons)
    figures["engine"] = {**engine.figures, "accuracy": evaluated["overall"]}
    figures["categories"] = evaluated["by"]
    figures["examples"] = examples(queries, engine.results, persons)
    with phase("miss analysis", timings):
        figures["engine"]["misses"] = miss_analysis(queries, engine.results, persons)
    del indexed
    gc.collect()

    engine_ms = engine.figures["latency"]["mean_ms"]
    with phase("baseline rapidfuzz", timings):
        brute = run_rapidfuzz(persons, queries, args.brute_subset, args.brute_queries, args.seed)
    figures["rapidfuzz"] = _versus(
        brute, engine, queries, persons, engine_ms, brute["latency_scaled_to_n"]
    )
    if not args.no_pg:
        with phase("baseline pg_trgm", timings):
            try:
                pg = run_pg_trgm(persons, queries, args.pg_queries, args.pg_budget, args.seed)
            except Exception as exc:  # no PostgreSQL here: say so, measure the rest
                console.log(f"[red]pg_trgm skipped: {exc}")
                figures["pg_trgm_skipped"] = str(exc)
            else:
                figures["pg_trgm"] = _versus(pg, engine, queries, persons, engine_ms, pg["latency"])
    with phase("transliteration dev pairs", timings):
        figures["transliteration_dev"] = run_transliteration(args.translit_pairs, args.seed)
    if not args.no_http:
        http_n = min(args.http_n, args.n)
        with phase("engine at the HTTP size", timings):
            small = [to_indexed(p) for p in subset_with_truths(persons, http_n, queries)]
            small_run = run_engine(small, queries, measure_memory=False)
        with phase("http", timings):
            http = run_http(persons, queries, http_n, args.http_seconds, args.seed)
        http["in_process_same_n_latency"] = small_run.figures["latency"]
        http["in_process_same_n_accuracy"] = evaluate(queries, small_run.results, persons)[
            "overall"
        ]
        figures["http"] = http

    figures["machine_detail"] = _machine()
    figures["engine_source_sha256"] = engine_at_start
    if _engine_digest() != engine_at_start:
        figures["engine_source_changed_during_run"] = _engine_digest()
    notes = _notes(args, figures)
    path = write_results(args.output, figures, notes)
    _print(figures)
    console.print(f"written to {path}")
    return figures


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for v in values:
        counts[v] += 1
    return dict(sorted(counts.items()))


def _versus(
    base: dict[str, Any],
    engine: EngineRun,
    queries: Sequence[BenchQuery],
    persons: list[SynthPerson],
    engine_ms: float,
    base_latency: dict[str, float],
) -> dict[str, Any]:
    """The baseline's figures with the engine's on the very same queries beside them."""
    chosen: list[BenchQuery] = base.pop("_chosen")
    base.pop("_results")
    position = {id(q): i for i, q in enumerate(queries)}
    same = [engine.results[position[id(q)]] for q in chosen]
    engine_same = evaluate(chosen, same, persons)
    base["engine_on_same_queries"] = engine_same["overall"]
    base["engine_recall_by_kind_same_queries"] = {
        k: v["recall_at_10"] for k, v in engine_same["by"].get("kind", {}).items()
    }
    mine = base["accuracy"]["recall_at_10"] or 0.0
    theirs = engine_same["overall"]["recall_at_10"] or 0.0
    base["recall_at_10_minus_engine"] = round(mine - theirs, 4)
    base["mean_latency_ratio_vs_engine"] = round(base_latency["mean_ms"] / engine_ms, 1)
    base["p95_latency_ratio_vs_engine"] = round(
        base_latency["p95_ms"] / engine.figures["latency"]["p95_ms"], 1
    )
    return base


def _engine_digest() -> str:
    """Which engine was measured: a digest of its source files (it changes often)."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(ENGINE_DIR.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0.0
    try:
        mem = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gb": round(mem, 1),
        "python": platform.python_version(),
    }


def _notes(args: argparse.Namespace, f: dict[str, Any]) -> list[str]:
    n = args.n
    notes = [
        f"N = {n:,} synthetic persons (seed {args.seed}), {f['queries']['total']:,} queries: "
        f"{f['queries']['positives']:,} with a known true person and "
        f"{f['queries']['negatives']:,} negatives (similar but different people, proven absent "
        "from the set: no person has the same name parts with a compatible birth date).",
        "Persons: seven naming cultures (arabic, russian, chinese, latin, and translit_ar/zh/ru "
        "= foreign names written in Arabic/Chinese/Cyrillic script). Non-Latin-culture records "
        "carry native script + Latin aliases (50%), Latin only (30%) or native only (20%). "
        "Arabic, Russian, Chinese and Latin given names are hand lists (bench/name_data.py, "
        "ncbnet.persons.demo_names); Russian Latin forms come from six transliteration systems "
        "(ICAO passport, BGN/PCGN, popular, German, French, scholarly); Chinese from pinyin "
        "and Wade-Giles, traditional characters for TW/HK. Cross-script token pairs "
        "(translit_*) and the long tail of Latin family names and Cyrillic surnames are drawn "
        "from the Wikidata DEV slices wd_<script>_16.tsv (translit_* pairs with count >= 2), "
        "never from the _64 slices the engine's dictionary is built from.",
        "Query kinds: exact (an alias as stored), other_script (record holds only the other "
        "script; or Han traditional vs simplified), other_spelling (a Latin spelling the "
        "record does not hold), typo (one keyboard slip, never the first letter), "
        "missing_part (a middle part dropped: father, grandfather, patronymic, second "
        "given/family), swapped (family name moved first/last), combined (other script or "
        "spelling plus a typo, swap or missing part). Birth dates in queries: full, year-month, "
        "year, none, near_year (±1 year) or day_month_swapped; records know day (80%), month "
        "(10%) or year (10%).",
        "recall@10 = share of positive queries whose true person is among the 10 results; "
        "recall_at_threshold = ... among the results flagged is_match. precision_at_threshold "
        "= among ALL flagged results of all queries (positives and negatives), the share that "
        "are the query's true person: a flagged other person is a false positive, every flag "
        "on a negative query is a false positive. precision_excl_namesakes leaves out flags on "
        "persons the query cannot tell from the truth (same name parts - for a query with a "
        "middle name dropped, same given and family name - and a birth date compatible with "
        "the query's). negative_false_alarm_rate = share of negative queries "
        "with at least one flag. query_precision = among queries with at least one flag, the "
        "share whose best flagged result is the true person (a negative never is). "
        "ambiguous_positives = positives with >= 10 such namesakes.",
        "Latency: in-process = NameIndex.search(limit=10) wall time per query, single thread, "
        "after 100 warm-up queries; queries_per_s_single_thread = queries / summed search "
        "time (one core). Memory: index_rss_mb = RSS growth while the index is built "
        "(records already in memory), records_rss_mb = the IndexedPerson objects themselves; "
        "RSS from /proc/self/status after gc.collect().",
        f"rapidfuzz baseline: brute-force fuzz.token_sort_ratio (tokens sorted once, then "
        f"fuzz.ratio) over every name of {f['rapidfuzz']['persons_scanned']:,} persons (the "
        f"first {args.brute_subset:,} plus the true persons of the "
        f"{f['rapidfuzz']['queries']} sampled queries), Latin-transliterated with anyascii; "
        "latency scaled linearly by "
        f"{f['rapidfuzz']['scale_factor']}x to N; its recall is measured on the subset "
        "(fewer distractors: optimistic at N). top-10 distinct persons from the best 40 "
        "names.",
    ]
    if "pg_trgm" in f:
        notes.append(
            "pg_trgm baseline: PostgreSQL 15 table (person_id, name) holding the same "
            "anyascii-transliterated names of ALL N persons, GIN gin_trgm_ops index, query "
            "`WHERE name % $1 ORDER BY similarity(name, $1) DESC LIMIT 30` (default similarity "
            "threshold 0.3) with the query transliterated the same way, first 10 distinct "
            f"persons; {f['pg_trgm']['queries']} sampled queries (time budget "
            f"{args.pg_budget:.0f} s). Ratios are baseline / engine on the same queries."
        )
    notes.append(
        "transliteration_dev: for each Wikidata dev slice (wd_<script>_16.tsv), every distinct "
        "Latin token indexed as a single-name person, a sample of "
        f"{args.translit_pairs} pairs queried in the other script; recall@10 counts the pair's "
        "own Latin token. 'seen' = the native spelling also occurs in the _64 training slice "
        "the engine's dictionary comes from, 'unseen' = it does not."
    )
    if "http" in f:
        h = f["http"]
        notes.append(
            f"HTTP: `python -m ncbnet serve` (one uvicorn worker) on a temporary SQLite database "
            f"loaded with {h['persons']:,} of the N persons (the first {args.http_n:,} plus "
            "every query's true person) through "
            "persons.service.create_person(audited=False) in batches of 1000 (loading all N "
            "that way would take too long; hence HTTP is measured at this smaller N, beside "
            "the in-process latency at the same N). POST /api/v1/persons/search {name, "
            "birth_date, limit 10} with a bearer token (scope persons); each search also writes "
            "its audit entry and hit records. wrk (Lua script cycling through the query "
            f"bodies) {args.http_seconds} s at 1 connection (latency) and 8 connections "
            "(throughput); the load generator shares the 2 cores with the server."
        )
    notes.append(
        "engine.misses: for each positive whose true person is not in the top 10, compare() "
        "scores the query against the true record; 'not_gathered' = that score beats the 10th "
        "result, so the index never scored the truth (candidate gathering), "
        "'scored_below_top10' = scoring itself ranked it lower (compare() weighs words by the "
        "prior, the index by counts: approximate)."
    )
    notes.append(f"Machine: {f['machine_detail']}. Timings of each phase in timings_s.")
    return notes


def _print(f: dict[str, Any]) -> None:
    eng = f["engine"]
    acc = eng["accuracy"]
    rf = f["rapidfuzz"]
    pg = f.get("pg_trgm")

    def pct(v: float | None) -> str:
        return "-" if v is None else f"{v:.1%}"

    def ms(v: float | None) -> str:
        return "-" if v is None else f"{v:.2f}"

    table = Table(
        "figure", "engine", "rapidfuzz", "pg_trgm", "target", title=f"names: N = {f['n_persons']:,}"
    )
    table.add_row(
        "recall@10",
        pct(acc["recall_at_10"]),
        pct(rf["accuracy"]["recall_at_10"]),
        pct(pg["accuracy"]["recall_at_10"]) if pg else "-",
        "≥ 98%",
    )
    table.add_row(
        "  engine on the baseline's queries",
        "",
        pct(rf["engine_on_same_queries"]["recall_at_10"]),
        pct(pg["engine_on_same_queries"]["recall_at_10"]) if pg else "-",
        "",
    )
    table.add_row("  unambiguous positives only", pct(acc["recall_at_10_unambiguous"]), "", "", "")
    table.add_row("recall at threshold", pct(acc["recall_at_threshold"]), "", "", "")
    table.add_row("precision at threshold", pct(acc["precision_at_threshold"]), "", "", "≥ 95%")
    table.add_row("  excluding namesakes", pct(acc["precision_excl_namesakes"]), "", "", "")
    table.add_row("  per query (best flag is the truth)", pct(acc["query_precision"]), "", "", "")
    table.add_row("negatives with a flag", pct(acc["negative_false_alarm_rate"]), "", "", "")
    table.add_row(
        "latency p50 ms",
        ms(eng["latency"]["p50_ms"]),
        ms(rf["latency_scaled_to_n"]["p50_ms"]),
        ms(pg["latency"]["p50_ms"]) if pg else "-",
        "",
    )
    table.add_row(
        "latency p95 ms",
        ms(eng["latency"]["p95_ms"]),
        ms(rf["latency_scaled_to_n"]["p95_ms"]),
        ms(pg["latency"]["p95_ms"]) if pg else "-",
        "",
    )
    table.add_row(
        "latency p99 ms",
        ms(eng["latency"]["p99_ms"]),
        ms(rf["latency_scaled_to_n"]["p99_ms"]),
        ms(pg["latency"]["p99_ms"]) if pg else "-",
        "",
    )
    table.add_row(
        "mean latency × engine",
        "1",
        f"{rf['mean_latency_ratio_vs_engine']}",
        f"{pg['mean_latency_ratio_vs_engine']}" if pg else "-",
        "",
    )
    table.add_row("queries/s, one core", f"{eng['queries_per_s_single_thread']:,.0f}", "", "", "")
    table.add_row(
        "index build s",
        f"{eng['build_s']:.1f}",
        "",
        f"{pg['gin_build_s']:.1f}" if pg else "-",
        "≤ 60 at 1M",
    )
    table.add_row(
        "index memory MB",
        f"{eng['index_rss_mb']:,.0f}",
        "",
        f"{pg['gin_index_mb']:,.0f}" if pg else "-",
        "≤ 2048",
    )
    table.add_row("records memory MB", f"{eng['records_rss_mb']:,.0f}", "", "", "")
    if "http" in f:
        h = f["http"]
        wrk = h.get("wrk_c1")
        table.add_row(
            f"HTTP p50/p95/p99 ms (N={h['persons']:,})",
            f"{wrk['p50_ms']:.1f} / {wrk['p95_ms']:.1f} / {wrk['p99_ms']:.1f}" if wrk else "-",
            "",
            "",
            "",
        )
        lat = h["in_process_same_n_latency"]
        table.add_row(
            "  in-process at that N",
            f"{lat['p50_ms']:.2f} / {lat['p95_ms']:.2f} / {lat['p99_ms']:.2f}",
            "",
            "",
            "",
        )
        if "wrk_c8" in h:
            table.add_row(
                "HTTP req/s (8 connections)", f"{h['wrk_c8']['req_per_s']:,.0f}", "", "", ""
            )
    console.print(table)

    cats = Table(
        "category",
        "queries",
        "recall@10",
        "at thr",
        "precision",
        "false alarms",
        title="engine by category",
    )
    for group in ("culture", "script", "kind", "date", "truth_position", "negative"):
        for name, s in f["categories"].get(group, {}).items():
            cats.add_row(
                f"{group}: {name}",
                str(s["queries"]),
                pct(s["recall_at_10"]),
                pct(s["recall_at_threshold"]),
                pct(s["precision_at_threshold"]),
                pct(s["negative_false_alarm_rate"]),
            )
    console.print(cats)
    misses = eng.get("misses", {}).get("all")
    if misses:
        console.print(
            f"misses: {misses['missed']} positives without the truth in the top 10; "
            f"{misses['not_gathered']} never scored (candidate gathering), "
            f"{misses['scored_below_top10']} scored below the 10th result"
        )
    prof = eng.get("profile")
    if prof:
        pt = Table(
            "function",
            "own time",
            "cumulative",
            title=f"where search time goes (cProfile, {prof['queries']} queries)",
        )
        for row in prof["top_own_time"][:10]:
            pt.add_row(row["function"], pct(row["own_share"]), pct(row["cumulative_share"]))
        console.print(pt)
    tr = Table(
        "script",
        "queries",
        "recall@10",
        "top1",
        "seen r@10",
        "unseen r@10",
        title="held-in transliteration pairs (dev slices)",
    )
    for script, s in f["transliteration_dev"].items():
        tr.add_row(
            script,
            str(s["all"]["queries"]),
            pct(s["all"]["recall_at_10"]),
            pct(s["all"]["top1"]),
            pct(s.get("seen", {}).get("recall_at_10")),
            pct(s.get("unseen", {}).get("recall_at_10")),
        )
    console.print(tr)


if __name__ == "__main__":
    main(sys.argv[1:])
