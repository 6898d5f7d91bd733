from __future__ import annotations

from fastapi.testclient import TestClient

from ncbnet.core.db import Database
from tests.conftest import csrf_from, login
from tests.persons.conftest import HUSSEINI, record_person


def test_search_page_shows_explained_results(client: TestClient, db: Database) -> None:
    record_person(db, "officer.ma", HUSSEINI)
    login(client, "officer.fr")
    page = client.get("/persons?lang=ar")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    result = client.post(
        "/persons/search",
        data={"name": "Mohamed Abdelrahman Alhusseini", "csrf_token": csrf_from(page.text)},
    )
    assert result.status_code == 200
    assert "محمد عبد الرحمن الحسيني" in result.text and 'class="parts"' in result.text
    partial = client.post(
        "/persons/search",
        headers={"HX-Request": "true"},
        data={"name": "Husseini", "csrf_token": csrf_from(page.text)},
    )
    assert "<html" not in partial.text and "search-results" in partial.text


def test_create_edit_and_cancel_through_the_forms(client: TestClient, db: Database) -> None:
    login(client, "officer.de")
    form = client.get("/persons/new")
    token = csrf_from(form.text)
    bad = client.post(
        "/persons/new",
        data={
            "csrf_token": token,
            "category": "wanted",
            "name": "Jürgen Stock",
            "birth_dates": "1963-02-30",
        },
    )
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    created = client.post(
        "/persons/new",
        data={
            "csrf_token": token,
            "category": "wanted",
            "name": "Jürgen Stock",
            "given": "Jürgen",
            "family": "Stock",
            "aliases": "Juergen Stock\nيورغن شتوك",
            "birth_dates": "1963",
            "nationalities": "DE",
            "passport": "C01X00T47",
            "visibility": "except",
            "policy_countries": "RU",
        },
        follow_redirects=True,
    )
    assert created.status_code == 200 and "يورغن شتوك" in created.text
    person_url = str(created.url.path)
    edit = client.get(f"{person_url}/edit")
    assert 'value="Jürgen Stock"' in edit.text
    saved = client.post(
        f"{person_url}/edit",
        data={
            "csrf_token": token,
            "category": "suspect",
            "name": "Jürgen Stock",
            "birth_dates": "1963-01-02",
            "nationalities": "DE",
        },
        follow_redirects=True,
    )
    assert "1963-01-02" in saved.text
    cancelled = client.post(
        f"{person_url}/cancel",
        data={"csrf_token": token, "reason": "duplicate"},
        follow_redirects=True,
    )
    assert "cancelled" in cancelled.text
