"""The multilingual event coder: cues and names per sentence (see the package doc)."""

from __future__ import annotations

import re

from diplotrack.actors.registry import load_registry
from diplotrack.events.merge import event_id
from diplotrack.events.multilingual import cues as cue_table
from diplotrack.events.multilingual.dates import text_date
from diplotrack.events.multilingual.names import Found, find
from diplotrack.events.multilingual.text import NO_SPACES, sentences, words
from diplotrack.models import Article, Event, Evidence, Location, Participant

LEDE_SENTENCES = 3  # the headline and the first sentences: where main events are reported
MIN_WORDS = 4  # a shorter line (a dateline, a label) is not a sentence of the lede
CONFIDENCE = {"main": 0.55, "two": 0.45, "one": 0.3}
_DATELINE = re.compile(r"\s*[^\W\d][^:\n\d]{1,30}?\s*[:：]\s*|\s*[^\W\d][^\n\d–—-]{1,30}?\s+[–—-]\s+")


def extract(article: Article) -> list[Event]:
    """The events of a non-English article, main events first. When the core cues
    (data/cues.yaml) find none, the lede is read again with the broader wording of
    data/cues_broad.yaml: read always, it added more secondary readings than events."""
    if article.language not in cue_table.languages():
        return []
    events = _coded(article, broad=False) or _coded(article, broad=True)
    taken: set[str] = set()
    for event in events:
        event.id = event_id(event, taken)
        taken.add(event.id)
    if events and events[0].main:
        events[0].lead = True
    return events


def _coded(article: Article, broad: bool) -> list[Event]:
    language = article.language
    units: list[tuple[str, tuple[int, int] | None]] = [(article.title, None)] if article.title else []
    spans = list(sentences(article.text))
    if spans:  # "اسلام آباد: ..." names where the report was filed, not where it happened
        start, end = spans[0]
        if m := _DATELINE.match(article.text, start, end):
            spans[0] = (m.end(), end)
    units += [(article.text[s:e], (s, e)) for s, e in spans]
    events: list[Event] = []
    n = 0
    carried: list[Participant] = []
    for text, span in units:
        if len(words(text)) < MIN_WORDS and language not in NO_SPACES:
            continue  # a dateline or a label on its own line
        lede = n < LEDE_SENTENCES
        n += 1
        names = find(text, language)
        actors = _participants([f for f in names if not f.name.place], article.published)
        if lede:  # "he met ...": the parties the lede has named carry over
            with_carried = [*carried, *(a for a in actors if all(a.id != c.id for c in carried))]
            actors = actors if len(actors) >= 2 else with_carried
            carried = with_carried
        event = _sentence_event(article, text, span, lede and broad, lede, actors,
                                [f for f in names if f.name.place])
        if event is not None and not _fold_into(events, event):
            events.append(event)
    return events


def _sentence_event(article: Article, text: str, span: tuple[int, int] | None, broad: bool,
                    lede: bool, actors: list[Participant], places: list[Found]) -> Event | None:
    language = article.language
    found = cue_table.find(text, language, broad)
    if not found or not actors or (len(actors) < 2 and not lede):
        return None
    cue = _main_cue(found)
    evidence = [Evidence(text.strip(), *span)] if span else []
    return Event(
        id="", article_id=article.id, event_type=cue.category, mode=cue.mode, context=["diplomatic"],
        actor=actors[:1], recipient=actors[1:], date=text_date(text, language, article.published, lede),
        location=Location(places[0].text, places[0].name.actor_id) if places else None,
        evidence=evidence, confidence=CONFIDENCE["main" if lede else "two" if len(actors) > 1 else "one"],
        trigger=f"{cue.gloss} ({cue.text})", status="occurred", main=lede,
        lede=text if lede else None,
    )


VERDICTS = {"ACCUSE", "REJECT", "THREATEN"}


def _main_cue(found: list[cue_table.Cue]) -> cue_table.Cue:
    """The sentence's first cue, except where one act frames another: lifting or
    suspending a ban is the concession, not the ban ("removed from the banned list");
    condemning or rejecting a decision is the verdict, not the decision."""
    first = found[0]
    if first.category in {"CONCEDE", "SANCTION"}:
        verdict = next((c for c in found if c.category in VERDICTS), None)
        if verdict is not None:
            return verdict
    if first.category == "SANCTION":
        return next((c for c in found if c.category == "CONCEDE"), first)
    return first


def _participants(found: list[Found], published: str | None) -> list[Participant]:
    reg = load_registry()
    out: list[Participant] = []
    for f in found:
        if f.name.actor_id not in reg.actors:
            continue
        p = reg.participant(f.name.actor_id, f.text, published)
        if all(q.id != p.id for q in out):
            out.append(p)
    # "Russia's foreign minister Sergey Lavrov": one actor named twice, the state kept
    # (an official named alone stays, acting for his state)
    named = {p.name for p in out if p.kind != "person"}
    return [p for p in out if p.kind != "person" or p.affiliation not in named]


def _acting(event: Event) -> set[str]:
    """Who takes part, an official counting as the state he acts for at the event's
    date ("Araghchi met Muttaqi" and "Iran and the Taliban met" name one pair)."""
    reg = load_registry()
    out: set[str] = set()
    for p in event.participants():
        acting = reg.acting_for(p.country, event.date) if p.kind == "person" and p.country else None
        out.add(acting.id if acting is not None else p.id)
    return out


def _fold_into(events: list[Event], event: Event) -> bool:
    """A later report of an event already found (same category, the parties of one
    within the other's, officials counting as their states) adds its evidence, its
    date when the first report (a headline) gives none, and any party the first report
    left out."""
    ids = _acting(event)
    for other in events:
        known = _acting(other)
        if other.event_type == event.event_type and (ids <= known or known <= ids):
            other.evidence += event.evidence
            other.date = other.date or event.date
            if not ids <= known:
                other.actor, other.recipient = event.actor, event.recipient
            return True
    return False
