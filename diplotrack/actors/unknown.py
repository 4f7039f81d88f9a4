"""spaCy NER mentions that are not registry names: near-matches (fuzzy, surnames)
and new participants with a slug id and a guessed kind."""

from __future__ import annotations

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from diplotrack.actors.fuzzy import SKELETON_MIN, fuzzy_index, skeleton
from diplotrack.actors.geo import city_place
from diplotrack.actors.levels import POSSESSIVE, cues, org_kind
from diplotrack.actors.loaders import slug
from diplotrack.actors.matcher import Cand
from diplotrack.actors.registry import Registry, norm
from diplotrack.models import Participant

LABELS = {"PERSON", "ORG", "NORP", "GPE"}
FUZZY_KINDS = {
    "PERSON": {"person"},
    "ORG": {"igo", "armed_group", "de_facto_government", "government_body", "party", "ngo", "organisation",
            "state"},
    "GPE": {"state"},
    "NORP": {"armed_group", "de_facto_government", "party", "state"},
}


DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his", "her", "my",
               "your"}


def trim(ent: Span) -> tuple[int, int]:
    s, e = ent.start, ent.end
    while s < e and (ent.doc[s].lower_ in DETERMINERS or ent.doc[s].is_punct or ent.doc[s].is_space):
        s += 1
    while e > s and (ent.doc[e - 1].lower_ in POSSESSIVE or ent.doc[e - 1].is_punct):
        e -= 1
    return s, e


CONNECTORS = frozenset({"of", "the", "'s", "’s"})


def ner_wins(ent: Span, s: int, e: int, inner: list[Cand], reg: Registry) -> bool:
    """Whether a NER span beats the registry mentions strictly inside it."""
    if not inner or any(c.start < s or c.end > e for c in inner):
        return False
    if max(c.size for c in inner) >= e - s:
        return False
    words = {t.lower_ for t in ent.doc[s:e]}
    if "," in words or "and" in words or "&" in words:
        return False
    inside = {i for c in inner for i in range(c.start, c.end)}
    if any(ent.doc[i].pos_ in ("VERB", "AUX") for i in range(s, e) if i not in inside):
        return False
    kinds = {reg.actors[c.actor_id].kind for c in inner if c.actor_id}
    if not {ent.doc[i].lower_ for i in range(s, e) if i not in inside} - CONNECTORS \
            and kinds & {"state", "de_facto_government"}:
        return False  # "Interim Government of Afghanistan": registry mentions joined by "of"
    if ent.label_ in ("GPE", "NORP"):
        return not kinds & {"state", "de_facto_government", "igo"}
    if ent.label_ == "PERSON":
        return "person" not in kinds
    return True


def _known(s: int, e: int, known: str | Participant) -> Cand:
    if isinstance(known, str):
        return Cand(s, e, known, "alias")
    return Cand(s, e, None, "ner", 5, unknown=Participant(**known.to_dict()), extra={"surname": True, "public": False})


def resolve_ner(doc: Doc, ent: Span, s: int, e: int, surnames: dict[str, str | Participant]) -> Cand | None:
    """A registry actor (or a person named in full before) for a NER mention, by
    surname or near-match; None when unknown."""
    text = doc[s:e].text
    if e - s == 1 and norm(text) in surnames and ent.label_ in ("PERSON", "ORG", "GPE"):
        return _known(s, e, surnames[norm(text)])
    hit = fuzzy_index().find(text, FUZZY_KINDS.get(ent.label_))
    if hit:
        return Cand(s, e, hit[0], "alias", extra={"fuzzy": hit[1]})
    if ent.label_ == "PERSON" and e - s == 1:
        key = norm(text)
        key_skeleton = skeleton(key)
        for known, who in surnames.items():
            if skeleton(known) == key_skeleton and fuzz.ratio(known, key) >= SKELETON_MIN:
                return _known(s, e, who)
    return None


