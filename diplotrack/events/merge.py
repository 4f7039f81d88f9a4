"""One record per real-world event per article: merge repeated mentions.

Two mentions merge when their categories share a PLOVER family, one's
canonical participants include the other's, and their dates, places and
auxiliary status are compatible.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from diplotrack.events.ontology import family
from diplotrack.models import Event, Participant

NEAR_CHARS = 600  # mentions this close (sentence starts) are one passage


@dataclass
class Draft:
    event: Event
    ids: frozenset[str]
    family: str
    mentions: int = 1
    type_scores: dict[str, float] = field(default_factory=dict)


def merge_key(p: Participant) -> str:
    """Who a participant stands for when comparing mentions: a body or an official
    counts as its state or organisation ("US military" ~ "United States")."""
    return (p.affiliation or p.name or p.id).lower()


def participant_ids(event: Event) -> frozenset[str]:
    return frozenset(merge_key(p) for p in event.participants())


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _places_compatible(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return True
    return a.location.country == b.location.country


def _anchored(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type:
        return False
    same_date = bool(a.date and b.date and _dates_compatible(a.date, b.date))
    same_place = bool(a.location and b.location and a.location.name == b.location.name)
    near = bool(a.evidence and b.evidence) and abs(a.evidence[-1].start - b.evidence[0].start) < NEAR_CHARS
    return same_date or same_place or near


def compatible(d: Draft, e: Event, ids: frozenset[str]) -> bool:
    if d.family != family(e.event_type):
        return False
    if not (d.ids & ids):
        return _halves(d.event, e)
    if d.ids != ids:
        small = min(d.ids, ids, key=len)
        if not (d.ids <= ids or ids <= d.ids) or d.event.event_type != e.event_type:
            return False
        # a lone participant joins a fuller record only with the same category and an
        # anchor in common (date or place), never on the shared participant alone
        if len(small) < 2 and not _anchored(d.event, e):
            return False
    if (d.event.auxiliary or "") != (e.auxiliary or "") and not (asked(e) or asked(d.event)):
        return False
    return _dates_compatible(d.event.date, e.date) and _places_compatible(d.event, e)


def _halves(a: Event, b: Event) -> bool:
    """Two triggers of one category in one sentence, one with only the actor and the
    other with only the recipient, are one event told in two words: "a U.S. drone
    strike (USA) killed al-Zawahiri (recipient)", "the Chinese offer (CHN) of aid to
    Kabul (recipient)"."""
    if a.event_type != b.event_type or not a.evidence or not b.evidence:
        return False
    if a.evidence[0].start != b.evidence[0].start or (a.auxiliary or "") != (b.auxiliary or ""):
        return False
    one_sided = {(bool(x.actor), bool(x.recipient)) for x in (a, b)}
    return one_sided == {(True, False), (False, True)}


def asked(e: Event) -> bool:
    """Only mentioned in questions ("So the EU is talking to the Taliban now?"): such a
    mention joins the event the article reports, and takes its status from it."""
    return e.auxiliary == "hypothetical" and bool(e.evidence) and all(
        x.sentence.rstrip().endswith("?") for x in e.evidence)


def _add_people(target: list[Participant], other: list[Participant], taken: set[str]) -> None:
    for p in other:
        if merge_key(p) not in taken:
            target.append(p)
            taken.add(merge_key(p))


def absorb(d: Draft, e: Event, people: bool = True) -> None:
    """Merge mention `e` into the draft's event (its parties too unless `people` is
    False: officials of no known state add nothing one can compare)."""
    ev = d.event
    if asked(ev) and not asked(e):  # the article reports what it first only asked about
        ev.auxiliary, ev.status = e.auxiliary, e.status
    if people:
        taken = {merge_key(p) for p in ev.participants()}
        _add_people(ev.actor, e.actor, taken)
        _add_people(ev.recipient, e.recipient, taken)
    ev.mention_features.extend(e.mention_features)
    starts = {x.start for x in ev.evidence}
    ev.evidence.extend(x for x in e.evidence if x.start not in starts)
    ev.evidence.sort(key=lambda x: x.start)
    if e.date and (not ev.date or len(e.date) > len(ev.date)):
        ev.date, ev.date_text, ev.date_from = e.date, e.date_text, e.date_from
    ev.location = ev.location or e.location
    ev.mode = ev.mode or (e.mode if e.event_type == ev.event_type else None)
    ev.context.extend(c for c in e.context if c not in ev.context)
    d.type_scores[e.event_type] = d.type_scores.get(e.event_type, 0.0) + e.confidence
    d.mentions += 1
    d.ids = participant_ids(ev)
    ev.confidence = min(0.95, max(ev.confidence, e.confidence) + 0.05)


