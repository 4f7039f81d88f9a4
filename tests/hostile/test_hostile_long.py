"""Long and event-dense articles: analysed in pieces, stored whole, evidence in place."""

from __future__ import annotations

import itertools

from diplotrack.nlp import chunks
from diplotrack.pipeline import Pipeline
from diplotrack.store.db import Store

STATES = ["Norway", "Chile", "Kenya", "Japan", "Brazil", "Egypt", "Canada", "India", "Ghana",
          "Peru", "Poland", "Vietnam", "Mexico", "Spain", "Nigeria", "Turkey"]
VERBS = ["met", "hosted", "condemned", "signed an agreement with", "accused"]


def dense_article(chars: int) -> str:
    lines = []
    pairs = itertools.cycle(itertools.permutations(STATES, 2))
    verbs = itertools.cycle(VERBS)
    while sum(len(x) + 2 for x in lines) < chars:
        a, b = next(pairs)
        lines.append(f"The foreign minister of {a} {next(verbs)} the foreign minister of {b} "
                     f"in the capital on Monday, officials said. Talks on trade followed.")
    return "\n\n".join(lines)


def test_split_covers_the_text_at_boundaries():
    text = ("word " * 30 + "end.\n\n") * 20_000  # 3.1 M characters: over spaCy's 2 M limit
    pieces = list(chunks.split(text))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= chunks.CHUNK_CHARS for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])
    assert [len(p) for _, p in chunks.split("x" * 250_000)] == [100_000, 100_000, 50_000]


def test_a_235KB_event_dense_article_is_stored_whole(tmp_path, full_nlp):
    text = dense_article(235_000)
    (tmp_path / "long.txt").write_text("Ministers meet across the world\n\n" + text)
    with Store.open(str(tmp_path / "db.sqlite")) as store:
        report = Pipeline(store, nlp=full_nlp).ingest([str(tmp_path / "long.txt")])
        assert report.ok and len(report.stored) == 1, report.failed
        [article] = list(store.iter_articles())
        events = list(store.iter_events())
    assert report.events == len(events) > 300
    assert len({e.id for e in events}) == len(events)
    body = article["text"]
    for ev in events:
        for evidence in ev.evidence:
            assert body[evidence.start:evidence.end] == evidence.sentence
    last_piece = list(chunks.split(body))[-1][0]
    assert any(ev.evidence[0].start > last_piece for ev in events)  # the last piece too
    assert all(ev.evidence[0].start < chunks.CHUNK_CHARS for ev in events if ev.main)


def test_fingerprints_of_a_long_text_are_those_of_the_whole_text_at_once():
    """text_hash and simhash work a block of words at a time (memory), with the values
    of the one-pass definitions (stored ids and near-duplicate bands depend on them)."""
    import hashlib

    from diplotrack.ingest import dedup

    text = dense_article(2_500_000)  # three pieces of the text, each lower-cased apart
    words = dedup.normalise(text)
    assert len(list(dedup._word_blocks(text))) == 3
    assert dedup.text_hash(text) == hashlib.sha256(" ".join(words).encode()).hexdigest()
    grams = [" ".join(words[i:i + 3]) for i in range(len(words) - 2)]
    votes = dedup._bit_counts(grams) * 2 - len(grams)
    value = int("".join("1" if v > 0 else "0" for v in votes), 2)
    assert dedup.simhash(text) == (value - (1 << 64) if value >= (1 << 63) else value)
    assert dedup.simhash("two words") == dedup.simhash("Two, words!") != 0
