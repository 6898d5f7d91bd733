from __future__ import annotations

import hashlib

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from typer.testing import CliRunner

from ncbnet.cli import app as cli
from ncbnet.core.db import Database
from ncbnet.core.identity import ApiToken, User
from tests.conftest import api_csrf, csrf_from, login, token_headers

STRONG = "Correct-Horse-Battery-9"


def test_supervisor_manages_own_bureau_only(client: TestClient, db: Database) -> None:
    login(client, "supervisor.fr")
    headers = api_csrf(client)
    created = client.post(
        "/api/v1/users",
        headers=headers,
        json={"username": "officer2.fr", "bureau": "FR", "role": "officer", "password": STRONG},
    )
    assert created.status_code == 201, created.text
    other = client.post(
        "/api/v1/users",
        headers=headers,
        json={"username": "officer2.de", "bureau": "DE", "role": "officer", "password": STRONG},
    )
    assert other.status_code == 403
    admin = client.post(
        "/api/v1/users",
        headers=headers,
        json={"username": "admin2.fr", "bureau": "FR", "role": "admin", "password": STRONG},
    )
    assert admin.status_code == 422  # admins exist only at the GS
    names = {u["username"] for u in client.get("/api/v1/users").json()}
    assert "officer2.fr" in names and "officer.de" not in names


def test_weak_passwords_refused_outside_demo_mode(client: TestClient) -> None:
    login(client, "admin.gs")
    headers = api_csrf(client)
    for password in ("demo", "short", "password123", "officer3.fr-is-long"):
        response = client.post(
            "/api/v1/users",
            headers=headers,
            json={
                "username": "officer3.fr",
                "bureau": "FR",
                "role": "officer",
                "password": password,
            },
        )
        assert response.status_code == 422, password
        assert "password" in response.json()["detail"]


def test_disabled_user_is_logged_out_and_cannot_log_in(client: TestClient, db: Database) -> None:
    officer = TestClient(client.app)
    login(officer, "officer.fr")
    assert officer.get("/").status_code == 200
    login(client, "supervisor.fr")
    response = client.post("/api/v1/users/officer.fr/disable", headers=api_csrf(client))
    assert response.status_code == 200 and response.json()["active"] is False
    assert officer.get("/", follow_redirects=False).status_code == 303


def test_api_unsafe_method_with_cookie_needs_csrf_header(client: TestClient) -> None:
    login(client, "supervisor.fr")
    response = client.post("/api/v1/users/officer.fr/disable")
    assert response.status_code == 403


def test_token_is_shown_once_stored_hashed_scoped_and_revocable(
    client: TestClient, db: Database
) -> None:
    login(client, "supervisor.ma")
    created = client.post(
        "/api/v1/tokens",
        headers=api_csrf(client),
        json={"name": "Casablanca airport", "bureau": "MA", "scopes": ["members"]},
    )
    assert created.status_code == 201, created.text
    secret = created.json()["token"]
    with db.read() as session:
        stored = session.get(ApiToken, created.json()["id"])
        assert stored is not None
        raw = secret.split("_", 2)[2]  # ncb_<id>_<secret>; the secret may itself contain "_"
        assert stored.secret_hash == hashlib.sha256(raw.encode()).hexdigest()
        assert raw not in (stored.secret_hash, stored.name, stored.scopes)
    listed = client.get("/api/v1/tokens").json()
    assert all("token" not in t for t in listed)

    api = TestClient(client.app)
    bearer = {"Authorization": f"Bearer {secret}"}
    me = api.get("/api/v1/me", headers=bearer).json()
    assert me["bureau"] == "MA" and me["scopes"] == ["members"]
    assert api.get("/api/v1/members", headers=bearer).status_code == 200
    assert api.get("/api/v1/users", headers=bearer).status_code == 403  # no such scope
    other = token_headers(db, "FR", ["members"])
    assert api.get("/api/v1/me", headers=other).json()["bureau"] == "FR"

    revoked = client.post(f"/api/v1/tokens/{created.json()['id']}/revoke", headers=api_csrf(client))
    assert revoked.status_code == 200
    assert api.get("/api/v1/members", headers=bearer).status_code == 401


def test_unknown_scope_refused(client: TestClient) -> None:
    login(client, "admin.gs")
    response = client.post(
        "/api/v1/tokens",
        headers=api_csrf(client),
        json={"name": "x", "bureau": "FR", "scopes": ["everything"]},
    )
    assert response.status_code == 422 and "unknown scope" in response.json()["detail"]


def test_users_and_tokens_pages(client: TestClient, db: Database) -> None:
    login(client, "supervisor.de")
    page = client.get("/accounts/users")
    assert page.status_code == 200 and "officer.de" in page.text and "officer.fr" not in page.text
    response = client.post(
        "/accounts/users",
        data={
            "username": "border2.de",
            "full_name": "Lena Fischer",
            "bureau": "DE",
            "role": "border",
            "password": STRONG,
            "csrf_token": csrf_from(page.text),
        },
    )
    assert response.status_code == 200 and "border2.de" in response.text
    bad = client.post(
        "/accounts/users",
        data={
            "username": "x",
            "bureau": "DE",
            "role": "border",
            "password": STRONG,
            "csrf_token": csrf_from(page.text),
        },
    )
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    tokens = client.get("/accounts/tokens")
    made = client.post(
        "/accounts/tokens",
        data={
            "name": "Frankfurt airport",
            "bureau": "DE",
            "scopes": ["members"],
            "csrf_token": csrf_from(tokens.text),
        },
    )
    assert made.status_code == 201 and 'id="new-token"' in made.text
    assert client.get("/accounts/tokens").text.count('id="new-token"') == 0


def test_cli_users_and_tokens(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ncbnet.accounts.cli.cli_database", lambda: db)
    monkeypatch.setenv("NCBNET_SECRET_KEY", "x" * 40)
    runner = CliRunner()
    added = runner.invoke(
        cli,
        [
            "users",
            "add",
            "analyst2.ma",
            "--bureau",
            "MA",
            "--role",
            "analyst",
            "--password",
            STRONG,
        ],
    )
    assert added.exit_code == 0, added.output
    weak = runner.invoke(
        cli,
        [
            "users",
            "add",
            "analyst3.ma",
            "--bureau",
            "MA",
            "--role",
            "analyst",
            "--password",
            "demo",
        ],
    )
    assert weak.exit_code == 1 and "password" in weak.output
    unknown = runner.invoke(
        cli, ["users", "add", "x1.zz", "--bureau", "ZZ", "--role", "analyst", "--password", STRONG]
    )
    assert unknown.exit_code == 1 and "ZZ" in unknown.output
    assert "analyst2.ma" in runner.invoke(cli, ["users", "list", "--bureau", "MA"]).output
    assert runner.invoke(cli, ["users", "disable", "analyst2.ma"]).exit_code == 0
    token = runner.invoke(
        cli, ["tokens", "create", "--bureau", "MA", "--name", "border", "--scope", "members"]
    )
    assert token.exit_code == 0 and "secret (shown once): ncb_" in token.output
    token_id = token.output.split("token id: ")[1].split()[0]
    assert runner.invoke(cli, ["tokens", "revoke", token_id]).exit_code == 0
    assert runner.invoke(cli, ["tokens", "revoke", "nonexistent"]).exit_code == 1
    with db.read() as session:
        user = session.execute(select(User).where(User.username == "analyst2.ma")).scalar_one()
        assert user.active is False
        assert (
            session.execute(
                select(func.count()).select_from(ApiToken).where(ApiToken.revoked_at.is_not(None))
            ).scalar_one()
            == 1
        )
