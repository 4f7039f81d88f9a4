"""Public-domain US government texts annotated for this project (evaldata/gov-statements):
which part each is in, by the real-world event its required events report."""

from __future__ import annotations

from pathlib import Path

import yaml

from diplotrack.evaluation.split import part

DATASET = "gov-statements"


def doc_parts(gold_dir: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted(Path(gold_dir, "events").glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        clusters = sorted({e.get("cluster") or "" for e in gold.get("events") or [] if e.get("required")} - {""})
        out[gold["doc"]] = part(DATASET, clusters[0] if clusters else gold["doc"])
    return out
