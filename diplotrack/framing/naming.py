"""How an article names each actor: the surface forms of its mentions, with counts.

Mentions come from `doc._.actors` (the actors component). A generic label right after
a mention joins it ("Taliban" + "regime" -> "Taliban regime"); a label on its own
("the regime", "the group", "militants") is counted for the article's main actor of
the kinds the label usually refers to (data/actor_labels.yaml).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from diplotrack.framing.lexicon import actor_labels

# Nouns that, right after a mention, make one name with it ("Taliban government").
COMPOUND_HEADS = {"regime", "government", "administration", "authorities", "leadership",
                  "rulers", "militants", "fighters", "movement", "group", "junta",
                  "insurgents", "leaders", "officials"}


def actor_naming(doc: Doc) -> dict[str, dict[str, int]]:
    mentions = getattr(doc._, "actors", None) or []
    if not mentions:
        return {}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    covered: set[int] = set()
    for m in mentions:
        end = _compound_end(doc, m.end)
        covered.update(range(m.start, end))
        forms[m.participant.id][_surface(doc[m.start : end].text)] += 1
    main = _main_actors(mentions)
    for label_text, ids in _generic_labels(doc, covered):
        target = _resolve(ids, main)
        if target:
            forms[target][label_text] += 1
    return {aid: dict(c.most_common()) for aid, c in forms.items()}


def _surface(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text[4:] if text.lower().startswith("the ") else text


def _compound_end(doc: Doc, end: int) -> int:
    if end < len(doc) and doc[end].lower_ in COMPOUND_HEADS:
        return end + 1
    return end


def _main_actors(mentions: list[Any]) -> dict[str, list[str]]:
    """kind -> actor ids by mention count, most mentioned first."""
    counts = Counter(m.participant.id for m in mentions)
    kind_of: dict[str, str] = {}
    for m in mentions:  # the kind its first mention gives
        kind_of.setdefault(m.participant.id, m.participant.kind)
    kinds: dict[str, list[str]] = defaultdict(list)
    for aid, _n in counts.most_common():
        kinds[kind_of[aid]].append(aid)
    return kinds


def _resolve(spec: dict[str, list[str]], main: dict[str, list[str]]) -> str | None:
    present = {aid for ids in main.values() for aid in ids}
    for aid in spec.get("ids", []):
        if aid in present:
            return aid
    for kind in spec.get("kinds", []):
        if main.get(kind):
            return main[kind][0]
    return None


def _generic_labels(doc: Doc, covered: set[int]) -> list[tuple[str, dict[str, list[str]]]]:
    """Generic labels ("the regime", "the bloc") outside actor mentions, longest first.

    One pass over the lower-cased words; a label is tried only where its first word stands.
    """
    labels = actor_labels()
    lengths = _label_lengths()
    lowers = [t.lower_ for t in doc]
    out = []
    i = 0
    while i < len(lowers):
        hit = 0
        for n in lengths.get(lowers[i], ()):
            if i + n <= len(lowers) and tuple(lowers[i : i + n]) in labels \
                    and not any(j in covered for j in range(i, i + n)):
                hit = n
                break
        if not hit:
            i += 1
            continue
        out.append((_surface(doc[i : i + hit].text), labels[tuple(lowers[i : i + hit])]))
        i += hit
    return out


@lru_cache(maxsize=1)
def _label_lengths() -> dict[str, tuple[int, ...]]:
    """First word -> the lengths of the labels that start with it, longest first."""
    by_first: dict[str, set[int]] = {}
    for key in actor_labels():
        by_first.setdefault(key[0], set()).add(len(key))
    return {w: tuple(sorted(ns, reverse=True)) for w, ns in by_first.items()}
