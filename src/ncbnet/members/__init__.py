"""Member countries and bureaus: who is on the network (read-only views over core.members)."""

from pathlib import Path

from ncbnet.core.capability import Capability, NavItem
from ncbnet.core.errors import N_
from ncbnet.core.permissions import MEMBERS_VIEW
from ncbnet.members import demo
from ncbnet.members.api import router as api_router
from ncbnet.members.cli import app as cli_app
from ncbnet.members.pages import router as pages_router

capability = Capability(
    name="members",
    package_dir=Path(__file__).parent,
    api=api_router,
    pages=pages_router,
    cli={"members": cli_app},
    demo=demo.seed,
    nav=(NavItem(N_("Members"), "/members", MEMBERS_VIEW),),
)
