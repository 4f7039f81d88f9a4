"""Find event triggers in a sentence by lemma lookup (O(tokens), dict lookups only)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span, Token

from diplotrack.events.lexicon import Lexicon, Sense, cues, lexicon

VERB_POS = {"VERB", "AUX", "ADJ"}
NOUN_POS = {"NOUN", "PROPN"}
OBJ_DEPS = {"dobj", "nsubjpass", "attr", "dative", "oprd", "obj"}
PREP_DEPS = {"prep", "agent", "dative"}
PRT_DEPS = {"prt", "prep", "advmod", "agent", "acomp"}
MOD_DEPS = {"compound", "amod", "nmod"}
# Participles used as adjectives ("the sanctioned minister") are states, not events.
SKIP_DEPS = {"amod", "compound"}


@dataclass
class Trigger:
    token: Token
    sense: Sense
    governor: Token | None = None  # the trigger (or light verb) whose complement this is

    @property
    def category(self) -> str:
        return self.sense.category

    @property
    def is_noun(self) -> bool:
        return self.sense.pos == "noun"


def _words(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def object_words(tok: Token) -> set[str]:
    """Lemmas of the trigger's objects (direct, passive subject, prepositional, xcomp's)."""
    out: set[str] = set()
    frontier = [tok]
    for xc in tok.children:
        if xc.dep_ in {"xcomp", "ccomp"} and xc.pos_ == "VERB":
            frontier.append(xc)
            out.update(_words(xc))  # "ordered the paper to suspend publication"
    for head in frontier:
        for child in head.children:
            if child.dep_ in OBJ_DEPS:
                out.update(_words(child))
                out.update(w for c in child.children if c.dep_ == "compound" for w in _words(c))
                out.update(w for c in child.conjuncts for w in _words(c))
                for prep in child.children:  # "lifted a state of emergency"
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        out.update(w for o in prep.children for w in _words(o))
            elif child.dep_ in PREP_DEPS:
                for obj in child.children:
                    if obj.dep_ in {"pobj", "pcomp"}:
                        out.update(_words(obj))
    if tok.dep_ == "acl" or tok.dep_ == "relcl":  # "visas issued by X", "ties that X cut"
        out.update(_words(tok.head))
    if tok.dep_ == "acomp":  # "remained on alert"
        out.update(_words(tok))
    return out


def prep_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in PRT_DEPS}


def mod_words(tok: Token) -> set[str]:
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in MOD_DEPS:
            out.update(_words(c))
    return out


class _TokenWords:
    """A token's object, particle and modifier words, each worked out once and only
    when a sense asks for it (a lemma may have many senses)."""

    def __init__(self, tok: Token) -> None:
        self.tok = tok

    @cached_property
    def objs(self) -> set[str]:
        return object_words(self.tok)

    @cached_property
    def preps(self) -> set[str]:
        return prep_words(self.tok)

    @cached_property
    def mods(self) -> set[str]:
        return mod_words(self.tok)


def _complement(tok: Token) -> bool:
    """A verb's clausal complement ("working to regain"); a noun's verb or preposition
    ("took charge", "in charge")."""
    return tok.dep_ in {"xcomp", "ccomp"} or tok.pos_ in NOUN_POS and tok.dep_ in {"dobj", "pobj"}


def _matches(sense: Sense, tok: Token, words: _TokenWords) -> bool:
    if sense.objs and not (sense.objs & words.objs):
        return False
    if sense.preps and not (sense.preps & words.preps):
        return False
    if sense.govs and not (_complement(tok) and tok.head.lemma_.lower() in sense.govs):
        return False
    return not (sense.mods and not (sense.mods & words.mods))


ATTRIBUTIVE_LEFT = {"'s", "\u2019s", "the", "a", "an", "its", "their", "his", "her", "our", "this", "these"}


def _attributive(tok: Token) -> bool:
    """A participle used as an adjective even where the parser made it a verb:
    "the regime's sanctioned foreign minister"."""
    return tok.tag_ == "VBN" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ATTRIBUTIVE_LEFT


def choose_sense(tok: Token, lex: Lexicon) -> Sense | None:
    if tok.pos_ in VERB_POS and tok.dep_ not in SKIP_DEPS and not _attributive(tok):
        pos = "verb"
    elif tok.pos_ in NOUN_POS and (tok.dep_ != "compound" or tok.head.lemma_.lower() in COMPOUND_HEADS):
        pos = "noun"
    else:
        return None
    lemma = tok.lemma_.lower()
    senses = lex.senses(lemma, pos) or lex.senses(tok.lower_, pos)
    if not senses:
        return None
    words = _TokenWords(tok)
    for sense in senses:
        if _matches(sense, tok, words):
            return sense
    return None


def find_triggers(sent: Span) -> list[Trigger]:
    """Triggers in the sentence; complements of another trigger are dropped
    ("agreed to exchange", "threatened to deport", "signed an agreement")."""
    lex = lexicon()
    found: dict[int, Trigger] = {}
    for tok in sent:
        sense = choose_sense(tok, lex)
        if sense is not None and sense.category != "NONE":
            found[tok.i] = Trigger(tok, sense)
    _obligations(sent, found)
    return [t for t in found.values() if not _subsumed(t, found)]


OBLIGATION = {"must", "should"}


def _obligations(sent: Span, found: dict[int, Trigger]) -> None:
    """'X said Y must drop barriers' -> a REQUEST by X (on the speech verb)."""
    speech = cues()["speech_verbs"]
    for tok in sent:
        if tok.lower_ in OBLIGATION and tok.dep_ == "aux":
            clause = tok.head
            head = clause.head
            if clause.dep_ == "ccomp" and head.lemma_.lower() in speech and head.i not in found:
                found[head.i] = Trigger(head, Sense("must", "REQUEST", None, "verb"))


PROMISE_VERBS = {"ready", "willing", "prepared", "promise", "pledge", "vow", "offer", "agree", "decide"}
THREAT_INNER = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}
SPEECH_ACTS = {"REQUEST", "THREATEN", "AGREE", "REJECT", "ACCUSE"}
COMPOUND_HEADS = {"effort", "bid", "process", "mission", "initiative", "plan", "operation",
                  "program", "programme", "campaign", "round", "team", "deal", "attempt", "force"}
# "since the takeover", "after the talks": a time anchor. Not "during": "agreed during a
# visit by X" reports the visit
TEMPORAL_PREPS = {"since", "after", "before", "until", "following", "prior", "amid"}


def _subsumed(trig: Trigger, found: dict[int, Trigger]) -> bool:
    tok = trig.token
    head = tok.head
    if head.i == tok.i:
        return False
    if trig.is_noun and tok.dep_ == "pobj" and head.lower_ in TEMPORAL_PREPS:
        return True  # "since the takeover": a time anchor, not a reported event
    if tok.dep_ == "ccomp" and not trig.is_noun and _speech_act_object(head, found):
        return True  # "reiterated its demand that Israel ease ..."
    if tok.dep_ == "advcl" and head.i in found and found[head.i].category == "PROTEST" \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
        return True  # "demonstrated calling for independence": the protest's demand
    if tok.dep_ in {"xcomp", "ccomp", "acl"} and head.i in found and not trig.is_noun:
        gov = found[head.i]
        if tok.dep_ == "acl" and not (gov.is_noun and gov.category in SPEECH_ACTS):
            return False
        trig.governor = head
        if gov.sense.lemma in PROMISE_VERBS and trig.category in THREAT_INNER:
            gov.sense = Sense(gov.sense.lemma, "THREATEN", None, gov.sense.pos)
        return True
    if trig.is_noun:
        anchor = head.head if tok.dep_ == "pobj" else head
        if tok.dep_ in {"dobj", "pobj", "attr", "nsubjpass"} and anchor.i in found:
            gov = found[anchor.i]
            # "sought recognition": the object is what the verb is about
            if not gov.is_noun and anchor.i != tok.i:
                return True
    return False


def _speech_act_object(verb: Token, found: dict[int, Trigger]) -> bool:
    return any(c.dep_ == "dobj" and c.i in found and found[c.i].is_noun
               and found[c.i].category in SPEECH_ACTS for c in verb.children)


def light_verb_of(tok: Token) -> Token | None:
    """The verb whose object (or prepositional object) the event noun is: 'held talks'."""
    head = tok.head
    if tok.dep_ in {"dobj", "attr", "nsubjpass", "oprd"} and head.pos_ in {"VERB", "AUX"}:
        return head
    if tok.dep_ == "pobj" and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return light_verb_of(head.head)  # "launched ten days of war games"
    if tok.dep_ in {"conj", "compound"}:
        return light_verb_of(head)
    return None


def is_light(tok: Token) -> bool:
    return tok.lemma_.lower() in cues()["light_verbs"]
