"""Generic patterns around registry mentions, applied per mention (not per token):

    "<State|Demonym> ['s] <cue>"   Belgian Foreign Ministry, Moroccan diplomats, Pakistan's ambassador
    "<cue> <State>"                Government of Pakistan
    "[<Affiliation>] [modifiers] <Title> <Person>"
                                   White House counterterrorism director Sebastian Gorka
"""

from __future__ import annotations

from spacy.tokens import Doc

from diplotrack.actors.levels import POSSESSIVE, Cue, cues
from diplotrack.actors.matcher import Cand
from diplotrack.actors.registry import Registry

STATE_KINDS = {"state", "de_facto_government"}


def _free(taken: list[bool], start: int, end: int) -> bool:
    return 0 <= start <= end <= len(taken) and not any(taken[start:end])


def _lower(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.lower_ for t in doc[start:end])


def _apply(reg: Registry, c: Cand, cue: Cue, start: int, end: int) -> Cand:
    actor_id = c.actor_id
    if cue.body and actor_id:
        actor_id = reg.body(actor_id, cue.body, cue.name or "{state} " + cue.body).id
    extra = {**c.extra, "pattern": True}
    if cue.sector:
        extra["sector"] = cue.sector
    return Cand(start, end, actor_id, "registry", c.rank, False, cue.level or c.level, extra=extra)


def extend_state(doc: Doc, c: Cand, reg: Registry, taken: list[bool]) -> Cand | None:
    """A longer mention when a state/de facto mention carries a cue word; else None."""
    tables = cues()
    j = c.end
    if j < len(doc) and doc[j].lower_ in POSSESSIVE and c.via != "demonym":
        j += 1
    for n in range(min(4, len(doc) - j), 0, -1):
        words = _lower(doc, j, j + n)
        cue = tables.suffixes.get(words)
        if cue is None or not _free(taken, j, j + n) or doc[j + n - 1].is_punct:
            continue
        if words in tables.titles and _name_follows(doc, j + n):
            continue  # "Serbian President Kostunica": the title goes to the person
        return _apply(reg, c, cue, c.start, j + n)
    for n in range(min(5, c.start), 0, -1):
        cue = tables.prefixes.get(_lower(doc, c.start - n, c.start))
        if cue is not None and _free(taken, c.start - n, c.start):
            return _apply(reg, c, cue, c.start - n, c.end)
    return None


def _name_follows(doc: Doc, i: int) -> bool:
    return i < len(doc) and (doc[i].ent_type_ == "PERSON" or (doc[i].pos_ == "PROPN" and doc[i].is_title))


def _before_acronym(doc: Doc, k: int) -> int:
    """The token before a parenthesised acronym ending at `k` ("al Qaeda (AQ) leader"), else k."""
    if k >= 2 and doc[k].text == ")" and doc[k - 1].is_upper and doc[k - 2].text == "(":
        return k - 3
    return k


def title_before(doc: Doc, start: int, taken: list[bool]) -> tuple[int, str | None, int | None]:
    """(new start, level, index of the token ending an affiliation mention or None)
    for the title words right before a person's name at `start`."""
    tables = cues()
    p, level = start, None
    while True:
        hit = next((n for n in range(min(4, p), 0, -1)
                    if _lower(doc, p - n, p) in tables.titles and _free(taken, p - n, p)), 0)
        if not hit:
            break
        level = level or tables.titles[_lower(doc, p - hit, p)]
        p -= hit
    if level is None:
        return start, None, None
    q = p
    for _ in range(tables.modifier_max + 1):
        k = q - 1
        if k >= 0 and doc[k].lower_ in POSSESSIVE:
            k -= 1
        k = _before_acronym(doc, k)
        if k >= 0 and taken[k]:
            return q, level, k
        if k < 0 or not (doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ", "PROPN")) or k != q - 1:
            break
        q = k
    if p > 0 and doc[p - 1].lower_ in ("former", "ex", "then", "acting"):
        p -= 1
    return p, level, None
