"""Use cases of account management; the tables and rules live in core.identity."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from ncbnet.accounts.schemas import Me, TokenCreate, TokenCreated, TokenPublic, UserCreate
from ncbnet.core import identity
from ncbnet.core.db import utcnow
from ncbnet.core.errors import N_, Invalid
from ncbnet.core.identity import ApiToken, User
from ncbnet.core.permissions import Caller, registered_actions


def add_user(session: Session, caller: Caller, data: UserCreate, *, demo_mode: bool) -> User:
    return identity.create_user(
        session,
        caller,
        username=data.username,
        bureau=data.bureau.upper(),
        role=data.role,
        password=data.password,
        full_name=data.full_name,
        language=data.language,
        demo_mode=demo_mode,
    )


def issue_token(session: Session, caller: Caller, data: TokenCreate) -> TokenCreated:
    expires = data.expires_at
    if expires is not None and expires.tzinfo is None:
        raise Invalid(N_("expires_at needs a timezone, e.g. 2027-01-01T00:00:00Z"))
    token, secret = identity.create_token(
        session,
        caller,
        name=data.name,
        bureau=data.bureau.upper(),
        scopes=data.scopes,
        expires_at=expires.astimezone(UTC) if expires else None,
    )
    public = TokenPublic.model_validate(token)
    return TokenCreated(**public.model_dump(), token=secret)


def token_public(token: ApiToken) -> TokenPublic:
    return TokenPublic.model_validate(token)


def describe_caller(caller: Caller) -> Me:
    actions = sorted(name for name, action in registered_actions().items() if caller.can(action))
    return Me(
        actor=caller.actor,
        bureau=caller.bureau,
        role=caller.role,
        is_gs=caller.is_gs,
        via=caller.via,
        scopes=sorted(caller.scopes),
        actions=actions,
    )


def expiry_in_days(days: int | None) -> datetime | None:
    if days is None:
        return None
    if days < 1:
        raise Invalid(N_("expiry must be at least one day"))
    return utcnow() + timedelta(days=days)
