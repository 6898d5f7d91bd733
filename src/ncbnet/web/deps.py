"""FastAPI dependencies shared by every capability: database, caller, CSRF, language."""

from __future__ import annotations

import hashlib
import hmac
from typing import Annotated

from fastapi import Depends, Request

from ncbnet.core.db import Database
from ncbnet.core.errors import N_, Forbidden, NotAuthenticated
from ncbnet.core.i18n import negotiate
from ncbnet.core.identity import (
    caller_for_token,
    caller_for_user,
    note_token_use,
    token_for_secret,
    token_use_due,
    user_for_session,
)
from ncbnet.core.members import bureau_kind
from ncbnet.core.permissions import Caller
from ncbnet.core.settings import Settings

SESSION_COOKIE = "ncbnet_session"
LANG_COOKIE = "lang"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


async def get_db(request: Request) -> Database:
    # async: a plain attribute read need not hop to the thread pool like sync dependencies do
    db: Database = request.app.state.db
    return db


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


DatabaseDep = Annotated[Database, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def csrf_token(request: Request) -> str:
    """The value forms and HTMX requests must send back: an HMAC of the browser's seed."""
    seed = request.scope.get("state", {}).get("csrf_seed", "")
    key = _settings(request).secret_key.encode()
    return hmac.new(key, f"csrf:{seed}".encode(), hashlib.sha256).hexdigest()


def check_csrf(request: Request, submitted: str | None) -> None:
    if not submitted or not hmac.compare_digest(submitted, csrf_token(request)):
        raise Forbidden(N_("the form has expired or did not come from this site; reload and retry"))


def resolve_caller(request: Request) -> Caller | None:
    """The caller behind a bearer token or a session cookie, or None when anonymous."""
    if "caller" in request.scope.get("state", {}):
        cached: Caller | None = request.state.caller
        return cached
    db = _db(request)
    remote = client_address(request)
    caller: Caller | None = None
    authorization = request.headers.get("authorization", "")
    if authorization:
        scheme, _, raw = authorization.partition(" ")
        if scheme.lower() != "bearer" or not raw.strip():
            raise NotAuthenticated(N_("use 'Authorization: Bearer <token>'"))
        with db.read() as session:
            token = token_for_secret(session, raw.strip())
            if token is None:
                raise NotAuthenticated(N_("invalid, expired or revoked token"))
            caller = caller_for_token(token, kind=bureau_kind(session, token.bureau), remote=remote)
            due = token_use_due(token)
        if due:
            with db.write() as session:
                note_token_use(session, token.id, caller)
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        if cookie:
            with db.read() as session:
                found = user_for_session(session, cookie)
            if found is not None:
                via = "api" if request.url.path.startswith("/api/") else "web"
                caller = caller_for_user(found[0], kind=found[1], via=via, remote=remote)
                request.state.user_language = found[0].language
                request.state.full_name = found[0].full_name
            if caller is not None and caller.via == "api" and request.method in UNSAFE_METHODS:
                check_csrf(request, request.headers.get("x-csrf-token"))
    request.state.caller = caller
    return caller


def optional_caller(request: Request) -> Caller | None:
    return resolve_caller(request)


def require_caller(request: Request) -> Caller:
    caller = resolve_caller(request)
    if caller is None:
        raise NotAuthenticated(N_("log in or send an API token"))
    return caller


OptionalCaller = Annotated[Caller | None, Depends(optional_caller)]
CurrentCaller = Annotated[Caller, Depends(require_caller)]


def request_language(request: Request) -> str:
    if "lang" in request.scope.get("state", {}):
        cached: str = request.state.lang
        return cached
    resolve_caller(request)
    lang = negotiate(
        query=request.query_params.get("lang"),
        user=getattr(request.state, "user_language", None),
        cookie=request.cookies.get(LANG_COOKIE),
        accept=request.headers.get("accept-language"),
        default=_settings(request).default_language,
    )
    request.state.lang = lang
    return lang


LanguageDep = Annotated[str, Depends(request_language)]
