"""Who an article quotes: speakers of reporting verbs and "according to" sources.

With a parsed Doc: the subject of a reporting verb (or the object of "according to"),
widened to its named entity or noun phrase; "he/she said" goes to the last person
named before it. Without one: capitalised names next to "said"/"according to".
A source is `anonymous` when it is unnamed and described as officials, sources,
diplomats... or when its sentence says it spoke on condition of anonymity.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span, Token

from diplotrack.framing.lexicon import attribution_words
from diplotrack.framing.tokens import Tok

CORE_VERBS = {"say", "tell", "add", "state", "note", "claim", "insist", "argue", "warn",
              "explain", "announce", "confirm", "deny", "write", "declare", "tweet",
              "clarify", "outline", "reiterate"}
PERSON_ENTS = {"PERSON"}
ORG_ENTS = {"ORG", "GPE", "NORP", "FAC"}
ORG_HEADS = {"ministry", "government", "office", "embassy", "commission", "agency",
             "department", "committee", "council", "court", "army", "military", "police",
             "administration", "parliament", "statement", "spokesman", "spokeswoman",
             "spokesperson", "report", "newspaper", "organization", "organisation"}
PRONOUNS = {"he", "she", "him", "her"}
MAX_DESC = 10

Source = tuple[str, bool, str]  # speaker, named, kind


def attributions(text: str, doc: Doc | None, toks: list[Tok] | None = None) -> list[dict[str, Any]]:
    ents = tuple(doc.ents) if doc is not None else ()  # spaCy rebuilds doc.ents per access
    found = _from_doc(doc, ents, toks) if doc is not None else _from_text(text)
    people = [e.text for e in ents if e.label_ in PERSON_ENTS]
    counts = Counter(_merge_surnames(found, people))
    return [
        {"speaker": s, "named": named, "kind": kind, "count": n}
        for (s, named, kind), n in counts.most_common()
    ]


# --- with a parse ---------------------------------------------------------------

def _from_doc(doc: Doc, ents: tuple[Span, ...], toks: list[Tok] | None) -> list[Source]:
    words = attribution_words()
    quoted = {t.start for t in toks or [] if t.quoted}
    out: list[Source] = []
    for sent in doc.sents:
        anonymous = _has_anonymity_cue(sent, words["anonymity_cues"])
        for tok in sent:
            if tok.idx in quoted:
                continue  # a verb inside a quotation is the speaker's, not the article's
            src = _speaker_of(tok, words, doc, ents)
            if src is not None:
                source = _classify(src, anonymous or _next_sentence_cue(doc, sent, words))
                if source is not None:
                    out.append(source)
    return out


def _has_anonymity_cue(span: Span, cues: list[str]) -> bool:
    low = span.text.lower()
    return any(c in low for c in cues)


def _next_sentence_cue(doc: Doc, sent: Span, words: dict[str, Any]) -> bool:
    """"...according to two diplomats. Both spoke on condition of anonymity.\""""
    if sent.end >= len(doc):
        return False
    nxt = doc[sent.end].sent
    return len(nxt) < 25 and _has_anonymity_cue(nxt, words["anonymity_cues"])


def _speaker_of(
    tok: Token, words: dict[str, Any], doc: Doc, ents: tuple[Span, ...]
) -> Span | None:
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
        return _widen(objs[0], ents, doc) if objs else None
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in words["speech_verbs"]:
        return None
    if tok.lemma_.lower() not in CORE_VERBS and not _reports_speech(tok):
        return None
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    if agent is not None:  # "as outlined by spokesperson X"
        objs = [c for c in agent.children if c.dep_ == "pobj"]
        return _widen(objs[0], ents, doc) if objs else None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.lower_ in PRONOUNS:
        return _last_person(ents, tok.i)
    if subj.pos_ == "PRON":
        return None
    return _widen(subj, ents, doc)


