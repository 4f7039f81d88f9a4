"""spaCy component `diplotrack_lead`: the event each article reports first, and an
OTHER event for the lede's happening when the article holds no PLOVER event.

News reports lead with their main event. When that event is outside PLOVER
(an earthquake, a product launch, a death) the article would have no event,
and the outlets reporting it could never share a story. This component adds one
event of type OTHER for it (data/lead.yaml): the main verb of the first
sentence as trigger, the organisations and registry actors named in the lede
as participants (never private persons), the lede's first date and place, and
the lede sentences as evidence.

Either way the event the article reports first is flagged `lead` and carries the
lede's text and proper names: story matching compares two articles' lead events
by the wording of their ledes, whatever their categories (diplotrack.stories.score).
"""


from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from diplotrack.events import ontology
from diplotrack.events.classify.apply import choose_main, headline_scores, headline_types, in_lede
from diplotrack.events.classify.models import NONE
from diplotrack.events.classify.verify import verify
from diplotrack.events.context import sentence_contexts
from diplotrack.events.dates import (
    date_entities,
    event_date,
    find_expressions,
    lead_date,
    needs_anchor,
    parse_iso,
    resolve,
)
from diplotrack.events.generic import DocSetting, private
from diplotrack.events.headline_event import headline_event
from diplotrack.events.merge import event_id, fold_into_main
from diplotrack.events.ontology import OTHER, load_yaml
from diplotrack.events.phrases import PLACE_PREPS
from diplotrack.events.places import dateline_place, geocode
from diplotrack.models import Event, Evidence, Location, Participant
from diplotrack.nlp import extensions

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PEOPLE_KINDS = {"person", "civilians", "unidentified"}
DATE_GRANULARITIES = {"day", "week", "month"}
NAMED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"}


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    return dict(load_yaml("lead.yaml"))


def lede(doc: Doc, cfg: dict[str, Any]) -> list[Span]:
    """The first sentences with enough words (bylines and datelines skipped)."""
    out: list[Span] = []
    for sent in doc.sents:
        if sum(1 for t in sent if t.is_alpha) >= int(cfg["min_words"]):
            out.append(sent)
            if len(out) >= int(cfg["lede_sentences"]):
                break
    return out


def newsworthy(sents: list[Span], cfg: dict[str, Any]) -> bool:
    """A happening others report names someone or somewhere: a recipe or a
    reflection ("She captured the imagination of a generation") does not."""
    named = {e.start for s in sents for e in s.ents if e.label_ in NAMED_LABELS}
    return len(named) >= int(cfg["min_named"])


def trigger(sent: Span) -> str:
    """The lemma of the sentence's main word ("strike", "check", "die")."""
    root = sent.root
    for child in root.children:  # "was killed": the participle, not the auxiliary
        if root.pos_ == "AUX" and child.pos_ == "VERB":
            return child.lemma_.lower()
    return root.lemma_.lower()


def participants(doc: Doc, sents: list[Span], limit: int) -> list[Participant]:
    lo, hi = sents[0].start_char, sents[-1].end_char
    out: list[Participant] = []
    for m in doc._.actors or []:
        p = m.participant
        if not lo <= m.start_char < hi or p.kind in PEOPLE_KINDS and private(p):
            continue
        if m.place is not None and m.via == "metonym":
            continue  # "in Kabul": a place here, not the government
        if p.id and all(q.id != p.id for q in out):
            out.append(p)
    return out[:limit]


def acting(doc: Doc, sents: list[Span]) -> bool:
    """Whether an actor of the lede is named other than as a place ("killed ten people
    in southern Iran": Iran is where, not who)."""
    lo, hi = sents[0].start_char, sents[-1].end_char
    for m in doc._.actors or []:
        last = doc[m.end - 1]
        if lo <= m.start_char < hi and not (last.dep_ == "pobj" and last.head.lower_ in PLACE_PREPS):
            return True
    return False


