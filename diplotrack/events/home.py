"""Whose people and officials an event names: a country's own, from what the text
leaves unsaid (the component's participants, after the mentions are resolved)."""

from __future__ import annotations

from dataclasses import replace

from diplotrack.actors.registry import load_registry
from diplotrack.events.phrases import Arg
from diplotrack.models import Participant

HOME_KINDS = {"state", "de_facto_government", "government_body"}
HOME_CATEGORIES = {"COERCE"}  # a government acts on its own people by coercing them
HOME_LEVELS = {"head_of_state", "head_of_government", "minister"}


def officials(people: list[Participant], home: str | None, when: str | None) -> list[Participant]:
    """An official the registry does not place, titled without a state ("Foreign Secretary
    Vikram Misri", "Prime Minister X"), is the outlet's own country's, as news writes
    its home government's titles (envoys and ambassadors are often foreign: not read so)."""
    acting = load_registry().acting_for(home, when) if home else None
    if acting is None:
        return people
    return [replace(p, country=home, affiliation=acting.name)
            if p.kind == "person" and not p.country and not p.affiliation and p.level in HOME_LEVELS
            else p for p in people]


def civilians(recipient: list[Participant], args: list[Arg], actor: list[Participant]) -> list[Participant]:
    """People a government coerces without a country of their own in the phrase ("the
    Taliban banned women") are its own country's civilians, not the document's. (Those a
    government condemns a ban on, mourns or promises something to are the document's:
    "the United States condemns the ban on women", HOME_CATEGORIES.)"""
    home = next((p.country for p in actor if p.kind in HOME_KINDS and p.country), None)
    if home is None:
        return recipient
    own = {a.mention.participant.id for a in args if a.mention.extra.get("own_country")}
    out = []
    for p in recipient:
        if p.kind == "civilians" and p.id not in own and p.country != home:
            p = replace(p, id=f"civilians:{home.lower()}", name=f"{home} civilians", country=home)
        out.append(p)
    return out
