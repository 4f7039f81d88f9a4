"""The registry gazetteer: two PhraseMatchers built from the registry's aliases.

Multi-token names match on LOWER ("al qaeda" = "Al Qaeda"); single tokens and
acronyms match on ORTH in their written, capitalised and upper-case forms, so
that "US" never matches the pronoun "us" nor "Turkey" the bird. Dot and hyphen
variants are generated ("U.S." / "US" / "U.S", "al-Qaeda" / "al Qaeda").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import cast

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from diplotrack.actors.registry import Registry
from diplotrack.models import Location, Participant

_ARABIC_ARTICLE = re.compile(r"\b(al|el|ad|ar|as|ash|at|az) (?=[A-Z])", re.IGNORECASE)


@dataclass
class Cand:
    """A candidate actor mention: a registry actor or a participant for an unknown one."""

    start: int
    end: int
    actor_id: str | None = None
    via: str = "registry"
    rank: int = 0
    is_capital: bool = False
    level: str | None = None
    unknown: Participant | None = None
    place: Location | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return self.end - self.start


def _is_acronym(s: str) -> bool:
    bare = s.replace(".", "").replace("-", "")
    return bare.isupper() or any(ch.isdigit() for ch in bare)


def variants(surface: str) -> set[str]:
    """Written variants of a name: dots, hyphens and the Arabic article."""
    out = {surface}
    if "." in surface:
        out.add(surface.replace(".", ""))
        if surface.endswith(".") and _is_acronym(surface):
            out.add(surface[:-1])
    for v in list(out):
        if "-" in v:
            out.add(v.replace("-", " "))
        if _ARABIC_ARTICLE.search(v):
            out.add(_ARABIC_ARTICLE.sub(lambda m: m.group(1) + "-", v))
    return {v.strip() for v in out if v.strip()}


def _orth_forms(v: str) -> set[str]:
    if _is_acronym(v):
        return {v}
    return {v, v[:1].upper() + v[1:], v.upper()}


class Gazetteer:
    """Phrase patterns for every alias of a registry, for one vocab."""

    def __init__(self, vocab: Vocab, registry: Registry) -> None:
        from spacy.lang.en import English

        self.registry = registry
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.orth = PhraseMatcher(vocab, attr="ORTH")
        # Language.tokenizer may be any callable; English's default one is a Tokenizer
        tok = cast(Tokenizer, English(vocab=vocab).tokenizer)
        lower: dict[str, set[str]] = {}
        orth: dict[str, set[str]] = {}
        for key, surfaces in registry.surfaces.items():
            for s in surfaces:
                for v in variants(s):
                    multi = len(v.split()) > 1 or len(tok(v)) > 1
                    if multi:
                        lower.setdefault(key, set()).add(v)
                    else:
                        orth.setdefault(key, set()).update(_orth_forms(v))
        for key, texts in lower.items():
            self.lower.add(key, list(tok.pipe(sorted(texts))))
        for key, texts in orth.items():
            self.orth.add(key, list(tok.pipe(sorted(texts))))

    def __call__(self, doc: Doc) -> Iterator[Cand]:
        strings = doc.vocab.strings
        for matcher in (self.lower, self.orth):
            for match_id, start, end in matcher(doc):
                key = strings[match_id]
                for alias in self.registry.aliases.get(key, []):
                    yield Cand(start, end, alias.actor_id, alias.via, alias.rank, alias.is_capital)

