"""The shipped models (weights/*.npz), loaded once per process; None when absent.

`using({...})` puts other weights in their place for a while: training fits
models on parts of the data and runs the pipeline with them (out-of-fold).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from diplotrack.events.classify.linear import LinearModel

WEIGHTS = Path(__file__).parent / "weights"
NONE = "NONE"  # the trigger model's class for a candidate that is no event

_loaded: dict[str, LinearModel | None] = {}
_override: dict[str, LinearModel | None] = {}


def model(name: str) -> LinearModel | None:
    if name in _override:
        return _override[name]
    if name not in _loaded:
        path = WEIGHTS / f"{name}.npz"
        _loaded[name] = LinearModel.load(path) if path.exists() else None
    return _loaded[name]


@contextmanager
def using(models: dict[str, LinearModel | None]) -> Iterator[None]:
    saved = dict(_override)
    _override.update(models)
    try:
        yield
    finally:
        _override.clear()
        _override.update(saved)


def best(probs: dict[str, float]) -> str:
    return max(probs, key=probs.__getitem__)


@lru_cache(maxsize=1)
def apply_settings() -> dict[str, float]:
    import yaml

    cfg = yaml.safe_load((Path(__file__).parent / "config.yaml").read_text(encoding="utf-8"))
    return {k: float(v) for k, v in cfg["apply"].items()}
