from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path

from ncbnet.assembly import service
from ncbnet.assembly.schemas import BallotCast, SessionCreate, SessionPublic, VoteCreate, VotePublic
from ncbnet.web.deps import CurrentCaller, DatabaseDep

router = APIRouter(prefix="/assembly", tags=["assembly"])
VoteId = Annotated[str, Path(min_length=26, max_length=26)]


@router.get("/sessions", response_model=list[SessionPublic])
def list_sessions(db: DatabaseDep, caller: CurrentCaller) -> list[SessionPublic]:
    with db.read() as session:
        return [SessionPublic.model_validate(s) for s in service.list_sessions(session, caller)]


@router.post("/sessions", response_model=SessionPublic, status_code=201)
def create_session(data: SessionCreate, db: DatabaseDep, caller: CurrentCaller) -> SessionPublic:
    with db.write() as session:
        return SessionPublic.model_validate(service.create_session(session, caller, data))


@router.get("/votes", response_model=list[VotePublic])
def list_votes(
    db: DatabaseDep, caller: CurrentCaller, status: Literal["open", "closed"] | None = None
) -> list[VotePublic]:
    with db.read() as session:
        return [
            service.describe_vote(session, caller, v.id)
            for v in service.list_votes(session, caller, status)
        ]


@router.post("/votes", response_model=VotePublic, status_code=201)
def open_vote(data: VoteCreate, db: DatabaseDep, caller: CurrentCaller) -> VotePublic:
    with db.write() as session:
        vote = service.open_vote(session, caller, data)
        return service.describe_vote(session, caller, vote.id)


@router.get("/votes/{vote_id}", response_model=VotePublic)
def get_vote(vote_id: VoteId, db: DatabaseDep, caller: CurrentCaller) -> VotePublic:
    with db.read() as session:
        return service.describe_vote(session, caller, vote_id)


@router.post("/votes/{vote_id}/ballots", response_model=VotePublic, status_code=201)
def cast_ballot(
    vote_id: VoteId, data: BallotCast, db: DatabaseDep, caller: CurrentCaller
) -> VotePublic:
    with db.write() as session:
        service.cast_ballot(session, caller, vote_id, data.choice)
        return service.describe_vote(session, caller, vote_id)


@router.post("/votes/{vote_id}/close", response_model=VotePublic)
def close_vote(vote_id: VoteId, db: DatabaseDep, caller: CurrentCaller) -> VotePublic:
    with db.write() as session:
        service.close_vote(session, caller, vote_id)
        return service.describe_vote(session, caller, vote_id)
