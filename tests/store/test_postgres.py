from __future__ import annotations

import pytest

from diplotrack.store.db import Store
from tests import pg_cluster

from .helpers import make_article, make_event

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not pg_cluster.available(), reason="no PostgreSQL server binaries (apt-get install postgresql)"),
]


@pytest.fixture(scope="module")
def pg_url():
    with pg_cluster.cluster() as url:
        yield url


def test_postgres_store_round_trip_and_search(pg_url):
    store = Store.open(pg_url)
    try:
        assert store.dialect == "postgresql"
        text = ("Pakistan and Afghanistan agreed to exchange ambassadors after talks in Beijing "
                "brokered by China, officials in Islamabad said on Friday.")
        art = make_article(text, source="pg.txt", title="Ambassadors to be exchanged")
        with store.transaction() as conn:
            store.save_article(conn, art)
            store.save_events(conn, [make_event(art.id)])
        assert [a["id"] for a in store.iter_articles()] == [art.id]
        assert [e.id for e in store.iter_events()] == ["e1"]
        assert [h["id"] for h in store.search("ambassador")] == [art.id]
        assert store.find_duplicate(make_article(text.upper(), source="again.txt")) == (art.id, "pg.txt")
    finally:
        store.close()
    Store.open(pg_url).close()  # migrations already applied: opening again is a no-op
