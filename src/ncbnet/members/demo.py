from __future__ import annotations

from ncbnet.core import members
from ncbnet.core.demo import DemoContext

PARTNERS = (("AFRIPOL", "AFRIPOL — African Union Mechanism for Police Cooperation"),)


def seed(ctx: DemoContext) -> None:
    """All member countries with their bureaus, the General Secretariat and a partner body."""
    with ctx.db.write() as session:
        members.load_roster(session, ctx.caller)
        for code, name in PARTNERS:
            if session.get(members.Bureau, code) is None:
                members.add_partner(session, ctx.caller, code, name)
