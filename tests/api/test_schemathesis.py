"""Property-based fuzzing of the whole public API from its own OpenAPI schema (schemathesis).

Every operation of ``/api/v1/openapi.json`` is driven in-process against the ASGI app with
schema-conforming (positive) and schema-violating (negative) requests, as three callers: an API
token of the General Secretariat holding every scope, the GS admin logged in through the browser
(session cookie + ``X-CSRF-Token``, which reaches the admin-only operations a token cannot), and
nobody. Whatever is sent, the API must answer without a server error, and every client error must
be an RFC 9457 problem document.

How this fits the fixtures: ``app``/``db`` are function-scoped (a fresh database per test and
backend), so the hypothesis-driven function is built *inside* the pytest test, from that test's
``app``. All examples of one test deliberately share one database: what the fuzzer creates
(users, tokens, sessions, votes) stays, and later examples run against it. Because the ``@given``
function is not itself a pytest item, hypothesis's ``function_scoped_fixture`` health check does
not apply and nothing is suppressed for it.

``NCBNET_FUZZ_EXAMPLES=200 pytest tests/api/test_schemathesis.py`` runs a deeper search locally.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import given, settings
from schemathesis import APIOperation, Case, GenerationMode

from ncbnet.core.db import Database
from ncbnet.core.permissions import token_scopes
from ncbnet.web.deps import SESSION_COOKIE
from ncbnet.web.middleware import CSRF_COOKIE
from tests.conftest import csrf_from, login, token_headers

SCHEMA_PATH = "/api/v1/openapi.json"
PROBLEM = "application/problem+json"
# Examples per operation and generation mode. Anonymous calls all stop at the same 401, so they
# need fewer; the two authenticated callers reach the services and get the larger budget.
_SCALE = int(os.environ.get("NCBNET_FUZZ_EXAMPLES", "0"))
EXAMPLES = {
    "token": _SCALE or 15,
    "session": _SCALE or 20,
    "anonymous": max(_SCALE // 3, 5),
}


def check_response(case: Case, response: schemathesis.Response) -> None:
    """The contract for every answer: no 5xx; every 4xx a complete problem+json document."""
    where = f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:500]}"
    assert response.status_code < 500, where
    if 400 <= response.status_code < 500:
        content_type = (response.headers.get("content-type") or [""])[0]
        assert content_type.split(";")[0].strip() == PROBLEM, where
        body = response.json()
        assert isinstance(body, dict), where
        assert isinstance(body.get("title"), str) and body["title"], where
        assert body.get("status") == response.status_code, where
        assert isinstance(body.get("detail"), str) and body["detail"], where


def fuzz_operation(
    operation: APIOperation,
    mode: GenerationMode,
    max_examples: int,
    send: Callable[[Case], None],
) -> None:
    @settings(
        max_examples=max_examples,
        deadline=None,  # in-process requests on a fresh database vary too much for a deadline
        database=None,  # writes no .hypothesis/ directory; a failure prints its reproduction blob
        print_blob=True,
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Case) -> None:
        send(case)

    run()


def modes_for(operation: APIOperation) -> list[GenerationMode]:
    """Negative data needs an input to break: operations without any get only positive data."""
    if any(True for _ in operation.iter_parameters()) or operation.body:
        return [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    return [GenerationMode.POSITIVE]


def caller_headers(identity: str, app: FastAPI, db: Database) -> dict[str, str]:
    """Request headers that make the fuzzer's requests come from ``identity``; checked to work,
    so that a broken login cannot quietly turn the run into 401s/403s only."""
    with TestClient(app, base_url="http://testserver") as client:
        if identity == "token":
            headers = token_headers(db, "GS", token_scopes())
            me = client.get("/api/v1/me", headers=headers)
            assert me.status_code == 200 and me.json()["via"] == "api", me.text
            return headers
        if identity == "session":
            login(client, "admin.gs")
            csrf = csrf_from(client.get("/").text)
            cookies = {name: client.cookies[name] for name in (SESSION_COOKIE, CSRF_COOKIE)}
            cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
            headers = {"Cookie": cookie, "X-CSRF-Token": csrf}
            client.cookies.clear()
            verify = client.post("/api/v1/audit/verify", headers=headers)  # admin-only, unsafe
            assert verify.status_code == 200, verify.text
            return headers
        assert identity == "anonymous"
        assert client.get("/api/v1/me").status_code == 401
        return {}


@pytest.mark.parametrize("identity", ["token", "session", "anonymous"])
def test_every_operation_answers_without_server_error(
    app: FastAPI, db: Database, identity: str
) -> None:
    schema = schemathesis.openapi.from_asgi(SCHEMA_PATH, app, config=schemathesis.Config())
    headers = caller_headers(identity, app, db)

    def send(case: Case) -> None:
        try:
            response = case.call(headers=headers)
        except Exception as exc:
            # In-process, an unhandled exception propagates instead of becoming the 500 that a
            # real client would get: report it as that server error.
            raise AssertionError(
                f"{case.method} {case.formatted_path} -> 500 (unhandled {type(exc).__name__})"
            ) from exc
        check_response(case, response)

    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20, [op.label for op in operations]
    failures: list[str] = []
    for operation in operations:
        for mode in modes_for(operation):
            try:
                fuzz_operation(operation, mode, EXAMPLES[identity], send)
            except Exception as exc:  # collect, so that one run reports every broken operation
                cause = f"\n  caused by {type(exc.__cause__).__name__}: {exc.__cause__}"
                failures.append(
                    f"{operation.label} [{mode}]: {exc}" + (cause if exc.__cause__ else "")
                )
    assert not failures, "\n\n".join(failures)
