"""General Assembly sessions and admission votes under the two-thirds rule.

A candidate is admitted when yes / (yes + no) >= 2/3: abstentions are not votes cast. The
comparison is done in integers (3*yes >= 2*(yes+no)) so that no rounding decides a vote.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ncbnet.assembly.models import AdmissionVote, AssemblySession, Ballot
from ncbnet.assembly.schemas import (
    Choice,
    Outcome,
    SessionCreate,
    SessionPublic,
    Tally,
    VoteCreate,
    VotePublic,
)
from ncbnet.core import audit, members
from ncbnet.core.db import utcnow
from ncbnet.core.errors import N_, Conflict, Forbidden, Invalid, NotFound
from ncbnet.core.members import BureauKind, Region
from ncbnet.core.permissions import ALL_ROLES, Action, Caller, Role

ASSEMBLY_VIEW = Action("assembly.view", ALL_ROLES, scope="assembly")
ASSEMBLY_VOTE = Action("assembly.vote", frozenset({Role.SUPERVISOR}))
ASSEMBLY_ADMIN = Action("assembly.admin", frozenset({Role.ADMIN}))


class AssemblyEvent(StrEnum):
    SESSION_OPENED = "assembly.session_created"
    VOTE_OPENED = "assembly.vote_opened"
    BALLOT_CAST = "assembly.ballot_cast"
    VOTE_CLOSED = "assembly.vote_closed"


def tally(yes: int, no: int, abstain: int) -> Tally:
    cast = yes + no
    admitted = cast > 0 and 3 * yes >= 2 * cast
    return Tally(
        yes=yes,
        no=no,
        abstain=abstain,
        votes_cast=cast,
        share_yes=(yes / cast) if cast else None,
        outcome=Outcome.ADMITTED if admitted else Outcome.REJECTED,
    )


def create_session(session: Session, caller: Caller, data: SessionCreate) -> AssemblySession:
    caller.require(ASSEMBLY_ADMIN)
    host = members.normalise_country_code(data.host_country) if data.host_country else None
    if session.execute(
        select(AssemblySession.id).where(AssemblySession.number == data.number)
    ).first():
        raise Conflict(N_("session number %(number)s already exists"), number=data.number)
    row = AssemblySession(
        number=data.number,
        city=data.city.strip(),
        host_country=host,
        opens_on=data.opens_on,
        closes_on=data.closes_on,
        created_by=caller.actor,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        caller,
        AssemblyEvent.SESSION_OPENED,
        f"assembly:{row.id}",
        number=row.number,
        city=row.city,
    )
    return row


def list_sessions(session: Session, caller: Caller) -> list[AssemblySession]:
    caller.require(ASSEMBLY_VIEW)
    query = select(AssemblySession).order_by(AssemblySession.number.desc())
    return list(session.execute(query).scalars())


def open_vote(session: Session, caller: Caller, data: VoteCreate) -> AdmissionVote:
    caller.require(ASSEMBLY_ADMIN)
    if session.get(AssemblySession, data.session_id) is None:
        raise NotFound(N_("no assembly session %(id)s"), id=data.session_id)
    candidate = members.normalise_country_code(data.candidate)
    if members.is_member(session, candidate):
        raise Conflict(N_("%(code)s is already a member"), code=candidate)
    pending = select(AdmissionVote.id).where(
        AdmissionVote.candidate == candidate, AdmissionVote.status == "open"
    )
    if session.execute(pending).first():
        raise Conflict(N_("an admission vote for %(code)s is already open"), code=candidate)
    vote = AdmissionVote(
        session_id=data.session_id, candidate=candidate, region=data.region, opened_by=caller.actor
    )
    session.add(vote)
    session.flush()
    audit.record(session, caller, AssemblyEvent.VOTE_OPENED, f"vote:{vote.id}", candidate=candidate)
    return vote


def _get_vote(session: Session, vote_id: str) -> AdmissionVote:
    vote = session.get(AdmissionVote, vote_id)
    if vote is None:
        raise NotFound(N_("no admission vote %(id)s"), id=vote_id)
    return vote


def cast_ballot(
    session: Session, caller: Caller, vote_id: str, choice: Choice, *, bureau: str | None = None
) -> Ballot:
    """The calling bureau's one vote. ``bureau`` lets the operator record a delegation's ballot
    cast in the hall (CLI only)."""
    if bureau is not None and not caller.is_system:
        raise Forbidden(N_("only the operator records ballots on behalf of a bureau"))
    caller.require(ASSEMBLY_VOTE)
    voter = members.get_bureau(session, bureau or caller.bureau)
    if voter.kind != BureauKind.NCB or not voter.active:
        raise Forbidden(N_("only member countries' bureaus vote"))
    vote = _get_vote(session, vote_id)
    if vote.status != "open":
        raise Conflict(N_("this vote is closed"))
    if voter.code == vote.candidate:
        raise Forbidden(N_("a candidate does not vote on its own admission"))
    ballot = Ballot(vote_id=vote.id, bureau=voter.code, choice=choice, cast_by=caller.actor)
    try:
        with session.begin_nested():
            session.add(ballot)
            session.flush()
    except IntegrityError:
        raise Conflict(N_("bureau %(code)s has already voted"), code=voter.code) from None
    audit.record(session, caller, AssemblyEvent.BALLOT_CAST, f"vote:{vote.id}", bureau=voter.code)
    return ballot


def _count(session: Session, vote_id: str) -> dict[str, int]:
    rows = session.execute(
        select(Ballot.choice, func.count()).where(Ballot.vote_id == vote_id).group_by(Ballot.choice)
    ).all()
    return {str(choice): int(n) for choice, n in rows}


def close_vote(session: Session, caller: Caller, vote_id: str) -> AdmissionVote:
    """Count the ballots; on a two-thirds majority the candidate becomes a member with a bureau."""
    caller.require(ASSEMBLY_ADMIN)
    vote = _get_vote(session, vote_id)
    if vote.status != "open":
        raise Conflict(N_("this vote is closed"))
    counts = _count(session, vote.id)
    result = tally(counts.get("yes", 0), counts.get("no", 0), counts.get("abstain", 0))
    vote.yes, vote.no, vote.abstain = result.yes, result.no, result.abstain
    vote.outcome, vote.status = result.outcome, "closed"
    vote.closed_by, vote.closed_at = caller.actor, utcnow()
    audit.record(
        session,
        caller,
        AssemblyEvent.VOTE_CLOSED,
        f"vote:{vote.id}",
        candidate=vote.candidate,
        yes=result.yes,
        no=result.no,
        abstain=result.abstain,
        outcome=str(result.outcome),
    )
    if result.outcome == Outcome.ADMITTED:
        members.admit_member(
            session, caller, vote.candidate, Region(vote.region), reason=f"admission vote {vote.id}"
        )
    return vote


def list_votes(session: Session, caller: Caller, status: str | None = None) -> list[AdmissionVote]:
    caller.require(ASSEMBLY_VIEW)
    query = select(AdmissionVote).order_by(AdmissionVote.opened_at.desc())
    if status:
        query = query.where(AdmissionVote.status == status)
    return list(session.execute(query).scalars())


def describe_vote(session: Session, caller: Caller, vote_id: str, lang: str = "en") -> VotePublic:
    caller.require(ASSEMBLY_VIEW)
    vote = _get_vote(session, vote_id)
    assembly = session.get(AssemblySession, vote.session_id)
    assert assembly is not None  # foreign key
    ballots = int(
        session.execute(
            select(func.count()).select_from(Ballot).where(Ballot.vote_id == vote.id)
        ).scalar_one()
    )
    mine = session.execute(
        select(Ballot.choice).where(Ballot.vote_id == vote.id, Ballot.bureau == caller.bureau)
    ).scalar_one_or_none()
    closed = vote.status == "closed"
    return VotePublic(
        id=vote.id,
        session=SessionPublic.model_validate(assembly),
        candidate=vote.candidate,
        candidate_name=members.country_name(vote.candidate, lang),
        region=vote.region,
        status=vote.status,
        opened_at=vote.opened_at,
        closed_at=vote.closed_at,
        ballots=ballots,
        electorate=_electorate(session, vote),
        my_choice=Choice(mine) if mine else None,
        tally=tally(vote.yes, vote.no, vote.abstain) if closed else None,
    )


def _electorate(session: Session, vote: AdmissionVote) -> int:
    """Member bureaus at the time of asking; after closing, the new member is not counted."""
    count = members.count_members(session)
    return count - 1 if vote.outcome == Outcome.ADMITTED else count


@dataclass(frozen=True)
class AssemblyOverview:
    sessions: list[AssemblySession]
    votes_by_session: dict[str, list[AdmissionVote]]


def overview(session: Session, caller: Caller) -> AssemblyOverview:
    sessions = list_sessions(session, caller)
    grouped: dict[str, list[AdmissionVote]] = {s.id: [] for s in sessions}
    for vote in list_votes(session, caller):
        grouped.setdefault(vote.session_id, []).append(vote)
    return AssemblyOverview(sessions, grouped)


def dashboard_card(session: Session, caller: Caller) -> dict[str, object] | None:
    if not caller.can(ASSEMBLY_VIEW):
        return None
    open_votes = list_votes(session, caller, status="open")
    return {"open_votes": open_votes}


def check_choice(value: str) -> Choice:
    try:
        return Choice(value)
    except ValueError:
        raise Invalid(N_("choice must be yes, no or abstain")) from None
