from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from ncbnet.assembly import service
from ncbnet.assembly.schemas import Choice, Outcome, SessionCreate, VoteCreate
from ncbnet.core import members
from ncbnet.core.audit import AuditEntry
from ncbnet.core.db import Database
from ncbnet.core.errors import Conflict, Forbidden
from ncbnet.core.members import Region
from ncbnet.core.permissions import system_caller
from tests.conftest import api_csrf, caller_for, csrf_from, login


def _open_vote(db: Database, candidate: str = "PS", region: Region = Region.MENA) -> str:
    with db.write() as session:
        ga = service.create_session(
            session,
            system_caller(),
            SessionCreate(
                number=86,
                city="Beijing",
                host_country="CN",
                opens_on=date(2017, 9, 26),
                closes_on=date(2017, 9, 29),
            ),
        )
        return service.open_vote(
            session,
            system_caller(),
            VoteCreate(session_id=ga.id, candidate=candidate, region=region),
        ).id


def _cast(db: Database, vote_id: str, yes: int, no: int, abstain: int) -> None:
    with db.write() as session:
        voters = [c for c in members.member_codes(session) if c not in ("FR", "MA", "DE")]
        choices = [Choice.YES] * yes + [Choice.NO] * no + [Choice.ABSTAIN] * abstain
        assert len(choices) <= len(voters)
        for bureau, choice in zip(voters, choices, strict=False):
            service.cast_ballot(session, system_caller(), vote_id, choice, bureau=bureau)


@pytest.mark.parametrize(
    "yes, no, abstain, outcome",
    [
        (75, 24, 34, Outcome.ADMITTED),  # Beijing 2017: 75.8 % of votes cast
        (68, 51, 16, Outcome.REJECTED),  # 57 %: short of two thirds
        (2, 1, 0, Outcome.ADMITTED),  # exactly two thirds is enough
        (0, 0, 5, Outcome.REJECTED),  # no vote cast, nobody is admitted
    ],
)
def test_two_thirds_rule(yes: int, no: int, abstain: int, outcome: Outcome) -> None:
    result = service.tally(yes, no, abstain)
    assert result.outcome is outcome
    assert result.votes_cast == yes + no


def test_beijing_vote_admits_palestine_with_a_bureau(db: Database) -> None:
    vote_id = _open_vote(db)
    _cast(db, vote_id, 75, 24, 34)
    with db.write() as session:
        vote = service.close_vote(session, system_caller(), vote_id)
    assert (vote.yes, vote.no, vote.abstain, vote.outcome) == (75, 24, 34, "admitted")
    with db.read() as session:
        assert members.get_bureau(session, "PS").kind == "ncb"
        assert members.count_members(session) == 196
        events = set(session.execute(select(AuditEntry.event)).scalars())
    assert {"assembly.ballot_cast", "assembly.vote_closed", "members.admitted"} <= events


def test_rejected_candidate_gets_no_bureau(db: Database) -> None:
    vote_id = _open_vote(db, "TV", Region.ASIA_SOUTH_PACIFIC)
    _cast(db, vote_id, 68, 51, 16)
    with db.write() as session:
        assert service.close_vote(session, system_caller(), vote_id).outcome == "rejected"
    with db.read() as session:
        assert not members.is_member(session, "TV")


def test_each_bureau_votes_once_and_only_members_vote(db: Database) -> None:
    vote_id = _open_vote(db)
    supervisor = caller_for(db, "supervisor.fr")
    with db.write() as session:
        service.cast_ballot(session, supervisor, vote_id, Choice.YES)
    with pytest.raises(Conflict), db.write() as session:
        service.cast_ballot(session, supervisor, vote_id, Choice.NO)
    for username in ("officer.fr", "admin.gs", "officer.afripol"):
        with pytest.raises(Forbidden), db.write() as session:
            service.cast_ballot(session, caller_for(db, username), vote_id, Choice.NO)
    with pytest.raises(Forbidden), db.write() as session:
        service.cast_ballot(session, supervisor, vote_id, Choice.NO, bureau="DE")
    with db.read() as session:
        described = service.describe_vote(session, supervisor, vote_id)
    assert (described.ballots, described.my_choice, described.tally) == (1, Choice.YES, None)


def test_closed_vote_takes_no_ballot_and_members_cannot_be_candidates(db: Database) -> None:
    vote_id = _open_vote(db)
    with db.write() as session:
        service.close_vote(session, system_caller(), vote_id)
    with pytest.raises(Conflict), db.write() as session:
        service.cast_ballot(session, caller_for(db, "supervisor.fr"), vote_id, Choice.YES)
    with db.read() as session:
        session_id = service.list_sessions(session, system_caller())[0].id
    with pytest.raises(Conflict), db.write() as session:
        service.open_vote(
            session,
            system_caller(),
            VoteCreate(session_id=session_id, candidate="FR", region=Region.EUROPE),
        )


def test_vote_end_to_end_over_the_api(client: TestClient, db: Database) -> None:
    login(client, "admin.gs")
    csrf = api_csrf(client)
    ga = client.post(
        "/api/v1/assembly/sessions",
        headers=csrf,
        json={
            "number": 94,
            "city": "Marrakesh",
            "host_country": "MA",
            "opens_on": "2026-11-24",
            "closes_on": "2026-11-27",
        },
    )
    assert ga.status_code == 201, ga.text
    vote = client.post(
        "/api/v1/assembly/votes",
        headers=csrf,
        json={"session_id": ga.json()["id"], "candidate": "tuv", "region": "asia_south_pacific"},
    )
    assert vote.status_code == 201, vote.text
    vote_id = vote.json()["id"]
    assert vote.json()["candidate"] == "TV"

    client.cookies.clear()
    login(client, "supervisor.fr")
    cast = client.post(
        f"/api/v1/assembly/votes/{vote_id}/ballots",
        headers=api_csrf(client),
        json={"choice": "yes"},
    )
    assert cast.status_code == 201, cast.text
    assert cast.json()["my_choice"] == "yes" and cast.json()["tally"] is None
    again = client.post(
        f"/api/v1/assembly/votes/{vote_id}/ballots",
        headers=api_csrf(client),
        json={"choice": "no"},
    )
    assert again.status_code == 409
    assert again.headers["content-type"].startswith("application/problem+json")

    client.cookies.clear()
    login(client, "admin.gs")
    closed = client.post(f"/api/v1/assembly/votes/{vote_id}/close", headers=api_csrf(client))
    assert closed.status_code == 200
    assert closed.json()["tally"]["outcome"] == "admitted"
    assert client.get("/api/v1/members/TV").json()["code"] == "TV"


def test_vote_page_shows_ballot_form_and_result(client: TestClient, db: Database) -> None:
    vote_id = _open_vote(db)
    login(client, "supervisor.ma")
    page = client.get(f"/assembly/votes/{vote_id}")
    assert page.status_code == 200 and 'id="ballot"' in page.text
    response = client.post(
        f"/assembly/votes/{vote_id}/ballot",
        data={"choice": "abstain", "csrf_token": csrf_from(page.text)},
        follow_redirects=True,
    )
    assert 'id="my-choice"' in response.text and 'id="ballot"' not in response.text
