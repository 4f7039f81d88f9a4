"""Hand-built articles and events for the story tests, stored through the real Store."""

from __future__ import annotations

import itertools

from diplotrack.ingest import dedup
from diplotrack.models import Article, Event, Evidence, Location, Participant
from diplotrack.store.db import Store
from diplotrack.stories import attach

_n = itertools.count()

PEOPLE = {
    "usa": Participant("USA", "United States", "state", "Washington", country="USA"),
    "taliban": Participant("taliban", "Taliban", "de_facto_government", "the Taliban", country="AFG"),
    "eu": Participant("eu", "European Union", "igo", "the EU"),
    "belgium": Participant("BEL", "Belgium", "state", "Belgium", country="BEL"),
    "pakistan": Participant("PAK", "Pakistan", "state", "Islamabad", country="PAK"),
    "germany": Participant("DEU", "Germany", "state", "Germany", country="DEU"),
    "russia": Participant("RUS", "Russia", "state", "Moscow", country="RUS"),
}


def person(key: str, level: str | None = None) -> Participant:
    p = PEOPLE[key]
    return Participant(p.id, p.name, p.kind, p.text, p.country, p.affiliation, level)


def article(published: str | None = None, outlet: str | None = None,
            url: str | None = None, text: str | None = None, language: str = "en") -> Article:
    i = next(_n)
    text = text or f"article number {i} about diplomacy"
    return Article(id=f"a{i:04d}", source=f"test://{i}", text=text, published=published,
                   outlet=outlet, url=url, text_hash=dedup.text_hash(text),
                   simhash=dedup.simhash(text), language=language)


def event(art: Article, category: str, actors: list[str], recipients: list[str] | None = None,
          sentence: str = "", date: str | None = None, place: tuple[str, str] | None = None,
          mode: str | None = None, auxiliary: str | None = None, status: str | None = None,
          trigger: str | None = None, levels: dict[str, str] | None = None,
          main: bool = True) -> Event:
    """An event record; by default the article's main event (what it reports)."""
    levels = levels or {}
    i = next(_n)
    return Event(
        id=f"{art.id}-e{i}", article_id=art.id, event_type=category, mode=mode,
        actor=[person(a, levels.get(a)) for a in actors],
        recipient=[person(r, levels.get(r)) for r in recipients or []],
        date=date, location=Location(place[0], place[1]) if place else None,
        auxiliary=auxiliary, status=status, trigger=trigger,
        evidence=[Evidence(sentence, 0, len(sentence))] if sentence else [],
        main=main,
    )


def ingest(store: Store, art: Article, events: list[Event]) -> list[Event]:
    """What the ingest pipeline does: article row, attach, then the events."""
    with store.transaction() as conn:
        store.save_article(conn, art)
        attach(conn, events, art)
        store.save_events(conn, events)
    return events


def one(store: Store, art: Article, ev: Event) -> str:
    ingest(store, art, [ev])
    assert ev.story_id
    return ev.story_id


def report(store: Store, category: str, actors: list[str], recipients: list[str] | None = None,
           published: str | None = None, **kw: object) -> str:
    """One article with one event, ingested: the story id it gets."""
    art = article(published)
    return one(store, art, event(art, category, actors, recipients, **kw))  # type: ignore[arg-type]
