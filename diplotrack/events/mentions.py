"""Actor mentions indexed by token for argument finding (`doc._.actors`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from diplotrack.events.generic import DocSetting
from diplotrack.events.generic import mentions as generic_mentions
from diplotrack.nlp.extensions import ActorMention

DASHES = {"\u2014", "\u2013", "--", "-"}


SEPARATORS = DASHES | {":"}
DATELINE_POS = {"PROPN", "PUNCT", "NUM", "SPACE"}


def dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of a leading dateline ("ISLAMABAD, Pakistan —", "Islamabad, April 19, 2025:",
    "KABUL (Pajhwok):"): a place, a date or an agency before a dash or colon, no verb
    among them. Never arguments."""
    out: set[int] = set()
    for sent in doc.sents:
        first = sent[0]
        upper = first.is_upper and first.is_alpha and len(first) > 2
        for tok in sent[:14]:
            sep = tok.text in SEPARATORS or (tok.is_punct and tok.text.endswith(":"))  # "):"
            if sep and tok.i > sent.start and (upper and tok.text in DASHES or all(
                    t.pos_ in DATELINE_POS or t.ent_type_ == "DATE" or t.ent_type_ == "GPE"
                    for t in doc[sent.start:tok.i])):
                out.update(range(sent.start, tok.i + 1))
                break
    return out


class MentionIndex:
    """Token index -> ActorMention, plus a per-Doc memory of recent subjects."""

    def __init__(self, doc: Doc, setting: DocSetting | None = None) -> None:
        self.doc = doc
        self.by_token: dict[int, ActorMention] = {}
        self.recent: list[ActorMention] = []  # subjects of earlier sentences, latest last
        self.sides: list[ActorMention] = []  # the two sides of the meeting reported last
        self.heads: dict[str, list[tuple[int, ActorMention]]] = {}
        skip = dateline_tokens(doc)
        for m in doc._.actors or []:
            if m.start in skip:
                continue
            for i in range(m.start, m.end):
                self.by_token.setdefault(i, m)
            last = doc[m.end - 1]
            noun = last.head if last.dep_ in {"compound", "amod", "nmod", "poss"} else last
            if noun.pos_ == "NOUN":
                self.heads.setdefault(noun.lemma_.lower(), []).append((noun.i, m))
        if setting is not None:  # "police", "the gunman", "two students"
            for m in generic_mentions(doc, skip | set(self.by_token), setting, self.by_token):
                self.by_token[m.start] = m

    def antecedent(self, head: Token) -> ActorMention | None:
        """'the officials' -> the latest earlier 'Taliban officials' (same head noun)."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in head.children):
            return None
        found = [m for i, m in self.heads.get(head.lemma_.lower(), []) if i < head.i]
        return found[-1] if found else None

    def at(self, tok: Token) -> ActorMention | None:
        return self.by_token.get(tok.i)
