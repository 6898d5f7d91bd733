"""Explicit bad requests: each is refused with the right status as an RFC 9457 problem document,
and a refused write leaves everything already stored exactly as it was."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from ncbnet.assembly.models import AdmissionVote, AssemblySession
from ncbnet.core.audit import AuditEntry
from ncbnet.core.db import Database
from ncbnet.core.identity import ApiToken, User
from ncbnet.core.permissions import token_scopes
from tests.conftest import csrf_from, login, token_headers

PROBLEM = "application/problem+json"
MAX_BODY = 64_000  # the `settings` fixture's max_body_bytes


def assert_problem(
    response: httpx.Response, status: int, *, detail_has: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The response is problem+json with this status, a title, and a detail that names each of
    ``detail_has`` (case-insensitive)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].split(";")[0] == PROBLEM, response.headers
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    for needle in detail_has:
        assert needle.lower() in body["detail"].lower(), body
    return body


def snapshot(db: Database) -> dict[str, Any]:
    """Everything a refused write could have touched."""
    with db.read() as session:

        def count(model: Any) -> int:
            return int(session.execute(select(func.count()).select_from(model)).scalar_one())

        users = session.execute(
            select(User.username, User.bureau, User.role, User.active, User.password_hash)
        )
        tokens = session.execute(select(ApiToken.id, ApiToken.revoked_at))
        return {
            "users": sorted(tuple(row) for row in users),
            "tokens": sorted(tuple(row) for row in tokens),
            "audit": count(AuditEntry),
            "assembly_sessions": count(AssemblySession),
            "votes": count(AdmissionVote),
        }


@contextmanager
def unchanged(db: Database) -> Iterator[None]:
    """Asserts that nothing stored changed inside the block. Enter it after authenticating: a
    login and a token's first use are audited, and that is expected."""
    before = snapshot(db)
    yield
    assert snapshot(db) == before


def browser_login(client: TestClient, username: str = "admin.gs") -> dict[str, str]:
    """Logs the client in as a browser user; returns the CSRF header unsafe API calls need."""
    login(client, username)
    return {"X-CSRF-Token": csrf_from(client.get("/").text)}


def used_token(client: TestClient, db: Database, scopes: list[str]) -> dict[str, str]:
    """Bearer headers for a GS token whose (audited) first use has already happened."""
    headers = token_headers(db, "GS", scopes)
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    return headers


def new_user(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "username": "officer2.fr",
        "bureau": "FR",
        "role": "officer",
        "password": "Correct-Horse-Battery-9",
    }
    return {**data, **overrides}


# --- malformed and mistyped bodies ---------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b'{"username": "officer2.fr", "bureau": ',  # truncated
        b"{'username': 'officer2.fr'}",  # single quotes
        b'{"username": "officer2.fr",}',  # trailing comma
        b"\xff\xfe not utf-8",
    ],
    ids=["truncated", "single-quotes", "trailing-comma", "not-utf8"],
)
def test_malformed_json_is_400(client: TestClient, db: Database, raw: bytes) -> None:
    csrf = browser_login(client)
    with unchanged(db):
        response = client.post(
            "/api/v1/users",
            content=raw,
            headers={**csrf, "Content-Type": "application/json"},
        )
    body = assert_problem(response, 400)
    assert body["title"] == "Malformed request body"


def test_valid_json_of_the_wrong_shape_is_422(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    with unchanged(db):
        response = client.post("/api/v1/users", json=["officer2.fr", "FR"], headers=csrf)
    assert_problem(response, 422)


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"username": 42}, "username"),
        ({"role": "chief"}, "role"),
        ({"bureau": ["FR"]}, "bureau"),
        ({"password": None}, "password"),
        ({"language": "de"}, "language"),
        ({"admin": True}, "admin"),  # extra fields are forbidden, not silently dropped
    ],
)
def test_wrong_type_in_body_is_422_naming_the_field(
    client: TestClient, db: Database, overrides: dict[str, Any], field: str
) -> None:
    csrf = browser_login(client)
    with unchanged(db):
        response = client.post("/api/v1/users", json=new_user(**overrides), headers=csrf)
    body = assert_problem(response, 422, detail_has=(field,))
    assert body["title"] == "Invalid input"
    assert any(error["loc"][-1] == field for error in body["errors"]), body["errors"]