def place(doc: Doc, sents: list[Span]) -> Location | None:
    for sent in sents:
        for ent in sent.ents:
            if ent.label_ in PLACE_LABELS:
                loc = geocode(ent.text)
                if loc is not None:
                    return loc
    return dateline_place(doc._.dateline) or DocSetting(doc).place


def when(doc: Doc, sents: list[Span]) -> tuple[str | None, str | None]:
    """The lede's first date of a day, week or month. When that is a day the
    article does not anchor ("died Thursday", no publication date), the
    happening is undated: a later date in the lede is background ("born on
    April 22, 1923")."""
    entities = date_entities(doc)
    published = parse_iso(doc._.published) or lead_date(doc, entities)
    for sent in sents:
        for expr in find_expressions(sent, entities):
            res = resolve(expr.text, published)
            if res is None and published is None and needs_anchor(expr.text):
                return None, None
            # a bare year in a lede is background ("married in 1967"), not the happening
            if res is None or res.future or res.granularity not in DATE_GRANULARITIES:
                continue
            value = event_date(res)
            if value:
                return value, expr.text
    return None, None


ANCHOR_PREPS = {"since", "before", "after", "until", "following", "prior", "ahead"}
RECENT_DAYS = 31  # a main event is news: dated within a month before publication


def _anchored(tok: Any) -> bool:
    """A time expression inside a "since ..." or "after ..." phrase dates another event."""
    for anc in [tok, *list(tok.ancestors)[:4]]:
        if anc.dep_ in {"prep", "mark"} and anc.lower_ in ANCHOR_PREPS:
            return True
    return False


def main_date(doc: Doc, own: list[Span], others: list[Span]) -> tuple[str | None, str | None]:
    """For a main event the text does not date in its own clause: the first day, week
    or month of its own lede sentences, then of the others, that dates no other event
    ("since August 2021" does not), is not ahead, and lies within a month before
    publication. With no publication date nothing tells a background date in another
    sentence ("The Taliban regained power in August 2021.") from the event's: only its
    own sentences date it."""
    entities = date_entities(doc)
    published = parse_iso(doc._.published) or lead_date(doc, entities)
    for sent in own + (others if published is not None else []):
        for expr in find_expressions(sent, entities):
            if _anchored(expr.head(sent)):
                continue
            res = resolve(expr.text, published)
            if res is None or res.future or res.granularity not in DATE_GRANULARITIES:
                continue
            value = event_date(res)
            if value and _recent(value, published):
                return value, expr.text
    return None, None


def _recent(value: str, published: Any) -> bool:
    if published is None:
        return True
    try:
        first = date.fromisoformat(value[:10] if len(value) >= 10 else f"{value[:7]}-01")
    except ValueError:
        return True
    return published - timedelta(days=RECENT_DAYS + 30 * (len(value) < 10)) <= first <= published


def date_mains(doc: Doc, events: list[Event], sents: list[Span]) -> None:
    """Main events with no date of their own take the lede's (main_date); a release's
    its publication day; others the publication month when they must lie in it."""
    todo = [e for e in events if (e.main or e.lead) and not e.date and e.auxiliary is None
            and e.event_type != OTHER]
    published = parse_iso(doc._.published)
    by_release = doc._.genre in settings().get("dated_by_publication", ())
    for e in todo:
        value, text = main_date(doc, *_telling(e, sents))
        source = None
        if value is None and published is not None:
            value = published.isoformat() if by_release else _recent_month(published)
            source = ("release" if by_release else "published") if value else None
        e.date, e.date_text, e.date_from = value, text, source


def _recent_month(published: Any) -> str | None:
    """A main event the text does not date is news: it happened in the days before
    publication (`news_lag_days`). Its date is the month when all those days lie in
    the publication's month, else unknown."""
    lag = int(settings().get("news_lag_days", -1))
    if lag < 0 or (published - timedelta(days=lag)).month != published.month:
        return None
    return f"{published.year:04d}-{published.month:02d}"


def _telling(event: Event, sents: list[Span]) -> tuple[list[Span], list[Span]]:
    """The lede sentences reporting a main event (its evidence), and the others."""
    spans = [(ev.start, ev.end) for ev in event.evidence]
    own = [s for s in sents if any(a < s.end_char and s.start_char < b for a, b in spans)]
    return own, [s for s in sents if s not in own]


