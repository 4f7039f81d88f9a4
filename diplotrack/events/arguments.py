"""Who did what to whom: actor and recipient mentions from the dependency parse.

Works on `doc._.actors` (ActorMention objects indexed by token). Capitals and
countries in place syntax ("met in Kabul") become places, not participants.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from diplotrack.events.lexicon import cues
from diplotrack.events.mentions import MentionIndex
from diplotrack.events.triggers import Trigger, is_light, light_verb_of
from diplotrack.nlp.extensions import ActorMention

RECIPIENT_PREPS = {"with", "to", "from", "against", "on", "upon", "toward", "towards", "for",
                   "between", "among", "into", "over", "of", "at"}
PLACE_PREPS = {"in", "at", "inside", "near", "outside"}
DESTINATION_PREPS = {"to", "into"}
RECIPROCAL_PREPS = {"between", "among"}
QUANTIFIERS = {"many", "some", "all", "most", "several", "one", "none", "each", "both", "few",
               "two", "three", "number", "majority", "group", "dozen", "dozens", "thousand",
               "thousands", "hundred", "hundreds", "million", "millions", "ten", "tens", "score",
               "scores", "crowd", "crowds"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
PERSONAL_PRONOUNS = {"it", "they", "he", "she", "we", "its", "their", "his", "her", "our", "them"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom", "whose"}
CLAUSAL_DEPS = {"ccomp", "xcomp", "advcl", "conj", "parataxis", "acomp"}
PLACE_KIND = "place"  # the actor registry's kind for a place that is no actor
LOCATED_NOUNS = {"embassy", "consulate", "mission", "office", "base", "delegation"}
VERDICTS = {"ACCUSE", "REJECT", "PROTEST"}
VERDICT_PREPS = {"over", "about"}  # "serious concern over the Taliban's ban"
MEETING_NOUNS = {"talk", "talks", "meeting", "meetings", "negotiation", "negotiations", "consultation",
                 "consultations", "discussion", "discussions", "dialogue", "summit", "visit"}
COUNTERPARTS = {"counterpart", "peer", "opposite", "interlocutor"}  # "his counterparts in the G7"
OBJECT_PREPS = {"with", "from", "to", "against", "toward", "towards", "between", "on"}
OF_ACTOR_NOUNS = {"visit", "trip", "arrival", "withdrawal", "departure", "resignation", "pullout",
                  "retreat", "takeover", "offensive", "attack", "protest", "demonstration", "talk",
                  "meeting", "summit", "deployment", "mobilization", "cooperation", "invasion"}


@dataclass
class Arg:
    mention: ActorMention
    text: str
    resolved: bool = False  # found through a pronoun or a definite description
    affiliation: ActorMention | None = None  # "Serbian President X": the state X acts for


@dataclass
class Args:
    actor: list[Arg] = field(default_factory=list)
    recipient: list[Arg] = field(default_factory=list)
    places: list[ActorMention] = field(default_factory=list)
    place_tokens: list[Token] = field(default_factory=list)


def _institution(tok: Token) -> bool:
    nouns = cues()["institution_nouns"]
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns


def _quantifier(tok: Token) -> bool:
    return tok.lower_ in QUANTIFIERS or tok.lemma_.lower() in QUANTIFIERS


def _phrase_text(head: Token, mention: ActorMention) -> str:
    """Surface words naming the participant: the mention, widened to its head noun
    when it only modifies one ("Afghan diplomatic missions")."""
    if head.i in range(mention.start, mention.end):
        return mention.participant.text or head.doc[mention.start:mention.end].text
    left = [c for c in head.lefts if c.dep_ in {"compound", "amod", "nmod", "poss", "case"}
            and c.lower_ not in QUANTIFIERS]
    start = min([head.i, *[c.left_edge.i for c in left]])
    start = min(start, mention.start)
    span = head.doc[start:head.i + 1]
    return span.text


def phrase_mentions(head: Token, idx: MentionIndex, depth: int = 0,
                    places: bool = False) -> list[Arg]:
    """Actor mentions that a noun phrase headed by `head` names (with conjuncts).
    Mentions of mere places (no actor behind them) count only when `places`."""
    if depth > 3:
        return []
    out: list[Arg] = []
    own = idx.at(head)
    if own is not None and own.participant.kind == PLACE_KIND and not places:
        own = None
    if own is not None:
        out.append(Arg(own, _phrase_text(head, own), affiliation=_title_state(head, own, idx)))
    elif _institution(head) or _quantifier(head):
        out.extend(_inside(head, idx, depth))
        if not out and (ante := idx.antecedent(head)) is not None:
            out.append(Arg(ante, ante.participant.text, resolved=True))
    for child in head.children:
        if child.dep_ == "conj":  # a list of parties is one level, however long
            out.extend(phrase_mentions(child, idx, depth, places))
        elif child.dep_ == "appos" and not out:
            out.extend(phrase_mentions(child, idx, depth + 1, places))
    return _unique(out)


def _inside(head: Token, idx: MentionIndex, depth: int) -> list[Arg]:
    """Mentions inside an institution phrase: 'Israeli soldiers', 'Kabul's envoy',
    'representatives from Kabul', 'a delegation representing the Taliban'."""
    quantifier = _quantifier(head)
    out: list[Arg] = []
    if not quantifier:
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ == "PRON":  # "their forces"
                out.extend(resolve_subject(child, idx, depth + 1))
            elif child.dep_ in {"compound", "amod", "nmod", "poss"}:
                for mod in (child, *child.conjuncts):  # "French and Egyptian warships"
                    m = _mention_in(mod, idx)
                    if m is not None:
                        out.append(Arg(m, _phrase_text(head, m)))
    if out and head.lemma_.lower() not in COUNTERPARTS:  # "his counterparts in the G7": both
        return out
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "of", "in", "for"} and not (
                child.lower_ == "in" and head.lemma_.lower() in LOCATED_NOUNS):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    out.extend(phrase_mentions(obj, idx, depth + 1))
        elif child.dep_ == "acl" and not quantifier:
            for obj in child.children:
                if obj.dep_ in {"dobj", "pobj"}:
                    out.extend(phrase_mentions(obj, idx, depth + 1))
    return out


def _title_state(head: Token, own: ActorMention, idx: MentionIndex) -> ActorMention | None:
    """For a person the registry does not place, a state or body named in the title
    before the name ("Serbian President Vojislav Kostunica", "Iraq's foreign minister X")."""
    part = own.participant
    if part.kind != "person" or part.affiliation:
        return None
    appos = [t for c in head.children if c.dep_ == "appos" for t in c.subtree]
    for tok in [*head.doc[max(0, own.start - 4):own.start], *appos]:
        m = idx.at(tok)
        if m is not None and m is not own and m.participant.kind != "person" \
                and m.participant.kind != "place" and m.via != "generic":
            return m  # not "a jury convicted X": a common noun is no title
    return None


def _mention_in(tok: Token, idx: MentionIndex) -> ActorMention | None:
    m = idx.at(tok)
    if m is not None:
        return m
    for c in tok.children:
        if c.dep_ in {"compound", "amod"}:
            m = idx.at(c)
            if m is not None:
                return m
    return None


def _unique(args: list[Arg]) -> list[Arg]:
    seen: set[tuple[int, int]] = set()
    out = []
    for a in args:
        key = (a.mention.start, a.mention.end)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def resolve_subject(tok: Token, idx: MentionIndex, depth: int = 0) -> list[Arg]:
    """Mentions for a subject token, resolving pronouns to a nearby actor."""
    low = tok.lower_
    if low in RELATIVE_PRONOUNS:
        clause = tok.head
        if clause.dep_ != "relcl":
            return []
        noun = _past_place(clause.head)  # "an operation in Kabul that killed X": the operation
        found = phrase_mentions(noun, idx)
        if not found and noun is not clause.head and noun.head.pos_ in {"VERB", "AUX"}:
            return verb_subject(noun.head, idx)[0]  # whose operation: who conducted it
        return found
    if tok.pos_ == "PRON" and idx.at(tok) is not None:  # a statement's "we": its issuer
        return phrase_mentions(tok, idx, depth)
    if tok.pos_ == "PRON" and low in PERSONAL_PRONOUNS:
        if low == "it" and _expletive(tok.head):
            return []  # expletive: "it was the first contact", "it is unlikely that"
        return _antecedent(tok, idx, depth)
    if tok.pos_ == "VERB":  # mis-parsed subject: "The Red Cross operating in Iraq said"
        subj = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
        return phrase_mentions(subj[0], idx, depth + 1) if subj else []
    return phrase_mentions(tok, idx, depth)


def _expletive(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return verb.lemma_ == "be" and ("attr" in deps or {"acomp", "ccomp"} <= deps)


def _antecedent(tok: Token, idx: MentionIndex, depth: int = 0) -> list[Arg]:
    """'Japan said it had halted aid' -> Japan; otherwise the latest earlier subject."""
    person = tok.lower_ in {"he", "she", "his", "her"}
    node = tok.head
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i and node.dep_ != "relcl":
        node = node.head  # "Israel strengthened its forces": from the noun to its verb
    for child in node.children:
        if child.dep_ in SUBJ_DEPS and child.i < tok.i and child.pos_ != "PRON":
            found = phrase_mentions(child, idx, depth + 1)
            if found:
                return [Arg(a.mention, a.text, resolved=True) for a in found]
    # then only through clausal complements ("said it would"), never out of a
    # relative clause ("insurgencies, for which it blames")
    while node.head.i != node.i and node.dep_ in CLAUSAL_DEPS:
        parent = node.head
        for child in parent.children:
            if child.dep_ in SUBJ_DEPS and child.i < tok.i and child.pos_ != "PRON":
                found = phrase_mentions(child, idx, depth + 1)
                if found:
                    return [Arg(a.mention, a.text, resolved=True) for a in found]
        node = parent
    if not person:
        return []  # it/they/we: too ambiguous without coreference
    for m in reversed(idx.recent):
        if m.participant.kind == "person":
            return [Arg(m, tok.text, resolved=True)]
    return []


def verb_subject(verb: Token, idx: MentionIndex) -> tuple[list[Arg], bool]:
    """(actor args, passive?) for a verb, climbing through xcomp/conj/acl/relcl."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [o for o in child.children if o.dep_ == "pobj"]
            return ([a for o in objs for a in phrase_mentions(o, idx)], True)
    if passive or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        return [], True
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    for child in subjects:  # "KABUL (Pajhwok): The UAE has accepted": past the dateline
        found = resolve_subject(child, idx)
        if found or child is subjects[-1]:
            return found, False
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return verb_subject(verb.head.head, idx)[0], False  # "took a step by suspending": who took it
    if verb.dep_ in {"xcomp", "conj", "advcl", "acomp"} and verb.head.i != verb.i:
        patient = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if patient and verb.dep_ == "conj":  # "X was indicted by Y and will resign": X resigns
            return resolve_subject(patient[0], idx), False
        return verb_subject(verb.head, idx)[0], False
    if verb.dep_ in {"acl", "relcl"}:
        noun = verb.head
        found = phrase_mentions(noun, idx)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if not found and owner is not None:  # "the Taliban's decision to ban women": the Taliban
            found = resolve_subject(owner, idx)
        if not found and noun.dep_ in {"dobj", "attr"} and noun.head.pos_ in {"VERB", "AUX"}:
            return verb_subject(noun.head, idx)[0], False  # "issued a declaration demanding"
        return found, False
    return [], False


