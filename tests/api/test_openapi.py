"""The OpenAPI document is served and describes the whole public API."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

SCHEMA = "/api/v1/openapi.json"
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
EXPECTED_PATHS = {
    # members
    "/api/v1/members",
    "/api/v1/members/{code}",
    "/api/v1/bureaus",
    # accounts
    "/api/v1/me",
    "/api/v1/users",
    "/api/v1/users/{ref}/disable",
    "/api/v1/users/{ref}/enable",
    "/api/v1/tokens",
    "/api/v1/tokens/{token_id}/revoke",
    # assembly
    "/api/v1/assembly/sessions",
    "/api/v1/assembly/votes",
    "/api/v1/assembly/votes/{vote_id}",
    "/api/v1/assembly/votes/{vote_id}/ballots",
    "/api/v1/assembly/votes/{vote_id}/close",
    # audit
    "/api/v1/audit",
    "/api/v1/audit/verify",
}


@pytest.fixture
def spec(client: TestClient) -> dict[str, Any]:
    response = client.get(SCHEMA)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    document: dict[str, Any] = response.json()
    return document


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    ]


def test_schema_is_served_without_authentication(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] == "ncbnet"
    assert spec["info"]["version"]


def test_schema_lists_the_members_accounts_assembly_and_audit_paths(
    spec: dict[str, Any],
) -> None:
    missing = EXPECTED_PATHS - set(spec["paths"])
    assert not missing, f"not in the OpenAPI document: {sorted(missing)}"


def test_only_api_paths_are_documented(spec: dict[str, Any]) -> None:
    """The web pages (login, forms, static files) are not part of the API contract."""
    stray = [path for path in spec["paths"] if not path.startswith("/api/v1/")]
    assert not stray, stray


def test_every_operation_has_a_tag(spec: dict[str, Any]) -> None:
    untagged = [f"{m} {p}" for m, p, op in operations(spec) if not op.get("tags")]
    assert not untagged, f"operations without a tag: {untagged}"


def test_tags_group_the_capabilities(spec: dict[str, Any]) -> None:
    tags = {tag for _, _, op in operations(spec) for tag in op["tags"]}
    assert {"members", "accounts", "assembly", "audit"} <= tags
    by_prefix = {"/api/v1/assembly/": "assembly", "/api/v1/audit": "audit"}
    for method, path, op in operations(spec):
        for prefix, tag in by_prefix.items():
            if path.startswith(prefix):
                assert tag in op["tags"], f"{method} {path}: {op['tags']}"


def test_operation_ids_are_unique(spec: dict[str, Any]) -> None:
    ids = [op.get("operationId") for _, _, op in operations(spec)]
    assert all(ids), ids
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_docs_page_is_served(client: TestClient) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert SCHEMA in response.text
