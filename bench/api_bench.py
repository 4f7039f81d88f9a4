"""Latency of the REST API over a synthetic database.

    python bench/api_bench.py [--articles 2000] [--runs 5] [--db PATH] [--no-cache]

Builds (or reuses) a SQLite database of synthetic articles with 3 events each,
written through Store methods and diplotrack.stories.attach when present, then
times each endpoint through FastAPI's TestClient (in-process; no network) and
prints the median and worst of `runs` calls, in milliseconds. The server's response
cache (diplotrack/api/cache.py) answers all but the first call of each URL; with
`--no-cache` every call runs its queries. `--articles 33334` is issue 16's 100,000 events.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from fastapi.testclient import TestClient

from diplotrack.api.app import create_app
from diplotrack.ingest import dedup
from diplotrack.models import Article, Event, Evidence, Location, Participant
from diplotrack.store.db import Store

STATES = [("USA", "United States"), ("CHN", "China"), ("RUS", "Russia"), ("PAK", "Pakistan"),
          ("DEU", "Germany"), ("FRA", "France"), ("IND", "India"), ("IRN", "Iran"),
          ("TUR", "Turkey"), ("BRA", "Brazil"), ("JPN", "Japan"), ("GBR", "United Kingdom")]
TYPES = ["CONSULT", "AGREE", "ACCUSE", "SANCTION", "REQUEST", "THREATEN", "AID", "REJECT"]
OUTLETS = ["Reuters", "AP", "Global Times", "The Washington Post", "Al Jazeera", "BBC"]
CITIES = [("Beijing", 39.9, 116.4), ("Brussels", 50.85, 4.35), ("Islamabad", 33.7, 73.05),
          ("Geneva", 46.2, 6.15), ("Washington", 38.9, -77.04), ("Moscow", 55.75, 37.62)]


def _article(i: int, rng: random.Random) -> tuple[Article, list[Event]]:
    day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sentences, events = [], []
    for j in range(3):
        (a_id, a_name), (r_id, r_name) = rng.sample(STATES, 2)
        etype = rng.choice(TYPES)
        sentences.append(f"{a_name} and {r_name} item {i}-{j}: a {etype.lower()} in {day} number {rng.random():.6f}.")
        events.append((a_id, a_name, r_id, r_name, etype))
    text = " ".join(sentences)
    art = Article(id=f"b{i:06d}", source=f"bench://{i}", text=text, title=f"Report {i}",
                  outlet=rng.choice(OUTLETS), published=day, genre="news",
                  framing={"loaded_language": round(rng.random(), 3), "loaded_terms": []},
                  text_hash=dedup.text_hash(text), simhash=dedup.simhash(text))
    out, pos = [], 0
    for j, (s, (a_id, a_name, r_id, r_name, etype)) in enumerate(zip(sentences, events, strict=True)):
        city = rng.choice(CITIES)
        out.append(Event(
            id=f"{art.id}-{j}", article_id=art.id, event_type=etype, date=day,
            actor=[Participant(a_id, a_name, "state", a_name, country=a_id)],
            recipient=[Participant(r_id, r_name, "state", r_name, country=r_id)],
            location=Location(city[0], None, city[1], city[2]),
            evidence=[Evidence(s, pos, pos + len(s))], confidence=0.7))
        pos += len(s) + 1
    return art, out


def build(path: Path, n: int) -> None:
    try:
        from diplotrack.stories import attach
    except ImportError:
        attach = None
    store = Store.open(str(path))
    rng = random.Random(7)
    t0 = time.perf_counter()
    for i in range(n):
        art, events = _article(i, rng)
        with store.transaction() as conn:
            store.save_article(conn, art)
            if attach is not None:
                attach(conn, events, art)
            store.save_events(conn, events)
    store.close()
    print(f"built {n} articles, {3 * n} events in {time.perf_counter() - t0:.1f} s")


ENDPOINTS = [
    "/api/stats", "/api/articles", "/api/articles?q=Germany", "/api/articles?outlet=Reuters",
    "/api/articles?limit=500", "/api/articles/b000001", "/api/events", "/api/events?limit=500",
    "/api/events?actor=USA&date_from=2025-03&date_to=2025-05", "/api/events/b000001-0",
    "/api/actors", "/api/network", "/api/timeline", "/api/timeline?bucket=day", "/api/map",
    "/api/stories", "/api/stories?actor=USA&limit=20",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", default="bench/out/api_bench.db")
    ap.add_argument("--no-cache", action="store_true", help="no response cache: time the queries")
    args = ap.parse_args()
    path = Path(args.db)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        build(path, args.articles)
    options = {"cache": False} if args.no_cache else {}
    with TestClient(create_app(str(path), **options), base_url="http://127.0.0.1") as client:
        story = client.get("/api/stories?limit=1").json()["items"]
        endpoints = ENDPOINTS + ([f"/api/stories/{story[0]['id']}"] if story else [])
        print(f"{'endpoint':60} {'median ms':>10} {'max ms':>8}  statuses")
        for url in endpoints:
            times, codes = [], []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                codes.append(r.status_code)
            print(f"{url:60} {statistics.median(times):10.1f} {max(times):8.1f}  "
                  f"{' '.join(sorted(set(map(str, codes))))}")


if __name__ == "__main__":
    main()