def lead_event(doc: Doc, sents: list[Span], cfg: dict[str, Any]) -> Event:
    day, date_text = when(doc, sents)
    contexts: list[str] = []
    for sent in sents:
        contexts += [c for c in sentence_contexts(sent) if c not in contexts]
    event = Event(
        id="", article_id=doc._.article_id or "", event_type=OTHER,
        context=contexts, actor=participants(doc, sents, int(cfg["max_participants"])),
        date=day, date_text=date_text, location=place(doc, sents),
        evidence=[Evidence(s.text, s.start_char, s.end_char) for s in sents],
        confidence=float(cfg["confidence"]), trigger=trigger(sents[0]), status="occurred",
    )
    event.id = event_id(event, {e.id for e in doc._.events or []})
    return event


class LeadEvent:
    def __init__(self, use_models: bool = True, cfg: dict[str, Any] | None = None) -> None:
        extensions.register()
        self.use_models = use_models
        self.cfg = cfg  # lead.yaml's settings when None (the tuning replay passes others)

    def __call__(self, doc: Doc) -> Doc:
        cfg = self.cfg or settings()
        sents = lede(doc, cfg)
        if not sents:
            return doc
        heads = headline_scores(doc, sents) if self.use_models else {}
        top = max(heads, key=heads.__getitem__) if heads else NONE
        if top != NONE and heads[top] >= float(cfg["create_min"]) \
                and not any(in_lede(e, sents) for e in doc._.events or []):
            made = headline_event(doc, sents, top, heads[top])
            if made is not None:
                doc._.events = [*(doc._.events or []), made]
        if not doc._.events and newsworthy(sents, cfg):
            other = lead_event(doc, sents, cfg)
            if top != NONE and heads[top] >= float(cfg["create_min"]) and other.actor \
                    and acting(doc, sents):
                other.event_type = top  # the headline tells what kind of event the lede reports
                other.confidence = heads[top]
            doc._.events = [*(doc._.events or []), other]
        events = doc._.events or []
        lead = choose_main(events, sents, heads, cfg) if heads else None
        lead = lead or first_reported(events)
        if lead is not None and doc._.headline is not None:
            headline_types(lead, heads, cfg)  # without one the model read only the lede
        if lead is not None:
            # a headline of no PLOVER event over PLOVER events ("Press Briefing by Press
            # Secretary Jen Psaki, August 6, 2021"): the text reports statements on many
            # things, none of them its main event
            lead.lead, lead.main = True, not (top == NONE and lead.event_type != OTHER)
            for e in events:
                e.main = e.main and lead.main
            lead.lede = " ".join(s.text for s in sents)
            lead.lede_names = tuple(dict.fromkeys(t.text for s in sents for t in s if t.pos_ == "PROPN"))
            events = fold_into_main(events)
            date_mains(doc, events, sents)
        if self.use_models:
            events = verify(events, doc._.genre, heads)
        doc._.events = [e for e in events if e.main or e.lead or whole(e)]
        return doc


def whole(event: Event) -> bool:
    """A mention is kept when it names both sides, or its category needs only one: a
    dyadic mention with one party ("India agreed", "the Taliban supported") is what an
    article says in passing, not a record of who engaged whom."""
    return len(event.actor) + len(event.recipient) >= 2 or ontology.one_party(event.event_type)


def first_reported(events: list[Event]) -> Event | None:
    """The event the article reports first: the earliest evidence, plain reports
    (no auxiliary status) before plans, background and denials."""
    def order(e: Event) -> tuple[bool, int]:
        return e.auxiliary is not None, min((x.start for x in e.evidence), default=1 << 30)
    return min(events, key=order, default=None)


@Language.factory("diplotrack_lead", default_config={"use_models": True})
def make_lead(nlp: Language, name: str, use_models: bool) -> LeadEvent:
    return LeadEvent(use_models=use_models)
