from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ncbnet.accounts.demo import DEMO_BUREAUS
from ncbnet.assembly import service
from ncbnet.assembly.models import AssemblySession
from ncbnet.assembly.schemas import Choice, SessionCreate, VoteCreate
from ncbnet.core import members
from ncbnet.core.demo import DemoContext
from ncbnet.core.members import Region

# The 86th session (Beijing, 2017) admitted Palestine with 75 yes, 24 no and 34 abstentions.
BEIJING_2017 = {Choice.YES: 75, Choice.NO: 24, Choice.ABSTAIN: 34}


def seed(ctx: DemoContext) -> None:
    with ctx.db.read() as session:
        if session.execute(select(AssemblySession.id)).first():
            return
    with ctx.db.write() as session:
        beijing = service.create_session(
            session,
            ctx.caller,
            SessionCreate(
                number=86,
                city="Beijing",
                host_country="CN",
                opens_on=date(2017, 9, 26),
                closes_on=date(2017, 9, 29),
            ),
        )
        vote = service.open_vote(
            session,
            ctx.caller,
            VoteCreate(session_id=beijing.id, candidate="PS", region=Region.MENA),
        )
        voters = members.member_codes(session)
        ctx.rng.shuffle(voters)
        ballots = [choice for choice, n in BEIJING_2017.items() for _ in range(n)]
        for bureau, choice in zip(voters, ballots, strict=False):
            service.cast_ballot(session, ctx.caller, vote.id, choice, bureau=bureau)
        service.close_vote(session, ctx.caller, vote.id)

    with ctx.db.write() as session:
        current = service.create_session(
            session,
            ctx.caller,
            SessionCreate(
                number=94,
                city="Marrakesh",
                host_country="MA",
                opens_on=date(2026, 11, 24),
                closes_on=date(2026, 11, 27),
            ),
        )
        vote = service.open_vote(
            session,
            ctx.caller,
            VoteCreate(session_id=current.id, candidate="TV", region=Region.ASIA_SOUTH_PACIFIC),
        )
        # Some delegations have voted; the demo bureaus have not, so their supervisors can.
        voters = [c for c in members.member_codes(session) if c not in DEMO_BUREAUS]
        ctx.rng.shuffle(voters)
        for bureau in voters[:58]:
            choice = ctx.rng.choices(list(Choice), weights=(8, 1, 2))[0]
            service.cast_ballot(session, ctx.caller, vote.id, choice, bureau=bureau)
