from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from ncbnet.core.audit import AuditEntry
from ncbnet.core.changelog import changes_since
from ncbnet.core.db import Database
from ncbnet.persons.models import Person
from tests.conftest import api_csrf, login, token_headers
from tests.persons.conftest import HUSSEINI, record_person


def _count(db: Database) -> tuple[int, int]:
    with db.read() as session:
        persons = session.execute(select(func.count()).select_from(Person)).scalar_one()
        entries = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
        return int(persons), int(entries)


def test_create_view_update_cancel_over_the_api(client: TestClient, db: Database) -> None:
    headers = token_headers(db, "EG", ["persons", "persons.write"])
    created = client.post("/api/v1/persons", json=HUSSEINI, headers=headers)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["owner"] == "EG" and body["names"][1]["family"] == "Al-Husseini"
    assert body["identifiers"][0]["country"] == "EG"
    person_id = body["id"]

    seen = client.get(f"/api/v1/persons/{person_id}", headers=headers).json()
    assert seen["birth_dates"] == ["1975-03-02"]
    patched = client.patch(
        f"/api/v1/persons/{person_id}",
        headers=headers,
        json={"birth_dates": ["1975-03-02", "1976"], "remarks": "armed"},
    )
    assert patched.status_code == 200 and patched.json()["birth_dates"] == ["1975-03-02", "1976"]
    assert patched.json()["names"] == body["names"]  # untouched fields stay
    cancelled = client.post(
        f"/api/v1/persons/{person_id}/cancel",
        headers=headers,
        json={"reason": "arrested and extradited"},
    )
    assert cancelled.json()["status"] == "cancelled"
    again = client.patch(f"/api/v1/persons/{person_id}", headers=headers, json={"remarks": "x"})
    assert again.status_code == 409

    with db.read() as session:
        ops = [
            (c.record_id, c.operation) for c in changes_since(session, 0, capabilities=["persons"])
        ]
        events = list(
            session.execute(
                select(AuditEntry.event).where(AuditEntry.subject == f"person:{person_id}")
            ).scalars()
        )
    assert ops == [(person_id, "create"), (person_id, "update"), (person_id, "update")]
    assert events == ["persons.created", "record.viewed", "persons.updated", "persons.cancelled"]


def test_only_the_owner_changes_and_policy_hides(client: TestClient, db: Database) -> None:
    data = {**HUSSEINI, "policy": {"visibility": "only", "countries": ["FR"]}}
    person_id = record_person(db, "officer.ma", data)
    fr = token_headers(db, "FR", ["persons", "persons.write"])
    de = token_headers(db, "DE", ["persons", "persons.write"])
    assert client.get(f"/api/v1/persons/{person_id}", headers=fr).status_code == 200
    assert (
        client.patch(f"/api/v1/persons/{person_id}", headers=fr, json={"remarks": "x"}).status_code
        == 403
    )
    hidden = client.get(f"/api/v1/persons/{person_id}", headers=de)
    assert hidden.status_code == 404  # the same answer as for a record that does not exist
    listed = client.get("/api/v1/persons", headers=de).json()
    assert person_id not in [p["id"] for p in listed["items"]]


def test_bad_input_is_refused_and_stores_nothing(client: TestClient, db: Database) -> None:
    headers = token_headers(db, "FR", ["persons", "persons.write"])
    client.get("/api/v1/persons", headers=headers)  # the token's first use is audited
    before = _count(db)
    cases = [
        {**HUSSEINI, "names": [{"full": "   "}]},
        {**HUSSEINI, "names": [{"full": "x" * 10_000}]},
        {**HUSSEINI, "names": [{"full": "Ali\x07Baba"}]},
        {**HUSSEINI, "birth_dates": ["2023-02-30"]},
        {**HUSSEINI, "birth_dates": ["2999-01-01"]},
        {**HUSSEINI, "nationalities": ["ZZ"]},
        {**HUSSEINI, "names": []},
        {**HUSSEINI, "category": "terrorist"},
    ]
    for data in cases:
        response = client.post("/api/v1/persons", json=data, headers=headers)
        assert response.status_code == 422, (data, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
    assert _count(db) == before


def test_border_role_searches_but_does_not_browse(client: TestClient, db: Database) -> None:
    person_id = record_person(db, "officer.fr", HUSSEINI)
    login(client, "border.fr")
    assert client.get(f"/api/v1/persons/{person_id}").status_code == 403
    found = client.post(
        "/api/v1/persons/search",
        headers=api_csrf(client),
        json={"name": "Mohamed Abdelrahman Alhusseini"},
    )
    assert found.status_code == 200, found.text
    assert [m["person"]["id"] for m in found.json()["matches"]][:1] == [person_id]
