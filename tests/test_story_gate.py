"""Quality gate for stories: ECB+ documents (shared/evaldata/ecbplus) through the
real pipeline, scored as "do these two documents report the same event?", with
pinned floors (like tests/test_quality_gate.py for the seed articles).

Topics 36-45 (166 documents, the usual test split) keep it under half a minute.
A change that drops a score below its floor fails here; raise a floor when a
change lifts the score for good.
"""

from __future__ import annotations

import pytest

from diplotrack.evaluation.ecbplus import cluster, load_documents, pairwise, parse_topics
from diplotrack.nlp.pipeline import process

pytestmark = pytest.mark.slow

# measured 2026-12-01 on topics 36-45: P 0.965, R 0.832, F1 0.893 (all 24 topics: 0.889)
FLOORS = {"F1": 0.86, "P": 0.93, "R": 0.80}


@pytest.fixture(scope="module")
def scores(shared, full_nlp):
    root = shared / "evaldata" / "ecbplus"
    if not (root / "doc_index.jsonl").is_file():
        pytest.skip("ECB+ is not in ../shared/evaldata")
    articles, gold = load_documents(root, parse_topics("36-45"))
    events = {a.id: list(doc._.events or [])
              for a, doc in zip(articles, process(full_nlp, articles), strict=True)}
    stories = cluster(articles, events)
    return pairwise(stories, gold, [a.id for a in articles])


def test_same_event_pairs_above_floors(scores):
    assert scores["F1"] >= FLOORS["F1"], scores
    assert scores["P"] >= FLOORS["P"], scores
    assert scores["R"] >= FLOORS["R"], scores


def test_pairwise_scoring():
    stories = {"1_1ecb": {"s1"}, "1_2ecb": {"s1"}, "1_1ecbplus": {"s1"}, "1_2ecbplus": {"s2"}}
    gold = {"1_1ecb": "1ecb", "1_2ecb": "1ecb", "1_1ecbplus": "1ecbplus", "1_2ecbplus": "1ecbplus"}
    m = pairwise(stories, gold, list(stories))
    assert (m["tp"], m["fp"], m["fn"]) == (1, 2, 1)  # one right pair, two wrong, one missed
    assert m["P"] == pytest.approx(1 / 3) and m["R"] == pytest.approx(0.5)