def test_missing_required_field_is_422_naming_it(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    data = new_user()
    del data["role"]
    with unchanged(db):
        response = client.post("/api/v1/users", json=data, headers=csrf)
    assert_problem(response, 422, detail_has=("role",))


def test_wrong_types_for_an_assembly_session_are_422(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    data = {"number": "ninety-four", "city": "Lyon", "opens_on": "tomorrow", "closes_on": 7}
    with unchanged(db):
        response = client.post("/api/v1/assembly/sessions", json=data, headers=csrf)
    assert_problem(response, 422, detail_has=("number", "opens_on", "closes_on"))


def test_dates_in_the_wrong_order_are_422(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    data = {"number": 94, "city": "Lyon", "opens_on": "2026-11-05", "closes_on": "2026-11-01"}
    with unchanged(db):
        response = client.post("/api/v1/assembly/sessions", json=data, headers=csrf)
    assert_problem(response, 422, detail_has=("closes_on is before opens_on",))


@pytest.mark.parametrize(
    "url, field",
    [
        ("/api/v1/audit?limit=abc", "limit"),
        ("/api/v1/audit?limit=0", "limit"),
        ("/api/v1/audit?limit=1001", "limit"),
        ("/api/v1/audit?before=-1", "before"),
        ("/api/v1/members?region=atlantis", "region"),
        ("/api/v1/members?lang=xx", "lang"),
        ("/api/v1/assembly/votes/short", "vote_id"),
    ],
)
def test_wrong_query_and_path_values_are_422_naming_them(
    client: TestClient, url: str, field: str
) -> None:
    browser_login(client)
    assert_problem(client.get(url), 422, detail_has=(field,))


def test_token_expiry_without_timezone_is_422(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    data = {"name": "cdg", "bureau": "FR", "scopes": ["members"], "expires_at": "2030-01-01T00:00"}
    with unchanged(db):
        response = client.post("/api/v1/tokens", json=data, headers=csrf)
    assert_problem(response, 422, detail_has=("timezone",))


def test_unknown_scope_is_422(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    data = {"name": "cdg", "bureau": "FR", "scopes": ["everything"]}
    with unchanged(db):
        response = client.post("/api/v1/tokens", json=data, headers=csrf)
    assert_problem(response, 422, detail_has=("everything",))


# --- unknown countries and bureaus ---------------------------------------------------------


def test_user_for_an_unknown_bureau_is_refused(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    with unchanged(db):
        response = client.post("/api/v1/users", json=new_user(bureau="ZZ"), headers=csrf)
    assert_problem(response, 422, detail_has=("unknown bureau ZZ",))


def test_token_for_an_unknown_bureau_is_refused(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    data = {"name": "ghost", "bureau": "ZZ", "scopes": ["members"]}
    with unchanged(db):
        response = client.post("/api/v1/tokens", json=data, headers=csrf)
    assert_problem(response, 422, detail_has=("unknown bureau ZZ",))


@pytest.mark.parametrize(
    "code, status, needle",
    [
        ("ZZ", 422, "unknown country code"),  # not ISO 3166-1 at all
        ("ZZZ", 422, "unknown country code"),
        ("A", 422, "unknown country code"),
        ("AQ", 404, "not a member country"),  # ISO (Antarctica), but not a member
    ],
)
def test_unknown_member_code(
    client: TestClient, db: Database, code: str, status: int, needle: str
) -> None:
    headers = used_token(client, db, ["members"])
    body = assert_problem(
        client.get(f"/api/v1/members/{code}", headers=headers), status, detail_has=(needle,)
    )
    assert code in body["detail"]


def test_known_member_still_answers(client: TestClient, db: Database) -> None:
    headers = used_token(client, db, ["members"])
    response = client.get("/api/v1/members/fra", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["code"] == "FR"


def test_vote_for_an_unknown_candidate_is_422(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    session = client.post(
        "/api/v1/assembly/sessions",
        json={"number": 94, "city": "Lyon", "opens_on": "2026-11-01", "closes_on": "2026-11-05"},
        headers=csrf,
    )
    assert session.status_code == 201, session.text
    data = {"session_id": session.json()["id"], "candidate": "ZZ", "region": "europe"}
    with unchanged(db):
        response = client.post("/api/v1/assembly/votes", json=data, headers=csrf)
    assert_problem(response, 422, detail_has=("ZZ",))


# --- body size -----------------------------------------------------------------------------


def _oversize_user() -> dict[str, Any]:
    return new_user(full_name="x" * (MAX_BODY + 1))


def test_oversize_body_with_content_length_is_413(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    with unchanged(db):
        response = client.post("/api/v1/users", json=_oversize_user(), headers=csrf)
    body = assert_problem(response, 413, detail_has=(str(MAX_BODY),))
    assert body["title"] == "Payload too large"


def test_oversize_body_is_refused_before_authentication(client: TestClient, db: Database) -> None:
    with unchanged(db):
        response = client.post("/api/v1/users", json=_oversize_user())
    assert_problem(response, 413)


def test_body_at_the_limit_is_not_refused_for_its_size(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    payload = json.dumps(new_user(full_name="x")).encode()
    padded = payload[:-1] + b" " * (MAX_BODY - len(payload)) + b"}"
    assert len(padded) == MAX_BODY
    response = client.post(
        "/api/v1/users", content=padded, headers={**csrf, "Content-Type": "application/json"}
    )
    assert response.status_code == 201, response.text


def test_oversize_chunked_body_without_content_length_is_413(
    client: TestClient, db: Database
) -> None:
    csrf = browser_login(client)
    payload = json.dumps(_oversize_user()).encode()

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(payload), 8192):
            yield payload[start : start + 8192]

    with unchanged(db):
        response = client.post(
            "/api/v1/users",
            content=chunks(),
            headers={**csrf, "Content-Type": "application/json"},
        )
    assert "content-length" not in response.request.headers
    assert_problem(response, 413)


# --- authentication and rights -------------------------------------------------------------


@pytest.mark.parametrize(
    "method, url",
    [
        ("GET", "/api/v1/me"),
        ("GET", "/api/v1/members"),
        ("GET", "/api/v1/users"),
        ("GET", "/api/v1/audit"),
        ("POST", "/api/v1/audit/verify"),
        ("POST", "/api/v1/assembly/sessions"),
    ],
)
def test_unauthenticated_is_401(client: TestClient, db: Database, method: str, url: str) -> None:
    with unchanged(db):
        response = client.request(method, url, json={} if method == "POST" else None)
    assert_problem(response, 401)


def test_unauthenticated_create_user_is_401_and_creates_nothing(
    client: TestClient, db: Database
) -> None:
    with unchanged(db):
        response = client.post("/api/v1/users", json=new_user())
    assert_problem(response, 401, detail_has=("token",))


@pytest.mark.parametrize(
    "authorization, needle",
    [
        ("Bearer not-a-real-token", "invalid"),
        ("Bearer ", "Bearer <token>"),
        ("Basic YWRtaW4uZ3M6ZGVtbw==", "Bearer <token>"),
        ("not-even-a-scheme", "Bearer <token>"),
    ],
)
def test_bad_bearer_token_is_401(
    client: TestClient, db: Database, authorization: str, needle: str
) -> None:
    with unchanged(db):
        response = client.get("/api/v1/members", headers={"Authorization": authorization})
        assert_problem(response, 401, detail_has=(needle,))
        response = client.post(
            "/api/v1/users", json=new_user(), headers={"Authorization": authorization}
        )
        assert_problem(response, 401)


def test_revoked_token_is_401(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    created = client.post(
        "/api/v1/tokens", json={"name": "cdg", "bureau": "FR", "scopes": ["members"]}, headers=csrf
    )
    assert created.status_code == 201, created.text
    bearer = {"Authorization": f"Bearer {created.json()['token']}"}
    assert client.get("/api/v1/members/FR", headers=bearer).status_code == 200
    revoked = client.post(f"/api/v1/tokens/{created.json()['id']}/revoke", headers=csrf)
    assert revoked.status_code == 200, revoked.text
    client.cookies.clear()  # from here on the token alone speaks
    with unchanged(db):
        response = client.get("/api/v1/members/FR", headers=bearer)
    assert_problem(response, 401, detail_has=("revoked",))


def test_token_without_the_scope_is_403(client: TestClient, db: Database) -> None:
    headers = used_token(client, db, ["members"])
    with unchanged(db):
        response = client.get("/api/v1/assembly/sessions", headers=headers)
    assert_problem(response, 403, detail_has=("assembly.view",))


def test_token_with_every_scope_still_cannot_manage_users(client: TestClient, db: Database) -> None:
    headers = used_token(client, db, token_scopes())
    with unchanged(db):
        assert_problem(client.post("/api/v1/users", json=new_user(), headers=headers), 403)
        assert_problem(client.post("/api/v1/users/officer.fr/disable", headers=headers), 403)
        assert_problem(client.get("/api/v1/audit", headers=headers), 403)


def test_officer_cannot_create_users(client: TestClient, db: Database) -> None:
    csrf = browser_login(client, "officer.fr")
    with unchanged(db):
        response = client.post("/api/v1/users", json=new_user(), headers=csrf)
    assert_problem(response, 403)


def test_supervisor_cannot_manage_another_bureau(client: TestClient, db: Database) -> None:
    csrf = browser_login(client, "supervisor.fr")
    with unchanged(db):
        created = client.post("/api/v1/users", json=new_user(bureau="DE"), headers=csrf)
        disabled = client.post("/api/v1/users/officer.de/disable", headers=csrf)
    assert_problem(created, 403, detail_has=("own bureau",))
    assert_problem(disabled, 403, detail_has=("own bureau",))


def test_supervisor_cannot_create_an_admin(client: TestClient, db: Database) -> None:
    csrf = browser_login(client, "supervisor.fr")
    with unchanged(db):
        at_home = client.post("/api/v1/users", json=new_user(role="admin"), headers=csrf)
        at_gs = client.post("/api/v1/users", json=new_user(role="admin", bureau="GS"), headers=csrf)
    assert_problem(at_home, 422, detail_has=("General Secretariat",))
    assert_problem(at_gs, 403, detail_has=("own bureau",))


def test_officer_cannot_read_the_audit_log(client: TestClient, db: Database) -> None:
    browser_login(client, "officer.fr")
    with unchanged(db):
        assert_problem(client.get("/api/v1/audit"), 403, detail_has=("audit.view",))


def test_session_write_without_csrf_header_is_403(client: TestClient, db: Database) -> None:
    browser_login(client)
    with unchanged(db):
        missing = client.post("/api/v1/users", json=new_user())
        forged = client.post("/api/v1/users", json=new_user(), headers={"X-CSRF-Token": "0" * 64})
    assert_problem(missing, 403)
    assert_problem(forged, 403)


def test_duplicate_username_is_409_and_changes_nothing(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    with unchanged(db):
        response = client.post("/api/v1/users", json=new_user(username="officer.fr"), headers=csrf)
    assert_problem(response, 409, detail_has=("officer.fr",))


# --- routes --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/v1/nope", "/api/v1/members/FR/extra", "/api/v2/members"])
def test_unknown_route_is_404_problem(client: TestClient, url: str) -> None:
    assert_problem(client.get(url), 404)


def test_unknown_route_is_404_even_when_authenticated(client: TestClient, db: Database) -> None:
    headers = used_token(client, db, token_scopes())
    assert_problem(client.get("/api/v1/nope", headers=headers), 404)


def test_wrong_method_is_405_problem(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    with unchanged(db):
        assert_problem(client.delete("/api/v1/users", headers=csrf), 405)
        assert_problem(client.put("/api/v1/members/FR", json={}, headers=csrf), 405)


def test_unknown_records_are_404(client: TestClient, db: Database) -> None:
    csrf = browser_login(client)
    with unchanged(db):
        assert_problem(client.post("/api/v1/users/nobody.xx/disable", headers=csrf), 404)
        assert_problem(client.post("/api/v1/tokens/" + "0" * 26 + "/revoke", headers=csrf), 404)
        assert_problem(client.get("/api/v1/assembly/votes/" + "0" * 26), 404)


def test_ballot_on_an_unknown_vote_is_404(client: TestClient, db: Database) -> None:
    csrf = browser_login(client, "supervisor.fr")
    with unchanged(db):
        response = client.post(
            "/api/v1/assembly/votes/" + "0" * 26 + "/ballots", json={"choice": "yes"}, headers=csrf
        )
    assert_problem(response, 404)


# --- inputs the fuzzer once turned into server errors ----------------------------------------


def _server_error_client(app: FastAPI) -> TestClient:
    """A client that sees the 500 a real caller gets instead of the re-raised exception."""
    return TestClient(app, base_url="http://testserver", raise_server_exceptions=False)


def test_audit_before_beyond_the_integer_range_is_not_a_server_error(
    app: FastAPI, db: Database, request: pytest.FixtureRequest
) -> None:
    too_big = 2**63
    with _server_error_client(app) as client:
        browser_login(client)
        response = client.get(f"/api/v1/audit?before={too_big}")
    assert response.status_code < 500, response.text


def test_nul_byte_in_a_parameter_is_not_a_server_error(
    app: FastAPI, db: Database, request: pytest.FixtureRequest
) -> None:
    with _server_error_client(app) as client:
        csrf = browser_login(client)
        responses = [
            client.get("/api/v1/users?bureau=F%00"),
            client.get("/api/v1/members/F%00"),
            client.post("/api/v1/users/officer%00/disable", headers=csrf),
            client.post("/api/v1/users", json=new_user(username="a\x00bc"), headers=csrf),
            client.post("/api/v1/users", json=new_user(full_name="a\x00b"), headers=csrf),
        ]
    for response in responses:
        assert response.status_code < 500, (response.request.url, response.text)
