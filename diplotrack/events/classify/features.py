"""What the trained event models see: named sparse features from spaCy tokens.

Words are Snowball stems of their lower case ("Demands", "demanded" -> "demand"),
so a title-case headline and body text share features. Names of actors, places
and people are replaced by what they are ("@state", "@person", "@GPE"), and
numbers by "#": the models learn how events are reported, not who took part.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from diplotrack.events.lexicon import Sense
from diplotrack.events.triggers import object_words, prep_words
from diplotrack.nlp.stem import stem

MASKED_ENTS = {"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC"}
CONTENT_POS = {"NOUN", "VERB", "ADJ", "PROPN", "ADV", "NUM", "ADP"}
OBJ_DEPS = {"dobj", "pobj", "attr", "nsubjpass", "oprd"}
QUOTES = {'"', "\u201c", "\u201d", "\u2018", "\u2019", "'"}

@lru_cache(maxsize=1)
def lexicon_stems() -> dict[str, frozenset[str]]:
    """stem -> the PLOVER categories the trigger lexicon gives any sense of it."""
    from diplotrack.events.lexicon import lexicon

    lex = lexicon()
    out: dict[str, set[str]] = {}
    for table in (lex.verbs, lex.nouns):
        for lemma, senses in table.items():
            key = stem(lemma.split()[0])
            out.setdefault(key, set()).update(s.category for s in senses if s.category != "NONE")
    return {k: frozenset(v) for k, v in out.items() if v}


def lexicon_features(words: list[str], prefix: str) -> dict[str, float]:
    lex = lexicon_stems()
    return {f"{prefix}={c}": 1.0 for w in words for c in lex.get(w, ())}


def actor_kinds(doc: Doc) -> dict[int, str]:
    """token index -> the kind of actor mention covering it (from doc._.actors)."""
    out: dict[int, str] = {}
    for m in doc._.actors or []:
        for i in range(m.start, m.end):
            out[i] = m.participant.kind or "actor"
    return out


def unit(tok: Token, kinds: dict[int, str], mask_ents: bool = True) -> str | None:
    """The feature word of a token, or None for stop words and punctuation."""
    if tok.i in kinds:
        return "@" + kinds[tok.i]
    if mask_ents and tok.ent_type_ in MASKED_ENTS:
        return "@" + tok.ent_type_
    if tok.like_num:
        return "#"
    if tok.is_stop and tok.pos_ not in {"ADP", "PART"} or not tok.is_alpha:
        return None
    return stem(tok.text)


def units(tokens: Iterable[Token], kinds: dict[int, str], mask_ents: bool = True) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        u = unit(tok, kinds, mask_ents)
        if u is not None and (not out or out[-1] != u or not u.startswith("@")):
            out.append(u)
    return out


def common_nouns(tokens: Iterable[Token], kinds: dict[int, str]) -> list[str]:
    """The stems of the words of actor mentions that are not names ("militia",
    "court", "protesters"): the kind of actor tells what kind of event it is in."""
    return [stem(t.text) for t in tokens
            if t.i in kinds and t.is_alpha and not t.is_stop and t.pos_ != "PROPN"]


def bag(words: list[str], prefix: str, bigrams: bool = False) -> dict[str, float]:
    f = {f"{prefix}={w}": 1.0 for w in words}
    if bigrams:
        f.update({f"{prefix}2={a}_{b}": 1.0 for a, b in zip(words, words[1:], strict=False)})
    return f


def headline_features(headline: Doc | None, lede: list[Span],
                      rules: Iterable[str] = ()) -> dict[str, float]:
    """The words of an article's headline (with bigrams) and lede, the PLOVER
    categories the trigger lexicon finds in them, and those of the headline's and the
    lede's main verbs (chosen by grouped cross-validation on the training parts:
    synthetic stories 0.628 -> 0.641, PLOVER records 0.680 -> 0.703)."""
    f: dict[str, float] = {}
    if headline is not None and len(headline):
        hk = actor_kinds(headline)
        words = units(headline, hk, mask_ents=False)
        f.update(bag(words, "h", bigrams=True))
        f.update(bag(common_nouns(headline, hk), "hn"))
        f.update(lexicon_features(words, "hlex"))
        root = next((t for t in headline if t.dep_ == "ROOT"), None)
        if root is not None:
            f[f"hroot={stem(root.text)}"] = 1.0
            f.update(lexicon_features([stem(root.text)], "hrl"))  # what the main verb reports
    kinds = actor_kinds(lede[0].doc) if lede else {}
    for k, sent in enumerate(lede[:2]):
        words = units(sent, kinds)
        f.update(bag(words, "l" if k == 0 else "l2", bigrams=k == 0))
        f.update(bag(common_nouns(sent, kinds), "ln"))
        f.update(lexicon_features(words, "llex"))
        predicate = stem(main_predicate(sent).text)
        f[f"lroot={predicate}"] = 1.0
        if k == 0:
            f.update(lexicon_features([predicate], "lrl"))
    for cat in rules:
        f[f"rule={cat}"] = 1.0
    return f or {"empty": 1.0}


LEDE_PREFIXES = ("l=", "l2=", "ln=", "llex=", "lroot=", "lrl=")


def weigh_lede(feats: dict[str, float], weight: float) -> dict[str, float]:
    """The lede's features scaled by `weight` when the article has a headline: a
    headline says what the story is about, a lede tells more (and more of other
    things). Chosen by grouped cross-validation on the training parts (config.yaml)."""
    if weight == 1.0 or not any(f.startswith("h=") for f in feats):
        return feats
    return {f: v * weight if f.startswith(LEDE_PREFIXES) else v for f, v in feats.items()}


def main_predicate(sent: Span) -> Token:
    """The sentence's main verb; past a reporting verb to what is reported ("X met Y,
    officials said" -> met) and past an intention to what is intended ("X plans to
    remove Y" -> remove)."""
    from diplotrack.events.lexicon import cues

    c = cues()
    root = sent.root
    if root.lemma_.lower() in c["speech_verbs"]:
        for child in root.children:
            if child.dep_ in {"ccomp", "parataxis"} and child.pos_ in {"VERB", "AUX"}:
                root = child
                break
    for _ in range(3):
        if root.lemma_.lower() not in c["intent_verbs"]:
            break
        nxt = next((ch for ch in root.children if ch.dep_ == "xcomp" and ch.pos_ == "VERB"), None)
        if nxt is None:
            break
        root = nxt
    return root


