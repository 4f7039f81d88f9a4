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
