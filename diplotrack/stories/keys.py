"""Blocking keys: which stored stories a new event is compared with.

A story is filed under keys made of an anchor (a pair of canonical
participants, or one participant, or its place; for a story led by some
article's lead event, also its heaviest lede words), a group of category families
(cooperation or conflict) and a time
bucket (`m:2025-03`, `y:2025`; `yo:2025` when it is dated to the year only,
`u` while undated, and `any` always). A new event looks up only the keys that
its own anchors, compatible families and date can share, so the work per
event does not grow with the store. Buckets that can grow without bound
(`any`, `u`, `y:`) are read newest first and cut at a fixed number.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from sqlalchemy import Connection, text

from diplotrack.store import schema as s
from diplotrack.stories import config, dates
from diplotrack.stories.profile import Profile
from diplotrack.stories.text import NUMBER_MARK

MAX_KEY = 128


def anchors(p: Profile) -> tuple[list[str], list[str]]:
    """(anchors a story is filed under, anchors an event with this profile looks up).

    Stories are filed under each pair of participants, each participant, each
    participant alone in the story (`p1s`) and their place. An event with two
    or more participants looks up its pairs and the stories of one of them
    alone; with one participant, every story of it; with none, its place.
    """
    if p.family == config.GENERAL:
        return [], []
    people = sorted(p.participants)
    pairs = [f"p2|{a}|{b}" for a, b in combinations(people, 2)]
    singles = [f"p1|{a}" for a in people]
    places = [f"p1|@{place[:40]}" for place in sorted(p.places)]
    solo = [f"p1s|{a}" for a in people] if len(people) == 1 else []
    filed = pairs + singles + solo + places
    if len(people) >= 2:
        return filed, pairs + [f"p1s|{a}" for a in people]
    return filed, singles or places


def word_anchors(p: Profile) -> list[str]:
    """A story led by some article's lead event is also filed under the heaviest
    words of the ledes (figures aside), where every lead event looks."""
    n = int(config.load()["general"]["anchor_words"])
    words = sorted((w for w in p.lede if not w.startswith(NUMBER_MARK)),
                   key=lambda w: (-p.lede[w], w))
    return [f"w|{w}" for w in words[:n]]


def story_keys(p: Profile) -> set[str]:
    """Every key a story with this profile is filed under."""
    suffixes = ["any"]
    for d in p.dates:
        y = dates.year(d)
        suffixes.append(f"y:{y}")
        suffixes += [f"m:{m}" for m in dates.month_keys(d)] or [f"yo:{y}"]
    if not p.dates:
        suffixes.append("u")
    blocks = sorted({config.block(config.family(c)) for c in p.categories} - {config.GENERAL})
    return set(_combine(anchors(p)[0], blocks, suffixes)) | set(
        _combine(word_anchors(p), [config.GENERAL], suffixes))


def lookup_keys(p: Profile, cfg: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(keys read in full, keys read newest-first up to a cap) for a new event.

    Dated events read their month's buckets in full; the open-ended buckets
    (undated stories, the year, `any`) are read only under the event's most
    specific anchors (its pairs, when it has two participants) and capped.
    """
    look = anchors(p)[1]
    narrow = [a for a in look if a.startswith("p2|")] or look
    full, capped = _lookups(look, narrow, config.lookup_blocks(p.family), p.date,
                            int(cfg["day_tolerance"]))
    if p.lede:  # a lead event: stories led by any lead event, by their words, in the
        # event's month and, whatever their dates (a lede's date is often wrong), newest first
        words = word_anchors(p)
        more = _lookups(words, words, [config.GENERAL], p.date, int(cfg["day_tolerance"]))
        anywhen = _combine(words, [config.GENERAL], ["any"])
        full, capped = full + more[0], list(dict.fromkeys(capped + more[1] + anywhen))
    return full, capped


def _lookups(look: list[str], narrow: list[str], blocks: list[str], date: str | None,
             tolerance: int) -> tuple[list[str], list[str]]:
    if not date:
        return [], _combine(narrow, blocks, ["any"])
    y = dates.year(date)
    months = dates.month_keys(date, tolerance)
    if months:
        full = [f"m:{m}" for m in months] + [f"yo:{y}"]
        return _combine(look, blocks, full), _combine(narrow, blocks, ["u"])
    return [], _combine(narrow, blocks, [f"y:{y}", "u"])


def _combine(anchor_list: list[str], families: list[str], suffixes: list[str]) -> list[str]:
    out = [f"{a}|{f}|{sfx}"[:MAX_KEY] for a in anchor_list for f in families for sfx in suffixes]
    return list(dict.fromkeys(out))


# ---- SQL ---------------------------------------------------------------------------


MAX_TERMS = 400  # SELECTs in one UNION ALL (SQLite allows 500 in a compound SELECT)


def candidates(conn: Connection, lookups: list[tuple[list[str], list[str]]], cap: int,
               limit: int) -> list[list[str]]:
    """For each (full keys, capped keys) lookup, the story ids filed under any of its
    keys, those sharing most keys first, then the newest; at most `limit` each.
    One round trip for the lookups of an article (several for an event-dense one)."""
    out: list[list[tuple[int, int, str]]] = [[] for _ in lookups]
    group: list[str] = []
    params: dict[str, Any] = {"cap": cap}
    for e, lookup in enumerate(lookups):
        parts, bound = _lookup(e, lookup)
        if group and len(group) + len(parts) > MAX_TERMS:
            _run(conn, group, params, out)
            group, params = [], {"cap": cap}
        group += parts
        params.update(bound)
    if group:
        _run(conn, group, params, out)
    return [[sid for *_, sid in sorted(found)[:limit]] for found in out]


def _lookup(e: int, lookup: tuple[list[str], list[str]]) -> tuple[list[str], dict[str, Any]]:
    """The SELECTs of lookup `e` and the keys they bind."""
    full, capped = lookup
    params = {**{f"f{e}_{i}": k for i, k in enumerate(full)},
              **{f"c{e}_{i}": k for i, k in enumerate(capped)}}
    parts = []
    if full:
        names = ", ".join(f":f{e}_{i}" for i in range(len(full)))
        parts.append(f"SELECT {e} AS ev, story_id, seq FROM story_keys WHERE key IN ({names})")
    parts += [f"SELECT {e} AS ev, story_id, seq FROM (SELECT story_id, seq FROM story_keys "
              f"WHERE key = :c{e}_{i} ORDER BY seq DESC LIMIT :cap) AS t{e}_{i}"
              for i in range(len(capped))]
    return parts, params


def _run(conn: Connection, parts: list[str], params: dict[str, Any],
         out: list[list[tuple[int, int, str]]]) -> None:
    sql = (f"SELECT ev, story_id, COUNT(*), MAX(seq) FROM ({' UNION ALL '.join(parts)}) "
           f"AS hits GROUP BY ev, story_id")
    for ev, sid, hits, seq in conn.execute(text(sql), params):
        out[ev].append((-hits, -seq, sid))


def add(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """File stories under new keys: rows of {key, story_id, seq}."""
    if rows:
        conn.execute(s.story_keys.insert(), rows)


def repoint(conn: Connection, old_id: str, new_id: str, seq: int) -> None:
    """A merged story's keys now lead to the story it merged into."""
    conn.execute(
        s.story_keys.update().where(s.story_keys.c.story_id == old_id).values(story_id=new_id, seq=seq)
    )
