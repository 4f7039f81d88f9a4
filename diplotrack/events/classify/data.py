"""Labelled examples for the event models, from the data sets in ../shared.

Every example carries its data set and part (diplotrack.evaluation.split), so
that training reads the training parts only and the test parts are measured.

- ngec-synthetic: a story's headline and lede -> its label (headline model); the
  most central candidate of its headline and of its first sentence -> its label
  (trigger model).
- plover-gsr: the sentence -> its category (both models; the trigger is the
  candidate inside the record's `eventText`).
- annotated articles (realnews-dev, the seeds' gold): headline and lede -> the
  first type of the first required event (headline model); candidates that the
  rules found, matched to gold events -> the gold type, unmatched -> NONE
  (trigger model).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from diplotrack.evaluation import ngec, plover
from diplotrack.events.classify.features import headline_features, main_predicate, trigger_features
from diplotrack.events.classify.goldsets import GoldSet, read
from diplotrack.events.lead import lede, settings
from diplotrack.events.triggers import Trigger, find_triggers
from diplotrack.models import Article
from diplotrack.nlp.pipeline import process

NONE = "NONE"


@dataclass
class Example:
    model: str  # headline | trigger
    features: dict[str, float]
    label: str
    dataset: str
    part: str
    key: str  # the item it comes from (story, record, article)
    group: str = ""  # examples of one group stay in one cross-validation fold (a template)


def depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


def central(sent: Span) -> tuple[Token, Trigger | None] | None:
    """The sentence's most central candidate: the rule trigger nearest the root, else
    its main predicate when that is a verb or noun."""
    trigs = find_triggers(sent)
    if trigs:
        best = min(trigs, key=lambda t: (depth(t.token), t.token.i))
        return best.token, best
    pred = main_predicate(sent)
    if pred.pos_ in {"VERB", "NOUN"}:
        return pred, None
    return None


def rule_categories(doc: Doc, sents: list[Span]) -> list[str]:
    head = list(doc._.headline.sents) if doc._.headline is not None else []
    return sorted({t.category for s in [*head, *sents] for t in find_triggers(s)})


def doc_lede(doc: Doc) -> list[Span]:
    return lede(doc, settings()) or list(doc.sents)[:1]


def _articles(nlp: Language, articles: list[Article]) -> Iterator[Doc]:
    for i in range(0, len(articles), 64):
        yield from process(nlp, articles[i:i + 64])


def ngec_examples(nlp: Language, path: Path) -> Iterator[Example]:
    stories = ngec.load(path)
    arts = [Article(id=s.id, source=s.id, text=_top(s.text), title=s.title) for s in stories]
    for s, doc in zip(stories, _articles(nlp, arts), strict=True):
        sents = doc_lede(doc)
        feats = headline_features(doc._.headline, sents, rule_categories(doc, sents))
        yield Example("headline", feats, s.label, ngec.DATASET, s.part, s.id, s.template)
        spans = [*(doc._.headline.sents if doc._.headline is not None else []), *sents[:1]]
        for rank, sent in enumerate(spans):
            cand = central(sent)
            if cand is not None:
                tok, trig = cand
                yield Example("trigger", trigger_features(tok, trig.sense if trig else None, 0),
                              s.label, ngec.DATASET, s.part, f"{s.id}:{rank}", s.template)


def _top(text: str, chars: int = 1500) -> str:
    """The top of a story: its lede is all the models read of it."""
    if len(text) <= chars:
        return text
    cut = text.rfind("\n", 0, chars)
    return text[: cut if cut > 200 else chars]


def plover_examples(nlp: Language, path: Path) -> Iterator[Example]:
    records = plover.load(path)
    arts = [Article(id=r.id, source=r.id, text=r.text) for r in records]
    for r, doc in zip(records, _articles(nlp, arts), strict=True):
        sents = list(doc.sents)
        feats = headline_features(None, sents, rule_categories(doc, sents))
        yield Example("headline", feats, r.category, plover.DATASET, r.part, r.id)
        cand = _in_event_text(doc, r.event_text)
        if cand is not None:
            tok, trig = cand
            yield Example("trigger", trigger_features(tok, trig.sense if trig else None, 0),
                          r.category, plover.DATASET, r.part, r.id)


def _in_event_text(doc: Doc, event_text: str) -> tuple[Token, Trigger | None] | None:
    """The candidate trigger whose word is in the record's eventText, else the first
    verb or noun of it."""
    words = [w.lower().strip(".,;:()'\"") for w in event_text.split()]
    trigs = [t for s in doc.sents for t in find_triggers(s)]
    for w in words:
        for t in trigs:
            if t.token.lower_ == w:
                return t.token, t
    for w in words:
        for tok in doc:
            if tok.lower_ == w and tok.pos_ in {"VERB", "NOUN"}:
                return tok, None
    return None


def gold_examples(nlp: Language, gs: GoldSet) -> Iterator[Example]:
    """Hand-annotated articles, read as ingest reads them, through the rules-only pipeline."""
    docs, groups = read(gs)
    for a, doc in zip(docs, _articles(nlp, [d.article for d in docs]), strict=True):
        sents = doc_lede(doc)
        required = [e for e in a.gold.events if e.required]
        if required:
            feats = headline_features(doc._.headline, sents, rule_categories(doc, sents))
            yield Example("headline", feats, required[0].types[0], a.dataset, a.part, a.gold.doc, a.group)
        for ev, label in label_events(doc._.events or [], a.gold.events, groups):
            for k, feats in enumerate(ev.mention_features):
                yield Example("trigger", feats, label, a.dataset, a.part, f"{a.gold.doc}:{ev.id}:{k}",
                              a.group)


def label_events(events: list, golds: list, groups: dict) -> Iterator[tuple]:
    """(event, label) for each rules-only event of one article: the gold type when it
    matches a gold event; its own type when a gold event of that type shares a
    participant (a right reading, short of participants); the gold type of an event
    whose participants it has (a wrong reading); NONE otherwise."""
    from diplotrack.evaluation.matching import assign, matches, participant_keys

    held = assign(events, golds, groups)
    taken = set(held.values())
    for i, ev in enumerate(events):
        if ev.event_type == "OTHER":
            continue
        keys = [participant_keys(p) for p in ev.participants()]

        def has(group: str, keys: list = keys) -> bool:
            return any(k & groups[group] for k in keys)

        if i in taken or any(ev.event_type in g.types and any(has(p) for p in g.participants) for g in golds):
            yield ev, ev.event_type
        else:
            wrong = [g for g in golds if g.participants and all(has(p) for p in g.participants)
                     and not matches(ev, g, groups)]
            yield ev, (wrong[0].types[0] if wrong else NONE)


def ecbplus_none_examples(nlp: Language, root: Path, subtopics: set[str], below: int) -> Iterator[Example]:
    """Headlines and ledes of general news outside PLOVER (ECB+ subtopics labelled so in
    config.yaml) -> NONE. Topics from `below` on are held out (the story gate's)."""
    from diplotrack.evaluation.ecbplus import load_documents

    topics = {str(t) for t in range(1, below)}
    articles, gold = load_documents(root, topics)
    keep = [a for a in articles if gold[a.id] in subtopics]
    for a, doc in zip(keep, _articles(nlp, keep), strict=True):
        sents = doc_lede(doc)
        feats = headline_features(doc._.headline, sents, rule_categories(doc, sents))
        yield Example("headline", feats, NONE, "ecbplus", "train", a.id, gold[a.id])
