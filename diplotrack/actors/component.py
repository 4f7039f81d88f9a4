"""The `diplotrack_actors` spaCy component: every actor mention -> doc._.actors.

Order of work (one pass of two PhraseMatchers, then work per mention only):
  1. registry names, aliases, demonyms, capitals/seats (gazetteer)
  2. longest match wins; context-only aliases need an anchor actor in the doc
  3. generic patterns around states ("Belgian Foreign Ministry", "Moroccan diplomats")
  4. NER mentions that are not registry names: surnames, near-matches, new participants
  5. titles before persons ("Foreign Minister X"), with the affiliation before them
Date-dependent actors resolve at doc._.published (None: now); the event
extractor re-resolves a mention at the event date with `resolve_mention`.
"""

from typing import cast

from spacy.language import Language
from spacy.tokens import Doc

from diplotrack.actors.fuzzy import fuzzy_index
from diplotrack.actors.generic import STATE_KINDS, extend_state, title_before
from diplotrack.actors.geo import capital_place, country_place, load_gazetteer
from diplotrack.actors.levels import POSSESSIVE, cues
from diplotrack.actors.matcher import Cand, Gazetteer
from diplotrack.actors.registry import Actor, Registry, load_registry, norm
from diplotrack.actors.unknown import (
    LABELS,
    ner_wins,
    new_participant,
    resolve_ner,
    title_only,
    trim,
)
from diplotrack.ingest.issuer import inside, press_questions
from diplotrack.models import Participant
from diplotrack.nlp import extensions
from diplotrack.nlp.extensions import ActorMention

VIA = {"registry": "registry", "demonym": "registry", "context": "registry", "surname": "alias",
       "alias": "alias", "metonym": "metonym", "ner": "ner"}


def select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping mentions: longest first, then the better-ranked alias."""
    out: list[Cand] = []
    used: set[int] = set()
    for c in sorted(cands, key=lambda c: (-c.size, c.rank, c.start)):
        if used.isdisjoint(range(c.start, c.end)):
            out.append(c)
            used.update(range(c.start, c.end))
    return sorted(out, key=lambda c: c.start)


def _mask(doc: Doc, cands: list[Cand]) -> list[bool]:
    taken = [False] * len(doc)
    for c in cands:
        taken[c.start:c.end] = [True] * c.size
    return taken


def _coordinated(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"French and Egyptian warships": a bare demonym shares the cue of the next mention."""
    for c, nxt in zip(cands, cands[1:], strict=False):
        joined = c.end < len(doc) and doc[c.end].lower_ in ("and", "or", ",") and nxt.start == c.end + 1
        if c.extra.get("demonym") and joined and nxt.extra.get("pattern"):
            c.extra.pop("demonym")
            c.extra.update(coordinated=True, sector=nxt.extra.get("sector"))
            c.level = c.level or nxt.level
    return cands


