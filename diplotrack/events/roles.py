"""Fallback roles when the parse names no one in a slot: the party an adverbial
clause affects, targets inside the clause, civilians coded by country."""

from __future__ import annotations

from spacy.tokens import Token

from diplotrack.events.mentions import MentionIndex
from diplotrack.events.phrases import (
    PLACE_PREPS,
    SUBJ_DEPS,
    Arg,
    Args,
    phrase_mentions,
    unique_args,
)
from diplotrack.models import Participant
from diplotrack.nlp.extensions import ActorMention


def implicit_recipient(tok: Token, idx: MentionIndex) -> list[Arg]:
    """'X could not travel after Y declined to issue waivers': the main clause's
    subject is affected by an event in an adverbial clause that names no one else."""
    node = tok
    while node.dep_ in {"xcomp", "pcomp", "pobj", "prep"} and node.head.i != node.i:
        node = node.head
    if node.dep_ != "advcl" or node.head.i == node.i:
        return []
    main = node.head
    while main.dep_ in {"xcomp", "acomp"} and main.head.i != main.i:
        main = main.head
    for child in main.children:
        if child.dep_ in SUBJ_DEPS and child.pos_ != "PRON":
            found = phrase_mentions(child, idx) or _subtree_mentions(child, idx)
            return [Arg(a.mention, a.text, resolved=True) for a in found]
    return []


def _subtree_mentions(tok: Token, idx: MentionIndex) -> list[Arg]:
    """Fallback when the parse of a subject is odd: the persons it names, else all mentions."""
    found = [m for t in tok.subtree if (m := idx.at(t)) is not None]
    people = [m for m in found if m.participant.kind == "person"]
    return unique_args([Arg(m, m.participant.text) for m in (people or found)])


def _in_place_syntax(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS


def targets(tok: Token, idx: MentionIndex, args: Args) -> list[Arg]:
    """States, bodies and officials named inside the trigger's clause: the target of
    a protest or demand by people the registry does not know ("demonstrated ...
    calling for independence from Iraq")."""
    taken = {(a.mention.start, a.mention.end) for a in args.actor + args.recipient}
    out: list[Arg] = []
    for t in tok.subtree:
        m = idx.at(t)
        if m is None or (m.start, m.end) in taken or _in_place_syntax(t):
            continue
        part = m.participant
        if part.kind in POLITICAL_TARGET_KINDS or (part.kind == "person" and (part.affiliation or part.level)):
            taken.add((m.start, m.end))
            out.append(Arg(m, m.participant.text, resolved=True))
    return out


POLITICAL_TARGET_KINDS = {"state", "de_facto_government", "igo", "government_body", "armed_group",
                          "former_government"}


CIVILIAN_KIND = "civilians"


def civilian_actor(tok: Token, idx: MentionIndex) -> list[Arg]:
    """Protesters the registry does not know, coded as PLOVER codes them: the civilians
    of the country their phrase names ("students throughout Indonesia", "French workers")."""
    subj, node = None, tok
    for _ in range(4):  # the trigger's subject, else its governing verb's ("rallied", "for a rally")
        subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None or node.head.i == node.i:
            break
        node = node.head
    if subj is None or subj.pos_ == "PRON":
        return []
    country = next((m.participant for t in subj.subtree if (m := idx.at(t)) is not None
                    and m.participant.country), None)
    if country is None:  # else the country where they protest ("rioted at a jail in Dili")
        country = next((m.participant for t in tok.subtree if (m := idx.at(t)) is not None
                        and m.place is not None and m.participant.country), None)
    if country is None:
        return []
    iso3 = country.country or ""
    span = subj.doc[subj.left_edge.i:subj.right_edge.i + 1]
    part = Participant(id=f"{CIVILIAN_KIND}:{iso3.lower()}", name=f"{iso3} civilians",
                       kind=CIVILIAN_KIND, text=span.text, country=iso3)
    mention = ActorMention(span.start, span.end, span.start_char, span.end_char, part, via="events")
    return [Arg(mention, span.text)]
