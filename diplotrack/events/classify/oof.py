"""The verifier's training data: hand-annotated articles run through the pipeline
with headline and trigger models that never saw them (out of fold).

The training part's articles are cut into folds by their split group (for real
news, the real-world event), so no fold's models saw another outlet's report of
the same event. Each finished record is labelled 1 when it matches a gold event
of its article, required or optional (diplotrack.evaluation.matching), else 0.
The test part's articles are run with models fitted on the whole training part,
as shipped, for the report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

from diplotrack.evaluation.matching import assign
from diplotrack.events.classify.data import Example
from diplotrack.events.classify.goldsets import Annotated, GoldSet, read
from diplotrack.events.classify.linear import LinearModel
from diplotrack.events.classify.models import using

FOLDS = 4


def labelled(nlp, docs: list[Annotated], groups: dict[str, set[str]]) -> Iterator[Example]:
    from diplotrack.nlp.pipeline import process

    for a, doc in zip(docs, process(nlp, [d.article for d in docs]), strict=True):
        events = [e for e in doc._.events or [] if e.event_type != "OTHER"]
        held = set(assign(events, a.gold.events, groups).values())
        for i, ev in enumerate(events):
            yield Example("verifier", dict(ev.verifier_features), "1" if i in held else "0",
                          a.dataset, a.part, f"{a.gold.doc}:{ev.id}", a.group)


def fold_of(group: str) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % FOLDS


def verifier_examples(sets: list[GoldSet], examples: list[Example],
                      fit: Callable[[list[Example], str], LinearModel]) -> list[Example]:
    """Out-of-fold records of the training parts, and the test parts' records."""
    from diplotrack.nlp.pipeline import build_nlp

    nlp = build_nlp()
    read_sets = [read(gs) for gs in sets]
    out: list[Example] = []
    names = ("headline", "trigger")
    train = [e for e in examples if e.part == "train"]
    for k in range(FOLDS):
        keep = [e for e in train if fold_of(e.group or e.key) != k]
        models = {n: fit([e for e in keep if e.model == n], n) for n in names}
        with using({**models, "verifier": None}):
            for docs, groups in read_sets:
                held = [d for d in docs if d.part == "train" and fold_of(d.group) == k]
                out += labelled(nlp, held, groups)
    shipped = {n: fit([e for e in train if e.model == n], n) for n in names}
    with using({**shipped, "verifier": None}):
        for docs, groups in read_sets:
            out += labelled(nlp, [d for d in docs if d.part == "test"], groups)
    return out
