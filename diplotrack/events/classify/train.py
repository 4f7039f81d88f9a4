"""Rebuild the shipped event models from the labelled data in ../shared.

    python -m diplotrack.events.classify.train [--shared ../shared] [--check]

Parses every data set with the rules-only pipeline (diplotrack.events.classify.data),
fits one logistic regression per model on the training parts (scikit-learn,
seed and settings from config.yaml), prints accuracy and macro-F1 per data set
and part, and writes the weights to weights/ (`--check`: fit and report only).
Needs the `train` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml

from diplotrack.events.classify.data import (
    Example,
    ecbplus_none_examples,
    gold_examples,
    ngec_examples,
    plover_examples,
)
from diplotrack.events.classify.features import weigh_lede
from diplotrack.events.classify.goldsets import gold_sets
from diplotrack.events.classify.linear import LinearModel
from diplotrack.events.classify.oof import verifier_examples

HERE = Path(__file__).parent
REPO = Path(__file__).resolve().parents[3]
WEIGHTS = HERE / "weights"
DEFAULT_SHARED = Path(__file__).resolve().parents[3].parent / "shared"


def config() -> dict:
    return yaml.safe_load((HERE / "config.yaml").read_text(encoding="utf-8"))


def collect(shared: Path) -> list[Example]:
    from diplotrack.nlp.pipeline import EVENT_PIPES, build_nlp

    nlp = build_nlp(use_models=False)
    out: list[Example] = []
    cfg = config()
    with nlp.select_pipes(disable=list(EVENT_PIPES)):
        out += ngec_examples(nlp, shared / "evaldata" / "ngec-synthetic" / "stories.jsonl")
        out += plover_examples(nlp, shared / "evaldata" / "plover-gsr" / "plover_gsr_cameo.jsonl")
        out += ecbplus_none_examples(nlp, shared / "evaldata" / "ecbplus", set(cfg["ecbplus_none_subtopics"]),
                                     int(cfg["ecbplus_train_below"]))
    for gs in gold_sets(shared, REPO):
        out += gold_examples(nlp, gs)
    return out


def fit(examples: list[Example], settings: dict, seed: int) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    lede_weight = float(settings.get("lede_weight", 1.0))
    if lede_weight != 1.0:
        examples = [replace(e, features=weigh_lede(e.features, lede_weight)) for e in examples]
    counts = Counter(f for e in examples for f in e.features)
    keep = {f for f, c in counts.items() if c >= int(settings.get("min_count", 1))}
    vec = DictVectorizer()
    x = vec.fit_transform([{f: v for f, v in e.features.items() if f in keep} for e in examples])
    y = [e.label for e in examples]
    weights = settings.get("dataset_weight") or {}
    w = np.array([weights.get(e.dataset, 1.0) for e in examples])
    if settings.get("class_weight") == "balanced":
        freq = Counter(y)
        w = w * np.array([len(y) / (len(freq) * freq[label]) for label in y])
    clf = LogisticRegression(C=float(settings["C"]), max_iter=3000, random_state=seed)
    clf.fit(x, y, sample_weight=w)
    meta = {"lede_weight": lede_weight} if lede_weight != 1.0 else {}
    return LinearModel([str(c) for c in clf.classes_], list(vec.get_feature_names_out()),
                       clf.coef_, clf.intercept_, meta)


def sweep(name: str, examples: list[Example], settings: dict, cfg: dict, folds: int = 4) -> None:
    """Grouped cross-validation on the training part: accuracy per C (choose C here)."""
    import hashlib

    def fold(e: Example) -> int:
        return int(hashlib.sha256((e.group or e.key).encode()).hexdigest(), 16) % folds

    for c in (0.05, 0.1, 0.2, 0.5, 1.0, 2.0):
        pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for k in range(folds):
            model = fit([e for e in examples if fold(e) != k], dict(settings, C=c), int(cfg["seed"]))
            for e in examples:
                if fold(e) == k:
                    probs = model.proba(e.features)
                    pairs[e.dataset].append((e.label, max(probs, key=probs.__getitem__)))
        cells = ", ".join(f"{d} acc {sum(g == p for g, p in v) / len(v):.3f} F1 {macro_f1(v):.3f}"
                          for d, v in sorted(pairs.items()))
        print(f"  {name} C={c}: {cells}")


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    f1s = []
    for lab in {g for g, _ in pairs}:
        tp = sum(g == lab == p for g, p in pairs)
        fp = sum(p == lab != g for g, p in pairs)
        fn = sum(g == lab != p for g, p in pairs)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def report(name: str, model: LinearModel, examples: list[Example]) -> None:
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for e in examples:
        probs = model.proba(e.features)
        groups[(e.dataset, e.part)].append((e.label, max(probs, key=probs.__getitem__)))
    for (dataset, part), pairs in sorted(groups.items()):
        acc = sum(g == p for g, p in pairs) / len(pairs)
        print(f"  {name:8s} {dataset:15s} {part:5s} n={len(pairs):5d} accuracy {acc:.3f} "
              f"macro-F1 {macro_f1(pairs):.3f}")


def out_of_fold(train: list[Example], settings: dict) -> list[tuple[float, bool, bool]]:
    """(confidence, right, lead) of each training record, from a verifier fitted without
    its fold."""
    from diplotrack.events.classify.oof import FOLDS, fold_of

    scored: list[tuple[float, bool, bool]] = []
    for k in range(FOLDS):
        m = fit([e for e in train if fold_of(e.group) != k], settings, 0)
        scored += [(m.proba(e.features)["1"], e.label == "1", "lead" in e.features)
                   for e in train if fold_of(e.group) == k]
    return scored


def platt(scored: list[tuple[float, bool, bool]]) -> list[float]:
    """Platt scaling of out-of-fold confidences: [a, b] of sigmoid(a * logit(p) + b)."""
    from sklearn.linear_model import LogisticRegression

    x = np.array([[_logit(p)] for p, _, _ in scored])
    y = np.array([ok for _, ok, _ in scored])
    lr = LogisticRegression(C=1.0).fit(x, y)
    return [float(lr.coef_[0][0]), float(lr.intercept_[0])]


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return float(np.log(p / (1 - p)))


def calibrated(meta: dict, p: float) -> float:
    from diplotrack.events.classify.verify import calibrate

    return calibrate(meta, p)


def threshold(scored: list[tuple[float, bool, bool]]) -> float:
    """The confidence below which records are dropped: the best F1 of the records kept
    (right and kept: a hit; wrong and kept: a false alarm; right and dropped: a miss),
    out of fold. Lead events are always kept."""
    best_f1, best_t = -1.0, 0.0
    for t in [x / 100 for x in range(0, 80, 2)]:
        tp = sum(ok and (p >= t or lead) for p, ok, lead in scored)
        fp = sum(not ok and (p >= t or lead) for p, ok, lead in scored)
        fn = sum(ok and not (p >= t or lead) for p, ok, lead in scored)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1 + 1e-9:
            best_f1, best_t = f1, t
    print(f"  verifier threshold {best_t:.2f} (out-of-fold F1 of kept records {best_f1:.3f})")
    return best_t


def reliability(name: str, rows: list[tuple[float, bool]]) -> None:
    """Of the records given a confidence in each band, how many were right."""
    cells = []
    for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
        band = [ok for p, ok in rows if lo <= p < lo + 0.2 or (lo == 0.8 and p >= 1.0)]
        if band:
            cells.append(f"[{lo:.1f},{lo + 0.2:.1f}) {sum(band)}/{len(band)} = {sum(band) / len(band):.2f}")
    print(f"  verifier reliability {name}: " + "; ".join(cells))


def _cached(path: Path | None, make):
    import pickle

    if path is not None and path.exists():
        return pickle.loads(path.read_bytes())
    out = make()
    if path is not None:
        path.write_bytes(pickle.dumps(out))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--check", action="store_true", help="fit and report, write nothing")
    ap.add_argument("--sweep", action="store_true", help="cross-validate C on the training parts")
    ap.add_argument("--cache", type=Path, help="keep the parsed examples in this file")
    ap.add_argument("--tune", action="store_true",
                    help="choose lead.yaml's trigger_weight and headline_min out of fold, write nothing")
    args = ap.parse_args(argv)
    cfg = config()
    examples = _cached(args.cache, lambda: collect(args.shared))
    seed = int(cfg["seed"])

    def fit_named(items: list[Example], name: str) -> LinearModel:
        return fit(items, cfg["models"][name], seed)

    if args.tune:
        from diplotrack.events.classify.tune import tune

        for w, r, (synthetic, annotated, records) in tune(args.shared, REPO, examples, fit_named):
            print(f"  trigger_weight {w:.2f} headline_min {r:.2f}: lead category right, synthetic "
                  f"{synthetic:.3f}, annotated {annotated:.3f}, PLOVER records {records:.3f}")
        return
    examples += _cached(args.cache and args.cache.with_suffix(".oof"),
                        lambda: verifier_examples(gold_sets(args.shared, REPO), examples, fit_named))
    for name, settings in cfg["models"].items():
        mine = [e for e in examples if e.model == name]
        train = [e for e in mine if e.part == "train"]
        if not train:
            continue
        if args.sweep:
            sweep(name, train, settings, cfg)
            continue
        model = fit(train, settings, seed)
        print(f"{name}: {len(train)} training examples, {len(model.index)} features")
        if name == "verifier":
            oof = out_of_fold(train, settings)
            model.meta["platt"] = platt(oof)
            oof = [(calibrated(model.meta, p), ok, lead) for p, ok, lead in oof]
            model.meta["min_confidence"] = threshold(oof)
            reliability("train (out of fold)", [(p, ok) for p, ok, _ in oof])
            reliability("test", [(calibrated(model.meta, model.proba(e.features)["1"]), e.label == "1")
                                 for e in mine if e.part == "test"])
        report(name, model, mine)
        if not args.check:
            WEIGHTS.mkdir(exist_ok=True)
            model.save(WEIGHTS / f"{name}.npz")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
