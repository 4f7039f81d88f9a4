from __future__ import annotations

from diplotrack.ingest import dedup
from diplotrack.models import Article, Event, Evidence, Participant


def make_article(text: str, source: str = "a.txt", **kw: object) -> Article:
    h = dedup.text_hash(text)
    return Article(id=h[:16], source=source, text=text, text_hash=h, simhash=dedup.simhash(text), **kw)  # type: ignore[arg-type]


def make_event(article_id: str, eid: str = "e1", event_type: str = "CONSULT") -> Event:
    return Event(
        id=eid,
        article_id=article_id,
        event_type=event_type,
        mode="visit",
        context=["diplomatic"],
        actor=[Participant(id="USA", name="United States", kind="state", text="Washington", country="USA")],
        recipient=[Participant(id="taliban", name="Taliban", kind="de_facto_government", text="the Taliban",
                               country="AFG")],
        date="2025-03",
        date_text="in March",
        evidence=[Evidence(sentence="An envoy visited Kabul in March.", start=0, end=32)],
        confidence=0.8,
    )
