"""Reading and verifying the audit log (the log itself is core: every capability writes it)."""

from pathlib import Path

from ncbnet.auditing.api import router as api_router
from ncbnet.auditing.cli import app as cli_app
from ncbnet.auditing.pages import router as pages_router
from ncbnet.core.capability import Capability, NavItem
from ncbnet.core.errors import N_
from ncbnet.core.permissions import AUDIT_VIEW

capability = Capability(
    name="auditing",
    package_dir=Path(__file__).parent,
    api=api_router,
    pages=pages_router,
    cli={"audit": cli_app},
    nav=(NavItem(N_("Audit"), "/audit", AUDIT_VIEW),),
)
