"""General-news participants: public bodies and groups named only by a common noun.

"police" -> the police of the document's country (a government body), "the
gunman" -> an unidentified perpetrator, "two students" -> civilians of that
country. Private persons are never participants of their own: in a
general-news event a person the registry does not know and who holds no public
role is coded as a civilian of the country, with the name as the participant's
`text`. Word lists live in data/cues.yaml (`generic_participants`); one pass over
the tokens, dict lookups only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from diplotrack.events.lexicon import cues, cues_yaml
from diplotrack.events.places import city_population, dateline_place, geocode, place_key
from diplotrack.events.places import country as country_place
from diplotrack.models import Location, Participant
from diplotrack.nlp.extensions import ActorMention

UNKNOWN_COUNTRY = "xxx"  # no country named anywhere in the document
PLACE_LABELS = {"GPE", "LOC", "FAC"}
STATE_KINDS = {"state", "de_facto_government"}


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, str]]:
    raw = cues_yaml()
    return {str(k).lower(): dict(v or {}) for k, v in (raw.get("generic_participants") or {}).items()}


@lru_cache(maxsize=1)
def general() -> tuple[frozenset[str], frozenset[str]]:
    """(categories that general-news participants may carry, the kinds that then suffice)."""
    raw = cues_yaml()
    return (frozenset(str(x) for x in raw.get("general_categories") or []),
            frozenset(str(x) for x in raw.get("general_kinds") or []))


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Unambiguous region names (states, provinces, counties) -> ISO3 of their country."""
    import pycountry

    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is not None:
            found.setdefault(sub.name.lower(), set()).add(country.alpha_3)
    return {name: next(iter(c)) for name, c in found.items() if len(c) == 1}


def region_country(name: str) -> str | None:
    """The country of a region (state, province, county) of this name; None when the
    name is only compass words ("West Coast": New Zealand's, or the United States'?)
    or also a big city ("Portland": Oregon's, not the Jamaican parish)."""
    key = place_key(name)
    found = _subdivisions().get(key)
    if found is None or set(key.replace("-", " ").split()) <= cues()["region_generic_words"]:
        return None
    if city_population(key) >= int(cues_yaml()["region_city_population"]):
        return None
    return found


@lru_cache(maxsize=1)
def private_modes() -> dict[str, frozenset[str]]:
    """Category -> the modes a general-news event between private persons only may have."""
    raw = cues_yaml().get("general_private_modes") or {}
    return {str(k): frozenset(str(m) for m in v or []) for k, v in raw.items()}


class DocSetting:
    """Where the document is: its country (most named) and its most named place."""

    def __init__(self, doc: Doc) -> None:
        countries: Counter[str] = Counter()
        places: Counter[str] = Counter()
        found: dict[str, Location] = {}
        for m in doc._.actors or []:  # states and their capitals; other places below
            part = m.participant
            if part.kind in STATE_KINDS and part.country:
                countries[part.country] += 1
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            # a country, else a region ("Virginia", "Cumbria": not the town of
            # Virginia, South Africa), else a city
            region = None if country_place(ent.text) else region_country(ent.text)
            if region is not None:
                countries[region] += 1
                continue
            loc = geocode(ent.text)
            if loc is None or not loc.country:
                continue
            countries[loc.country] += 1
            if loc.lat is not None:  # a city, not a whole country
                places[loc.name] += 1
                found.setdefault(loc.name, loc)
        line = dateline_place(doc._.dateline)
        if line is not None and line.country:
            countries[line.country] += 2
            if line.lat is not None:
                places[line.name] += 2
                found.setdefault(line.name, line)
        self.country = countries.most_common(1)[0][0] if countries else None
        best = [name for name, _ in places.most_common()
                if found[name].country == self.country]
        # the most named city of that country, else the country itself
        self.place: Location | None = found[best[0]] if best else (
            country_place(self.country) if self.country else None)

    @property
    def code(self) -> str:
        return (self.country or UNKNOWN_COUNTRY).lower()


def participant(kind: str, entry: dict[str, str], setting: DocSetting, text: str,
                country: str | None = None) -> Participant:
    """The generic participant; of `country` when the phrase names one ("Afghan
    prisoners"), else of the document's country."""
    code = country.lower() if country else setting.code
    country = country or setting.country
    name_of = country or "unknown country"
    if kind == "government_body":
        body = entry.get("body", "authorities")
        name = entry.get("name", "{country} " + body).format(country=name_of)
        return Participant(id=f"{code}:{body}", name=name, kind=kind, text=text,
                           country=country, affiliation=country)
    label = {"unidentified": "unidentified perpetrators", "civilians": "civilians"}.get(kind, kind)
    return Participant(id=f"{kind}:{code}", name=f"{name_of} {label}", kind=kind,
                       text=text, country=country)


def _phrase(tok: Token) -> Span:
    """The noun with its modifiers, without a leading article: "three students"."""
    start = tok.left_edge.i
    while start < tok.i and tok.doc[start].pos_ in {"DET", "PUNCT"}:
        start += 1
    return tok.doc[start:tok.i + 1]


def mentions(doc: Doc, taken: set[int], setting: DocSetting,
             actors: dict[int, ActorMention] | None = None) -> list[ActorMention]:
    """Generic-noun mentions on tokens no actor mention covers; a state named inside
    the phrase ("two U.S. citizens") gives their country."""
    words = table()
    actors = actors or {}
    out: list[ActorMention] = []
    for tok in doc:
        if tok.i in taken or tok.pos_ not in {"NOUN", "PROPN"} or tok.ent_type_ in {"PERSON", "ORG"}:
            continue
        entry = words.get(tok.lower_) or words.get(tok.lemma_.lower())
        if entry is None:
            continue
        span = _phrase(tok)
        own = next((m.participant.country for t in span if (m := actors.get(t.i)) is not None
                    and m.participant.kind in STATE_KINDS and m.participant.country), None)
        part = participant(entry["kind"], entry, setting, span.text, own)
        out.append(ActorMention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), part,
                                via="generic", extra={"own_country": bool(own)}))
    return out


def private(p: Participant) -> bool:
    """A person with no public role the registry or a title gives."""
    return p.kind == "person" and not (p.affiliation or p.level)


def civilian(p: Participant, setting: DocSetting) -> Participant:
    """A private person as PLOVER codes one: a civilian of the country (name kept as text)."""
    return replace(participant("civilians", {}, setting, p.text), text=p.text or p.name)
