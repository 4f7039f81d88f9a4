"""One agency text carried by several outlets: a report per outlet, linked as copies."""

from __future__ import annotations

import json

import pytest

from diplotrack.pipeline import Pipeline
from diplotrack.store.db import Store
from diplotrack.stories import iter_stories

pytestmark = pytest.mark.slow

WIRE = ("KABUL (AFP) - Iran's Foreign Minister Abbas Araghchi met Taliban Prime Minister "
        "Mohammad Hasan Akhund in Kabul on Sunday, the first visit by an Iranian foreign minister "
        "in eight years, officials said. The two sides discussed trade, water rights along the "
        "Helmand river and the return of Afghan migrants, the Taliban foreign ministry said. "
        "Araghchi also met Taliban foreign minister Amir Khan Muttaqi. Iran has kept its embassy "
        "in Kabul open since the Taliban returned to power in 2021 but has not recognised their "
        "government.")


def test_copies_from_other_outlets_are_reports_linked_as_copies(tmp_path, full_nlp):
    rows = [
        {"id": "a", "title": "Iran's foreign minister in Kabul", "outlet": "Outlet One",
         "published": "2025-01-26", "text": WIRE},
        {"id": "b", "title": "Araghchi meets Taliban leaders", "outlet": "Outlet Two",
         "published": "2025-01-26", "text": WIRE + " Trade between the two reached $3 billion."},
        {"id": "c", "title": "Araghchi in Kabul", "outlet": "Outlet One",  # the same outlet again
         "published": "2025-01-26", "text": WIRE + " More to follow."},
    ]
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with Store.open(str(tmp_path / "w.db")) as store:
        report = Pipeline(store, nlp=full_nlp).ingest([str(corpus)])
        assert len(report.stored) == 2 and len(report.duplicates) == 1
        arts = {a["source"].rsplit("#", 1)[1]: a for a in store.iter_articles()}
        assert arts["a"]["copy_of"] is None and arts["b"]["copy_of"] == arts["a"]["id"]
        story = next(s for s in iter_stories(store) if arts["a"]["id"] in s["article_ids"])
        assert set(story["article_ids"]) == {arts["a"]["id"], arts["b"]["id"]}
        assert story["copies"] == [[arts["a"]["id"], arts["b"]["id"]]]
        assert story["outlets"] == ["Outlet One", "Outlet Two"]
