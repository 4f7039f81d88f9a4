"""The lead event of an article whose lede holds no candidate the lexicon knows,
typed by the headline model ("A new Chinese ambassador has presented his
credentials to ...": no trigger word, but a SUPPORT headline).

Its trigger is the lede's main predicate; actor and recipient come from that
predicate's arguments as for any event (diplotrack.events.component), and it
needs an actor: something that happened to people with no one doing it (a
quake, a storm) is no PLOVER event.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from diplotrack.events.classify.features import main_predicate
from diplotrack.events.component import EventExtractor, _DocState
from diplotrack.events.lexicon import Sense
from diplotrack.events.mentions import MentionIndex
from diplotrack.events.merge import event_id
from diplotrack.events.triggers import Trigger
from diplotrack.models import Event

PREDICATE_POS = {"VERB": "verb", "NOUN": "noun"}


def headline_event(doc: Doc, sents: list[Span], category: str, confidence: float) -> Event | None:
    state = _DocState(doc)
    idx = MentionIndex(doc, state.setting)
    extractor = EventExtractor(use_models=False)
    for sent in doc.sents:
        exprs = state.resolve_sentence(sent)
        if sent.start < sents[0].start:
            continue
        if sent.start > sents[-1].start:
            break
        pred = main_predicate(sent)
        pos = PREDICATE_POS.get(pred.pos_)
        if pos is None:
            continue
        trig = Trigger(pred, Sense(pred.lemma_.lower(), category, None, pos))
        event = extractor.build(doc, sent, trig, idx, exprs, state)
        # a PLOVER event has a source: "an earthquake killed ten people" has none
        if event is not None and event.auxiliary is None and event.actor:
            event.confidence = confidence
            event.id = event_id(event, {e.id for e in doc._.events or []})
            return event
    return None