def _past_place(noun: Token) -> Token:
    """A place a relative clause hangs on ("an operation in Kabul, Afghanistan, that")
    stands for the noun its preposition modifies."""
    node = noun
    for _ in range(3):
        if node.dep_ == "appos" or (node.dep_ == "conj" and node.head.ent_type_ in {"GPE", "LOC"}):
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ in PLACE_PREPS and node.ent_type_ in {"GPE", "LOC", "FAC"}:
            node = node.head.head
        else:
            break
    return node


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
                found = phrase_mentions(obj, idx)
                owner = next((c for c in obj.children if c.dep_ == "poss"), None)
                if not found and verdict and owner is not None:
                    found = resolve_subject(owner, idx)  # "concern over the Taliban's ban"
                out.recipient.extend(found)
                if not found and prep == "for" and obj.lemma_.lower() in MEETING_NOUNS:
                    _object_preps(obj, idx, out)  # "arrived for talks with the Taliban"


def _object_preps(obj: Token, idx: MentionIndex, out: Args, depth: int = 0) -> None:
    """'cut ties with X', 'lifted the ban on X', 'accepted the credentials of X',
    'regain control of the base from X': the object's own preps. Past an 'of' or
    'on' that names no one ("the ban on the activities of X") one step further."""
    for child in obj.children:
        if child.dep_ != "prep" or (child.lower_ not in OBJECT_PREPS and child.lower_ != "of"):
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            found = phrase_mentions(pobj, idx)
            if found:
                out.recipient.extend(found)
            elif depth == 0 and child.lower_ in {"of", "on"}:
                _object_preps(pobj, idx, out, depth + 1)


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
                found = phrase_mentions(child, idx)
                owner = next((c for c in child.children if c.dep_ == "poss"), None)
                if not found and owner is not None and child.dep_ == "dobj":
                    found = resolve_subject(owner, idx)  # "condemned the Taliban's decision"
                out.recipient.extend(found)
            _object_preps(child, idx, out)
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
            m = _mention_in(child, idx)
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
    args.actor = _unique(args.actor)
    actor_keys = {(a.mention.start, a.mention.end) for a in args.actor}
    args.recipient = [a for a in _unique(args.recipient)
                      if (a.mention.start, a.mention.end) not in actor_keys]
    return args
