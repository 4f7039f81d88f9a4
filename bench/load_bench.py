"""Load on the real HTTP server: normal and hostile clients at once, over loopback.

    python bench/load_bench.py [--articles 2500] [--clients 50] [--hostile 10] [--seconds 30]
                               [--db PATH] [--workers 1] [--mix normal|issue16] [--no-cache]

Builds (or reuses) the synthetic database of bench/api_bench.py, starts
`python -m diplotrack serve` on a free port of 127.0.0.1, and runs `clients`
threads, each with its own httpx.Client, for `seconds` seconds: `clients - hostile`
cycle through a realistic mix of reads, the others send oversized queries, huge
integers, a NUL byte and a foreign Host header. Prints counts, requests/s,
latency percentiles and statuses, whether the server survived and its peak RSS.
`--mix issue16` sends only issue 16's reads (the story list, a story page, events of
an actor between dates, a search); `--no-cache` turns the server's response cache off
(DIPLOTRACK_API_CACHE=0), so that every request runs its queries.
No timing is asserted; exits 1 only if the server died.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote_plus

import httpx

NORMAL = ["/api/stories?limit=50", "STORY", "/api/events?actor=USA&limit=50",
          "/api/events?event_type=CONSULT&date_from=2025-03-01&date_to=2025-06-30",
          "/api/articles?q=talks", "/api/actors?limit=50", "/api/network", "/api/timeline",
          "/api/stats"]
ISSUE16 = ["/api/stories?limit=50", "STORY",
           "/api/events?actor=USA&date_from=2025-03&date_to=2025-05", "/api/articles?q=Germany"]
WORDS = ["talks", "summit", "sanctions", "minister", "treaty", "border", "trade", "envoy",
         "ceasefire", "accord", "embassy", "Beijing", "Geneva", "USA", "China", "visit"]
Sample = tuple[float, str, str]  # (latency in s, HTTP status or exception name, label)
Request = tuple[str, dict[str, str], str]  # (url, headers, label)


def _words(rng: random.Random, n_bytes: int = 0, n_words: int = 0) -> str:
    out: list[str] = []
    size = 0
    while (n_words and len(out) < n_words) or (n_bytes and size < n_bytes):
        out.append(rng.choice(WORDS))
        size += len(out[-1]) + 1
    return quote_plus(" ".join(out))


def hostile_requests(rng: random.Random) -> list[Request]:
    return [("/api/stories?q=" + _words(rng, n_bytes=40_000), {}, "stories q=40KB"),
            ("/api/actors?q=" + _words(rng, n_bytes=60_000), {}, "actors q=60KB"),
            ("/api/articles?q=" + _words(rng, n_words=999), {}, "articles q=999 words"),
            ("/api/events?offset=9223372036854775808", {}, "events offset=2**63"),
            ("/api/stories?min_reports=99999999999999999999", {}, "stories min_reports=1e20"),
            ("/api/articles?q=talks%00drop", {}, "articles q with %00"),
            ("/api/stats", {"Host": "evil.example"}, "Host: evil.example")]


def ensure_db(path: Path, n: int) -> None:
    if path.exists():
        try:
            with sqlite3.connect(path) as conn:
                if conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == n:
                    print(f"reusing {path} ({n} articles)")
                    return
        except sqlite3.Error:
            pass
        path.unlink()
    spec = importlib.util.spec_from_file_location("api_bench", Path(__file__).with_name("api_bench.py"))
    assert spec is not None and spec.loader is not None
    api_bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(api_bench)
    path.parent.mkdir(parents=True, exist_ok=True)
    api_bench.build(path, n)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def client_loop(base: str, requests: list[Request], start: int, deadline: float,
                out: list[Sample], keepalive: bool = True) -> None:
    # Hostile clients open a connection per request: the server closes one after a 500, and
    # the next request sent on it would fail with ReadError, blamed on the wrong request.
    limits = httpx.Limits(max_keepalive_connections=None if keepalive else 0)
    with httpx.Client(base_url=base, timeout=30.0, limits=limits) as client:
        i = start
        while time.monotonic() < deadline:
            url, headers, label = requests[i % len(requests)]
            i += 1
            t0 = time.perf_counter()
            try:
                status = str(client.get(url, headers=headers).status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            out.append((time.perf_counter() - t0, status, label))


def pct(sorted_ms: list[float], p: float) -> float:
    return sorted_ms[min(len(sorted_ms) - 1, int(p / 100 * len(sorted_ms)))] if sorted_ms else 0.0


def statuses(samples: list[Sample]) -> str:
    return " ".join(f"{k}:{v}" for k, v in sorted(Counter(s for _, s, _ in samples).items())) or "-"


def print_per_label(samples: list[Sample]) -> None:
    """p50 and p99 of each kind of normal request."""
    for label in dict.fromkeys(lab for _, _, lab in samples):
        part = sorted(t * 1000 for t, _, lab in samples if lab == label)
        print(f"  {label[:44]:44} {len(part):6} p50 {pct(part, 50):7.1f} p99 {pct(part, 99):7.1f} ms")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2500)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--hostile", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--db", default=None)
    ap.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    ap.add_argument("--mix", choices=["normal", "issue16"], default="normal")
    ap.add_argument("--no-cache", action="store_true", help="the server without its response cache")
    args = ap.parse_args()
    path = Path(args.db or Path(tempfile.gettempdir()) / f"diplotrack_load_{args.articles}.db")
    ensure_db(path, args.articles)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = Path(tempfile.gettempdir()) / f"diplotrack_load_{port}.log"
    with log.open("wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "diplotrack", "serve", "--db", str(path),
                                 "--host", "127.0.0.1", "--port", str(port),
                                 "--workers", str(args.workers)],
                                stdout=fh, stderr=subprocess.STDOUT,
                                env={**os.environ, "DIPLOTRACK_API_CACHE": "0" if args.no_cache else "1"})
        try:
            return run(args, base, proc, str(log))
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()


def run(args: argparse.Namespace, base: str, proc: subprocess.Popen[bytes], log: str) -> int:
    t0 = time.monotonic()
    while True:
        if proc.poll() is not None:
            print(f"server exited with {proc.returncode} before answering; log: {log}")
            return 1
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                break
        if time.monotonic() - t0 > 120:
            print(f"server did not answer /api/stats in 120 s; log: {log}")
            return 1
        time.sleep(0.2)
    print(f"server pid {proc.pid} up in {time.monotonic() - t0:.1f} s on {base}; log: {log}")
    items = httpx.get(base + "/api/stories?limit=50", timeout=30).json().get("items", [])
    story_urls = [f"/api/stories/{s['id']}" for s in items] or ["/api/stories?limit=1"]
    n_hostile = min(args.hostile, args.clients)
    rng = random.Random(11)
    normal_reqs: list[Request] = []
    for k in range(len(story_urls)):  # one story id per cycle, a different one each time
        normal_reqs += [(story_urls[k] if u == "STORY" else u, {}, u)
                        for u in (ISSUE16 if args.mix == "issue16" else NORMAL)]
    normal: list[list[Sample]] = [[] for _ in range(args.clients - n_hostile)]
    hostile: list[list[Sample]] = [[] for _ in range(n_hostile)]
    start = time.monotonic()
    deadline = start + args.seconds
    threads = [threading.Thread(target=client_loop, daemon=True,
                                args=(base, normal_reqs, i * 7, deadline, out))
               for i, out in enumerate(normal)]
    threads += [threading.Thread(target=client_loop, daemon=True,
                                 args=(base, hostile_requests(rng), i, deadline, out, False))
                for i, out in enumerate(hostile)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(0.0, deadline + 35 - time.monotonic()))
    elapsed = time.monotonic() - start
    stuck = sum(t.is_alive() for t in threads)
    alive = proc.poll() is None
    rss = peak_rss_mb(proc.pid) if alive else None
    answers = False
    if alive:
        with contextlib.suppress(httpx.HTTPError):
            answers = httpx.get(base + "/api/stats", timeout=30).status_code == 200
    norm = [s for out in normal for s in list(out)]
    host = [s for out in hostile for s in list(out)]
    ms = sorted(t * 1000 for t, _, _ in norm)
    print(f"cpus            {os.cpu_count()}")
    print(f"run             {args.articles} articles, {len(normal)} normal + {len(hostile)} hostile"
          f" clients, {args.seconds:g} s asked, {elapsed:.1f} s taken, {stuck} clients stuck"
          f" (mix {args.mix}, response cache {'off' if args.no_cache else 'on'})")
    print(f"{'':15} {'count':>7} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8}  statuses")
    print(f"{'normal':15} {len(norm):7} {len(norm) / elapsed:7.1f} {pct(ms, 50):8.1f} "
          f"{pct(ms, 95):8.1f} {pct(ms, 99):8.1f} {(ms[-1] if ms else 0):8.1f}  {statuses(norm)}")
    print_per_label(norm)
    slow = sum(t > 1 for t, _, _ in host)
    print(f"{'hostile':15} {len(host):7} {len(host) / elapsed:7.1f} {'':8} {'':8} {'':8} "
          f"{'':8}  {statuses(host)}; {slow} over 1 s")
    for label in dict.fromkeys(lab for _, _, lab in host):
        part = [s for s in host if s[2] == label]
        print(f"  {label:28} {len(part):5} max {max(t for t, _, _ in part) * 1000:8.1f} ms  "
              f"{statuses(part)}; {sum(t > 1 for t, _, _ in part)} over 1 s")
    print(f"server alive    {alive} (answers /api/stats: {answers}; exit code {proc.returncode})")
    print(f"server peak RSS {f'{rss:.0f} MB' if rss is not None else 'unknown'}")
    return 0 if alive else 1


if __name__ == "__main__":
    sys.exit(main())
