"""Choosing, among a sentence's time expressions and places, those of one event."""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from diplotrack.events.dates import Resolved, TimeExpr, resolve
from diplotrack.events.places import geocode
from diplotrack.models import Location

RELATIVE_PREPS = {"before", "after", "following", "until", "prior", "ahead"}


def _path_score(trigger: Token, head: Token) -> int | None:
    """Steps from the date's head up to the trigger, or 10 x (ancestor rank) + steps."""
    ancestors = [trigger]
    for anc in trigger.ancestors:
        if ancestors[-1].dep_ == "prep" and ancestors[-1].lower_ in RELATIVE_PREPS | {"since"}:
            break  # "since the takeover": the main clause's date is not the takeover's
        ancestors.append(anc)
    rank = {t.i: k for k, t in enumerate(ancestors)}
    node, steps, crossed = head, 0, False
    while True:
        if node.i in rank:
            if rank[node.i] > 0 and crossed:
                return None  # the date belongs to another clause's verb
            return rank[node.i] * 10 + steps
        if node.head.i == node.i or steps > 30:
            return None
        if node.dep_ == "prep" and node.lower_ in RELATIVE_PREPS:
            return None  # "before Thursday's comments": another event's time
        crossed = crossed or (node.pos_ in {"VERB", "AUX"} and steps > 0)
        node, steps = node.head, steps + 1


def choose_date(trigger: Token, exprs: list[tuple[TimeExpr, Resolved | None]],
                published: date | None, future: bool) -> tuple[Resolved | None, str | None]:
    best: tuple[int, TimeExpr, Resolved] | None = None
    sent = trigger.sent
    for expr, res in exprs:
        if res is None or res.granularity in {"ref", "century"}:
            continue
        score = _path_score(trigger, expr.head(sent))
        if score is None:
            continue
        if best is None or score < best[0]:
            best = (score, expr, res)
    if best is None:
        return None, None
    score, expr, res = best
    if future and not res.future and score < 10:
        again = resolve(expr.text, published, future=True)
        res = again or res
    return res, expr.text


def _end(res: Resolved) -> date | None:
    v = res.value
    try:
        if res.granularity == "day":
            return date.fromisoformat(v)
        year = int(v[:4])
        if res.granularity == "month":
            month = int(v[5:7])
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            return nxt - timedelta(days=1)
        if res.granularity == "week":
            y, w = v.split("-W")
            return date.fromisocalendar(int(y), int(w), 7)
        return date(year, 12, 31)
    except ValueError:
        return None


def historical(res: Resolved | None, state) -> bool:
    """Clearly before the article's time frame: over a year before publication,
    or (undated article) two years before the latest year it names."""
    if res is None or res.granularity in {"ref", "century"}:
        return False
    end = _end(res)
    if end is None:
        return False
    if state.published is not None:
        return end < state.published - timedelta(days=365)
    if state.max_year is not None:
        return end.year < state.max_year - 1
    return False


def entity_text(tok: Token, lo: int = 0, hi: int | None = None) -> str:
    """The entity the token is part of, within tokens [lo, hi) (IOB walk, not a scan
    of doc.ents); the token alone when it is in no entity."""
    if not tok.ent_type_:
        return tok.text
    doc = tok.doc
    hi = len(doc) if hi is None else hi
    start, end = tok.i, tok.i + 1
    while start > lo and doc[start].ent_iob_ == "I":
        start -= 1
    while end < hi and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def sentence_place(sent: Span, trigger: Token) -> Location | None:
    """A place named after in/at anywhere in the sentence (weak, for meetings)."""
    for tok in sent:
        if tok.ent_type_ in {"GPE", "LOC", "FAC"} and tok.dep_ == "pobj" \
                and tok.head.lower_ in {"in", "at"}:
            loc = geocode(entity_text(tok, sent.start, sent.end))
            if loc is not None:
                return loc
    return None
