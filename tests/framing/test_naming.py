"""Actor naming: surface forms per canonical actor, generic labels included."""

from __future__ import annotations

import pytest

from diplotrack.framing import analyze
from diplotrack.models import Participant
from diplotrack.nlp.extensions import ActorMention

TEXT = (
    "The Taliban government met envoys in Doha. The regime wants recognition, and the "
    "European Union is wary. The Taliban said the regime would reply. The bloc declined."
)


def _mention(doc, word: str, nth: int, pid: str, name: str, kind: str) -> ActorMention:
    hits = [t for t in doc if t.text == word]
    tok = hits[nth]
    return ActorMention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok),
                        Participant(id=pid, name=name, kind=kind, text=tok.text))


def _eu_mention(doc) -> ActorMention:
    start = next(t.i for t in doc if t.text == "European")
    span = doc[start : start + 2]
    return ActorMention(span.start, span.end, span.start_char, span.end_char,
                        Participant(id="eu", name="European Union", kind="igo", text=span.text))


@pytest.mark.slow
def test_forms_and_generic_labels_are_counted_per_actor(base_nlp) -> None:
    doc = base_nlp(TEXT)
    doc._.actors = [
        _mention(doc, "Taliban", 0, "taliban", "Taliban", "de_facto_government"),
        _mention(doc, "Taliban", 1, "taliban", "Taliban", "de_facto_government"),
        _eu_mention(doc),
    ]
    naming = analyze(TEXT, doc)["actor_naming"]
    assert naming["taliban"] == {"regime": 2, "Taliban government": 1, "Taliban": 1}
    assert naming["eu"] == {"European Union": 1, "bloc": 1}


@pytest.mark.slow
def test_labels_without_a_matching_actor_kind_are_not_assigned(base_nlp) -> None:
    doc = base_nlp(TEXT)
    doc._.actors = [_eu_mention(doc)]
    naming = analyze(TEXT, doc)["actor_naming"]
    assert "regime" not in naming["eu"]


def test_no_doc_means_no_naming() -> None:
    assert analyze(TEXT)["actor_naming"] == {}
