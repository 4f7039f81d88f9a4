"""PLOVER auxiliary status of an event mention: historical, future, hypothetical, negation."""

from __future__ import annotations

from spacy.tokens import Token

from diplotrack.events.lexicon import cues

# Categories that describe a stance: negating them states a refusal, which is itself
# a REJECT event that happened ("does not recognise", "will not accept").
STANCE_CATEGORIES = {"AGREE", "SUPPORT", "COOPERATE", "CONCEDE", "AID", "CONSULT"}
STANCE_TAGS = {"VBZ", "VBP", "MD"}
PROMISE_CATEGORIES = {"AID", "COOPERATE", "CONCEDE", "RETREAT", "SUPPORT"}
THREAT_CATEGORIES = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}


def _chain(tok: Token) -> list[Token]:
    """The trigger and the verbs that govern it through complements (up to 3)."""
    out = [tok]
    node = tok
    while node.dep_ in {"xcomp", "ccomp", "dobj", "pobj", "prep", "acomp", "conj", "attr"} \
            and node.head.i != node.i and len(out) < 5:
        node = node.head
        out.append(node)
    return out


def _has_neg(tok: Token) -> bool:
    neg = cues()["negation_words"]
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and tok.pos_ == "NOUN")
               or c.lower_ in neg and c.dep_ in {"neg", "advmod", "preconj"} for c in tok.children)


def _modals(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD"}


def _nobody(tok: Token) -> bool:
    """The verb's subject is a negative quantifier: "no country has recognised", "none
    of them has visited", "neither side agreed"."""
    words = cues()["negative_subjects"]
    for c in tok.children:
        if c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in words or any(
                g.dep_ == "det" and g.lower_ in words for g in c.children)):
            return True
    return False


def negation(tok: Token) -> tuple[bool, bool]:
    """(negated?, stated refusal?) for a trigger token. A negative subject states that
    nobody did it: no refusal of anyone's."""
    c = cues()
    chain = _chain(tok)
    for i, node in enumerate(chain):
        if node.pos_ in {"VERB", "AUX"} and _nobody(node):
            return True, False
        if _has_neg(node):
            stance = bool(_modals(node)) or node.tag_ in STANCE_TAGS or any(
                a.tag_ in STANCE_TAGS for a in node.children if a.dep_ == "aux")
            return True, stance
        lemma = node.lemma_.lower()
        if i > 0 and (lemma in c["negating_verbs"] or lemma in c["negating_adjectives"]):
            return True, False
    return False, False


def is_future(tok: Token) -> bool:
    c = cues()
    for i, node in enumerate(_chain(tok)):
        if _modals(node) & c["modals_future"]:
            return True
        if i > 0 and node.lemma_.lower() in c["intent_verbs"] and tok.dep_ == "xcomp":
            return True
        if any(ch.lower_ == "going" for ch in node.children) and node.tag_ == "VB":
            return True
    return any(ch.lower_ in c["future_markers"] for ch in tok.subtree if ch.dep_ in {"amod", "advmod"})


def is_question(tok: Token) -> bool:
    """The trigger is the main verb of a question ("Will the Taliban agree to ...?"): asked, not reported."""
    return tok.sent.text.rstrip().endswith("?") and any(n.dep_ == "ROOT" for n in _chain(tok))


def is_hypothetical(tok: Token) -> bool:
    c = cues()
    if is_question(tok):
        return True
    for node in [tok, *tok.ancestors]:  # "it is unlikely that X will grant ..."
        if any(ch.dep_ == "acomp" and ch.lower_ in c["hypothetical_words"] for ch in node.children):
            return True
    for node in _chain(tok):
        if _modals(node) & c["modals_hypothetical"]:
            return True
        for ch in node.children:
            if ch.dep_ == "mark" and ch.lower_ in c["conditional_markers"]:
                return True
        if any(ch.dep_ in {"acomp", "advmod"} and ch.lower_ in c["hypothetical_words"]
               for ch in node.children):
            return True
        if node.dep_ == "advcl" and any(
                ch.dep_ == "mark" and ch.lower_ in c["conditional_markers"] for ch in node.children):
            return True
    return False


def is_historical_word(tok: Token) -> bool:
    """'the former government', 'previous talks', 'once ruled' on the trigger itself."""
    c = cues()
    for ch in tok.children:
        if ch.dep_ == "advmod" and tok.pos_ == "VERB":  # "earlier" on a verb is not history
            if ch.lower_ in c["historical_adverbs"]:
                return True
        elif ch.dep_ in {"amod", "advmod"} and ch.lower_ in c["historical_markers"]:
            return True
    return False


def announced(tok: Token) -> bool:
    """The event is what someone said, announced or decided they will do."""
    c = cues()
    said = c["speech_verbs"] | c["intent_verbs"]
    if any(a.lemma_.lower() in said for a in tok.ancestors):
        return True
    return any(ch.dep_ in {"parataxis", "ccomp", "advcl", "conj"} and ch.lemma_.lower() in said
               and ch.i > tok.i for ch in tok.children)  # "X will provide aid, WFP said"


def conditional(tok: Token) -> bool:
    c = cues()
    return any(ch.dep_ == "mark" and ch.lower_ in c["conditional_markers"]
               for node in _chain(tok) for adv in node.children if adv.dep_ == "advcl"
               for ch in adv.children)
