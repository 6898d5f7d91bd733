"""Users, web sessions and API tokens of bureaus: who may act, and how they prove it."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ncbnet.core import audit
from ncbnet.core.audit import AuditEvent
from ncbnet.core.db import Base, UTCDateTime, new_id, utcnow
from ncbnet.core.errors import N_, Conflict, Forbidden, Invalid, NotFound
from ncbnet.core.members import Bureau, BureauKind, bureau_kind, get_bureau
from ncbnet.core.permissions import (
    GS_ONLY_ROLES,
    USERS_MANAGE_ALL,
    USERS_MANAGE_OWN,
    Caller,
    Role,
    token_scopes,
)
from ncbnet.core.settings import LANGUAGES

_hasher = PasswordHasher()
# Verified against when the username is unknown, so timing does not reveal which names exist.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
COMMON_PASSWORDS = frozenset(
    {
        "password",
        "password123",
        "123456789012",
        "qwertyuiop12",
        "interpol1234",
        "letmein12345",
        "administrator",
        "changeme1234",
        "welcome12345",
        "passw0rd1234",
    }
)
TOKEN_USE_AUDIT_INTERVAL = timedelta(minutes=1)


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(26), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    bureau: Mapped[str] = mapped_column(ForeignKey("bureaus.code"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(2), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class WebSession(Base):
    __tablename__ = "web_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    """SHA-256 of the cookie value: a stolen database does not yield live sessions."""
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[str] = mapped_column(String(26), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100))
    bureau: Mapped[str] = mapped_column(ForeignKey("bureaus.code"), index=True)
    scopes: Mapped[str] = mapped_column(String(500))
    secret_hash: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    @property
    def scope_list(self) -> list[str]:
        return [s for s in self.scopes.split(",") if s]


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


# --- passwords -------------------------------------------------------------------------------


def check_password_strength(password: str, username: str, *, demo_mode: bool) -> None:
    if demo_mode and password == "demo":
        return
    if len(password) < 12:
        raise Invalid(N_("password must be at least 12 characters"))
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or len(set(password)) < 5:
        raise Invalid(N_("password is too common or too simple"))
    if username.split(".")[0] in lowered or username in lowered:
        raise Invalid(N_("password must not contain the username"))


# --- users -----------------------------------------------------------------------------------


def _bureau_named(session: Session, code: str) -> Bureau:
    """A bureau given in a request body: unknown is invalid input (422), not a missing page."""
    try:
        return get_bureau(session, code)
    except NotFound:
        raise Invalid(N_("unknown bureau %(code)s"), code=code) from None


def _require_manage(caller: Caller, bureau: str) -> None:
    if caller.can(USERS_MANAGE_ALL):
        return
    caller.require(USERS_MANAGE_OWN)
    if bureau != caller.bureau:
        raise Forbidden(N_("supervisors manage only their own bureau's users and tokens"))


def create_user(
    session: Session,
    caller: Caller,
    *,
    username: str,
    bureau: str,
    role: Role,
    password: str,
    full_name: str = "",
    language: str | None = None,
    demo_mode: bool = False,
) -> User:
    username = username.strip().lower()
    if not USERNAME_RE.match(username):
        raise Invalid(N_("username: 3-64 characters, lowercase letters, digits, '.', '_' or '-'"))
    target = _bureau_named(session, bureau)
    _require_manage(caller, target.code)
    if role in GS_ONLY_ROLES and target.kind != BureauKind.GS:
        raise Invalid(N_("role %(role)s exists only at the General Secretariat"), role=str(role))
    if role == Role.ADMIN and not caller.can(USERS_MANAGE_ALL):
        raise Forbidden(N_("only a General Secretariat admin creates admins"))
    if language is not None and language not in LANGUAGES:
        raise Invalid(N_("language must be one of %(choices)s"), choices=", ".join(LANGUAGES))
    check_password_strength(password, username, demo_mode=demo_mode)
    if session.execute(select(User.id).where(User.username == username)).first():
        raise Conflict(N_("username %(username)s is taken"), username=username)
    user = User(
        username=username,
        bureau=target.code,
        role=role,
        full_name=full_name.strip(),
        password_hash=_hasher.hash(password),
        language=language,
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        caller,
        AuditEvent.USER_CREATED,
        f"user:{user.id}",
        username=username,
        bureau=target.code,
        role=str(role),
    )
    return user


def get_user(session: Session, caller: Caller, user_ref: str) -> User:
    """A user by id or username, if the caller may manage them."""
    user = (
        session.get(User, user_ref)
        or session.execute(
            select(User).where(User.username == user_ref.strip().lower())
        ).scalar_one_or_none()
    )
    if user is None:
        raise NotFound(N_("no user %(user)s"), user=user_ref)
    _require_manage(caller, user.bureau)
    return user


def list_users(session: Session, caller: Caller, bureau: str | None = None) -> list[User]:
    if bureau is None and not caller.can(USERS_MANAGE_ALL):
        bureau = caller.bureau
    if bureau is not None:
        _require_manage(caller, bureau.upper())
    query = select(User).order_by(User.bureau, User.username)
    if bureau is not None:
        query = query.where(User.bureau == bureau.upper())
    return list(session.execute(query).scalars())


def set_user_active(session: Session, caller: Caller, user_ref: str, active: bool) -> User:
    user = get_user(session, caller, user_ref)
    if user.id == caller.user_id and not active:
        raise Invalid(N_("you cannot disable your own account"))
    user.active = active
    if not active:
        for web in session.execute(
            select(WebSession).where(WebSession.user_id == user.id, WebSession.revoked.is_(False))
        ).scalars():
            web.revoked = True
    else:
        user.failed_logins, user.locked_until = 0, None
    event = AuditEvent.USER_ENABLED if active else AuditEvent.USER_DISABLED
    audit.record(session, caller, event, f"user:{user.id}", username=user.username)
    return user


def set_language(session: Session, user_id: str, language: str) -> None:
    if language not in LANGUAGES:
        raise Invalid(N_("language must be one of %(choices)s"), choices=", ".join(LANGUAGES))
    user = session.get(User, user_id)
    if user is not None:
        user.language = language


# --- login -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    session_token: str | None = None
    failure: str | None = None
    """None on success; otherwise 'invalid', 'locked' or 'disabled' (never shown verbatim)."""


def login(
    session: Session,
    username: str,
    password: str,
    *,
    remote: str | None,
    lockout_threshold: int,
    lockout_minutes: int,
    session_hours: int,
) -> LoginResult:
    """Check a password and open a web session. Failures are recorded, not raised, so that the
    audit entry and the failure counter commit with the transaction."""
    name = username.strip().lower()[:64]
    user = session.execute(select(User).where(User.username == name)).scalar_one_or_none()
    now = utcnow()
    anonymous = Caller(
        bureau=user.bureau if user else "-",
        role=None,
        is_gs=False,
        username=name or "-",
        via="web",
        remote=remote,
    )
    if user is None:
        _verify(_DUMMY_HASH, password)
        audit.record(session, anonymous, AuditEvent.LOGIN_FAILED, None, reason="unknown user")
        return LoginResult(None, failure="invalid")
    subject = f"user:{user.id}"
    if not user.active:
        audit.record(session, anonymous, AuditEvent.LOGIN_FAILED, subject, reason="disabled")
        return LoginResult(None, failure="disabled")
    if user.locked_until is not None and user.locked_until > now:
        audit.record(session, anonymous, AuditEvent.LOGIN_FAILED, subject, reason="locked")
        return LoginResult(None, failure="locked")
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        audit.record(
            session,
            anonymous,
            AuditEvent.LOGIN_FAILED,
            subject,
            reason="bad password",
            failures=user.failed_logins,
        )
        if user.failed_logins >= lockout_threshold:
            user.locked_until = now + timedelta(minutes=lockout_minutes)
            user.failed_logins = 0
            audit.record(
                session, anonymous, AuditEvent.ACCOUNT_LOCKED, subject, minutes=lockout_minutes
            )
            return LoginResult(None, failure="locked")
        return LoginResult(None, failure="invalid")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    token = secrets.token_urlsafe(32)
    session.add(
        WebSession(
            id=_sha256(token), user_id=user.id, expires_at=now + timedelta(hours=session_hours)
        )
    )
    audit.record(
        session,
        caller_for_user(user, kind=bureau_kind(session, user.bureau), via="web", remote=remote),
        AuditEvent.LOGIN,
        subject,
    )
    return LoginResult(user, session_token=token)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def caller_for_user(user: User, *, kind: BureauKind, via: str, remote: str | None) -> Caller:
    return Caller(
        bureau=user.bureau,
        role=Role(user.role),
        is_gs=kind == BureauKind.GS,
        is_partner=kind == BureauKind.PARTNER,
        user_id=user.id,
        username=user.username,
        via=via,
        remote=remote,
    )


def user_for_session(session: Session, token: str) -> tuple[User, BureauKind] | None:
    """The active user behind a session cookie, and the kind of their bureau."""
    web = session.get(WebSession, _sha256(token))
    if web is None or web.revoked or web.expires_at <= utcnow():
        return None
    user = session.get(User, web.user_id)
    if user is None or not user.active:
        return None
    return user, bureau_kind(session, user.bureau)


def logout(session: Session, caller: Caller, token: str) -> None:
    web = session.get(WebSession, _sha256(token))
    if web is not None and not web.revoked:
        web.revoked = True
        audit.record(session, caller, AuditEvent.LOGOUT, f"user:{web.user_id}")


# --- API tokens ------------------------------------------------------------------------------

TOKEN_PREFIX = "ncb"


def create_token(
    session: Session,
    caller: Caller,
    *,
    name: str,
    bureau: str,
    scopes: list[str],
    expires_at: datetime | None = None,
) -> tuple[ApiToken, str]:
    """Returns the stored token and its secret value, which is shown once and never again."""
    target = _bureau_named(session, bureau)
    _require_manage(caller, target.code)
    name = name.strip()
    if not 1 <= len(name) <= 100:
        raise Invalid(N_("token name: 1-100 characters"))
    known = set(token_scopes())
    wanted = sorted({s.strip() for s in scopes if s.strip()})
    if not wanted:
        raise Invalid(N_("give at least one scope: %(known)s"), known=", ".join(sorted(known)))
    unknown = [s for s in wanted if s not in known]
    if unknown:
        raise Invalid(
            N_("unknown scope(s) %(unknown)s; known: %(known)s"),
            unknown=", ".join(unknown),
            known=", ".join(sorted(known)),
        )
    if expires_at is not None and expires_at <= utcnow():
        raise Invalid(N_("expiry must be in the future"))
    secret = secrets.token_urlsafe(32)
    token = ApiToken(
        name=name,
        bureau=target.code,
        scopes=",".join(wanted),
        secret_hash=_sha256(secret),
        created_by=caller.actor,
        expires_at=expires_at,
    )
    session.add(token)
    session.flush()
    audit.record(
        session,
        caller,
        AuditEvent.TOKEN_CREATED,
        f"token:{token.id}",
        bureau=target.code,
        scopes=wanted,
        name=name,
    )
    return token, f"{TOKEN_PREFIX}_{token.id}_{secret}"


def list_tokens(session: Session, caller: Caller, bureau: str | None = None) -> list[ApiToken]:
    if bureau is None and not caller.can(USERS_MANAGE_ALL):
        bureau = caller.bureau
    if bureau is not None:
        _require_manage(caller, bureau.upper())
    query = select(ApiToken).order_by(ApiToken.created_at.desc())
    if bureau is not None:
        query = query.where(ApiToken.bureau == bureau.upper())
    return list(session.execute(query).scalars())


def revoke_token(session: Session, caller: Caller, token_id: str) -> ApiToken:
    token = session.get(ApiToken, token_id.strip())
    if token is None:
        raise NotFound(N_("no token %(token)s"), token=token_id)
    _require_manage(caller, token.bureau)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(session, caller, AuditEvent.TOKEN_REVOKED, f"token:{token.id}")
    return token


def parse_token(raw: str) -> tuple[str, str] | None:
    parts = raw.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or len(parts[1]) != 26:
        return None
    return parts[1], parts[2]


def token_for_secret(session: Session, raw: str) -> ApiToken | None:
    """The live token matching a bearer value, or None."""
    parsed = parse_token(raw)
    if parsed is None:
        return None
    token = session.get(ApiToken, parsed[0])
    if token is None or token.revoked_at is not None:
        return None
    if token.expires_at is not None and token.expires_at <= utcnow():
        return None
    if not hmac.compare_digest(token.secret_hash, _sha256(parsed[1])):
        return None
    return token


def token_use_due(token: ApiToken) -> bool:
    """Token use is audited at most once a minute per token, so a border system screening
    hundreds of travellers a second does not double every write for a 'still here' entry."""
    last = token.last_used_at
    return last is None or utcnow() - last >= TOKEN_USE_AUDIT_INTERVAL


def note_token_use(session: Session, token_id: str, caller: Caller) -> None:
    token = session.get(ApiToken, token_id)
    if token is not None and token_use_due(token):
        token.last_used_at = utcnow()
        audit.record(session, caller, AuditEvent.TOKEN_USED, f"token:{token.id}")


def caller_for_token(token: ApiToken, *, kind: BureauKind, remote: str | None) -> Caller:
    return Caller(
        bureau=token.bureau,
        role=None,
        is_gs=kind == BureauKind.GS,
        is_partner=kind == BureauKind.PARTNER,
        token_id=token.id,
        scopes=frozenset(token.scope_list),
        via="api",
        remote=remote,
    )
