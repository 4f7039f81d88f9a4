"""`lookup(text)`: a canonical participant for a free-standing name or actor phrase
(no Doc needed), e.g. to canonicalise PLOVER actorText in a benchmark.

Tried in order: the exact alias; "<State|Demonym> ['s] <cue>" and "<cue> <State>";
"<title> <name>"; a surname or near-match (fuzzy); the longest registry name
inside the phrase ("Rebels in the Ivory Coast" -> Ivory Coast).
"""

from __future__ import annotations

from diplotrack.actors.fuzzy import fuzzy_index
from diplotrack.actors.generic import STATE_KINDS
from diplotrack.actors.levels import POSSESSIVE, cues
from diplotrack.actors.registry import Registry, norm
from diplotrack.models import Participant


def _actor(reg: Registry, key: str, allow: set[str] | None = None) -> str | None:
    alias = reg.best(key)
    if alias is None or alias.via == "context":
        return None
    if allow and reg.actors[alias.actor_id].kind not in allow:
        return None
    return alias.actor_id


def _generic(reg: Registry, words: list[str], text: str, date: str | None) -> Participant | None:
    tables = cues()
    for i in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:i]), tuple(w for w in words[i:] if w not in POSSESSIVE)
        aid = _actor(reg, head, STATE_KINDS)
        cue = tables.suffixes.get(rest)
        if aid and cue is None and rest and rest[0] in ("s",):  # "russia s" from "Russia's"
            cue = tables.suffixes.get(rest[1:])
        if aid and cue is not None:
            if cue.body:
                aid = reg.body(aid, cue.body, cue.name or "{state}").id
            return reg.participant(aid, text, date, cue.level)
        cue = tables.prefixes.get(tuple(words[:i]))
        aid = _actor(reg, " ".join(words[i:]), STATE_KINDS)
        if aid and cue is not None:
            return reg.participant(aid, text, date, cue.level)
    return None


def _titled(reg: Registry, words: list[str], text: str, date: str | None) -> Participant | None:
    titles = cues().titles
    for n in range(min(4, len(words) - 1), 0, -1):
        level = titles.get(tuple(words[:n]))
        if level:
            rest = " ".join(words[n:])
            aid = _actor(reg, rest, {"person"}) or _fuzzy(rest, {"person"})
            if aid:
                return reg.participant(aid, text, date, level)
            return _titled(reg, words[n:], text, date)
    return None


def _fuzzy(text: str, kinds: set[str] | None = None) -> str | None:
    hit = fuzzy_index().find(text, kinds)
    return hit[0] if hit else None


def _inside(reg: Registry, words: list[str], text: str, date: str | None) -> Participant | None:
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            alias = reg.best(" ".join(words[i:i + n]))
            if alias is None or alias.via == "context":
                continue
            aid = alias.actor_id
            if alias.via not in ("surname", "demonym") or (n == 1 and reg.actors[aid].kind == "state"):
                return reg.participant(aid, text, date)
    return None


def resolve_text(reg: Registry, text: str, date: str | None = None) -> Participant | None:
    key = norm(text.replace("...", " ").replace("…", " "))
    if not key:
        return None
    if text.strip() in reg.actors:  # an id: "AFG", "taliban", "eu"
        return reg.participant(text.strip(), text, date)
    if " " not in key and text.strip().islower() and not any(f.islower() for f in reg.surfaces.get(key, ())):
        return None  # "us", "turkey", "chad": names are matched as written
    aid = _actor(reg, key)
    if aid:
        return reg.participant(aid, text, date)
    words = key.split()
    for step in (_generic, _titled):
        found = step(reg, words, text, date)
        if found:
            return found
    aid = _fuzzy(key)
    if aid:
        return reg.participant(aid, text, date)
    return _inside(reg, words, text, date)
