"""Who a noun phrase or a subject names: actor mentions from the dependency parse.

Works on `doc._.actors` (ActorMention objects indexed by token): the mentions a
phrase names (with conjuncts, institutions and quantifiers: "Israeli soldiers",
"many of the delegates"), pronouns and "both sides" resolved to the parties
before them, and the subject of a verb through its clauses. The argument frames
of a trigger (diplotrack.events.arguments) are built from these.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from diplotrack.events.lexicon import cues
from diplotrack.events.mentions import MentionIndex
from diplotrack.nlp.extensions import ActorMention

PLACE_PREPS = {"in", "at", "inside", "near", "outside"}
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
COUNTERPARTS = {"counterpart", "peer", "opposite", "interlocutor"}  # "his counterparts in the G7"


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
    return unique_args(out)


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
                    m = mention_in(mod, idx)
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


def mention_in(tok: Token, idx: MentionIndex) -> ActorMention | None:
    m = idx.at(tok)
    if m is not None:
        return m
    for c in tok.children:
        if c.dep_ in {"compound", "amod"}:
            m = idx.at(c)
            if m is not None:
                return m
    return None


def unique_args(args: list[Arg]) -> list[Arg]:
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
    return phrase_mentions(tok, idx, depth) or _both_sides(tok, idx)


PAIR_NOUNS = {"side", "party", "leader", "minister", "country", "nation", "government",
              "delegation", "president", "counterpart", "diplomat", "official"}
PAIR_WORDS = {"both", "two"}


def _both_sides(tok: Token, idx: MentionIndex) -> list[Arg]:
    """"Both sides expressed concern", "the two ministers agreed": the two sides of the
    meeting reported last (MentionIndex.sides)."""
    if len(idx.sides) != 2 or tok.lemma_.lower() not in PAIR_NOUNS or not any(
            c.dep_ in {"det", "nummod", "predet", "preconj"} and c.lower_ in PAIR_WORDS for c in tok.children):
        return []
    return [Arg(m, tok.text, resolved=True) for m in idx.sides]


def named_or_owner(noun: Token, idx: MentionIndex) -> list[Arg]:
    """The mentions a noun phrase names, else those of its possessor ("the Taliban's
    decision": the Taliban)."""
    found = phrase_mentions(noun, idx)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return found or (resolve_subject(owner, idx) if owner is not None else [])


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
        found = named_or_owner(noun, idx)  # "the Taliban's decision to ban women": the Taliban
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
