"""Story matching at scale: does attaching a new article cost the same in a big store?

    python bench/stories_scale.py [--events 100000] [--batches 1000,2000,4000] [--seed 7]

Synthesises a store of about `--events` events the way ingest writes them
(article row, `attach`, event rows; ~200 actors with skewed popularity, 16
PLOVER categories plus 20% happenings outside PLOVER (OTHER), each article's
first report its lead event, dates over 5 years at mixed precision, each
real-world event reported by 1-6 articles), then times `attach` for batches of
new articles, one transaction per article as in ingest. Prints the time per new article for
each batch and at each store size, plus pairwise precision/recall of the
stories against the synthetic truth. Uses a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from diplotrack.ingest import dedup  # noqa: E402
from diplotrack.models import Article, Event, Evidence, Location, Participant  # noqa: E402
from diplotrack.store.db import Store  # noqa: E402
from diplotrack.stories import attach  # noqa: E402

CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
OTHER_SHARE = 0.2  # happenings outside PLOVER: their reports are OTHER lead events
MODES = [None, None, "visit", "meet", "call", "statement", "deport", "airstrike"]
START = date(2021, 1, 1)
DAYS = 5 * 365


@dataclass
class World:
    """One real-world event that articles report."""
    wid: int
    category: str
    actors: list[int]
    recipients: list[int]
    day: date
    place: int
    mode: str | None
    words: list[str]


class Synth:
    def __init__(self, seed: int, n_actors: int = 200) -> None:
        self.rng = random.Random(seed)
        weights = [1 / (i + 1) ** 0.9 for i in range(n_actors)]  # a few actors dominate
        self.actor_weights = weights
        self.actors = [Participant(f"act{i:03d}", f"Actor {i}", "state", f"Actor {i}",
                                   country=f"C{i:02d}"[:3]) for i in range(n_actors)]
        self.vocab = [f"w{i}" for i in range(3000)]
        self.places = [(f"City{i}", f"C{i % 90:02d}") for i in range(150)]
        self.worlds: list[World] = []
        self.n_articles = 0
        self.truth: dict[str, int] = {}  # event id -> world id

    def actor(self) -> int:
        return self.rng.choices(range(len(self.actors)), self.actor_weights)[0]

    def new_world(self, around: int) -> World:
        r = self.rng
        a = self.actor()
        b = self.actor()
        while b == a:
            b = self.actor()
        day = START + timedelta(days=max(0, around - r.randint(0, 20)))
        category = "OTHER" if r.random() < OTHER_SHARE else r.choice(CATEGORIES)
        w = World(len(self.worlds), category, [a], [b] if r.random() < 0.85 else [],
                  day, r.randrange(len(self.places)), r.choice(MODES),
                  r.sample(self.vocab, 6))
        self.worlds.append(w)
        return w

    def article(self, now: int) -> tuple[Article, list[Event]]:
        r = self.rng
        self.n_articles += 1
        i = self.n_articles
        pub = START + timedelta(days=now)
        art = Article(id=f"art{i:07d}", source=f"synth://{i}", text="",
                      published=pub.isoformat())
        recent = [w for w in self.worlds[-400:] if 0 <= (pub - w.day).days <= 30]
        events = []
        chosen: set[int] = set()
        for k in range(r.choice([1, 2, 3, 3, 4, 5])):
            w = r.choice(recent) if recent and r.random() < 0.6 else self.new_world(now)
            if w.wid in chosen:
                continue
            chosen.add(w.wid)
            events.append(self.report(art, w, k))
        if events:  # the article's first report is its lead, matched by its lede too
            events[0].lead, events[0].lede = True, events[0].evidence[0].sentence
        # its text: its reports' sentences (and a word of its own, so that each is unique)
        art.text = " ".join([e.evidence[0].sentence for e in events] + [art.id])
        art.text_hash, art.simhash = dedup.text_hash(art.text), dedup.simhash(art.text)
        return art, events

    def report(self, art: Article, w: World, k: int) -> Event:
        r = self.rng
        prec = r.random()
        d = w.day.isoformat()
        when = d if prec < 0.5 else d[:7] if prec < 0.75 else d[:4] if prec < 0.85 else None
        words = r.sample(w.words, 4) + r.sample(self.vocab, 6)
        place = self.places[w.place]
        ev = Event(
            id=f"{art.id}-{k}", article_id=art.id,
            event_type=w.category if w.category == "OTHER" or r.random() < 0.85
            else r.choice(CATEGORIES),
            mode=w.mode, date=when,
            actor=[self.actors[a] for a in w.actors],
            recipient=[self.actors[b] for b in w.recipients] if r.random() < 0.9 else [],
            location=Location(*place) if r.random() < 0.6 else None,
            evidence=[Evidence(" ".join(words), 0, 10)],
        )
        self.truth[ev.id] = w.wid
        return ev


def ingest(store: Store, synth: Synth, n_articles: int, rate: float,
           per_txn: int) -> tuple[int, float, float]:
    """Add n articles at `rate` articles per day, continuing the synthetic clock;
    returns (events added, wall seconds in attach, CPU seconds in attach). The CPU
    time is the figure to compare: it does not count waiting for a busy machine."""
    added, spent, cpu = 0, 0.0, 0.0
    i = 0
    while i < n_articles:
        with store.transaction() as conn:
            for _ in range(min(per_txn, n_articles - i)):
                art, events = synth.article(int(synth.n_articles / rate))
                store.save_article(conn, art)
                t0, c0 = time.perf_counter(), time.process_time()
                attach(conn, events, art)
                spent += time.perf_counter() - t0
                cpu += time.process_time() - c0
                store.save_events(conn, events)
                added += len(events)
                i += 1
    return added, spent, cpu


def pairwise(store: Store, truth: dict[str, int]) -> tuple[float, float, float]:
    from collections import Counter

    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, story_id FROM events").all()
    pred = {eid: sid for eid, sid in rows}
    pairs = Counter((pred[e], truth[e]) for e in pred if e in truth)
    by_story = Counter(pred[e] for e in pred if e in truth)
    by_world = Counter(truth[e] for e in pred if e in truth)
    c2 = lambda n: n * (n - 1) // 2  # noqa: E731
    tp = sum(c2(n) for n in pairs.values())
    p = tp / max(1, sum(c2(n) for n in by_story.values()))
    rc = tp / max(1, sum(c2(n) for n in by_world.values()))
    return p, rc, 2 * p * rc / max(1e-9, p + rc)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--batches", default="1000,2000,4000")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    synth = Synth(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "scale.db"))
        t0 = time.perf_counter()
        n_events, articles = 0, 0
        base_articles = int(args.events / 2.6)
        rate = base_articles / DAYS  # articles per synthetic day, kept for the new batches
        print(f"building a store of ~{args.events:,} events ({rate:.0f} articles/day "
              f"over {DAYS // 365} years) ...", flush=True)
        for target in (base_articles // 4, base_articles // 2, base_articles):
            added, _, c = ingest(store, synth, target - articles, rate, per_txn=200)
            n_events += added
            articles = target
            print(f"  {articles:>7,} articles {n_events:>8,} events  attach "
                  f"{1000 * c / max(1, added):.3f} ms CPU/event in this stretch  "
                  f"({time.perf_counter() - t0:.0f} s so far)", flush=True)
        print(f"built: {n_events:,} events, {store.count('stories'):,} stories, "
              f"{store.count('story_keys'):,} story keys in {time.perf_counter() - t0:.0f} s")
        print("\nnew articles (one transaction each), timing attach only:")
        print(f"{'batch':>7} {'events':>7} {'store events':>13} {'CPU ms/article':>15} "
              f"{'CPU ms/event':>13} {'wall ms/article':>16}")
        for batch in (int(b) for b in args.batches.split(",")):
            before = store.count("events")
            added, wall, cpu = ingest(store, synth, batch, rate, per_txn=1)
            print(f"{batch:>7,} {added:>7,} {before:>13,} {1000 * cpu / batch:>15.3f} "
                  f"{1000 * cpu / added:>13.3f} {1000 * wall / batch:>16.3f}", flush=True)
        p, r, f = pairwise(store, synth.truth)
        print(f"\nsynthetic truth, pairwise over all reports: P={p:.3f} R={r:.3f} F1={f:.3f}")
        store.close()


if __name__ == "__main__":
    main()