def _owned_titles(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"NATO Secretary General Jens Stoltenberg", "the OIC's Secretary-General": a
    registry alias that is a bare title ("Secretary-General" for the UN's) right after
    another actor's mention is that actor's title, left to the title pattern."""
    titles = cues().titles
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        gap = [t.lower_ for t in doc[prev.end:c.start]] if prev is not None else None
        bare = tuple(t.lower_ for t in doc[c.start:c.end]) in titles
        if bare and gap is not None and (gap == [] or (len(gap) == 1 and gap[0] in POSSESSIVE)):
            continue
        out.append(c)
    return out


def _actor_id(c: Cand) -> str:
    """The registry id of a candidate that is not for an unknown actor: a Cand
    carries either an actor_id or an `unknown` participant, never neither."""
    return cast(str, c.actor_id)


OFFICE_KINDS = {"government_body", "igo"}  # offices that have spokespeople and envoys


def doc_date(doc: Doc) -> str | None:
    pub = doc._.published if Doc.has_extension("published") else None
    return str(pub)[:10] if pub else None


FIRST_PERSON = frozenset({"i", "we", "us", "me"})


class ActorFinder:
    def __init__(self, nlp: Language, name: str = "diplotrack_actors") -> None:
        extensions.register()
        self.name = name
        self.registry: Registry = load_registry()
        self.gazetteer = Gazetteer(nlp.vocab, self.registry)
        cues()
        load_gazetteer()  # the city table (about 1.5 s): now, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        cands = _owned_titles(doc, select(self._context(list(self.gazetteer(doc)))))
        cands = self._extend_states(doc, cands)
        cands = self._with_ner(doc, cands)
        cands = self._titles(doc, cands)
        date = doc_date(doc)
        mentions = [self._mention(doc, c, date) for c in cands]
        doc._.actors = self._first_person(doc, mentions, date) if doc._.issuer else mentions
        return doc

    def _first_person(self, doc: Doc, mentions: list[ActorMention], date: str | None) -> list[ActorMention]:
        """In a statement, "we" and "I" are its issuer (diplotrack.ingest.issuer), except
        in a transcript's questions from the press."""
        issuer = str(doc._.issuer)
        if issuer not in self.registry.actors:
            return mentions
        asked = press_questions(doc)
        added = [ActorMention(t.i, t.i + 1, t.idx, t.idx + len(t.text),
                              self.registry.participant(issuer, t.text, date, None), None, "issuer",
                              extra={"actor_id": issuer})
                 for t in doc if t.pos_ == "PRON" and t.lower_ in FIRST_PERSON
                 and not inside(asked, t.idx)]
        return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions

    def _context(self, cands: list[Cand]) -> list[Cand]:
        # only gazetteer candidates here, and every one names a registry actor
        present = {self._actor(c).country for c in cands if c.via != "context"}
        present |= {_actor_id(c) for c in cands if c.via != "context"}
        keep = []
        for c in cands:
            # a list of actor ids in groups.yaml
            anchors = cast("list[str]", self._actor(c).meta.get("context_anchor") or [])
            if c.via != "context" or present & set(anchors):
                keep.append(c)
        return keep

    def _extend_states(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        taken = _mask(doc, cands)
        out: list[Cand] = []
        absorbed: set[int] = set()
        for i, c in enumerate(cands):
            if i in absorbed:
                continue
            longer = None
            if self._actor(c).kind in STATE_KINDS:
                generic = self._generic_next(doc, cands, i)
                if generic is not None:
                    taken[generic.start:generic.end] = [False] * generic.size
                longer = extend_state(doc, c, self.registry, taken)
                if generic is not None and longer is not None and longer.end >= generic.end:
                    absorbed.add(i + 1)
                elif generic is not None:
                    taken[generic.start:generic.end] = [True] * generic.size
            if longer is not None:
                taken[longer.start:longer.end] = [True] * longer.size
                c = longer
            elif c.via == "demonym":
                c.extra["demonym"] = True
            out.append(c)
        return _coordinated(doc, out)

    def _generic_next(self, doc: Doc, cands: list[Cand], i: int) -> Cand | None:
        """The next mention when it is a generic body name right after this state
        ("Pakistan's Foreign Office"): the state's own body, not the registry one."""
        if i + 1 >= len(cands):
            return None
        c, n = cands[i], cands[i + 1]
        gap = [t.lower_ for t in doc[c.end:n.start]]
        words = tuple(t.lower_ for t in doc[n.start:n.end])
        if gap in ([], ["'s"], ["’s"]) and words in cues().suffixes:
            return n
        return None

    def _with_ner(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        reg = self.registry
        surnames: dict[str, str | Participant] = {
            norm(doc[c.end - 1].text): c.actor_id for c in cands
            if c.size > 1 and c.actor_id and reg.actors[c.actor_id].kind == "person"}
        for ent in doc.ents:
            if ent.label_ not in LABELS or title_only(ent):
                continue
            s, e = trim(ent)
            if ent.label_ in {"PERSON", "ORG"}:
                name = self._past_office(doc, s, e, cands)
                if name > s and ent.label_ == "ORG":
                    continue  # an office, a title and a name read as one organisation
                s = name
            if s >= e:
                continue
            overlap = [c for c in cands if c.start < e and c.end > s]
            if overlap and not ner_wins(ent, s, e, overlap, reg):
                self._widen_person(doc, ent, s, e, overlap)
                continue
            new = resolve_ner(doc, ent, s, e, surnames) or new_participant(doc, ent, s, e, overlap, reg)
            if new is None:
                continue
            cands = [c for c in cands if c not in overlap] + [new]
            if ent.label_ == "PERSON" and e - s > 1:
                surnames[norm(doc[e - 1].text)] = new.actor_id or cast(Participant, new.unknown)
        return sorted(cands, key=lambda c: c.start)

    def _past_office(self, doc: Doc, s: int, e: int, cands: list[Cand]) -> int:
        """Where the name starts in an entity that opens with an office and a title
        ("State Department Spokesperson Price"): the office stays its own mention, and
        the title tells whom the person speaks for (_titles)."""
        office = next((c for c in cands if c.start == s and c.end < e and c.actor_id
                       and self._actor(c).kind in OFFICE_KINDS), None)
        if office is None:
            return s
        j = office.end
        while j < e - 1 and doc[j].lower_ in cues().title_words:
            j += 1
        name = all(t.pos_ == "PROPN" and t.lower_ not in cues().title_words for t in doc[j:e])
        return j if j > office.end and name else s

    def _widen_person(self, doc: Doc, ent, s: int, e: int, overlap: list[Cand]) -> None:
        """"Haibatullah Akhunzadah": a registry name inside a PERSON entity that is
        a variant of the same person takes the whole entity."""
        if ent.label_ != "PERSON" or len(overlap) != 1:
            return
        c = overlap[0]
        # NER-made candidates lie inside earlier entities, so `c` is a registry one
        if c.start < s or c.end > e or c.size == e - s or self._actor(c).kind != "person":
            return
        hit = fuzzy_index().find(doc[s:e].text, {"person"})
        if hit and hit[0] == c.actor_id:
            c.start, c.end, c.via = s, e, "alias"

    def _titles(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        taken = _mask(doc, cands)
        by_end = {c.end - 1: c for c in cands}
        for c in cands:
            if not self._is_person(c):
                continue
            start, level, aff_end = title_before(doc, c.start, taken)
            if level is None:
                continue
            taken[start:c.start] = [True] * (c.start - start)
            c.extra["title"] = doc[start:c.start].text
            c.extra["former"] = doc[start].lower_ in ("former", "ex")
            c.level, c.start = level, start
            if c.unknown is not None:
                c.unknown.level = level
                c.extra["public"] = True
                aff = by_end.get(aff_end) if aff_end is not None else None
                if aff is not None:
                    self._affiliate(c, c.unknown, aff)
        return cands

    def _is_person(self, c: Cand) -> bool:
        if c.unknown is not None:
            return c.unknown.kind == "person"
        return self._actor(c).kind == "person"

    def _actor(self, c: Cand) -> Actor:
        return self.registry.actors[_actor_id(c)]

    def _affiliate(self, person: Cand, unknown: Participant, aff: Cand) -> None:
        """Affiliate `person` (whose participant is `unknown`) with the actor `aff`."""
        p = aff.unknown or self.registry.participant(_actor_id(aff), "", None)
        unknown.affiliation = p.affiliation if p.kind == "government_body" and p.affiliation else p.name
        unknown.country = p.country
        person.extra["affiliation_id"] = p.id

    def _mention(self, doc: Doc, c: Cand, date: str | None) -> ActorMention:
        span = doc[c.start:c.end]
        extra = dict(c.extra)
        if c.unknown is not None:
            p = Participant(**{**c.unknown.to_dict(), "text": span.text})
            return ActorMention(c.start, c.end, span.start_char, span.end_char, p, c.place, "ner",
                                False, extra)
        extra["actor_id"] = c.actor_id
        if c.level:
            extra["title_level"] = c.level
        p = self.registry.participant(_actor_id(c), span.text, date, c.level)
        return ActorMention(c.start, c.end, span.start_char, span.end_char, p, self._place(c, span.text),
                            VIA.get(c.via, c.via), c.is_capital, extra)

    def _place(self, c: Cand, text: str):
        actor = self._actor(c)
        if c.is_capital:
            return capital_place(actor.id if actor.kind == "state" else None, text)
        if actor.kind == "state" and c.via == "registry" and not c.extra.get("pattern"):
            return country_place(actor.id, actor.name)
        return None


def resolve_mention(mention: ActorMention, date: str | None) -> Participant:
    """The mention's participant at another date (the event's): date-dependent actors
    (Afghanistan after 15 Aug 2021, persons' offices) are resolved again."""
    actor_id = mention.extra.get("actor_id")
    if not actor_id:
        return mention.participant
    level = mention.extra.get("title_level")
    return load_registry().participant(str(actor_id), mention.participant.text, date,
                                       str(level) if level else None)


@Language.factory("diplotrack_actors")
def make_actor_finder(nlp: Language, name: str) -> ActorFinder:
    return ActorFinder(nlp, name)
