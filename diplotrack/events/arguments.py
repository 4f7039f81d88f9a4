"""Who did what to whom: a trigger's actor and recipient from the dependency parse.

The trigger's subject, objects and prepositional phrases, read through the noun
phrase layer (diplotrack.events.phrases). Capitals and countries in place syntax
("met in Kabul") become places, not participants.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplotrack.events.mentions import MentionIndex
from diplotrack.events.phrases import (
    PLACE_KIND,
    PLACE_PREPS,
    SUBJ_DEPS,
    Arg,
    Args,
    mention_in,
    named_or_owner,
    phrase_mentions,
    resolve_subject,
    unique_args,
    verb_subject,
)
from diplotrack.events.triggers import Trigger, is_light, light_verb_of

RECIPIENT_PREPS = {"with", "to", "from", "against", "on", "upon", "toward", "towards", "for",
                   "between", "among", "into", "over", "of", "at"}
DESTINATION_PREPS = {"to", "into"}
RECIPROCAL_PREPS = {"between", "among"}
VERDICTS = {"ACCUSE", "REJECT", "PROTEST"}
VERDICT_PREPS = {"over", "about"}  # "serious concern over the Taliban's ban"
MEETING_NOUNS = {"talk", "talks", "meeting", "meetings", "negotiation", "negotiations", "consultation",
                 "consultations", "discussion", "discussions", "dialogue", "summit", "visit"}
OBJECT_PREPS = {"with", "from", "to", "against", "toward", "towards", "between", "on"}
OF_ACTOR_NOUNS = {"visit", "trip", "arrival", "withdrawal", "departure", "resignation", "pullout",
                  "retreat", "takeover", "offensive", "attack", "protest", "demonstration", "talk",
                  "meeting", "summit", "deployment", "mobilization", "cooperation", "invasion"}


def _place_or_party(obj: Token, idx: MentionIndex, out: Args, destination: bool) -> list[Arg]:
    """Object of a place preposition: a capital/country there is a place; for a
    destination ('visit Kabul', 'a trip to Kabul') it is also the host."""
    args = phrase_mentions(obj, idx, places=True)
    placed = [a for a in args if a.mention.place is not None]
    args = [a for a in args if a.mention.participant.kind != PLACE_KIND]
    if placed:
        out.places.extend(a.mention for a in placed)
    elif obj.ent_type_ in {"GPE", "LOC", "FAC"}:
        out.place_tokens.append(obj)
    else:  # "in Brussels conference rooms"
        for mod in obj.children:
            m = idx.at(mod) if mod.dep_ == "compound" else None
            if m is not None and m.place is not None:
                out.places.append(m)
            elif mod.dep_ == "compound" and mod.ent_type_ in {"GPE", "LOC"}:
                out.place_tokens.append(mod)
    if destination:
        return args
    return [a for a in args if a.mention.place is None]


def _prep_args(tok: Token, idx: MentionIndex, out: Args, visit: bool, verdict: bool = False) -> None:
    """Arguments in the trigger's prepositional phrases; for a verdict (criticism,
    concern, protest) "over X" and "about X" name its target too."""
    for child in tok.children:
        if child.dep_ not in {"prep", "dative"}:
            continue
        prep = child.lower_
        objs = [o for o in child.children if o.dep_ == "pobj"] or (
            [child] if child.dep_ == "dative" else [])
        for obj in objs:
            if obj.ent_type_ in {"DATE", "TIME"}:
                continue
            if prep in PLACE_PREPS:
                out.recipient.extend(_place_or_party(obj, idx, out, destination=False))
            elif prep in DESTINATION_PREPS and visit:
                out.recipient.extend(_place_or_party(obj, idx, out, destination=True))
            elif prep in RECIPROCAL_PREPS or prep in {"by"} and tok.pos_ == "NOUN" or prep == "of" and tok.pos_ == "NOUN" and tok.lemma_.lower() in OF_ACTOR_NOUNS:
                out.actor.extend(phrase_mentions(obj, idx))
            elif prep in RECIPIENT_PREPS or child.dep_ == "dative" or (verdict and prep in VERDICT_PREPS):
                # "concern over the Taliban's ban": a verdict's target may be an owner
                found = named_or_owner(obj, idx) if verdict else phrase_mentions(obj, idx)
                out.recipient.extend(found)
                if not found and prep == "for" and obj.lemma_.lower() in MEETING_NOUNS:
                    _object_preps(obj, idx, out)  # "arrived for talks with the Taliban"


def _object_preps(obj: Token, idx: MentionIndex, out: Args, depth: int = 0) -> None:
    """'cut ties with X', 'lifted the ban on X', 'accepted the credentials of X',
    'regain control of the base from X': the object's own preps. Past an 'of' or
    'on' that names no one ("the ban on the activities of X") one step further; a
    complement that names no one but has an owner stands for it ("the ban on X's
    activities")."""
    for child in obj.children:
        if child.dep_ != "prep" or (child.lower_ not in OBJECT_PREPS and child.lower_ != "of"):
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            found = named_or_owner(pobj, idx)
            if found:
                out.recipient.extend(found)
            elif depth == 0 and child.lower_ in {"of", "on"}:
                _object_preps(pobj, idx, out, depth + 1)


def _verdict_target(obj: Token, idx: MentionIndex, out: Args) -> None:
    """"expressed concern over X", "voiced outrage at X's decision": the target of a
    stated verdict is in its object's phrase."""
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ in VERDICT_PREPS | {"at"}:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                out.recipient.extend(named_or_owner(pobj, idx))


def verb_args(trig: Trigger, idx: MentionIndex) -> Args:
    tok = trig.token
    visit = trig.sense.mode == "visit"
    out = Args()
    subj, passive = verb_subject(tok, idx)
    out.actor.extend(subj)
    for child in tok.children:
        if child.dep_ in {"dobj", "dative", "attr"} or (passive and child.dep_ == "nsubjpass"):
            if visit and child.dep_ == "dobj":
                out.recipient.extend(_place_or_party(child, idx, out, destination=True))
            else:
                # "condemned the Taliban's decision": the Taliban
                out.recipient.extend(named_or_owner(child, idx) if child.dep_ == "dobj"
                                     else phrase_mentions(child, idx))
            _object_preps(child, idx, out)
            if trig.category in VERDICTS and child.dep_ == "dobj":
                _verdict_target(child, idx, out)
    if passive and tok.dep_ == "acl":  # "visas issued by X": the head is the theme
        out.recipient.extend(phrase_mentions(tok.head, idx))
    _prep_args(tok, idx, out, visit)
    for xc in tok.children:  # "urged X to ...", "agreed to exchange ambassadors with Y"
        if xc.dep_ == "xcomp":
            _prep_args(xc, idx, out, visit)
        elif xc.dep_ == "ccomp" and not out.recipient:  # "demanded that Israel ease ..."
            for inner in xc.children:
                if inner.dep_ in SUBJ_DEPS and inner.pos_ != "PRON":
                    out.recipient.extend(phrase_mentions(inner, idx))
    return out


def noun_args(trig: Trigger, idx: MentionIndex) -> Args:
    tok = trig.token
    visit = trig.sense.mode == "visit"
    out = Args()
    for child in tok.children:
        if child.dep_ == "poss":
            out.actor.extend(resolve_subject(child, idx))
        elif child.dep_ in {"compound", "amod", "nmod"}:
            m = mention_in(child, idx)
            if m is not None and m.is_capital and m.place is not None:
                out.places.append(m)  # "the Doha talks", "the Tashkent conference": the venue
            elif m is not None:
                out.actor.append(Arg(m, m.participant.text))
    verdict = trig.category in VERDICTS
    _prep_args(tok, idx, out, visit, verdict)
    verb = light_verb_of(tok)
    if verb is not None and not out.recipient and trig.category in {"REQUEST", "THREATEN", "ACCUSE"}:
        for clause in verb.children:  # "reiterated its demand that Israel ease ..."
            if clause.dep_ == "ccomp":
                out.recipient.extend(a for s in clause.children if s.dep_ in SUBJ_DEPS
                                     for a in phrase_mentions(s, idx))
    if verb is not None and is_light(verb):
        subj, passive = verb_subject(verb, idx)
        if not out.actor:
            out.actor.extend(subj)
        _prep_args(verb, idx, out, visit)
        for child in verb.children:
            if child.dep_ == "dative":
                out.recipient.extend(phrase_mentions(child, idx))
    return out


def extract(trig: Trigger, idx: MentionIndex) -> Args:
    args = noun_args(trig, idx) if trig.is_noun else verb_args(trig, idx)
    args.actor = unique_args(args.actor)
    actor_keys = {(a.mention.start, a.mention.end) for a in args.actor}
    args.recipient = [a for a in unique_args(args.recipient)
                      if (a.mention.start, a.mention.end) not in actor_keys]
    return args
