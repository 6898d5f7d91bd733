"""General Assembly sessions and the admission of new member countries by a two-thirds vote."""

from pathlib import Path

from ncbnet.assembly import demo, service
from ncbnet.assembly.api import router as api_router
from ncbnet.assembly.cli import app as cli_app
from ncbnet.assembly.pages import router as pages_router
from ncbnet.core.capability import Capability, NavItem
from ncbnet.core.errors import N_

capability = Capability(
    name="assembly",
    package_dir=Path(__file__).parent,
    api=api_router,
    pages=pages_router,
    cli={"assembly": cli_app},
    demo=demo.seed,
    demo_after=("members", "accounts"),
    dashboard=service.dashboard_card,
    nav=(NavItem(N_("General Assembly"), "/assembly", service.ASSEMBLY_VIEW),),
)
