"""An event record's confidence: the probability that it is right.

The `verifier` model reads what is known of a finished record (its category,
whether it is a main event, who takes part and of what kind, its status,
modality and position, the article's genre, how well headline and trigger
models fit it) and gives the probability that a hand annotator would record it
so: category and every participant right. It is fitted on the training parts
out of fold (diplotrack.events.classify.train), so its probabilities are
calibrated on records the other models had not seen, then Platt-scaled on
those out-of-fold probabilities. Records below the `min_confidence` chosen with
it (the best F1 of kept records, out of fold) are dropped, except the article's
lead event.
"""

from __future__ import annotations

import math

from diplotrack.events.classify.models import model
from diplotrack.models import Event, Participant

MENTION_KEYS = ("pos=noun", "quoted", "question", "lede", "neg")


def _bucket(p: float | None) -> str:
    if p is None:
        return "na"
    return "hi" if p >= 0.6 else "mid" if p >= 0.3 else "lo"


def _private(p: Participant) -> bool:
    return p.kind in {"person", "civilians", "unidentified", "group"} and not (p.affiliation or p.level)


def event_features(e: Event, genre: str | None, heads: dict[str, float]) -> dict[str, float]:
    cat = e.event_type
    sides = "both" if e.actor and e.recipient else "actor" if e.actor else "recipient" if e.recipient else "none"
    f: dict[str, float] = {f"cat={cat}": 1.0, f"sides={sides}": 1.0, f"aux={e.auxiliary or 'none'}": 1.0,
                           f"n={min(len(e.participants()), 3)}": 1.0,
                           f"mentions={min(len(e.evidence), 3)}": 1.0, f"genre={genre or 'none'}": 1.0,
                           f"hfit={_bucket(heads.get(cat) if heads else None)}": 1.0,
                           f"tfit={_bucket(e.scores.get(cat) if e.scores else None)}": 1.0}
    if e.main:
        f["main"] = 1.0
        f[f"main:{cat}"] = 1.0
        f[f"main:sides={sides}"] = 1.0
    if e.lead:
        f["lead"] = 1.0
    for p in e.actor:
        f[f"ak={p.kind}"] = 1.0
    for p in e.recipient:
        f[f"rk={p.kind}"] = 1.0
    if any(_private(p) for p in e.participants()):
        f["private"] = 1.0
    if e.date:
        f["dated"] = 1.0
    if e.location and e.location.country and any(
            (p.country or p.id) == e.location.country and p.kind == "state" for p in e.participants()):
        f["venue_party"] = 1.0  # "talks in Doha" coded as Qatar taking part
    for mf in e.mention_features[:3]:
        for key in MENTION_KEYS:
            if key in mf:
                f[f"m:{key}"] = 1.0
    return f


def calibrate(meta: dict, p: float) -> float:
    """The verifier's probability through the Platt scaling fitted out of fold."""
    a, b = meta.get("platt") or (1.0, 0.0)
    p = min(max(p, 1e-4), 1 - 1e-4)
    return float(1.0 / (1.0 + math.exp(-(a * math.log(p / (1 - p)) + b))))


def verify(events: list[Event], genre: str | None, heads: dict[str, float]) -> list[Event]:
    """Set each record's confidence from the verifier; drop the unlikely ones (below
    the threshold chosen with the model on the training parts)."""
    m = model("verifier")
    for e in events:
        e.verifier_features = event_features(e, genre, heads)
    if m is None:
        return events
    min_confidence = float(m.meta.get("min_confidence", 0.0))
    out = []
    for e in events:
        e.confidence = calibrate(m.meta, m.proba(e.verifier_features).get("1", e.confidence))
        if e.lead or e.confidence >= min_confidence:
            out.append(e)
    out.sort(key=lambda e: (not e.main, -e.confidence))
    return out
