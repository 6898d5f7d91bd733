"""Roles, declared actions and the caller every service receives.

Permissions are declared as actions (``Action("assembly.vote", ...)``) that name the roles allowed
to perform them and the token scope that lets an API client perform them. Capabilities declare
their own actions next to their code; the check is always :meth:`Caller.require`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ncbnet.core.errors import N_, Forbidden


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    BORDER = "border"
    ANALYST = "analyst"
    REVIEWER = "reviewer"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.OFFICER: N_("Officer"),
    Role.SUPERVISOR: N_("Supervisor"),
    Role.BORDER: N_("Border officer"),
    Role.ANALYST: N_("Analyst"),
    Role.REVIEWER: N_("Reviewer"),
    Role.ADMIN: N_("Administrator"),
}

GS_ONLY_ROLES = frozenset({Role.REVIEWER, Role.ADMIN})
ALL_ROLES = frozenset(Role)
NCB_ROLES = frozenset({Role.OFFICER, Role.SUPERVISOR, Role.ANALYST})


@dataclass(frozen=True)
class Action:
    name: str
    roles: frozenset[Role]
    scope: str | None = None
    """Token scope that grants this action to API clients; None means never to a token."""

    def __post_init__(self) -> None:
        _REGISTRY[self.name] = self


_REGISTRY: dict[str, Action] = {}


def registered_actions() -> dict[str, Action]:
    return dict(_REGISTRY)


def token_scopes() -> list[str]:
    return sorted({a.scope for a in _REGISTRY.values() if a.scope})


# Actions of the shared core. Capabilities declare theirs in their own modules.
MEMBERS_VIEW = Action("members.view", ALL_ROLES, scope="members")
USERS_MANAGE_OWN = Action("users.manage_own", frozenset({Role.SUPERVISOR, Role.ADMIN}))
USERS_MANAGE_ALL = Action("users.manage_all", frozenset({Role.ADMIN}))
AUDIT_VIEW = Action("audit.view", frozenset({Role.ADMIN}))


@dataclass(frozen=True)
class Caller:
    """Who is acting: a user of a bureau, an API token of a bureau, or the operator's CLI."""

    bureau: str
    role: Role | None
    is_gs: bool
    is_partner: bool = False
    """Partner organisations see only what owners list them for explicitly."""
    user_id: str | None = None
    username: str | None = None
    token_id: str | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)
    via: str = "web"
    """web, api or cli — recorded in the audit log."""
    remote: str | None = None

    @property
    def actor(self) -> str:
        if self.username:
            return self.username
        if self.token_id:
            return f"token:{self.token_id}"
        return "system"

    @property
    def is_system(self) -> bool:
        return self.via == "cli" and self.user_id is None and self.token_id is None

    def can(self, action: Action) -> bool:
        if self.is_system:
            return True
        if self.token_id is not None:
            return action.scope is not None and action.scope in self.scopes
        return self.role is not None and self.role in action.roles

    def require(self, action: Action) -> None:
        if not self.can(action):
            raise Forbidden(N_("not permitted: %(action)s"), action=action.name)


def system_caller(bureau: str = "GS") -> Caller:
    """The platform operator at the command line: may do anything, and is audited as such."""
    return Caller(bureau=bureau, role=Role.ADMIN, is_gs=True, via="cli")
