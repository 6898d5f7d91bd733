"""The shared record envelope and the owner's access policy, enforced inside the SQL query.

Members see records shared with all, or with a list that includes them, or with all except a
list that excludes them; the GS sees everything; a partner organisation sees only records whose
owner listed it by name ("only listed"), never the blanket "all" ones.

Listed countries are stored as a delimited string (",FR,DE,") rather than in an association
table: the policy then travels with the row, filters with one LIKE on both engines, and the
in-memory engines can evaluate exactly the same rule with :func:`policy_allows`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, String, and_, false, not_, or_, true
from sqlalchemy.orm import Mapped, declared_attr, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from ncbnet.core.db import UTCDateTime, new_id, utcnow
from ncbnet.core.errors import N_, Invalid
from ncbnet.core.permissions import Caller


class Visibility(StrEnum):
    ALL = "all"
    ONLY = "only"
    EXCEPT = "except"


class HandlingCode(StrEnum):
    """What a recipient may do with a record beyond reading it."""

    NONE = "none"
    NO_ONWARD = "no_onward"
    """No onward transmission without the owner's consent."""
    POLICE_ONLY = "police_only"
    """Law-enforcement use only; not for judicial proceedings without the owner's consent."""
    OWNER_CONSENT = "owner_consent"
    """Any use beyond intelligence needs the owner's prior consent."""


def encode_countries(codes: Iterable[str]) -> str:
    cleaned = sorted({c.strip().upper() for c in codes if c.strip()})
    return "," + ",".join(cleaned) + "," if cleaned else ""


def decode_countries(stored: str) -> list[str]:
    return [c for c in stored.split(",") if c]


class RecordEnvelope:
    """Columns every shared record carries (mixed into each capability's record tables)."""

    id: Mapped[str] = mapped_column(String(26), primary_key=True, default=new_id)
    owner: Mapped[str] = mapped_column(String(12), index=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    visibility: Mapped[str] = mapped_column(String(8), default=Visibility.ALL)
    policy_countries: Mapped[str] = mapped_column(String(2000), default="")
    handling_code: Mapped[str] = mapped_column(String(16), default=HandlingCode.NONE)
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    review_date: Mapped[date | None] = mapped_column(Date(), nullable=True)

    @declared_attr.directive
    def __envelope__(cls) -> bool:
        return True

    def set_policy(self, visibility: Visibility, countries: Iterable[str] = ()) -> None:
        codes = encode_countries(countries)
        if visibility is not Visibility.ALL and not codes:
            raise Invalid(
                N_("visibility '%(visibility)s' needs at least one listed country"),
                visibility=str(visibility),
            )
        self.visibility = visibility
        self.policy_countries = codes if visibility is not Visibility.ALL else ""


def visible_to(model: type[RecordEnvelope], caller: Caller) -> ColumnElement[bool]:
    """SQL condition: rows of ``model`` that ``caller``'s bureau may see."""
    if caller.is_gs:
        return true()
    listed = model.policy_countries.contains(f",{caller.bureau},", autoescape=True)
    if caller.is_partner:
        return or_(model.owner == caller.bureau, and_(model.visibility == Visibility.ONLY, listed))
    return or_(
        model.owner == caller.bureau,
        model.visibility == Visibility.ALL,
        and_(model.visibility == Visibility.ONLY, listed),
        and_(model.visibility == Visibility.EXCEPT, not_(listed)),
        false(),
    )


def policy_allows(
    *,
    owner: str,
    visibility: str,
    policy_countries: str,
    bureau: str,
    is_gs: bool,
    is_partner: bool = False,
) -> bool:
    """The same rule as :func:`visible_to`, for in-memory engines."""
    if is_gs or owner == bureau:
        return True
    listed = f",{bureau}," in policy_countries
    if is_partner:
        return visibility == Visibility.ONLY and listed
    if visibility == Visibility.ALL:
        return True
    if visibility == Visibility.ONLY:
        return listed
    if visibility == Visibility.EXCEPT:
        return not listed
    return False


def past_review(model: type[RecordEnvelope], today: date) -> ColumnElement[bool]:
    """Records due for renewal or deletion by their owner (retention)."""
    return and_(model.review_date.is_not(None), model.review_date < today)
