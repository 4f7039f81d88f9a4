"""Annotated article sets scored by the acceptance scorer (shared/tools/realnews-score).

    run_set(gold_set, shared, out)   ingest a set's articles as a user would, export
                                     events, articles and stories to `out`
    score_parts(...)                 the scorer's figures for the whole set and its parts

Used by `bench/realnews.py`, `bench/gov_statements.py` and the event quality gate
(tests/test_event_gate.py), so that all three measure the same way.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from diplotrack.events.classify.goldsets import GoldSet, gold_sets

PARTS = ("train", "test", "all")


def scorer(shared: Path) -> ModuleType:
    """The acceptance checks' scorer, loaded from shared/tools/realnews-score."""
    path = shared / "tools" / "realnews-score" / "realnews_score.py"
    spec = importlib.util.spec_from_file_location("realnews_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    mod = importlib.util.module_from_spec(spec)
    if str(path.parent) not in sys.path:
        sys.path.insert(0, str(path.parent))
    spec.loader.exec_module(mod)
    return mod


def find_set(shared: Path, repo: Path, dataset: str) -> GoldSet:
    return next(gs for gs in gold_sets(shared, repo) if gs.dataset == dataset)


def inputs(gs: GoldSet, shared: Path, out: Path, docs: set[str] | None = None) -> list[str]:
    """What a user would give `diplotrack ingest`: real news as one `.jsonl` of
    {id, text, url} (as `realnews_score.py build` writes it), other sets as files."""
    import yaml

    files = sorted((gs.gold_dir / "events").glob("*.yaml"))
    golds = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files]
    golds = [g for g in golds if docs is None or g["doc"] in docs]
    if not gs.as_record:
        return [str(gs.texts / (g.get("path") or g["doc"])) for g in golds]
    corpus = out / f"{gs.dataset}.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for g in golds:
            row = {"id": g["doc"], "text": (gs.texts / g["doc"]).read_text(encoding="utf-8")}
            if g.get("url"):
                row["url"] = g["url"]
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return [str(corpus)]


def run_set(gs: GoldSet, shared: Path, out: Path, docs: set[str] | None = None, nlp: Any = None) -> None:
    """Ingest the set (or the `docs` of it) into out/set.db and export its records."""
    from diplotrack.export import records, write
    from diplotrack.pipeline import Pipeline
    from diplotrack.store.db import Store

    out.mkdir(parents=True, exist_ok=True)
    db = out / "set.db"
    db.unlink(missing_ok=True)
    with Store.open(str(db)) as store:
        report = Pipeline(store, nlp=nlp).ingest(inputs(gs, shared, out, docs))
        if report.failed:
            raise RuntimeError("; ".join(str(f) for f in report.failed))
        for kind in ("events", "articles", "stories"):
            with open(out / f"{kind}.jsonl", "w", encoding="utf-8") as fh:
                write(records(store, kind), fh, "jsonl")


def _part_gold(gs: GoldSet, which: str, root: Path) -> Path:
    """A gold folder with only the part's files (symlinks), as the scorer reads one."""
    (root / "events").mkdir(parents=True)
    parts = gs.parts or {f.stem: "train" for f in (gs.gold_dir / "events").glob("*.yaml")}
    for doc, part in parts.items():
        if which in {part, "all"}:
            stem = Path(doc).stem
            (root / "events" / f"{stem}.yaml").symlink_to((gs.gold_dir / "events" / f"{stem}.yaml").resolve())
    return root


def score_parts(gs: GoldSet, shared: Path, out: Path, parts: tuple[str, ...] = PARTS) -> dict[str, Any]:
    """The scorer's result for each part of the set (exports read from `out`)."""
    mod = scorer(shared)
    actors = [str(p) for p in gs.actors]
    if (gs.gold_dir / "actors.yaml").exists():
        actors.append(str(gs.gold_dir / "actors.yaml"))
    tmp = Path(tempfile.mkdtemp())
    try:
        results = {}
        for which in parts:
            with contextlib.redirect_stdout(io.StringIO()):
                results[which] = mod.score(str(_part_gold(gs, which, tmp / which)), actors,
                                           str(out / "events.jsonl"), str(out / "articles.jsonl"),
                                           str(out / "stories.jsonl"))
        return results
    finally:
        shutil.rmtree(tmp)


def summary(res: dict[str, Any]) -> dict[str, Any]:
    """The figures the issues track, from one scorer result."""
    en = res["english"]
    events, pw = en["events"], en["pairwise"]
    required = events["tp"] + events["fn"]
    return {
        "articles": en["articles"],
        "precision": events["precision"], "recall": events["recall"], "f1": events["f1"],
        "tp": events["tp"], "fp": events["fp"], "fn": events["fn"],
        "false_alarms_per_required": round(events["fp"] / required, 3) if required else None,
        "missed_because": events["missed_because"],
        "dates_right": en["dates"]["right"], "dates_total": en["dates"]["total"],
        "dates": en["dates"]["accuracy"],
        "pairs_any_f1": pw["f1"], "pairs_main_f1": pw["main"]["f1"],
        "pairs_main_precision": pw["main"]["precision"], "pairs_main_recall": pw["main"]["recall"],
        "near_miss_merged": pw["near_miss"]["false_merges"], "near_miss_pairs": pw["near_miss"]["pairs"],
        "multilingual_events_f1": res["multilingual"]["events"]["f1"],
        "multilingual_pairs_f1": res["multilingual"]["pairwise"]["f1"],
        "metadata_right": res["metadata"]["right"], "metadata_total": res["metadata"]["total"],
    }