def merge(events: list[Event]) -> list[Event]:
    drafts: list[Draft] = []
    for e in events:
        ids = participant_ids(e)
        target = next((d for d in reversed(drafts) if compatible(d, e, ids)), None)
        if target is None:
            drafts.append(Draft(e, ids, family(e.event_type), type_scores={e.event_type: e.confidence}))
        else:
            absorb(target, e)
    out = []
    used: set[str] = set()
    for d in drafts:
        best = max(d.type_scores.items(), key=lambda kv: kv[1])[0]
        if best != d.event.event_type:
            d.event.event_type, d.event.mode = best, None
        d.event.id = event_id(d.event, used)
        used.add(d.event.id)
        out.append(d.event)
    return out


def event_id(e: Event, taken: set[str] | None = None) -> str:
    """Stable id from article, category, participants and first evidence offset.

    Two events of one article can share all four (two triggers of one category in
    one sentence that did not merge): the later gets a counter, in document order.
    """
    ids = ",".join(sorted(p.id for p in e.participants()))
    first = e.evidence[0].start if e.evidence else 0
    key = f"{e.article_id}|{e.event_type}|{ids}|{first}"
    eid = hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
    n = 1
    while taken and eid in taken:
        n += 1
        eid = hashlib.sha1(f"{key}|{n}".encode()).hexdigest()[:20]
    return eid


FOLDED_STATUS = {None, "future"}


def fold_into_main(events: list[Event]) -> list[Event]:
    """Later mentions of an article's main event by some of its parties ("the talks",
    "Dar's visit") are that event: an event of a main event's category whose
    participants are among the main event's, with no other date and no status of its
    own (background, denial, supposition), is merged into it; so is a mention naming
    both sides of a main event that names one (it completes it). Two main events of one
    category that share a party are one event too (the headline's "meets" and the
    lede's "held talks"); the lead absorbs the other."""
    mains = sorted((e for e in events if e.main), key=lambda e: not e.lead)
    if not mains:
        return events
    out: list[Event] = []
    kept: list[Event] = []
    for e in sorted(events, key=lambda e: (not e.lead, not e.main)):
        ids = participant_ids(e)
        target = None if not ids or e.auxiliary not in FOLDED_STATUS else next(
            (m for m in kept if m.main and m.event_type == e.event_type and _folds(m, e, ids)), None)
        if target is None:
            out.append(e)
            kept.append(e)
            continue
        absorb(Draft(target, participant_ids(target), family(target.event_type)), e,
               people=not _told_by_officials(e))
    order = {id(e): i for i, e in enumerate(events)}
    return sorted(out, key=lambda e: order[id(e)])


def _told_by_officials(e: Event) -> bool:
    """A main event whose parties are all people or organisations the registry does not
    know, of no known country: the main event told again with its officials."""
    return e.main and all(p.country is None and (p.id or "").split(":")[0] in {"person", "org"}
                          for p in e.participants())


def _folds(main: Event, e: Event, ids: frozenset[str]) -> bool:
    if not _dates_compatible(main.date, e.date):
        return False
    mine = participant_ids(main)
    if e.main:
        return bool(ids & mine) or _told_by_officials(e)
    # a mention by some of its parties; or, for a main event that names one side only
    # ("Dar interacted with ..." without its subject), the later mention naming it whole
    return ids <= mine or (len(mine) == 1 and mine < ids)
