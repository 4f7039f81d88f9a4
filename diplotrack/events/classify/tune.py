"""How the lead event weighs headline and trigger models (lead.yaml `trigger_weight`,
`headline_min`), chosen on the training parts out of fold.

    python -m diplotrack.events.classify.train --tune

The synthetic stories', annotated articles' and PLOVER records' training parts are cut into
folds by split group; each fold is read with models fitted without it, and the
lead event is chosen again for each setting: the share of stories whose lead
has the story's label (synthetic), a required gold type (annotated articles) or the
record's category (PLOVER records).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from diplotrack.events.classify.data import Example
from diplotrack.events.classify.linear import LinearModel
from diplotrack.events.classify.oof import FOLDS, fold_of

GRID = [(w, h) for w in (0.0, 0.25, 0.5, 1.0) for h in (0.3, 0.4, 0.5, 0.6, 1.01)]


def _docs(nlp: Any, items: list[tuple[Any, set[str]]]) -> Iterator[tuple[Any, set[str]]]:
    from diplotrack.nlp.pipeline import process

    arts = [a for a, _ in items]
    for i in range(0, len(arts), 64):
        for doc, (_, labels) in zip(process(nlp, arts[i:i + 64]), items[i:i + 64], strict=True):
            yield doc, labels


def _replay(doc: Any, saved: list[Any], labels: set[str], settings: dict[str, Any]) -> bool:
    """The lead component run again on the doc's events with these settings."""
    from diplotrack.events.lead import LeadEvent

    doc._.events = copy.deepcopy(saved)
    LeadEvent(use_models=True, cfg=settings)(doc)
    lead = next((e for e in doc._.events or [] if e.lead), None)
    return lead is not None and lead.event_type in labels


def tune(shared: Path, repo: Path, examples: list[Example],
         fit: Callable[[list[Example], str], LinearModel]) -> list[tuple[float, float, list[float]]]:
    """(trigger_weight, headline_min, [synthetic, annotated, PLOVER record accuracy]) per setting."""
    from diplotrack.evaluation import ngec, plover
    from diplotrack.events.classify.goldsets import gold_sets, read
    from diplotrack.events.classify.models import using
    from diplotrack.events.lead import settings as lead_settings
    from diplotrack.models import Article
    from diplotrack.nlp.pipeline import build_nlp

    nlp = build_nlp()
    nlp.disable_pipe("diplotrack_lead")  # the replay runs it once per setting
    stories = [s for s in ngec.load(shared / "evaldata" / "ngec-synthetic" / "stories.jsonl")
               if s.part == "train"]
    records = [r for r in plover.load(shared / "evaldata" / "plover-gsr" / "plover_gsr_cameo.jsonl")
               if r.part == "train"]
    annotated = [a for gs in gold_sets(shared, repo) for a in read(gs)[0] if a.part == "train"]
    train = [e for e in examples if e.part == "train"]
    hits: dict[tuple[float, float], list[int]] = {g: [0] * 6 for g in GRID}
    for k in range(FOLDS):
        keep = [e for e in train if fold_of(e.group or e.key) != k]
        models = {n: fit([e for e in keep if e.model == n], n) for n in ("headline", "trigger")}
        items: list[tuple[Any, set[str]]] = [
            (Article(id=s.id, source=s.id, text=s.text[:1500], title=s.title), {s.label})
            for s in stories if fold_of(s.template) == k]
        n_synthetic = len(items)
        items += [(a.article, {t for e in a.gold.events if e.required for t in e.types})
                  for a in annotated if fold_of(a.group) == k and any(e.required for e in a.gold.events)]
        n_annotated = len(items)
        items += [(Article(id=r.id, source=r.id, text=r.text), {r.category})
                  for r in records if fold_of(r.id) == k]
        with using({**models, "verifier": None}):
            for i, (doc, labels) in enumerate(_docs(nlp, items)):
                slot = 0 if i < n_synthetic else 2 if i < n_annotated else 4
                saved = copy.deepcopy(doc._.events or [])
                for (w, h), cell in hits.items():
                    cell[slot] += _replay(doc, saved, labels, dict(
                        lead_settings(), trigger_weight=w, headline_min=h))
                    cell[slot + 1] += 1
    return [(w, h, [c[j] / max(c[j + 1], 1) for j in (0, 2, 4)]) for (w, h), c in hits.items()]
