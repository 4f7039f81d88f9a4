"""The actor registry: states, IGOs, government bodies, de facto governments,
armed groups and public officials, loaded once from the data files.

    load_registry()            the cached Registry
    lookup(text, date=None)    a Participant for a name ("U.S.", "Moroccan diplomats",
                               "Motaqi", "Kabul"), or None
    norm(text)                 the normalised key used everywhere

Date-dependent actors (a state whose government changed, a person's office) are
resolved with `Registry.participant(actor_id, text, date)`; `date` is an ISO date
(or year/month prefix) and None means "now".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from diplotrack.models import Participant

DATA_DIR = Path(__file__).resolve().parent / "data"
PRESENT = "9999-12-31"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")


def norm(text: str) -> str:
    """Lower case, dots dropped, hyphens and spaces folded, possessive and leading "the" dropped."""
    s = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower().replace(".", "")
    s = _DASHES.sub(" ", s)
    s = " ".join(s.split())
    s = re.sub(r"'s$|'$", "", s).strip()
    return s[4:] if s.startswith("the ") else s


@dataclass(frozen=True)
class Term:
    for_id: str
    role: str | None = None
    level: str | None = None
    start: str | None = None
    end: str | None = None

    def covers(self, date: str) -> bool:
        return (self.start or "0000") <= date and (self.end is None or date < self.end)


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    parent: str | None = None  # the actor it acts for (bodies, IGO bodies)
    level: str | None = None
    terms: tuple[Term, ...] = ()
    surname: str | None = None
    meta: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Alias:
    actor_id: str
    via: str = "registry"  # registry | metonym | demonym | context | surname
    is_capital: bool = False
    rank: int = 0  # lower wins when two actors share a key


@dataclass(frozen=True)
class Rule:
    date: str
    state: str | None = None
    after: str | None = None
    actor: str | None = None
    before: str | None = None


@dataclass
class Registry:
    version: str
    actors: dict[str, Actor]
    aliases: dict[str, list[Alias]]
    surfaces: dict[str, set[str]]  # key -> surface forms, for the phrase patterns
    demonyms: dict[str, str]
    surnames: dict[str, list[str]]
    rules: list[Rule]
    cues: dict

    def best(self, key: str) -> Alias | None:
        found = self.aliases.get(key)
        return min(found, key=lambda a: a.rank) if found else None

    def body(self, state_id: str, slug: str, template: str) -> Actor:
        """The government body `slug` of a state (a registry one, or derived on the fly)."""
        bid = f"{state_id.lower()}:{slug}"
        if bid not in self.actors:
            state = self.actors[state_id]
            self.actors[bid] = Actor(bid, template.format(state=state.name), "government_body",
                                     state.country or state.id, parent=state.id)
        return self.actors[bid]

    def successor(self, actor: Actor, date: str) -> Actor:
        """Apply the succession rules: who acts for `actor` at `date`."""
        for r in self.rules:
            if r.state and date >= r.date and r.after:
                if actor.id == r.state:
                    return self.actors[r.after]
                if actor.kind == "government_body" and actor.parent == r.state:
                    slug = actor.id.split(":", 1)[-1]
                    return self.body(r.after, slug, actor.name)  # the registry's own one when it has it
            if r.actor == actor.id and r.before and date < r.date:
                return self.actors[r.before]
        return actor

    def acting_for(self, country: str, date: str | None = None) -> Actor | None:
        """Who acts for a country (ISO alpha-3) at `date` (else now): the state, or its
        successor ("AFG" after August 2021: the Taliban); None for a code it does not know."""
        state = self.actors.get(country.upper())
        return self.successor(state, (date or PRESENT)[:10]) if state is not None else None

    def term_at(self, actor: Actor, date: str) -> tuple[Term | None, bool]:
        """The person's term at `date` (in office), else the nearest one (not in office)."""
        if not actor.terms:
            return None, False
        for t in actor.terms:
            if t.covers(date):
                return t, True
        before = [t for t in actor.terms if (t.start or "0000") <= date]
        return (before[-1] if before else actor.terms[0]), False

    def participant(self, actor_id: str, text: str, date: str | None = None,
                    level: str | None = None) -> Participant:
        d = date or PRESENT
        actor = self.successor(self.actors[actor_id], d)
        if actor.kind == "person":
            return self._person(actor, text, d, level)
        parent = self.actors.get(actor.parent) if actor.parent else None
        if parent is not None and parent.kind != "person":
            parent = self.successor(parent, d)
        country = actor.country or (actor.id if actor.kind == "state" else None)
        return Participant(id=actor.id, name=actor.name, kind=actor.kind, text=text,
                           country=country or (parent.country if parent else None),
                           affiliation=parent.name if parent else None,
                           level=level or actor.level)

    def _person(self, actor: Actor, text: str, date: str, level: str | None) -> Participant:
        term, in_office = self.term_at(actor, date)
        org = self.successor(self.actors[term.for_id], date) if term and term.for_id in self.actors else None
        country = actor.country or (org.country or (org.id if org.kind == "state" else None) if org else None)
        lvl = term.level if term and in_office else None
        return Participant(id=actor.id, name=actor.name, kind="person", text=text, country=country,
                           affiliation=org.name if org else None, level=lvl or level)

    def lookup(self, text: str, date: str | None = None) -> Participant | None:
        from diplotrack.actors.resolve import resolve_text

        return resolve_text(self, text, date)


def _version(files: list[Path]) -> str:
    h = hashlib.sha1()
    for f in sorted(files):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    try:
        import pycountry

        h.update(str(len(pycountry.countries)).encode())
    except ImportError:  # pragma: no cover
        pass
    return f"actors-{h.hexdigest()[:10]}"


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The registry, built once per process from diplotrack/actors/data/."""
    from diplotrack.actors.loaders import build

    files = [p for p in DATA_DIR.iterdir() if p.suffix in (".yaml", ".csv")]
    return build(DATA_DIR, _version(files))


def lookup(text: str, date: str | None = None) -> Participant | None:
    """Canonical participant for a name or actor phrase; None when nothing matches."""
    return load_registry().lookup(text, date)