def governor(tok: Token) -> Token | None:
    """The verb an event noun is the object of ("held talks" -> held)."""
    head = tok.head
    if head.i == tok.i:
        return None
    if tok.dep_ == "pobj" and head.head.i != head.i:
        return head.head
    return head if tok.dep_ in OBJ_DEPS else None


def in_quote(tok: Token) -> bool:
    sent = tok.sent
    opened = 0
    for t in sent:
        if t.i >= tok.i:
            break
        if t.text in QUOTES:
            opened += 1
    return opened % 2 == 1


def trigger_features(tok: Token, sense: Sense | None, lede_rank: int | None) -> dict[str, float]:
    """A candidate trigger in its sentence: its word, the lexicon's reading, its
    objects, particles and governing verb, modality and position. (The words of the
    whole sentence are the headline model's; here they blurred candidates apart.)"""
    s = stem(tok.text)
    noun = sense.pos == "noun" if sense else tok.pos_ in {"NOUN", "PROPN"}
    f: dict[str, float] = {f"t={s}": 1.0, f"pos={'noun' if noun else 'verb'}": 1.0,
                           f"dep={tok.dep_}": 1.0}
    if sense is not None:
        f[f"r={sense.category}"] = 1.0
        f[f"rs={s}/{sense.category}"] = 1.0
        if sense.mode:
            f[f"rm={sense.category}/{sense.mode}"] = 1.0
    else:
        f["r=NONE"] = 1.0
    for o in {stem(w) for w in object_words(tok)}:
        f[f"o={o}"] = 1.0
        f[f"to={s}_{o}"] = 1.0
    for p in prep_words(tok):
        f[f"tp={s}_{p}"] = 1.0
    gov = governor(tok) if noun else None
    if gov is not None:
        f[f"g={stem(gov.text)}"] = 1.0
    for c in tok.children:
        if c.dep_ == "neg":
            f["neg"] = 1.0
        elif c.dep_ == "aux" and c.tag_ == "MD":
            f[f"md={c.lower_}"] = 1.0
    if tok.sent.text.rstrip().endswith("?"):
        f["question"] = 1.0
    if in_quote(tok):
        f["quoted"] = 1.0
    f["lede" if lede_rank is not None and lede_rank < 2 else "body"] = 1.0
    return f
