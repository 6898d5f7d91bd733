"""The nominal database: persons of interest and multilingual name screening."""

from pathlib import Path

from ncbnet.core.capability import Capability, NavItem
from ncbnet.core.errors import N_
from ncbnet.persons import demo, service
from ncbnet.persons.api import router as api_router
from ncbnet.persons.cli import app as cli_app
from ncbnet.persons.matcher import matcher_for
from ncbnet.persons.pages import router as pages_router

capability = Capability(
    name="persons",
    package_dir=Path(__file__).parent,
    api=api_router,
    pages=pages_router,
    cli={"persons": cli_app},
    demo=demo.seed,
    demo_after=("members", "accounts"),
    dashboard=service.dashboard_card,
    startup=lambda db: matcher_for(db).load(),
    nav=(NavItem(N_("Persons"), "/persons", service.PERSONS_SEARCH),),
)
