"""Shared fixtures. How to use them:

- Every test that asks for ``db``, ``app`` or ``client`` runs twice: on SQLite and on
  PostgreSQL (``NCBNET_TEST_BACKENDS=sqlite`` limits it; CI runs both). Each test gets its own
  fresh database, copied from a migrated template, so nothing leaks between tests.
- The template holds the member roster (195 countries + GS + AFRIPOL) and the users named in
  ``USERS`` below, all with password ``demo``.
- ``client`` is a TestClient on the app; ``login(client, "supervisor.fr")`` logs it in through
  the real form. ``token_headers(db, "FR", ["members"])`` gives bearer headers for API calls.
- ``caller_for(db, "admin.gs")`` gives the Caller a service function expects.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select, text

from ncbnet.app import create_app
from ncbnet.core import identity, members, migrate
from ncbnet.core.db import Database
from ncbnet.core.identity import User
from ncbnet.core.permissions import Caller, Role, system_caller
from ncbnet.core.settings import Settings

PG_ADMIN_URL = os.environ.get(
    "NCBNET_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BACKENDS = [b for b in os.environ.get("NCBNET_TEST_BACKENDS", "sqlite,postgresql").split(",") if b]
SECRET = "test-secret-key-that-is-long-enough-0123456789"
USERS = [
    ("officer.fr", "FR", Role.OFFICER),
    ("supervisor.fr", "FR", Role.SUPERVISOR),
    ("border.fr", "FR", Role.BORDER),
    ("analyst.fr", "FR", Role.ANALYST),
    ("officer.ma", "MA", Role.OFFICER),
    ("supervisor.ma", "MA", Role.SUPERVISOR),
    ("supervisor.de", "DE", Role.SUPERVISOR),
    ("officer.de", "DE", Role.OFFICER),
    ("reviewer.gs", "GS", Role.REVIEWER),
    ("admin.gs", "GS", Role.ADMIN),
    ("officer.afripol", "AFRIPOL", Role.OFFICER),
]


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing() -> Iterator[None]:
    """Cheap argon2 parameters: the tests check behaviour, not the cost of brute force."""
    original = identity._hasher
    identity._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    identity._hasher = original


def _seed_template(url: str) -> None:
    migrate.upgrade(url)
    database = Database(url)
    with database.write() as session:
        members.load_roster(session, system_caller())
        members.add_partner(session, system_caller(), "AFRIPOL", "AFRIPOL")
        for username, bureau, role in USERS:
            identity.create_user(
                session,
                system_caller(),
                username=username,
                bureau=bureau,
                role=role,
                password="demo",
                demo_mode=True,
            )
    database.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    _seed_template(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    name = f"ncbnet_tpl_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    _seed_template(_pg_url(name))
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _pg_url(name: str) -> str:
    return re.sub(r"/[^/]*$", f"/{name}", PG_ADMIN_URL)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "ncbnet.db"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    template_name: str = request.getfixturevalue("pg_template")
    name = f"ncbnet_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"'))
    try:
        yield _pg_url(name)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path,
        database_url=db_url,
        secret_key=SECRET,
        lockout_threshold=3,
        max_body_bytes=64_000,
    )


@pytest.fixture
def app(settings: Settings, db: Database) -> FastAPI:
    return create_app(settings, db)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client


CSRF_RE = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def csrf_from(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


def login(client: TestClient, username: str, password: str = "demo") -> None:
    page = client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "csrf_token": csrf_from(page.text),
            "next": "/",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def api_csrf(client: TestClient) -> dict[str, str]:
    """The header a logged-in browser sends with unsafe API calls (as HTMX does)."""
    return {"X-CSRF-Token": csrf_from(client.get("/").text)}


def token_headers(db: Database, bureau: str, scopes: list[str]) -> dict[str, str]:
    with db.write() as session:
        _, secret = identity.create_token(
            session, system_caller(), name="test", bureau=bureau, scopes=scopes
        )
    return {"Authorization": f"Bearer {secret}"}


def caller_for(db: Database, username: str) -> Caller:
    with db.read() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one()
        kind = members.bureau_kind(session, user.bureau)
        return identity.caller_for_user(user, kind=kind, via="web", remote=None)
