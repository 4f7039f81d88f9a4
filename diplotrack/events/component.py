"""spaCy component `diplotrack_events`: sentences -> PLOVER events in `doc._.events`.

Per sentence: triggers by lemma lookup, arguments from the parse and
`doc._.actors`, then date, place, auxiliary status and contexts; finally
repeated mentions of one event are merged.
"""

import re
from contextlib import suppress
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from diplotrack.actors.component import resolve_mention
from diplotrack.events import auxiliary as aux
from diplotrack.events import home
from diplotrack.events.arguments import extract
from diplotrack.events.classify.apply import reclassify
from diplotrack.events.classify.features import trigger_features
from diplotrack.events.context import default_context, sentence_contexts
from diplotrack.events.dates import (
    date_entities,
    event_date,
    find_expressions,
    lead_date,
    parse_iso,
    resolve,
    year_of,
)
from diplotrack.events.generic import DocSetting, civilian, general, private, private_modes
from diplotrack.events.lexicon import cues
from diplotrack.events.mentions import MentionIndex
from diplotrack.events.merge import merge
from diplotrack.events.phrases import Arg, Args
from diplotrack.events.places import dateline_place, geocode
from diplotrack.events.roles import civilian_actor, implicit_recipient, targets
from diplotrack.events.select import choose_date, entity_text, historical, sentence_place
from diplotrack.events.triggers import Trigger, find_triggers, object_words
from diplotrack.ingest.issuer import inside, press_questions
from diplotrack.models import Event, Evidence, Location, Participant
from diplotrack.nlp import extensions


class EventExtractor:
    def __init__(self, dateline_fallback: bool = True, keep_negated: bool = True,
                 use_models: bool = True) -> None:
        extensions.register()
        self.dateline_fallback = dateline_fallback
        self.keep_negated = keep_negated
        self.use_models = use_models

    def __call__(self, doc: Doc) -> Doc:
        events = merge(list(self.mentions(doc)))
        # most reliable first; ties in text order
        events.sort(key=lambda e: (-round(e.confidence, 3), e.evidence[0].start if e.evidence else 0))
        doc._.events = events
        return doc

    def mentions(self, doc: Doc):
        state = _DocState(doc)
        idx = MentionIndex(doc, state.setting)
        rank = 0  # sentences of five words or more before this one (the lede's are 0-2)
        asked = press_questions(doc) if doc._.genre == "transcript" else []
        for sent in doc.sents:
            exprs = state.resolve_sentence(sent)
            if inside(asked, sent.start_char):
                continue  # a question from the press reports nothing of the issuer's
            for found in find_triggers(sent):
                feats = trigger_features(found.token, found.sense, rank)
                trig, scores = reclassify(found, feats) if self.use_models else (found, {})
                if trig is None:
                    continue
                event = self.build(doc, sent, trig, idx, exprs, state)
                if event is not None:
                    event.scores, event.mention_features = scores, [feats]
                    yield event
            idx.recent = list(_subjects(sent, idx)) or idx.recent
            rank += sum(1 for t in sent if t.is_alpha) >= 5

    def build(self, doc: Doc, sent: Span, trig: Trigger, idx: MentionIndex,
              exprs: list[tuple], state: "_DocState") -> Event | None:
        args = extract(trig, idx)
        if trig.category not in general()[0]:
            _drop_generic_groups(args)
        if not trig.is_noun and args.actor and not args.recipient:
            args.recipient = implicit_recipient(trig.token, idx)
        if trig.category == "PROTEST" and not args.actor:
            args.actor = civilian_actor(trig.token, idx)
        if not _political_args(args):
            args.recipient.extend(targets(trig.token, idx, args))
        if not args.actor and not _patient_only(trig, args) and trig.category not in ACTORLESS:
            return None
        res, date_text = choose_date(trig.token, exprs, state.published, False)
        when = event_date(res)
        actor = _distinct([_participant(a, when) for a in args.actor])
        actor = home.officials(actor, doc._.home, when)
        acting = {p.id for p in actor}
        # nobody is the target of their own act ("the British are calling for sanctions")
        recipient = _distinct([p for p in (_participant(a, when) for a in args.recipient)
                               if p.id not in acting])
        recipient = home.officials(recipient, doc._.home, when)
        if trig.category in home.HOME_CATEGORIES:
            recipient = home.civilians(recipient, args.recipient, actor)
        if not recipient and _is_guest_document(trig):
            recipient = _guests(state.last_consult, actor)
        if trig.category in general()[0]:  # private persons are civilians, never persons
            actor = _civilians(actor, state.setting)
            recipient = _civilians(recipient, state.setting)
        general_news = not _political(actor + recipient)
        if general_news and not _general(trig, actor, recipient, args):
            return None
        category, auxiliary = _status(trig)
        if auxiliary == "negation" and (not self.keep_negated
                                        or all(a.resolved for a in args.actor)):
            return None
        if auxiliary == "future":  # else the date chosen above stands
            res, date_text = choose_date(trig.token, exprs, state.published, True)
        if res is not None and res.future and auxiliary is None:
            auxiliary = "future"
        if auxiliary is None and (historical(res, state) or aux.is_historical_word(trig.token)):
            auxiliary = "historical"
        event = Event(
            id="", article_id=doc._.article_id or "", event_type=category,
            mode=trig.sense.mode if category == trig.category else None,
            context=state.context(sent, category), actor=actor, recipient=recipient,
            date=event_date(res), date_text=date_text if res is not None else None,
            location=self.place(doc, sent, trig, args, category,
                                state.setting if general_news or _generic(args) else None),
            auxiliary=auxiliary, trigger=trig.sense.label,
            evidence=[Evidence(sent.text, sent.start_char, sent.end_char)],
            confidence=_confidence(trig, args, auxiliary),
            status=_STATUS.get(auxiliary or "", "occurred"),
        )
        if category == "CONSULT" and event.recipient:
            state.last_consult = event
            idx.sides = [args.actor[0].mention, args.recipient[0].mention] if args.actor and args.recipient else []
        return event

    def place(self, doc: Doc, sent: Span, trig: Trigger, args: Args, category: str,
              setting: DocSetting | None = None) -> Location | None:
        for m in args.places:
            if m.place is not None:
                return m.place
        for tok in args.place_tokens:
            loc = geocode(entity_text(tok))
            if loc is not None:
                return loc
        if setting is not None:  # general news: the sentence's place, else the article's
            return sentence_place(sent, trig.token) or setting.place
        if category != "CONSULT":
            return None
        loc = sentence_place(sent, trig.token) or next(
            (a.mention.place for a in args.actor if a.mention.is_capital and a.mention.place), None)
        if loc is None and self.dateline_fallback:
            loc = _dateline_for(doc, args)
        return loc


