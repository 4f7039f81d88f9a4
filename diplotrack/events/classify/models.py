"""The shipped models (weights/*.npz), loaded once per process; None when absent."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from diplotrack.events.classify.linear import LinearModel

WEIGHTS = Path(__file__).parent / "weights"
NONE = "NONE"  # the trigger model's class for a candidate that is no event


@cache
def model(name: str) -> LinearModel | None:
    path = WEIGHTS / f"{name}.npz"
    return LinearModel.load(path) if path.exists() else None


def best(probs: dict[str, float]) -> str:
    return max(probs, key=probs.__getitem__)


@lru_cache(maxsize=1)
def apply_settings() -> dict[str, float]:
    import yaml

    cfg = yaml.safe_load((Path(__file__).parent / "config.yaml").read_text(encoding="utf-8"))
    return {k: float(v) for k, v in cfg["apply"].items()}