def title_only(ent: Span) -> bool:
    """An entity made only of title words ("Interior" in "Interior Minister X")."""
    words = cues().title_words
    return all(t.lower_ in words or t.is_punct for t in ent)


NOT_ACTORS = {"event", "media"}


def possessor_state(doc: Doc, s: int, reg: Registry) -> str | None:
    """The state an organisation belongs to by a possessive before it ("Russia's
    Supreme Court")."""
    if s < 2 or doc[s - 1].lower_ not in POSSESSIVE:
        return None
    owner = doc[s - 2]
    start = owner.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return _state(reg, doc[start:owner.i + 1].text)


def _state(reg: Registry, text: str) -> str | None:
    alias = reg.best(norm(text))
    actor = reg.actors.get(alias.actor_id) if alias and alias.actor_id else None
    return actor.id if actor is not None and actor.kind == "state" else None


def owning_state(doc: Doc, s: int, e: int, reg: Registry) -> str | None:
    """The state an organisation's name says it belongs to: a national adjective in it
    ("the Russian Supreme Court") or "of STATE" right after it ("the Supreme Court of
    Kazakhstan")."""
    for tok in doc[s:e]:
        if tok.ent_type_ in ("NORP", "ORG") and (code := reg.demonyms.get(norm(tok.text))):
            return code
    if e + 1 < len(doc) and doc[e].lower_ == "of" and doc[e + 1].ent_type_ == "GPE":
        end = e + 1
        while end < len(doc) and doc[end].ent_type_ == "GPE":
            end += 1
        return _state(reg, doc[e + 1:end].text)
    return None


def _a_name(span: Span) -> bool:
    """A person's name: no place noun at its end ("Bagram Airfield"), no word in lower
    case but a name particle ("diaspora communities") (cues.yaml)."""
    tables = cues()
    if span[-1].lower_ in tables.place_nouns:
        return False
    return all(not (t.is_alpha and t.is_lower) or t.lower_ in tables.name_particles for t in span)


def new_participant(doc: Doc, ent: Span, s: int, e: int, inner: list[Cand], reg: Registry) -> Cand | None:
    """A participant for an actor that is not in the registry."""
    text = doc[s:e].text
    if e - s == 1 and doc[s].pos_ in ("VERB", "AUX", "ADV"):
        return None
    label = ent.label_
    country = next((reg.actors[c.actor_id].country for c in inner
                    if c.actor_id and reg.actors[c.actor_id].kind == "state"), None)
    extra: dict[str, object] = {"label": label}
    place = None
    if label == "PERSON":
        kind, prefix = "person", "person"
        extra["public"] = False
        while s < e - 1 and doc[s].lower_ in cues().title_words:
            s += 1  # "Sergeant Nicole Gee": the name without its title
        text = doc[s:e].text
        if not _a_name(doc[s:e]):
            return None
    elif label == "ORG":
        kind, prefix = org_kind(text), "org"
        if kind in NOT_ACTORS:
            return None  # a conference or a news agency is no party to what it reports
        country = country or possessor_state(doc, s, reg) or owning_state(doc, s, e, reg)
    elif label == "NORP" and (place := city_place(text)) is not None and not reg.demonyms.get(norm(text)):
        kind, prefix, country = "place", "place", place.country
    elif label == "NORP":
        kind, prefix = "group", "norp"
        demonym = reg.demonyms.get(norm(text).rstrip("s")) or reg.demonyms.get(norm(text)[:-1])
        country = country or demonym
        extra["generic"] = True
    else:
        place = city_place(text)
        if place is None:
            return None
        kind, prefix, country = "place", "place", place.country
    affiliation = reg.actors[country].name if country and kind == "government_body" else None
    p = Participant(id=f"{prefix}:{slug(text)}", name=text, kind=kind, text=text, country=country,
                    affiliation=affiliation)
    return Cand(s, e, None, "ner", 5, unknown=p, place=place, extra=extra)
