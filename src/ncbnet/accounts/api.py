from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from ncbnet.accounts import service
from ncbnet.accounts.schemas import (
    Me,
    TokenCreate,
    TokenCreated,
    TokenPublic,
    UserCreate,
    UserPublic,
)
from ncbnet.core import identity
from ncbnet.web.deps import CurrentCaller, DatabaseDep, SettingsDep

router = APIRouter(tags=["accounts"])
BureauQuery = Annotated[str | None, Query(min_length=2, max_length=12)]
Ref = Annotated[str, Path(min_length=1, max_length=64)]


@router.get("/me", response_model=Me)
def who_am_i(caller: CurrentCaller) -> Me:
    return service.describe_caller(caller)


@router.get("/users", response_model=list[UserPublic])
def list_users(
    db: DatabaseDep, caller: CurrentCaller, bureau: BureauQuery = None
) -> list[UserPublic]:
    with db.read() as session:
        return [UserPublic.model_validate(u) for u in identity.list_users(session, caller, bureau)]


@router.post("/users", response_model=UserPublic, status_code=201)
def create_user(
    data: UserCreate, db: DatabaseDep, caller: CurrentCaller, settings: SettingsDep
) -> UserPublic:
    with db.write() as session:
        user = service.add_user(session, caller, data, demo_mode=settings.demo_mode)
        return UserPublic.model_validate(user)


@router.post("/users/{ref}/disable", response_model=UserPublic)
def disable_user(ref: Ref, db: DatabaseDep, caller: CurrentCaller) -> UserPublic:
    with db.write() as session:
        return UserPublic.model_validate(identity.set_user_active(session, caller, ref, False))


@router.post("/users/{ref}/enable", response_model=UserPublic)
def enable_user(ref: Ref, db: DatabaseDep, caller: CurrentCaller) -> UserPublic:
    with db.write() as session:
        return UserPublic.model_validate(identity.set_user_active(session, caller, ref, True))


@router.get("/tokens", response_model=list[TokenPublic])
def list_tokens(
    db: DatabaseDep, caller: CurrentCaller, bureau: BureauQuery = None
) -> list[TokenPublic]:
    with db.read() as session:
        return [service.token_public(t) for t in identity.list_tokens(session, caller, bureau)]


@router.post("/tokens", response_model=TokenCreated, status_code=201)
def create_token(data: TokenCreate, db: DatabaseDep, caller: CurrentCaller) -> TokenCreated:
    with db.write() as session:
        return service.issue_token(session, caller, data)


@router.post("/tokens/{token_id}/revoke", response_model=TokenPublic)
def revoke_token(token_id: Ref, db: DatabaseDep, caller: CurrentCaller) -> TokenPublic:
    with db.write() as session:
        return service.token_public(identity.revoke_token(session, caller, token_id))
