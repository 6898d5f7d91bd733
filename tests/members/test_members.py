from __future__ import annotations

from fastapi.testclient import TestClient

from ncbnet.core.db import Database
from tests.conftest import login, token_headers


def test_members_api_lists_countries_in_the_asked_language(
    client: TestClient, db: Database
) -> None:
    headers = token_headers(db, "FR", ["members"])
    everyone = client.get("/api/v1/members", headers=headers).json()
    assert len(everyone) == 195
    mena = client.get(
        "/api/v1/members?region=middle_east_north_africa&lang=fr", headers=headers
    ).json()
    morocco = client.get("/api/v1/members/mar?lang=ar", headers=headers).json()
    assert morocco["code"] == "MA" and morocco["name"] == "المغرب"
    assert next(c for c in mena if c["code"] == "MA")["name"] == "Maroc"
    assert all(c["region"] == "middle_east_north_africa" for c in mena)
    found = client.get("/api/v1/members?q=allemagne&lang=fr", headers=headers).json()
    assert [c["code"] for c in found] == ["DE"]


def test_unknown_or_non_member_country(client: TestClient, db: Database) -> None:
    headers = token_headers(db, "FR", ["members"])
    unknown = client.get("/api/v1/members/ZZ", headers=headers)
    assert unknown.status_code == 422 and "ZZ" in unknown.json()["detail"]
    assert client.get("/api/v1/members/TV", headers=headers).status_code == 404


def test_bureaus_include_gs_and_partner(client: TestClient, db: Database) -> None:
    headers = token_headers(db, "GS", ["members"])
    kinds = {b["code"]: b["kind"] for b in client.get("/api/v1/bureaus", headers=headers).json()}
    assert kinds["GS"] == "gs" and kinds["AFRIPOL"] == "partner" and kinds["FR"] == "ncb"


def test_members_page_filters_by_region(client: TestClient) -> None:
    login(client, "officer.fr")
    page = client.get("/members?region=europe&lang=es")
    assert page.status_code == 200
    assert "Alemania" in page.text and "Marruecos" not in page.text
    assert client.get("/members/DE").status_code == 200