def _reports_speech(verb: Token) -> bool:
    """A verb of thinking/feeling reports speech only with a clause or a quotation."""
    if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or verb.dep_ == "parataxis":
        return True
    return any(t.text in ("“", "”", '"') for t in verb.sent)


def _widen(tok: Token, ents: tuple[Span, ...], doc: Doc) -> Span:
    if not tok.ent_type_:  # "the activist Zahra Mousawy": the name, not the description
        tok = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_), tok)
    if tok.ent_type_:
        for ent in ents:
            if ent.start <= tok.i < ent.end:
                return ent
    left = min((t.i for t in tok.subtree if t.dep_ not in ("appos", "relcl", "punct")
                and t.i <= tok.i), default=tok.i)
    right = tok.i + 1
    for t in tok.rights:
        if t.dep_ in ("compound", "amod", "nummod") or (t.dep_ == "prep" and t.i == right):
            right = max(right, t.right_edge.i + 1)
    return doc[max(left, right - MAX_DESC) : right]


def _last_person(ents: tuple[Span, ...], before: int) -> Span | None:
    people = [e for e in ents if e.label_ in PERSON_ENTS and e.end <= before]
    return people[-1] if people else None


def _classify(span: Span, anonymous_cue: bool) -> Source | None:
    label = span.label_ if span.label_ else ""
    name = " ".join(span.text.split())
    if label in PERSON_ENTS and not anonymous_cue:
        return (name, True, "person")
    if label in ORG_ENTS and not anonymous_cue:
        return (_strip_the(name), True, "organisation")
    words = attribution_words()
    head = span.root.lower_
    if span.root.pos_ == "PROPN":
        return (name, True, "person" if len(span) <= 4 else "organisation")
    if head in ORG_HEADS and not anonymous_cue:
        return (_strip_the(name), False, "organisation")
    if head in words["unnamed_heads"] or anonymous_cue and head in ORG_HEADS:
        return (_strip_the(name), False, "anonymous")
    return None  # "the very fact says a great deal": not a source


def _strip_the(name: str) -> str:
    name = " ".join(name.split())
    for det in ("the ", "a ", "an "):
        if name.lower().startswith(det):
            return name[len(det) :]
    return name


def _merge_surnames(found: list[Source], people: list[str]) -> list[Source]:
    """"Kugelman said" after "said Michael Kugelman": one speaker."""
    full = {p.split()[-1]: (p, True, "person") for p in people if " " in p}
    full.update({s.split()[-1]: (s, n, k) for s, n, k in found if n and k == "person" and " " in s})
    return [full.get(s, (s, n, k)) if n and " " not in s else (s, n, k) for s, n, k in found]


# --- without a parse ------------------------------------------------------------

_NAME = r"([A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|al|bin)){0,4})"
_VERBS = r"(?:said|says|told|added|stated|noted|warned|argued|claimed|insisted|explained)"
_PATTERNS = [
    re.compile(_VERBS + r"\s+" + _NAME),
    re.compile(_NAME + r"\s+" + _VERBS + r"\b"),
    re.compile(r"according to\s+(?:the\s+)?" + _NAME),
]
_UNNAMED = re.compile(
    r"according to\s+((?:two|three|four|several|some|one|a|an|many|other)\s+[^,.;]{3,60}?)"
    r"(?=,|\.|;| who)"
)
_NOT_NAMES = {"He", "She", "It", "They", "We", "I", "The", "This", "That", "But", "And"}
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")


def _from_text(text: str) -> list[Source]:
    out: list[Source] = []
    for sentence in _SENTENCES.split(text):
        for pat in _PATTERNS:
            for m in pat.finditer(sentence):
                name = m.group(1).strip(" .,;:'’")
                if name and name.split()[0] not in _NOT_NAMES:
                    kind = "person" if 2 <= len(name.split()) <= 4 else "organisation"
                    out.append((name, True, kind))
        for m in _UNNAMED.finditer(sentence):
            out.append((m.group(1).strip(), False, "anonymous"))
    return out
