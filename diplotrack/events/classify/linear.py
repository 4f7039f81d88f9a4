"""A multinomial (or binary) logistic model over named sparse features, numpy only.

The weights are an `.npz` with `classes` (str), `features` (str), `coef`
(classes x features, float16 or float32), `intercept` and `meta` (JSON: settings
chosen with the model); `train.py` writes it from a fitted scikit-learn model.
Unknown features are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import numpy as np

Features = Mapping[str, float]


class LinearModel:
    def __init__(self, classes: list[str], features: list[str], coef: np.ndarray,
                 intercept: np.ndarray, meta: dict | None = None) -> None:
        self.meta = dict(meta or {})  # settings chosen with the model (e.g. a threshold)
        self.classes = list(classes)
        self.index = {f: i for i, f in enumerate(features)}
        self.coef = np.asarray(coef, dtype=np.float32)  # (classes or 1) x features
        self.intercept = np.asarray(intercept, dtype=np.float32)

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"])) if "meta" in data.files else {}
            return cls([str(c) for c in data["classes"]], [str(f) for f in data["features"]],
                       data["coef"], data["intercept"], meta)

    def save(self, path: Path) -> None:
        features = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(path, classes=np.array(self.classes), features=np.array(features),
                            coef=self.coef.astype(np.float16), intercept=self.intercept,
                            meta=np.array(json.dumps(self.meta, sort_keys=True)))

    def scores(self, feats: Features) -> np.ndarray:
        cols = [(self.index[f], v) for f, v in feats.items() if f in self.index]
        out = self.intercept.copy()
        if cols:
            idx = np.fromiter((c for c, _ in cols), dtype=np.int64, count=len(cols))
            val = np.fromiter((v for _, v in cols), dtype=np.float32, count=len(cols))
            out += self.coef[:, idx] @ val
        return out

    def proba(self, feats: Features) -> dict[str, float]:
        s = self.scores(feats)
        if len(self.classes) == 2 and s.shape[0] == 1:  # binary: one row for the second class
            p1 = float(1.0 / (1.0 + np.exp(-s[0])))
            return {self.classes[0]: 1.0 - p1, self.classes[1]: p1}
        s = s - s.max()
        e = np.exp(s)
        e /= e.sum()
        return {c: float(p) for c, p in zip(self.classes, e, strict=True)}
