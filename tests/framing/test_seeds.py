"""The gold's framing ranking on the seed articles: 000 above 001 and 002."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplotrack.framing import analyze


def _seed(shared: Path, prefix: str) -> str:
    (path,) = sorted((shared / "seeds").glob(prefix + "_*.txt"))
    return path.read_text(encoding="utf-8")


def _ranks_above(shared: Path) -> list[tuple[str, str]]:
    import yaml

    pairs = []
    for gold in sorted((shared / "gold/events").glob("*.yaml")):
        spec = yaml.safe_load(gold.read_text(encoding="utf-8"))
        for other in (spec.get("framing") or {}).get("loaded_rank_above") or []:
            pairs.append((spec["doc"], other))
    return pairs


@pytest.mark.slow
def test_seed_000_is_more_loaded_than_001_and_002(shared: Path, base_nlp) -> None:
    scores = {}
    for prefix in ("000", "001", "002"):
        text = _seed(shared, prefix)
        scores[prefix] = analyze(text, base_nlp(text))["loaded_language"]
    assert scores["000"] > scores["001"]
    assert scores["000"] > scores["002"]


def test_seed_ranking_without_nlp(shared: Path) -> None:
    scores = {p: analyze(_seed(shared, p))["loaded_language"] for p in ("000", "001", "002")}
    assert scores["000"] > scores["001"] > scores["002"]


@pytest.mark.slow
def test_every_gold_ranking_holds(shared: Path, base_nlp) -> None:
    pairs = _ranks_above(shared)
    assert pairs
    for higher, lower in pairs:
        hi = (shared / "seeds" / higher).read_text(encoding="utf-8")
        lo = (shared / "seeds" / lower).read_text(encoding="utf-8")
        assert analyze(hi, base_nlp(hi))["loaded_language"] > analyze(lo, base_nlp(lo))[
            "loaded_language"
        ], (higher, lower)
