"""The trained models at work inside the pipeline.

- `reclassify`: the trigger model decides a candidate's category (or that it is
  no event); the lexicon's reading is one of its features.
- `headline_scores`: what kind of event the headline and lede report.
- `choose_main`: the lead event is the lede's event that best fits the headline;
  the article's main events are the lede's events of its kind. When the headline
  model is confident and the lead's own words allow it, the lead takes the
  headline's category.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from diplotrack.events.classify.features import headline_features, weigh_lede
from diplotrack.events.classify.models import NONE, apply_settings, best, model
from diplotrack.events.lexicon import Sense
from diplotrack.events.ontology import OTHER
from diplotrack.events.triggers import Trigger, find_triggers
from diplotrack.models import Event

HIDDEN_STATUS = {"negation", "hypothetical", "historical"}


def reclassify(trig: Trigger, feats: dict[str, float]) -> tuple[Trigger | None, dict[str, float]]:
    """The trigger model's reading of a candidate: it overrides the lexicon's category
    (or drops the candidate, NONE) only when it is sure (settings in config.yaml)."""
    m = model("trigger")
    if m is None:
        return trig, {}
    probs = m.proba(feats)
    top = best(probs)
    cfg = apply_settings()
    if top == trig.category or probs[top] < cfg["override_min"] \
            or probs.get(trig.category, 0.0) > cfg["keep_max"]:
        return trig, probs
    if top == NONE:
        return None, probs
    if top != trig.category:
        sense = Sense(trig.sense.lemma, top, None, trig.sense.pos)
        trig = Trigger(trig.token, sense, trig.governor)
    return trig, probs


def headline_scores(doc: Doc, sents: list[Span]) -> dict[str, float]:
    m = model("headline")
    if m is None:
        return {}
    head = list(doc._.headline.sents) if doc._.headline is not None else []
    rules = sorted({t.category for s in [*head, *sents] for t in find_triggers(s)})
    feats = headline_features(doc._.headline, sents, rules)
    return m.proba(weigh_lede(feats, float(m.meta.get("lede_weight", 1.0))))


def in_lede(ev: Event, sents: list[Span]) -> bool:
    end = sents[-1].end_char if sents else 0
    return bool(ev.evidence) and ev.evidence[0].start < end


def combined(e: Event, heads: dict[str, float], weight: float) -> dict[str, float]:
    """Headline and trigger model together (a product of experts): H(c) * T(c)^weight."""
    own = {c: p for c, p in e.scores.items() if c != NONE} or {e.event_type: 1.0}
    floor = 0.02  # a category the trigger model never saw here keeps a little weight
    out = {c: h * max(own.get(c, 0.0), floor) ** weight for c, h in heads.items() if c != NONE}
    total = sum(out.values()) or 1.0
    return {c: v / total for c, v in out.items()}


def choose_main(events: list[Event], sents: list[Span], heads: dict[str, float],
                cfg: dict[str, Any]) -> Event | None:
    """Flag the lead and the main events; return the lead (None: leave it to the rules).

    The lead is the lede event whose reading best fits the headline; it takes the
    category that headline and trigger models together find most likely."""
    cands = [e for e in events if in_lede(e, sents) and e.auxiliary not in HIDDEN_STATUS
             and e.event_type != OTHER]  # an OTHER lead is the absence of a PLOVER event
    if not cands or not heads:
        return None
    # with no headline the headline model reads only the lede: the trigger model counts more
    headed = sents[0].doc._.headline is not None
    weight = float(cfg["trigger_weight" if headed else "trigger_weight_headless"])
    joint = {id(e): combined(e, heads, weight) for e in cands}

    def fit(e: Event) -> float:
        return heads.get(e.event_type, 0.0) * max(e.scores.get(e.event_type, 0.5), 0.02) ** weight

    lead = max(cands, key=lambda e: (max(fit(e), max(joint[id(e)].values())), -e.evidence[0].start))
    top = best(joint[id(lead)])
    if top != lead.event_type and joint[id(lead)][top] > fit(lead):
        lead.event_type, lead.mode = top, None
    for e in cands:
        e.main = e is lead or heads.get(e.event_type, 0.0) >= float(cfg["main_min"])
    return lead


def headline_types(lead: Event, heads: dict[str, float], cfg: dict[str, Any]) -> None:
    """The headline says what the story reports: a confident headline model types the lead."""
    said = max((c for c in heads if c != NONE), key=heads.__getitem__, default=None)
    if said is not None and said != lead.event_type and lead.event_type != OTHER \
            and heads[said] >= float(cfg["headline_min"]):
        lead.event_type, lead.mode = said, None
