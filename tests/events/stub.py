"""A tiny stand-in for `diplotrack_actors`: a phrase table -> ActorMentions."""

from __future__ import annotations

from spacy.tokens import Doc

from diplotrack.models import Location, Participant
from diplotrack.nlp.extensions import ActorMention

STATE = "state"


def p(pid: str, name: str, kind: str = STATE, country: str | None = None,
      affiliation: str | None = None) -> Participant:
    return Participant(id=pid, name=name, kind=kind, text=name,
                       country=country or (pid if kind == STATE else None), affiliation=affiliation)


TABLE: dict[str, tuple[Participant, Location | None]] = {
    "Russia": (p("RUS", "Russia"), None),
    "Kremlin": (p("RUS", "Russia"), None),
    "Germany": (p("DEU", "Germany"), None),
    "German": (p("DEU", "Germany"), None),
    "Pakistan": (p("PAK", "Pakistan"), None),
    "China": (p("CHN", "China"), None),
    "India": (p("IND", "India"), None),
    "Belgium": (p("BEL", "Belgium"), None),
    "Belgian": (p("BEL", "Belgium"), None),
    "France": (p("FRA", "France"), None),
    "United States": (p("USA", "United States"), None),
    "U.S.": (p("USA", "United States"), None),
    "Taliban": (p("taliban", "Taliban", "de_facto_government", "AFG"), None),
    "Afghanistan": (p("taliban", "Taliban", "de_facto_government", "AFG"),
                    Location("Afghanistan", "AFG")),
    "Afghan": (p("taliban", "Taliban", "de_facto_government", "AFG"), None),
    "Kabul": (p("taliban", "Taliban", "de_facto_government", "AFG"),
              Location("Kabul", "AFG", 34.5, 69.2)),
    "Islamabad": (p("PAK", "Pakistan"), Location("Islamabad", "PAK", 33.7, 73.0)),
    "Beijing": (p("CHN", "China"), Location("Beijing", "CHN", 39.9, 116.4)),
    "Moscow": (p("RUS", "Russia"), Location("Moscow", "RUS", 55.7, 37.6)),
    "Brussels": (p("eu", "European Union", "igo"), Location("Brussels", "BEL", 50.8, 4.3)),
    "European Union": (p("eu", "European Union", "igo"), None),
    "EU": (p("eu", "European Union", "igo"), None),
    "European Commission": (p("eu", "European Union", "igo"), None),
    "Commission": (p("eu", "European Union", "igo"), None),
    "U.N.": (p("un", "United Nations", "igo"), None),
    "Adam Boehler": (p("boehler", "Adam Boehler", "person", "USA", "United States"), None),
    "Boehler": (p("boehler", "Adam Boehler", "person", "USA", "United States"), None),
    "Donald Trump": (p("trump", "Donald Trump", "person", "USA", "United States"), None),
    "Amir Khan Muttaqi": (p("muttaqi", "Amir Khan Muttaqi", "person", "AFG", "Taliban"), None),
    "Israeli": (p("ISR", "Israel"), None),
    "Israel": (p("ISR", "Israel"), None),
    "Japan": (p("JPN", "Japan"), None),
    "Serbia": (p("SRB", "Serbia"), None),
    "Islamic State": (p("isis", "Islamic State", "armed_group"), None),
}


def annotate(doc: Doc, table: dict | None = None) -> Doc:
    """Longest-first, left-to-right phrase matching over token boundaries."""
    table = table or TABLE
    mentions: list[ActorMention] = []
    i = 0
    while i < len(doc):
        for n in (4, 3, 2, 1):
            span = doc[i:i + n]
            if len(span) == n and span.text in table:
                part, place = table[span.text]
                part = Participant(**{**part.to_dict(), "text": span.text})
                mentions.append(ActorMention(span.start, span.end, span.start_char, span.end_char,
                                             part, place=place, is_capital=place is not None))
                i += n
                break
        else:
            i += 1
    doc._.actors = mentions
    return doc
