"""Score a database against gold annotations: events, dates, metadata, stories."""

from __future__ import annotations

from itertools import combinations
from pathlib import PurePath
from typing import Any

from diplotrack.evaluation.gold import Gold, GoldDoc, norm
from diplotrack.evaluation.matching import assign, date_ok, location_ok
from diplotrack.models import Event
from diplotrack.store.db import Store

METADATA_FIELDS = ("title", "authors", "outlet", "published", "genre", "dateline")


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def find_article(store: Store, doc: str) -> dict[str, Any] | None:
    """The stored article read from a file named `doc` (or a .jsonl line with that id)."""
    for article_id, source in store.sources_ending(doc, doc + ".gz", "#" + doc):
        path, _, line_id = source.partition("#")
        if PurePath(path).name in (doc, doc + ".gz") or line_id == doc:
            return store.get_article(article_id)
    return None


def score(store: Store, gold: Gold) -> dict[str, Any]:
    per_doc: list[dict[str, Any]] = []
    totals = [0, 0, 0]
    cluster_members: list[tuple[str, str, str | None]] = []
    dates = {"scored": 0, "right": 0, "undated_gold": 0, "undated_kept_empty": 0}
    places = {"scored": 0, "right": 0}
    meta: dict[str, Any] = {"checked": 0, "right": 0, "wrong": []}
    articles = {g.doc: find_article(store, g.doc) for g in gold.docs}
    for g in gold.docs:
        art = articles[g.doc]
        if art is None:
            per_doc.append({"doc": g.doc, "missing": True, **prf(0, 0, sum(e.required for e in g.events))})
            totals[2] += sum(e.required for e in g.events)
            continue
        events = list(store.iter_events(art["id"]))
        doc_result = _score_doc(g, events, gold.groups, dates, places, cluster_members)
        _score_metadata(g, art, meta)
        doc_result["boilerplate_left"] = [b for b in g.boilerplate if art["text"].count(b) > 1 or
                                          (b != art["title"] and b in art["text"])]
        doc_result["loaded_language"] = art["framing"].get("loaded_language")
        per_doc.append(doc_result)
        for i in range(3):
            totals[i] += doc_result[("tp", "fp", "fn")[i]]
    return {
        "overall": prf(*totals),
        "dates": {**dates, "accuracy": _ratio(dates["right"], dates["scored"])},
        "locations": {**places, "accuracy": _ratio(places["right"], places["scored"])},
        "metadata": {**meta, "accuracy": _ratio(meta["right"], meta["checked"])},
        "framing_rank": _framing_rank(gold, articles),
        "stories": _story_pairs(cluster_members),
        "articles": per_doc,
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _score_doc(g: GoldDoc, events: list[Event], groups: dict[str, set[str]], dates: dict[str, int],
               places: dict[str, int], clusters: list[tuple[str, str, str | None]]) -> dict[str, Any]:
    matched = assign(events, g.events, groups)
    used = set(matched.values())
    tp = sum(1 for gi in matched if g.events[gi].required)
    fn = sum(1 for gi, ge in enumerate(g.events) if ge.required and gi not in matched)
    false_alarms = [ev for ei, ev in enumerate(events) if ei not in used]
    for gi, ei in matched.items():
        ge, ev = g.events[gi], events[ei]
        if ge.date and ge.date.get("determinable", True) and ge.date.get("value"):
            dates["scored"] += 1
            dates["right"] += date_ok(ev.date, str(ge.date["value"]))
        elif ge.required:
            dates["undated_gold"] += 1
            dates["undated_kept_empty"] += ev.date is None
        if ge.location:
            places["scored"] += 1
            places["right"] += location_ok(ev, ge.location)
        if ge.cluster:
            clusters.append((ge.cluster, g.doc, ev.story_id))
    return {
        "doc": g.doc,
        **prf(tp, len(false_alarms), fn),
        "missed": [g.events[gi].id for gi, ge in enumerate(g.events) if ge.required and gi not in matched],
        "false_alarms": [f"{ev.event_type} {[p.name for p in ev.participants()]}: "
                         f"{ev.evidence[0].sentence[:90] if ev.evidence else ''}" for ev in false_alarms],
    }


def _score_metadata(g: GoldDoc, art: dict[str, Any], meta: dict[str, Any]) -> None:
    for name in METADATA_FIELDS:
        if name not in g.metadata:
            continue
        want, got = g.metadata[name], art.get(name)
        meta["checked"] += 1
        if _same(name, want, got):
            meta["right"] += 1
        else:
            meta["wrong"].append({"doc": g.doc, "field": name, "gold": want, "system": got})


def _same(name: str, want: Any, got: Any) -> bool:
    if want in (None, [], "") or got in (None, [], ""):
        return want in (None, [], "") and got in (None, [], "")
    if name == "authors":
        return sorted(norm(a) for a in want) == sorted(norm(a) for a in got)
    if name == "published":
        return str(got)[:10] == str(want)[:10]
    return norm(want) == norm(got)


def _framing_rank(gold: Gold, articles: dict[str, dict[str, Any] | None]) -> dict[str, Any]:
    checks = []
    for g in gold.docs:
        for other in g.loaded_rank_above:
            a, b = articles.get(g.doc), articles.get(other)
            if a and b:
                la = a["framing"].get("loaded_language") or 0
                lb = b["framing"].get("loaded_language") or 0
                checks.append({"above": g.doc, "below": other, "ok": la > lb})
    return {"checks": checks, "right": sum(c["ok"] for c in checks), "total": len(checks)}


def _story_pairs(members: list[tuple[str, str, str | None]]) -> dict[str, Any]:
    """Pairs of matched reports in different articles: same cluster <-> same story."""
    tp = fp = fn = 0
    for (c1, d1, s1), (c2, d2, s2) in combinations(members, 2):
        if d1 == d2:
            continue
        same_story = s1 is not None and s1 == s2
        if c1 == c2:
            tp += same_story
            fn += not same_story
        else:
            fp += same_story
    return prf(tp, fp, fn)
