"""The real-news gold (shared/evaldata/realnews-dev): which part each article is in."""

from __future__ import annotations

from pathlib import Path

import yaml

from diplotrack.evaluation.split import part

DATASET = "realnews-dev"


def doc_parts(gold_dir: Path) -> dict[str, str]:
    """doc file name -> "train" | "test", by the real-world event its required events report."""
    out: dict[str, str] = {}
    for path in sorted(Path(gold_dir, "events").glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        clusters = sorted({e["cluster"] for e in gold.get("events") or [] if e.get("required")})
        out[gold["doc"]] = part(DATASET, clusters[0] if clusters else gold["doc"])
    return out
