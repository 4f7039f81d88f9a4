"""Odd but real inputs still ingest, and their events carry honest confidences."""

from __future__ import annotations

import json

import pytest

from diplotrack.pipeline import Pipeline
from diplotrack.store.db import Store

pytestmark = pytest.mark.slow

ODD = {
    "one-sentence": "Pakistan's foreign minister met Taliban officials in Kabul on Saturday.",
    "headline-list": ("Taliban ban women from universities\nUN condemns decree\n"
                      "Qatar urges dialogue\nMarkets close higher\nWeather: rain tomorrow"),
    "transcript": ("MS. PSAKI: Good afternoon. I have one item at the top.\n\n"
                   "Q: Will the President meet the Taliban?\n\n"
                   "MS. PSAKI: He has no plans to meet them.\n\n"
                   "Q: Thank you."),
    "no-verbs": "Kabul. Doha. Islamabad. The Taliban. The United Nations. Qatar, 2024.",
}


def test_odd_inputs_ingest_with_bounded_confidence(tmp_path, full_nlp):
    corpus = tmp_path / "odd.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": k, "text": v}) for k, v in ODD.items()) + "\n",
                      encoding="utf-8")
    with Store.open(str(tmp_path / "o.db")) as store:
        report = Pipeline(store, nlp=full_nlp).ingest([str(corpus)])
        assert not report.failed and len(report.stored) == len(ODD)
        events = list(store.iter_events())
    assert all(0.0 <= e.confidence <= 1.0 for e in events)
    assert sum(e.lead for e in events) <= len(ODD)  # at most one lead event per article
    one = [e for e in events if e.evidence and "met Taliban" in e.evidence[0].sentence]
    assert one and one[0].event_type == "CONSULT" and one[0].main
    # a question and a denial of plans are not reported meetings
    assert not any(e.event_type == "CONSULT" and e.status == "occurred" and e.main
                   and "PSAKI" in (e.evidence[0].sentence if e.evidence else "") for e in events)
