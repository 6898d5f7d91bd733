"""Users and API tokens of bureaus: supervisors manage their own, GS admins everyone's."""

from pathlib import Path

from ncbnet.accounts import demo
from ncbnet.accounts.api import router as api_router
from ncbnet.accounts.cli import tokens_app, users_app
from ncbnet.accounts.pages import router as pages_router
from ncbnet.core.capability import Capability, NavItem
from ncbnet.core.errors import N_
from ncbnet.core.permissions import USERS_MANAGE_OWN

capability = Capability(
    name="accounts",
    package_dir=Path(__file__).parent,
    api=api_router,
    pages=pages_router,
    cli={"users": users_app, "tokens": tokens_app},
    demo=demo.seed,
    demo_after=("members",),
    nav=(
        NavItem(N_("Users"), "/accounts/users", USERS_MANAGE_OWN),
        NavItem(N_("API tokens"), "/accounts/tokens", USERS_MANAGE_OWN),
    ),
)
