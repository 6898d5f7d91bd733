"""Persons fixtures: ``new_person(client_or_db, ...)`` records a person through the service."""

from __future__ import annotations

from typing import Any

from ncbnet.core.db import Database
from ncbnet.persons import service
from ncbnet.persons.schemas import PersonCreate
from tests.conftest import caller_for

HUSSEINI: dict[str, Any] = {
    "category": "wanted",
    "sex": "m",
    "birth_dates": ["1975-03-02"],
    "nationalities": ["EG"],
    "names": [
        {"full": "محمد عبد الرحمن الحسيني"},
        {
            "full": "Mohammed Abdulrahman Al-Husseini",
            "given": "Mohammed Abdulrahman",
            "family": "Al-Husseini",
        },
    ],
    "identifiers": [{"kind": "passport", "value": "A 1234-5678", "country": "EG"}],
    "offences": ["terrorism_financing"],
}


def record_person(db: Database, username: str, data: dict[str, Any]) -> str:
    with db.write() as session:
        person = service.create_person(
            session, caller_for(db, username), PersonCreate.model_validate(data)
        )
        return person.id
