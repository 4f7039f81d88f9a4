"""Quality gate for events and stories on the test parts of the data sets they were
trained and tuned on (diplotrack.evaluation.split): text that no model, rule or
threshold was fitted to. Floors are the figures measured when they were pinned,
less some slack; raise a floor when a change lifts a figure for good.

- real multi-outlet news (shared/evaldata/realnews-dev, 19 English test reports of
  5 events), scored by the acceptance scorer (shared/tools/realnews-score);
- public-domain government texts (evaldata/gov-statements, 9 test texts);
- PLOVER gold records (51 test sentences): the top event's category;
- synthetic stories (701 test stories of unseen headline templates): the lead
  event's category;
- paragraphs in eight other languages (evaldata/multilingual-synthetic, 17 test
  items): events found and false alarms.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplotrack.evaluation import multilingual, ngec, plover
from diplotrack.evaluation.acceptance import find_set, run_set, score_parts, summary

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]

# measured 2026-12-08 (test parts), after truecased headlines, document titles read for
# their topic and stories preferring main reports: real news P 0.750 R 0.700 F1 0.724,
# dates 10/13, main-event pairs F1 0.760, near-miss pairs merged 4/32; government texts
# F1 0.445 (6 of 14 found, 7 false alarms; 0.518 at the session's start with 7 and 6: the
# floor of 0.42 leaves room for one more false alarm); PLOVER records 0.804 (most confident event); synthetic stories 0.753; other
# languages F1 0.789
FLOORS = {
    "realnews_f1": 0.70, "realnews_precision": 0.70, "realnews_recall": 0.65,
    "realnews_dates": 0.70, "realnews_main_pairs_f1": 0.70, "realnews_near_miss_merged": 8,
    "gov_f1": 0.42, "plover_category": 0.75, "ngec_lead": 0.72, "multilingual_f1": 0.72,
}


def _scored(shared: Path, tmp: Path, dataset: str) -> dict:
    gs = find_set(shared, REPO, dataset)
    test_docs = {doc for doc, part in (gs.parts or {}).items() if part == "test"}
    run_set(gs, shared, tmp, test_docs)
    return summary(score_parts(gs, shared, tmp, ("test",))["test"])


@pytest.fixture(scope="module")
def realnews(shared, tmp_path_factory):
    if not (shared / "evaldata" / "realnews-dev" / "events").is_dir():
        pytest.skip("realnews-dev is not in ../shared/evaldata")
    return _scored(shared, tmp_path_factory.mktemp("realnews"), "realnews-dev")


def test_real_news_events_above_floors(realnews):
    assert realnews["f1"] >= FLOORS["realnews_f1"], realnews
    assert realnews["precision"] >= FLOORS["realnews_precision"], realnews
    assert realnews["recall"] >= FLOORS["realnews_recall"], realnews
    assert realnews["dates"] >= FLOORS["realnews_dates"], realnews


def test_real_news_main_event_stories_above_floors(realnews):
    assert realnews["pairs_main_f1"] >= FLOORS["realnews_main_pairs_f1"], realnews
    assert realnews["near_miss_merged"] <= FLOORS["realnews_near_miss_merged"], realnews


def test_government_texts_above_floor(shared, tmp_path_factory):
    if not (shared / "corpus" / "pd-news").is_dir():
        pytest.skip("the public-domain corpus is not in ../shared/corpus")
    gov = _scored(shared, tmp_path_factory.mktemp("gov"), "gov-statements")
    assert gov["f1"] >= FLOORS["gov_f1"], gov


def test_plover_records_above_floor(shared, full_nlp):
    path = shared / "evaldata" / "plover-gsr" / "plover_gsr_cameo.jsonl"
    if not path.is_file():
        pytest.skip("plover-gsr is not in ../shared/evaldata")
    scores = plover.top_scores([r for r in plover.load(path) if r.part == "test"], full_nlp)
    assert scores["test"]["category"] >= FLOORS["plover_category"], scores


def test_synthetic_stories_above_floor(shared, full_nlp):
    path = shared / "evaldata" / "ngec-synthetic" / "stories.jsonl"
    if not path.is_file():
        pytest.skip("ngec-synthetic is not in ../shared/evaldata")
    scores = ngec.lead_scores([s for s in ngec.load(path) if s.part == "test"], full_nlp)
    assert scores["test"]["accuracy"] >= FLOORS["ngec_lead"], scores


def test_other_languages_above_floor(full_nlp):
    items = [it for it in multilingual.load() if multilingual.part("multilingual-synthetic", it["id"]) == "test"]
    scores = multilingual.score(items, nlp=full_nlp)["test:all"]
    assert scores["language_right"] == scores["items"], scores
    assert scores["f1"] >= FLOORS["multilingual_f1"], scores
