"""Property-based fuzzing of the whole public API from its own OpenAPI schema (schemathesis).

Every operation of ``/api/v1/openapi.json`` is driven in-process against the ASGI app with
schema-conforming (positive) and schema-violating (negative) requests, as three callers: an API
token of the General Secretariat holding every scope, the GS admin logged in through the browser
(session cookie + ``X-CSRF-Token``), and nobody. Whatever is sent, the API must answer without a
server error, and every client error must be an RFC 9457 problem document.

How this fits the fixtures: ``app``/``db`` are function-scoped (a fresh database per test and
backend), so the hypothesis-driven function is built *inside* the pytest test, from that test's
``app``. All examples of one test therefore share one database on purpose: state the fuzzer
creates (users, tokens, sessions, votes) stays, and later examples run against it. Because the
``@given`` function is not itself a pytest item, hypothesis's ``function_scoped_fixture`` health
check does not apply and nothing needs suppressing for it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import APIOperation, Case, GenerationMode

from ncbnet.core.db import Database
from ncbnet.core.permissions import token_scopes
from ncbnet.web.deps import SESSION_COOKIE
from ncbnet.web.middleware import CSRF_COOKIE
from tests.conftest import csrf_from, login, token_headers

SCHEMA_PATH = "/api/v1/openapi.json"
PROBLEM = "application/problem+json"
# Examples per operation and generation mode. Anonymous calls all end at the same 401, so they
# need fewer; the two authenticated callers reach the services and get the larger budget.
EXAMPLES = {"token": 15, "session": 15, "anonymous": 5}


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
    call: Callable[[Case], schemathesis.Response],
) -> None:
    @settings(
        max_examples=max_examples,
        deadline=None,  # in-process requests on a fresh database vary too much for a deadline
        database=None,  # no .hypothesis/ directory written outside tests/; failures print a blob
        print_blob=True,
        # Generating request data from JSON Schema is slower than hypothesis's heuristic expects
        # for a handful of examples; this is about generation cost, not the system under test.
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Case) -> None:
        check_response(case, call(case))

    run()


def modes_for(operation: APIOperation) -> list[GenerationMode]:
    """Negative data needs something to break: operations without any input get only positive."""
    if any(True for _ in operation.iter_parameters()) or operation.body:
        return [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    return [GenerationMode.POSITIVE]


def caller_headers(identity: str, app: FastAPI, db: Database) -> dict[str, str]:
    if identity == "token":
        return token_headers(db, "GS", token_scopes())
    if identity == "session":
        with TestClient(app, base_url="http://testserver") as browser:
            login(browser, "admin.gs")
            csrf = csrf_from(browser.get("/").text)
            cookies = {name: browser.cookies[name] for name in (SESSION_COOKIE, CSRF_COOKIE)}
        cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
        return {"Cookie": cookie, "X-CSRF-Token": csrf}
    return {}


@pytest.mark.parametrize("identity", sorted(EXAMPLES))
def test_every_operation_answers_without_server_error(
    app: FastAPI, db: Database, identity: str
) -> None:
    schema = schemathesis.openapi.from_asgi(SCHEMA_PATH, app, config=schemathesis.Config())
    headers = caller_headers(identity, app, db)

    def call(case: Case) -> schemathesis.Response:
        return case.call(headers=headers)

    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20, [op.label for op in operations]
    failures: list[str] = []
    for operation in operations:
        for mode in modes_for(operation):
            try:
                fuzz_operation(operation, mode, EXAMPLES[identity], call)
            except Exception as exc:  # collect, so one run reports every broken operation
                failures.append(f"{operation.label} [{mode}]: {type(exc).__name__}: {exc}")
    assert not failures, "\n\n".join(failures)
