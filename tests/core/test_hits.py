from __future__ import annotations

from fastapi.testclient import TestClient

from ncbnet.core import hits
from ncbnet.core.db import Database
from tests.conftest import caller_for, login


def test_hit_is_stored_for_the_owner_until_delivered(db: Database, client: TestClient) -> None:
    searcher = caller_for(db, "officer.ma")
    with db.write() as session:
        hit = hits.record_hit(
            session,
            searcher,
            capability="persons",
            record_id="R1",
            owner="FR",
            score=0.93,
            location="Casablanca airport",
        )
    with db.read() as session:
        pending = hits.undelivered_hits(session)
        for_fr = hits.hits_for_owner(session, "FR")
        for_de = hits.hits_for_owner(session, "DE")
    assert [h.id for h in pending] == [hit.id] and [h.id for h in for_fr] == [hit.id]
    assert for_fr[0].searcher == "officer.ma" and for_fr[0].searcher_bureau == "MA"
    assert for_de == []
    with db.write() as session:
        hits.mark_delivered(session, [hit.id])
    with db.read() as session:
        assert hits.undelivered_hits(session) == []
    login(client, "officer.fr")
    assert "persons · MA" in client.get("/").text
