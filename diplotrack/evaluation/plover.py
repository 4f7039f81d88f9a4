"""The PLOVER gold records (shared/evaldata/plover-gsr) and their parts (by record id)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from diplotrack.evaluation.split import part
from diplotrack.events.ontology import normalize_category

DATASET = "plover-gsr"


@dataclass(frozen=True)
class Record:
    id: str
    text: str
    category: str
    event_text: str
    mode: str | None
    raw: dict
    part: str


def load(path: Path) -> list[Record]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        cat = normalize_category(rec.get("event") or "")
        if cat and rec.get("text"):
            out.append(Record(rec["id"], rec["text"], cat, rec.get("eventText") or "",
                              rec.get("mode") or None, rec, part(DATASET, rec["id"])))
    return out


def top_scores(records: list[Record], nlp=None) -> dict[str, dict[str, float]]:
    """Per part: the share of sentences whose top event (the most confident PLOVER
    event) has the record's category. Each sentence is read with no date."""
    from collections import defaultdict

    from diplotrack.models import Article
    from diplotrack.nlp.pipeline import cached_nlp, process

    nlp = nlp or cached_nlp()
    arts = [Article(id=r.id, source=r.id, text=r.text) for r in records]
    hits: dict[str, list[bool]] = defaultdict(list)
    for r, doc in zip(records, process(nlp, arts), strict=True):
        plover = [e for e in doc._.events or [] if e.event_type != "OTHER"]
        top = max(plover, key=lambda e: e.confidence) if plover else None
        hits[r.part].append(bool(top and top.event_type == r.category))
    return {p: {"n": len(v), "category": sum(v) / len(v)} for p, v in hits.items()}
