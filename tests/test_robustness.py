"""Awkward but legitimate inputs ingest without error (issue: events, bad input)."""

from __future__ import annotations

import json

import pytest

from diplotrack.pipeline import Pipeline
from diplotrack.store.db import Store

pytestmark = pytest.mark.slow

WORDS = ["the", "delegation", "from", "Pakistan", "met", "officials", "of", "Afghanistan", "and", "discussed", "trade", "visas", "border", "crossings", "refugees", "and", "water", "rights", "while", "observers", "from", "China", "and", "Qatar", "watched"]


def _records() -> list[dict[str, object]]:
    long_sentence = " ".join(WORDS[i % len(WORDS)] for i in range(5000)) + "."
    other = ["ministers", "from", "Turkey", "and", "Iran", "signed", "memoranda", "on", "energy", "pipelines", "customs", "rules", "railway", "links", "and", "consular", "offices", "after", "officials", "in", "Ankara", "hosted", "envoys"]
    no_punctuation = "\n".join(" ".join(other[(i * 7 + j) % len(other)] for j in range(40)) for i in range(60))
    table = "\n".join(["Country | Visits | Agreements | Date", "---|---|---|---"] +
                      [f"Pakistan | {i} | {i % 3} | 2025-0{1 + i % 9}-1{i % 9}" for i in range(200)])
    # a language without event cues (data/cues.yaml): stored, events skipped with a note
    dutch = ("De Nederlandse regering heeft twee vertegenwoordigers van de Taliban geaccrediteerd als "
             "consulaire ambtenaren, meldde het ministerie van Buitenlandse Zaken donderdag in Den Haag. ") * 10
    no_events = ("The recipe calls for two cups of flour, a pinch of salt and an hour of patience. "
                 "Knead the dough until it is smooth, then let it rest in a warm place. ") * 10
    texts = {"long": long_sentence, "nopunct": no_punctuation, "table": table, "nl": dutch, "none": no_events}
    return [{"id": k, "text": v, "published": "2025-09-21"} for k, v in texts.items()]


def test_awkward_articles_ingest_and_keep_their_text(tmp_path, full_nlp):
    corpus = tmp_path / "awkward.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in _records()) + "\n", encoding="utf-8")
    store = Store.open(str(tmp_path / "r.db"))
    try:
        report = Pipeline(store, nlp=full_nlp).ingest([str(corpus)])
        assert not report.failed, [str(f) for f in report.failed]
        articles = {a["source"].rsplit("#", 1)[1]: a for a in store.iter_articles()}
        assert set(articles) == {"long", "nopunct", "table", "nl", "none"}
        assert articles["nl"]["language"] == "nl"
        assert any("language 'nl'" in n for n in report.notes)  # events skipped, with the reason
        by_article = {}
        for ev in store.iter_events():
            by_article.setdefault(ev.article_id, []).append(ev)
        assert articles["none"]["id"] not in by_article and articles["nl"]["id"] not in by_article
        for ev in store.iter_events():
            text = next(a["text"] for a in articles.values() if a["id"] == ev.article_id)
            for e in ev.evidence:
                assert text[e.start:e.end] == e.sentence
    finally:
        store.close()


def test_copies_read_in_one_run_are_sources_of_the_one_article(tmp_path, full_nlp):
    text = ("Pakistan and Afghanistan agreed on Monday to reopen the Torkham border crossing "
            "after talks in Kabul, officials said.\n")
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(text, encoding="utf-8")
    store = Store.open(str(tmp_path / "r.db"))
    try:
        first = Pipeline(store, nlp=full_nlp).ingest([str(folder)])
        assert len(first.stored) == 1 and len(first.duplicates) == 2 and not first.failed
        again = Pipeline(store, nlp=full_nlp).ingest([str(folder)])
        assert len(again.skipped) == 3 and not again.duplicates  # every copy is known
        assert {store.source_known(str(folder / n)) for n in ("a.txt", "b.txt", "c.txt")} == \
            {first.stored[0]}
    finally:
        store.close()
