"""A small database of hand-built articles and events, written through Store methods.

Shared by tests/api and tests/web (loaded by path). Ids are fixed so tests can
refer to them; evidence offsets are computed from the texts.
"""

from __future__ import annotations

from pathlib import Path

from diplotrack.ingest import dedup
from diplotrack.models import Article, Event, Evidence, Location, Participant
from diplotrack.store.db import Store
from diplotrack.stories import attach

XSS_TITLE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
XSS_SENTENCE = 'Officials said <img src=x onerror="window.__xss=3"> was a hoax.'

USA = dict(id="USA", name="United States", kind="state", country="USA")
CHN = dict(id="CHN", name="China", kind="state", country="CHN")
EU = dict(id="eu", name="European Union", kind="igo")
RUS = dict(id="RUS", name="Russia", kind="state", country="RUS")
PAK = dict(id="PAK", name="Pakistan", kind="state", country="PAK")
TAL = dict(id="taliban", name="Taliban", kind="de_facto_government", country="AFG")

ARTICLES = [
    dict(id="a1", title="Blinken meets Wang Yi in Beijing", outlet="The Washington Post",
         published="2025-07-03", genre="news", loaded=0.12, terms=[],
         text=("Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing "
               "on Wednesday. The two sides discussed trade and Taiwan. "
               "Both called the talks candid.")),
    dict(id="a2", title="US envoy's Beijing trip shows Washington's arrogance",
         outlet="Global Times", published="2025-07-04", genre="opinion", loaded=0.71,
         terms=["arrogance", "hegemonic bully"],
         text=("The hegemonic bully sent its top diplomat to Beijing on Wednesday to lecture "
               "China. Blinken held talks with Wang Yi that achieved little. "
               "Analysts expect more pressure.")),
    dict(id="a3", title="EU imposes new sanctions on Russia", outlet="Reuters",
         published="2025-08-15", genre="news", loaded=0.05, terms=[],
         text=("The European Union imposed new sanctions on Russia on Friday in Brussels. "
               "Moscow accused the bloc of economic warfare. Diplomats expect a response.")),
    dict(id="a4", title=XSS_TITLE, outlet="<i>Evil</i> Times", published="2025-09-01",
         genre="news", loaded=0.3, terms=["<b>loaded</b>"],
         text=("Pakistan urged the Taliban to act against militants. " + XSS_SENTENCE +
               " <b>Nothing</b> else happened.")),
]


def _participant(base: dict, text: str, level: str | None = None) -> Participant:
    return Participant(text=text, level=level, **base)


def _evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence=sentence, start=start, end=start + len(sentence))


def _events(texts: dict[str, str]) -> list[Event]:
    firsts: set[str] = set()

    def ev(eid: str, aid: str, etype: str, sentence: str, **kw: object) -> Event:
        first = aid not in firsts  # each article's first event is its main (and lead) event
        firsts.add(aid)
        return Event(id=eid, article_id=aid, event_type=etype, lead=first, main=first,
                     evidence=[_evidence(texts[aid], sentence)], confidence=0.8, **kw)  # type: ignore[arg-type]

    beijing = Location(name="Beijing", country="CHN", lat=39.9, lon=116.4)
    return [
        ev("e1", "a1", "CONSULT", texts["a1"].split(". ")[0] + ".", mode="visit",
           context=["diplomatic"], date="2025-07-02", date_text="on Wednesday",
           actor=[_participant(USA, "Antony Blinken", "minister")],
           recipient=[_participant(CHN, "Wang Yi")], location=beijing, story_id="s1"),
        ev("e2", "a2", "CONSULT", "Blinken held talks with Wang Yi that achieved little.",
           mode="visit", context=["diplomatic"], date="2025-07-02",
           actor=[_participant(USA, "The hegemonic bully", "envoy")],
           recipient=[_participant(CHN, "China")], location=beijing, story_id="s1"),
        ev("e3", "a3", "SANCTION", texts["a3"].split(". ")[0] + ".", context=["economic"],
           date="2025-08-15", actor=[_participant(EU, "The European Union")],
           recipient=[_participant(RUS, "Russia")],
           location=Location(name="Brussels", country="BEL", lat=50.85, lon=4.35), story_id="s2"),
        ev("e4", "a3", "ACCUSE", "Moscow accused the bloc of economic warfare.",
           date="2025-08", actor=[_participant(RUS, "Moscow")],
           recipient=[_participant(EU, "the bloc")], story_id="s3"),
        ev("e5", "a4", "REQUEST", "Pakistan urged the Taliban to act against militants.",
           date="2025-09-01", actor=[_participant(PAK, "Pakistan")],
           recipient=[_participant(TAL, "the Taliban")], context=["terrorism"],
           location=Location(name="Islamabad", country="PAK", lat=33.7, lon=73.05),
           story_id="s4"),
        ev("e6", "a4", "ACCUSE", XSS_SENTENCE, actor=[_participant(PAK, "<b>Officials</b>")],
           story_id="s5"),
    ]


def build(path: Path | str) -> str:
    """Fill a new database at `path` (a SQLite path or a database URL); return it as a string.

    Events are attached to stories as ingest does (`diplotrack.stories.attach`)."""
    store = Store.open(str(path))
    texts = {a["id"]: a["text"] for a in ARTICLES}
    events = _events(texts)
    with store.transaction() as conn:
        for i, a in enumerate(ARTICLES):
            article = Article(
                id=a["id"], source=f"test://{a['id']}", text=a["text"], title=a["title"],
                authors=["Jane Doe"] if i % 2 == 0 else [], outlet=a["outlet"],
                published=a["published"], published_from="input", genre=a["genre"],
                framing={"loaded_language": a["loaded"], "loaded_terms": a["terms"]},
                text_hash=dedup.text_hash(a["text"]), simhash=dedup.simhash(a["text"]))
            store.save_article(conn, article)
            own = [e for e in events if e.article_id == a["id"]]
            for ev in own:
                ev.story_id = None
            attach(conn, own, article)
            store.save_events(conn, own)
    store.close()
    return str(path)
