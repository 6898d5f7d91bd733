from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from ncbnet.core.audit import AuditEntry
from ncbnet.core.db import Database
from ncbnet.core.hits import HitEvent
from tests.conftest import token_headers
from tests.persons.conftest import HUSSEINI, record_person

XI = {
    "category": "suspect",
    "names": [{"full": "习近平"}, {"full": "Xi Jinping"}],
    "birth_dates": ["1953-06"],
    "nationalities": ["CN"],
}


def _search(client: TestClient, headers: dict[str, str], **query: object) -> dict:  # type: ignore[type-arg]
    response = client.post("/api/v1/persons/search", json=query, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_finds_the_person_however_the_name_is_written(client: TestClient, db: Database) -> None:
    husseini = record_person(db, "officer.ma", HUSSEINI)
    xi = record_person(db, "officer.ma", XI)
    headers = token_headers(db, "FR", ["persons"])
    for spelling in (
        "Mohammed Abdulrahman Al-Husseini",
        "Muhammad Abd al-Rahman el Husseini",
        "Mohamed Abdelrahman Alhusseini",
        "محمد عبد الرحمن الحسيني",
    ):
        best = _search(client, headers, name=spelling)["matches"][0]
        assert best["person"]["id"] == husseini and best["is_match"], spelling
        parts = best["explanation"]["name_parts"]
        assert parts and all(0 <= p["similarity"] <= 1 for p in parts)
    for spelling in ("Xi Jinping", "习近平", "شي جين بينغ"):
        assert _search(client, headers, name=spelling)["matches"][0]["person"]["id"] == xi


def test_birth_date_and_identifier_are_evidence(client: TestClient, db: Database) -> None:
    record_person(db, "officer.ma", HUSSEINI)
    headers = token_headers(db, "FR", ["persons"])
    agree = _search(client, headers, name="Mohamed Alhusseini", birth_date="1975-03-02")
    conflict = _search(client, headers, name="Mohamed Alhusseini", birth_date="1990-01-01")
    assert agree["matches"][0]["explanation"]["birth_date"] == "exact"
    assert conflict["matches"] == [] or (
        conflict["matches"][0]["score"] < agree["matches"][0]["score"]
    )
    by_number = _search(client, headers, identifier="a12345678")
    assert by_number["matches"][0]["explanation"]["identifier"] == "exact"
    partial = _search(client, headers, family="Husseini", birth_date="1975")
    assert (
        partial["matches"]
        and partial["matches"][0]["person"]["names"][1]["family"] == "Al-Husseini"
    )


def test_search_is_audited_and_hits_notify_the_owner(client: TestClient, db: Database) -> None:
    person_id = record_person(db, "officer.ma", HUSSEINI)
    headers = token_headers(db, "FR", ["persons"])
    _search(
        client,
        headers,
        name="Mohammed Al-Husseini",
        birth_date="1975-03-02",
        location="Paris CDG T2",
    )
    with db.read() as session:
        entry = (
            session.execute(
                select(AuditEntry)
                .where(AuditEntry.event == "search")
                .order_by(AuditEntry.seq.desc())
            )
            .scalars()
            .first()
        )
        hits = list(session.execute(select(HitEvent)).scalars())
    assert entry is not None and person_id in entry.details and "Al-Husseini" in entry.details
    assert [(h.record_id, h.owner, h.searcher_bureau, h.location) for h in hits] == [
        (person_id, "MA", "FR", "Paris CDG T2")
    ]


def test_records_the_caller_may_not_see_never_come_back(client: TestClient, db: Database) -> None:
    record_person(
        db, "officer.ma", {**HUSSEINI, "policy": {"visibility": "except", "countries": ["DE"]}}
    )
    fr, de = token_headers(db, "FR", ["persons"]), token_headers(db, "DE", ["persons"])
    assert _search(client, fr, name="Mohammed Al-Husseini")["matches"]
    assert _search(client, de, name="Mohammed Al-Husseini")["matches"] == []


def test_new_and_cancelled_records_follow_the_change_log(client: TestClient, db: Database) -> None:
    headers = token_headers(db, "FR", ["persons", "persons.write"])
    assert _search(client, headers, name="Sergei Ivanov")["matches"] == []
    created = client.post(
        "/api/v1/persons",
        headers=headers,
        json={"category": "wanted", "names": [{"full": "Сергей Иванов"}]},
    ).json()
    assert (
        _search(client, headers, name="Sergey Ivanov")["matches"][0]["person"]["id"]
        == created["id"]
    )
    client.post(f"/api/v1/persons/{created['id']}/cancel", headers=headers, json={"reason": "x"})
    assert _search(client, headers, name="Sergey Ivanov")["matches"] == []


def test_not_the_same_person_is_not_raised_again(client: TestClient, db: Database) -> None:
    person_id = record_person(db, "officer.ma", HUSSEINI)
    headers = token_headers(db, "FR", ["persons"])
    first = _search(client, headers, name="Mohammed Al-Husseini", birth_date="1975")
    assert first["matches"][0]["person"]["id"] == person_id
    marked = client.post(
        f"/api/v1/persons/{person_id}/not-same",
        headers=headers,
        json={"subject_key": first["subject_key"], "subject": "traveller on AF1234"},
    )
    assert marked.status_code == 201
    again = _search(client, headers, name="mohammed  al-husseini", birth_date="1975")
    assert person_id not in [m["person"]["id"] for m in again["matches"]]
    other_subject = _search(client, headers, name="Mohammed Al-Husseini")
    assert other_subject["matches"][0]["person"]["id"] == person_id
    twice = client.post(
        f"/api/v1/persons/{person_id}/not-same",
        headers=headers,
        json={"subject_key": first["subject_key"]},
    )
    assert twice.status_code == 409


def test_compare_over_api_and_cli(client: TestClient, db: Database) -> None:
    import json

    from typer.testing import CliRunner

    from ncbnet.cli import app as cli

    headers = token_headers(db, "FR", ["persons"])
    same = client.post(
        "/api/v1/persons/compare",
        headers=headers,
        json={"name_a": "Jürgen Stock", "name_b": "يورغن شتوك"},
    ).json()
    different = client.post(
        "/api/v1/persons/compare",
        headers=headers,
        json={"name_a": "Mohammed bin Salman", "name_b": "Salman bin Mohammed"},
    ).json()
    assert same["is_match"] and not different["is_match"]
    result = CliRunner().invoke(cli, ["persons", "compare", "Sergey Ivanov", "Сергей Иванов"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["is_match"] is True
    bad = CliRunner().invoke(cli, ["persons", "compare", "Sergey", "  "])
    assert bad.exit_code == 1 and "error" in bad.output
