from __future__ import annotations

from datetime import datetime

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from ncbnet.core.permissions import Role


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=3, max_length=64, examples=["officer2.fr"])
    bureau: str = Field(min_length=2, max_length=12, examples=["FR"])
    role: Role
    password: str = Field(min_length=1, max_length=500)
    full_name: str = Field("", max_length=200)
    language: str | None = Field(None, pattern="^(ar|en|fr|es)$")


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    username: str
    full_name: str
    bureau: str
    role: str
    active: bool
    language: str | None
    created_at: datetime
    last_login_at: datetime | None
    locked_until: datetime | None


class TokenCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, examples=["Border post CDG T2"])
    bureau: str = Field(min_length=2, max_length=12, examples=["FR"])
    scopes: list[str] = Field(min_length=1, max_length=20, examples=[["members"]])
    expires_at: datetime | None = None


class TokenPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    bureau: str
    scopes: list[str] = Field(validation_alias=AliasChoices("scope_list", "scopes"))
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None


class TokenCreated(TokenPublic):
    token: str = Field(description="The secret; shown once, store it now.")


class Me(BaseModel):
    actor: str
    bureau: str
    role: str | None
    is_gs: bool
    via: str
    scopes: list[str]
    actions: list[str]