def _distinct(parts: list[Participant]) -> list[Participant]:
    """One participant per actor ("arrived in Kabul for talks with the Taliban": Kabul
    and the Taliban are one party)."""
    out: list[Participant] = []
    for p in parts:
        if all(q.id != p.id for q in out):
            out.append(p)
    return out


def _dateline_for(doc: Doc, args: Args) -> Location | None:
    """The dateline place, only when a participant is of that country (weak fallback)."""
    loc = dateline_place(doc._.dateline)
    if loc is None:
        return None
    countries = {a.mention.participant.country for a in args.actor + args.recipient}
    return loc if loc.country in countries else None


YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\b")


@Language.factory("diplotrack_events", default_config={"dateline_fallback": True,
                                                        "keep_negated": True, "use_models": True})
def make_events(nlp: Language, name: str, dateline_fallback: bool,
                keep_negated: bool, use_models: bool) -> EventExtractor:
    return EventExtractor(dateline_fallback=dateline_fallback, keep_negated=keep_negated,
                          use_models=use_models)


ACTORLESS = {"ASSAULT", "PROTEST"}  # attacks and protests by unnamed people still count
_STATUS = {"future": "planned", "hypothetical": None, "negation": None, "historical": "occurred"}


class _DocState:
    """What the extractor remembers across sentences: publication date, last year named."""

    def __init__(self, doc: Doc) -> None:
        self.last_year: int | None = None
        self.last_consult: Event | None = None
        self.date_ents = date_entities(doc)
        # unknown publication date: the article's own dateline date, when it writes one
        self.published = parse_iso(doc._.published) or lead_date(doc, self.date_ents)
        self.contexts: dict[int, list[str]] = {}
        years = [int(y) for y in YEAR_RE.findall(doc.text)]
        self.max_year: int | None = max(years) if years else None
        self.setting = DocSetting(doc)

    def context(self, sent: Span, category: str) -> list[str]:
        if sent.start not in self.contexts:
            self.contexts[sent.start] = sentence_contexts(sent)
        return list(self.contexts[sent.start]) or [default_context(category)]

    def resolve_sentence(self, sent: Span) -> list[tuple]:
        out = []
        for expr in find_expressions(sent, self.date_ents):
            res = resolve(expr.text, self.published, year_hint=self.last_year)
            out.append((expr, res))
        for _, res in out:
            y = year_of(res)
            if y is not None:
                self.last_year = y
        return out


def _is_guest_document(trig: Trigger) -> bool:
    return bool(object_words(trig.token) & cues()["guest_objects"])


def _guests(meeting: "Event | None", actor: list[Participant]) -> list[Participant]:
    """The guests of the meeting reported last (its recipients)."""
    if meeting is None:
        return []
    own = {p.id for p in actor}
    return [p for p in meeting.recipient if p.id not in own]


