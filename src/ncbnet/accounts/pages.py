from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ncbnet.accounts import service
from ncbnet.accounts.schemas import TokenCreate, TokenCreated, UserCreate
from ncbnet.core import identity
from ncbnet.core.errors import N_, Invalid, NcbnetError
from ncbnet.core.members import list_bureaus
from ncbnet.core.permissions import (
    GS_ONLY_ROLES,
    USERS_MANAGE_ALL,
    USERS_MANAGE_OWN,
    Caller,
    Role,
    token_scopes,
)
from ncbnet.web.deps import CurrentCaller, DatabaseDep, SettingsDep, check_csrf
from ncbnet.web.render import error_text, render, validation_error

router = APIRouter(prefix="/accounts", include_in_schema=False)
Text = Annotated[str, Form(max_length=500)]


def _bureau_choices(session: Session, caller: Caller) -> list[str]:
    if caller.can(USERS_MANAGE_ALL):
        return [b.code for b in list_bureaus(session)]
    return [caller.bureau]


def _roles_for(caller: Caller) -> list[Role]:
    if caller.can(USERS_MANAGE_ALL):
        return list(Role)
    return [r for r in Role if r not in GS_ONLY_ROLES]


@router.get("/users")
def users_page(request: Request, db: DatabaseDep, caller: CurrentCaller) -> Response:
    caller.require(USERS_MANAGE_OWN)
    with db.read() as session:
        users = identity.list_users(session, caller)
        bureaus = _bureau_choices(session, caller)
    return render(
        request,
        "accounts/users.html",
        {"users": users, "bureaus": bureaus, "roles": _roles_for(caller), "error": None},
    )


@router.post("/users")
def users_create(
    request: Request,
    db: DatabaseDep,
    caller: CurrentCaller,
    settings: SettingsDep,
    username: Text = "",
    bureau: Text = "",
    role: Text = "",
    password: Text = "",
    full_name: Text = "",
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, csrf_token)
    caller.require(USERS_MANAGE_OWN)
    try:
        data = UserCreate(
            username=username,
            bureau=bureau or caller.bureau,
            role=role,
            password=password,
            full_name=full_name,
        )
        with db.write() as session:
            service.add_user(session, caller, data, demo_mode=settings.demo_mode)
    except (ValidationError, NcbnetError) as exc:
        return _users_with_error(request, db, caller, exc)
    return RedirectResponse("/accounts/users", status_code=303)


def _users_with_error(
    request: Request, db: DatabaseDep, caller: Caller, exc: NcbnetError | ValidationError
) -> Response:
    with db.read() as session:
        users = identity.list_users(session, caller)
        bureaus = _bureau_choices(session, caller)
    return render(
        request,
        "accounts/users.html",
        {
            "users": users,
            "bureaus": bureaus,
            "roles": _roles_for(caller),
            "error": error_text(request, exc),
        },
        status=422,
    )


@router.post("/users/{user_id}/{verb}")
def users_toggle(
    request: Request,
    user_id: str,
    verb: str,
    db: DatabaseDep,
    caller: CurrentCaller,
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, csrf_token)
    if verb not in ("disable", "enable"):
        raise Invalid(N_("unknown action"))
    with db.write() as session:
        identity.set_user_active(session, caller, user_id, verb == "enable")
    return RedirectResponse("/accounts/users", status_code=303)


def _tokens_page(
    request: Request,
    db: DatabaseDep,
    caller: Caller,
    created: TokenCreated | None = None,
    error: NcbnetError | None = None,
    status: int = 200,
) -> Response:
    with db.read() as session:
        tokens = identity.list_tokens(session, caller)
        bureaus = _bureau_choices(session, caller)
    context = {
        "tokens": tokens,
        "bureaus": bureaus,
        "scopes": token_scopes(),
        "created": created,
        "error": error_text(request, error) if error else None,
    }
    return render(request, "accounts/tokens.html", context, status=status)


@router.get("/tokens")
def tokens_page(request: Request, db: DatabaseDep, caller: CurrentCaller) -> Response:
    caller.require(USERS_MANAGE_OWN)
    return _tokens_page(request, db, caller)


@router.post("/tokens")
def tokens_create(
    request: Request,
    db: DatabaseDep,
    caller: CurrentCaller,
    name: Text = "",
    bureau: Text = "",
    scopes: Annotated[list[str] | None, Form()] = None,
    expires_days: Text = "",
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, csrf_token)
    caller.require(USERS_MANAGE_OWN)
    created = None
    error: NcbnetError | None = None
    try:
        days = int(expires_days) if expires_days.strip() else None
        data = TokenCreate(
            name=name,
            bureau=bureau or caller.bureau,
            scopes=scopes or [],
            expires_at=service.expiry_in_days(days),
        )
        with db.write() as session:
            created = service.issue_token(session, caller, data)
    except ValueError as exc:
        if isinstance(exc, ValidationError):
            error = validation_error(exc)
        else:
            error = Invalid(N_("expiry: a whole number of days"))
    except NcbnetError as exc:
        error = exc
    return _tokens_page(request, db, caller, created, error, status=201 if created else 422)


@router.post("/tokens/{token_id}/revoke")
def tokens_revoke(
    request: Request, token_id: str, db: DatabaseDep, caller: CurrentCaller, csrf_token: Text = ""
) -> Response:
    check_csrf(request, csrf_token)
    with db.write() as session:
        identity.revoke_token(session, caller, token_id)
    return RedirectResponse("/accounts/tokens", status_code=303)
