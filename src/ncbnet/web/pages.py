"""The web shell: login, logout, language, the bureau's home page and the health check."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from ncbnet.core import identity
from ncbnet.core.audit import AuditEntry
from ncbnet.core.errors import N_
from ncbnet.core.hits import hits_for_owner
from ncbnet.core.members import count_members, get_bureau
from ncbnet.core.permissions import Caller
from ncbnet.core.settings import LANGUAGES
from ncbnet.web.deps import (
    LANG_COOKIE,
    SESSION_COOKIE,
    CurrentCaller,
    DatabaseDep,
    OptionalCaller,
    SettingsDep,
    check_csrf,
    client_address,
)
from ncbnet.web.render import render

router = APIRouter(include_in_schema=False)

LOGIN_FAILURES = {
    "invalid": N_("Wrong username or password."),
    "disabled": N_("Wrong username or password."),
    "locked": N_("Too many failed attempts: this account is locked for a while."),
}


def _safe_next(target: str | None) -> str:
    """Only same-site paths, so the login form cannot be used as an open redirect."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.get("/healthz")
def healthz(db: DatabaseDep) -> JSONResponse:
    with db.read() as session:
        session.execute(select(1))
    return JSONResponse({"status": "ok"})


@router.get("/login")
def login_form(request: Request, caller: OptionalCaller, next: str | None = None) -> Response:
    if caller is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login")
def login_submit(
    request: Request,
    db: DatabaseDep,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=500)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=500)] = "/",
) -> Response:
    check_csrf(request, csrf_token)
    with db.write() as session:
        result = identity.login(
            session,
            username,
            password,
            remote=client_address(request),
            lockout_threshold=settings.lockout_threshold,
            lockout_minutes=settings.lockout_minutes,
            session_hours=settings.session_hours,
        )
    if result.user is None or result.session_token is None:
        message = LOGIN_FAILURES.get(result.failure or "invalid", LOGIN_FAILURES["invalid"])
        return render(
            request,
            "login.html",
            {"next": _safe_next(next), "error": message, "username": username},
            status=401,
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        result.session_token,
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
        max_age=settings.session_hours * 3600,
    )
    if result.user.language:
        response.set_cookie(
            LANG_COOKIE, result.user.language, samesite="lax", max_age=365 * 24 * 3600
        )
    return response


@router.post("/logout")
def logout(
    request: Request,
    db: DatabaseDep,
    caller: CurrentCaller,
    csrf_token: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    check_csrf(request, csrf_token)
    cookie = request.cookies.get(SESSION_COOKIE, "")
    with db.write() as session:
        identity.logout(session, caller, cookie)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/lang/{code}")
def switch_language(
    code: str, request: Request, db: DatabaseDep, caller: OptionalCaller, next: str | None = None
) -> Response:
    """A plain link (no side effect beyond the reader's own preference), so it needs no form."""
    target = _safe_next(next)
    if code not in LANGUAGES:
        return RedirectResponse(target, status_code=303)
    if caller is not None and caller.user_id is not None:
        with db.write() as session:
            identity.set_language(session, caller.user_id, code)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(LANG_COOKIE, code, samesite="lax", max_age=365 * 24 * 3600)
    return response


@router.get("/")
def dashboard(request: Request, db: DatabaseDep, caller: CurrentCaller) -> Response:
    cards = []
    with db.read() as session:
        bureau = get_bureau(session, caller.bureau)
        members = count_members(session)
        recent = _recent_activity(session, caller)
        hits = hits_for_owner(session, caller.bureau, limit=10)
        for cap in request.app.state.capabilities:
            if cap.dashboard is None:
                continue
            data = cap.dashboard(session, caller)
            if data is not None:
                cards.append((f"{cap.name}/dashboard.html", data))
    return render(
        request,
        "dashboard.html",
        {"bureau": bureau, "members": members, "recent": recent, "hits": hits, "cards": cards},
    )


def _recent_activity(session: Session, caller: Caller) -> list[AuditEntry]:
    query = (
        select(AuditEntry)
        .where(AuditEntry.bureau == caller.bureau)
        .order_by(AuditEntry.seq.desc())
        .limit(12)
    )
    return list(session.execute(query).scalars())
