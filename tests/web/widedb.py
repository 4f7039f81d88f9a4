"""The demo database (`diplotrack demo`) plus one story reported by six outlets, whose
headline carries markup: a story page with more reports than fit side by side."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from diplotrack.ingest import dedup
from diplotrack.models import Article, Event, Evidence, Location, Participant
from diplotrack.store.db import Store
from diplotrack.stories import attach

XSS_HEADLINE = "Envoys meet in Doha <img src=x onerror=alert(1)>"
OUTLETS = ["Reuters", "Al Jazeera", "Dawn", "TOLOnews", "The Hindu", "Anadolu Agency"]
WIDE_IDS = [f"wide{i}" for i in range(len(OUTLETS))]
QAT = dict(id="QAT", name="Qatar", kind="state", country="QAT")
TAL = dict(id="taliban", name="Taliban", kind="de_facto_government", country="AFG")


def build_demo(path: Path) -> str:
    """`diplotrack demo --db path`, through the command line as a user runs it."""
    subprocess.run([sys.executable, "-m", "diplotrack", "demo", "--db", str(path)],
                   check=True, capture_output=True, timeout=600)
    return str(path)


def add_wide_story(db: str) -> None:
    """Six reports of one meeting (Qatar hosts the Taliban in Doha), one per outlet."""
    store = Store.open(db)
    doha = Location(name="Doha", country="QAT", lat=25.29, lon=51.53)
    with store.transaction() as conn:
        for i, (aid, outlet) in enumerate(zip(WIDE_IDS, OUTLETS, strict=True)):
            lede = f"Qatar's foreign minister met Taliban officials in Doha on Monday, {outlet} reports."
            text = lede + " The talks covered aid and consular services. Both sides called them useful."
            article = Article(
                id=aid, source=f"test://{aid}", text=text, title=XSS_HEADLINE, authors=[],
                outlet=outlet, published="2025-03-11", published_from="input", genre="news",
                framing={"loaded_language": round(0.1 + 0.12 * i, 2),
                         "loaded_terms": ["so-called", "regime"][: i % 3]},
                text_hash=dedup.text_hash(text), simhash=dedup.simhash(text))
            store.save_article(conn, article)
            event = Event(
                id=f"{aid}-e", article_id=aid, event_type="CONSULT", mode="meet", lead=True, main=True,
                context=["diplomatic"], date="2025-03-10", date_text="on Monday", location=doha,
                actor=[Participant(text="Qatar's foreign minister", level="minister", **QAT)],  # type: ignore[arg-type]
                recipient=[Participant(text="Taliban officials", **TAL)],  # type: ignore[arg-type]
                evidence=[Evidence(sentence=lede, start=0, end=len(lede))], confidence=0.8)
            attach(conn, [event], article)
            store.save_events(conn, [event])
    store.close()
