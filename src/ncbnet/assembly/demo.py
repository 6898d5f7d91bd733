from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ncbnet.accounts.demo import DEMO_BUREAUS
from ncbnet.assembly import service
from ncbnet.assembly.models import AdmissionVote, AssemblySession
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
        vote = _session_with_vote(
            session,
            ctx,
            86,
            "Beijing",
            "CN",
            date(2017, 9, 26),
            date(2017, 9, 29),
            "PS",
            Region.MENA,
        )
        voters = members.member_codes(session)
        ctx.rng.shuffle(voters)
        ballots = [choice for choice, n in BEIJING_2017.items() for _ in range(n)]
        for bureau, choice in zip(voters, ballots, strict=False):
            service.cast_ballot(session, ctx.caller, vote.id, choice, bureau=bureau)
        service.close_vote(session, ctx.caller, vote.id)

    with ctx.db.write() as session:
        vote = _session_with_vote(
            session,
            ctx,
            94,
            "Marrakesh",
            "MA",
            date(2026, 11, 24),
            date(2026, 11, 27),
            "TV",
            Region.ASIA_SOUTH_PACIFIC,
        )
        # Some delegations have voted; the demo bureaus have not, so their supervisors can.
        voters = [c for c in members.member_codes(session) if c not in DEMO_BUREAUS]
        ctx.rng.shuffle(voters)
        for bureau in voters[:58]:
            choice = ctx.rng.choices(list(Choice), weights=(8, 1, 2))[0]
            service.cast_ballot(session, ctx.caller, vote.id, choice, bureau=bureau)


def _session_with_vote(
    session: Session,
    ctx: DemoContext,
    number: int,
    city: str,
    host: str,
    opens_on: date,
    closes_on: date,
    candidate: str,
    region: Region,
) -> AdmissionVote:
    assembly = service.create_session(
        session,
        ctx.caller,
        SessionCreate(
            number=number, city=city, host_country=host, opens_on=opens_on, closes_on=closes_on
        ),
    )
    return service.open_vote(
        session, ctx.caller, VoteCreate(session_id=assembly.id, candidate=candidate, region=region)
    )
