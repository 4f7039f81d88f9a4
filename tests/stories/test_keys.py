"""Blocking keys: the candidates of a new event do not grow with the store."""

from __future__ import annotations

from diplotrack.stories import config, keys
from diplotrack.stories.profile import Profile

from .helpers import article, event, ingest


def _lookup(store, ev):
    cfg = config.load()
    with store.engine.connect() as conn:
        (found,) = keys.candidates(conn, [keys.lookup_keys(Profile.of_event(ev), cfg)],
                                   int(cfg["recent_undated_candidates"]),
                                   int(cfg["max_candidates"]))
    return found


def test_a_dated_event_sees_only_its_month_and_capped_buckets(store):
    sids = {}
    for year in (2021, 2022, 2023, 2024):
        for month in range(1, 13):
            art = article()
            ev = event(art, "CONSULT", ["usa"], ["taliban"], date=f"{year}-{month:02d}-10",
                       sentence=f"Talks number {year}{month}.")
            ingest(store, art, [ev])
            sids[(year, month)] = ev.story_id
    assert len(set(sids.values())) == 48
    probe = event(article(), "CONSULT", ["usa"], ["taliban"], date="2023-05-10")
    assert _lookup(store, probe) == [sids[(2023, 5)]]
    undated = event(article(), "CONSULT", ["usa"], ["taliban"])
    found = _lookup(store, undated)
    assert len(found) == config.load()["recent_undated_candidates"]
    assert sids[(2024, 12)] in found and sids[(2021, 1)] not in found  # newest first


def test_families_share_blocks_only_when_compatible():
    assert "conflict" in config.lookup_blocks("reject")
    assert config.lookup_blocks("force") == ["conflict"]
    assert config.category_score("REJECT", "SANCTION") > 0
    assert config.category_score("CONSULT", "ASSAULT") == 0


def test_person_ids_match_by_surname():
    art = article()
    ev = event(art, "CONSULT", ["usa"], ["taliban"])
    ev.actor[0].id = "person:adam-boehler"
    assert "person:boehler" in Profile.of_event(ev).participants