def _patient_only(trig: Trigger, args: Args) -> bool:
    """A passive with no agent still reports an event done to its subject
    ("three soldiers were killed")."""
    tok = trig.token
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and args.recipient:
        return True  # "a woman charged with killing two people": done to the noun it modifies
    subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if not subj or not args.recipient:
        return False
    span = range(subj[0].left_edge.i, subj[0].right_edge.i + 1)
    return any(a.mention.start in span for a in args.recipient)


def _participant(arg: Arg, when: str | None) -> Participant:
    """The mention's participant, re-resolved at the event's date when it has one."""
    base = arg.mention.participant
    if when and arg.mention.extra.get("actor_id"):
        with suppress(KeyError):  # an id the registry no longer knows: keep the mention's own
            base = resolve_mention(arg.mention, when)
    if arg.affiliation is not None:
        org = arg.affiliation.participant
        base = replace(base, affiliation=org.affiliation or org.name,
                       country=base.country or org.country)
    return replace(base, text=arg.text)


def _general(trig: Trigger, actor: list[Participant], recipient: list[Participant],
             args: Args) -> bool:
    """A general-news event (a shooting, an arrest, a riot) with no state or official
    in it: its category allows one, a public body or group takes part, and someone
    acts, unless the trigger itself says how people acted ("shot", "arrested"):
    "the quake killed ten people" is no event. Between private persons only, just
    the category modes `general_private_modes` allow ("Klitschko beat Thompson" is
    no event; "X was arrested", "Y shot Z" are)."""
    categories, kinds = general()
    if trig.category not in categories or not any(p.kind in kinds for p in actor + recipient):
        return False
    if not actor and trig.sense.mode is None:
        return False
    if _generic(args):
        return True
    modes = private_modes().get(trig.category, frozenset())
    if trig.sense.mode not in modes:
        return False
    return trig.category != "ASSAULT" or bool(recipient)


GROUP_KINDS = {"civilians", "unidentified"}


def _drop_generic_groups(args: Args) -> None:
    """Outside general-news categories, no civilians or perpetrators named by a common noun."""
    def keep(a: Arg) -> bool:  # "two U.S. citizens" stay: their phrase names their country
        return not (a.mention.via == "generic" and a.mention.participant.kind in GROUP_KINDS
                    and not a.mention.extra.get("own_country"))

    args.actor = [a for a in args.actor if keep(a)]
    args.recipient = [a for a in args.recipient if keep(a)]


def _generic(args: Args) -> bool:
    """Whether a participant is named only by a common noun ("police", "the gunman")."""
    return any(a.mention.via == "generic" for a in args.actor + args.recipient)


def _civilians(people: list[Participant], setting: DocSetting) -> list[Participant]:
    """Private persons as civilians of the country (their names stay as text), once each."""
    seen: set[str] = set()
    out = []
    for p in people:
        p = civilian(p, setting) if private(p) else p
        if p.id not in seen:
            seen.add(p.id)
            out.append(p)
    return out


def _political_args(args: Args) -> bool:
    return _political([a.mention.participant for a in args.actor + args.recipient])


def _political(people: list[Participant]) -> bool:
    kinds = cues()["political_kinds"]
    return any(p.kind in kinds or (p.kind == "person" and (p.affiliation or p.level))
               for p in people)


def _status(trig: Trigger) -> tuple[str, str | None]:
    negated, stance = aux.negation(trig.token)
    if negated:
        if stance and trig.category in aux.STANCE_CATEGORIES:
            return "REJECT", None
        return trig.category, "negation"
    hypothetical = aux.is_hypothetical(trig.token)
    future = not hypothetical and aux.is_future(trig.token)
    if (hypothetical or future) and aux.announced(trig.token):
        # a stated intention is itself the event: a promise (AGREE) or a threat
        if trig.category in aux.THREAT_CATEGORIES or (
                trig.category == "RETREAT" and (aux.conditional(trig.token) or trig.sense.mode == "withdraw")):
            return "THREATEN", None
        if trig.category in aux.PROMISE_CATEGORIES or (hypothetical and trig.category == "CONSULT"):
            return "AGREE", None
    if hypothetical:
        return trig.category, "hypothetical"
    return trig.category, "future" if future else None


def _confidence(trig: Trigger, args: Args, auxiliary: str | None) -> float:
    score = 0.5 if trig.is_noun else 0.6
    score += 0.1 * trig.sense.specificity
    if args.actor and args.recipient:
        score += 0.15
    if any(a.resolved for a in args.actor + args.recipient):
        score -= 0.15
    if auxiliary in {"negation", "hypothetical"}:
        score -= 0.3
    return max(0.05, min(0.95, score))


def _subjects(sent: Span, idx: MentionIndex):
    for tok in sent:
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            m = idx.at(tok)
            if m is not None:
                yield m
