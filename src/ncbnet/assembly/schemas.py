from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ncbnet.core.members import Region


class Choice(StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


class Outcome(StrEnum):
    ADMITTED = "admitted"
    REJECTED = "rejected"


class SessionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: int = Field(ge=1, le=1000, examples=[94])
    city: str = Field(min_length=1, max_length=100, examples=["Lyon"])
    host_country: str | None = Field(None, min_length=2, max_length=3, examples=["FR"])
    opens_on: date
    closes_on: date

    @model_validator(mode="after")
    def _dates_in_order(self) -> SessionCreate:
        if self.closes_on < self.opens_on:
            raise ValueError("closes_on is before opens_on")
        return self


class SessionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: int
    city: str
    host_country: str | None
    opens_on: date
    closes_on: date


class VoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    session_id: str = Field(min_length=26, max_length=26)
    candidate: str = Field(min_length=2, max_length=3, examples=["TV"])
    region: Region


class BallotCast(BaseModel):
    model_config = ConfigDict(extra="forbid")

    choice: Choice


class Tally(BaseModel):
    yes: int
    no: int
    abstain: int
    votes_cast: int = Field(description="yes + no; abstentions are not votes cast")
    share_yes: float | None = Field(description="yes / (yes + no), or null with no votes cast")
    threshold: float = 2 / 3
    outcome: Outcome


class VotePublic(BaseModel):
    id: str
    session: SessionPublic
    candidate: str
    candidate_name: str
    region: str
    status: str
    opened_at: datetime
    closed_at: datetime | None
    ballots: int = Field(description="How many bureaus have voted so far (secret until closed)")
    electorate: int = Field(description="Member bureaus entitled to vote")
    my_choice: Choice | None = Field(description="The calling bureau's own ballot, if any")
    tally: Tally | None = Field(description="Only once the vote is closed")
