from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from ncbnet.core.audit import AuditEntry
from ncbnet.core.db import Database
from tests.conftest import csrf_from, login


def _events(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.execute(select(AuditEntry.event).order_by(AuditEntry.seq)).scalars())


def _try(client: TestClient, username: str, password: str) -> int:
    page = client.get("/login")
    response = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": csrf_from(page.text)},
        follow_redirects=False,
    )
    return response.status_code


def test_login_shows_the_bureau_dashboard_and_logout_ends_the_session(
    client: TestClient, db: Database
) -> None:
    assert client.get("/", follow_redirects=False).headers["location"].startswith("/login")
    login(client, "supervisor.fr")
    home = client.get("/")
    assert home.status_code == 200
    assert "supervisor.fr" in home.text and "/assembly" in home.text
    cookie = client.cookies.get("ncbnet_session")
    client.post("/logout", data={"csrf_token": csrf_from(home.text)})
    assert client.get("/", follow_redirects=False).status_code == 303
    client.cookies.set("ncbnet_session", cookie or "")  # a replayed cookie is dead too
    assert client.get("/", follow_redirects=False).status_code == 303
    assert {"auth.login", "auth.logout"} <= set(_events(db))


def test_wrong_password_then_lockout(client: TestClient, db: Database) -> None:
    # The test settings lock after 3 failures.
    assert [_try(client, "officer.fr", "nope") for _ in range(3)] == [401, 401, 401]
    assert _try(client, "officer.fr", "demo") == 401  # locked, even with the right password
    events = _events(db)
    assert events.count("auth.login_failed") >= 4 and "auth.account_locked" in events
    page = client.get("/login")
    response = client.post(
        "/login",
        data={"username": "officer.fr", "password": "demo", "csrf_token": csrf_from(page.text)},
    )
    assert "locked" in response.text


def test_unknown_user_gets_the_same_answer(client: TestClient) -> None:
    assert _try(client, "nobody.xx", "demo") == 401


def test_login_form_without_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/login")
    response = client.post(
        "/login", data={"username": "officer.fr", "password": "demo", "csrf_token": "forged"}
    )
    assert response.status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 303


def test_open_redirect_is_refused(client: TestClient) -> None:
    page = client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": "officer.fr",
            "password": "demo",
            "csrf_token": csrf_from(page.text),
            "next": "//evil.example/x",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_language_follows_query_cookie_then_accept_language(client: TestClient) -> None:
    assert 'lang="fr"' in client.get("/login", headers={"Accept-Language": "fr-CA,fr;q=0.9"}).text
    assert 'lang="ar" dir="rtl"' in client.get("/login?lang=ar").text
    client.cookies.clear()
    client.cookies.set("lang", "es")
    assert 'lang="es" dir="ltr"' in client.get("/login", headers={"Accept-Language": "fr"}).text


def test_language_choice_persists_for_the_user(client: TestClient) -> None:
    login(client, "officer.ma")
    client.get("/lang/ar?next=/")
    client.cookies.clear()
    login(client, "officer.ma")
    client.cookies.delete("lang")
    assert 'dir="rtl"' in client.get("/").text
