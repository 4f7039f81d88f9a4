"""What the reports of one story agree and disagree on.

Each detail (date, location, participants, level, mode, quantities in the
evidence, status) is read from every report that states it; equal or nested
values agree ("2025" and "2025-03"), different ones disagree, each value with
the articles that state it. In a story with several reports, a detail that only
one of them states is `unconfirmed`, not agreed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from diplotrack.models import Event
from diplotrack.stories import dates, lifecycle, numbers, text

Report = tuple[str, Event]  # (article id, the event as that article reports it)
Claims = dict[str, list[dict[str, Any]]]


def build(reports: list[Report]) -> Claims:
    claims: Claims = {"agree": [], "disagree": [], "unconfirmed": []}
    several = len({a for a, _ in reports}) > 1
    _detail = partial(_add_detail, several=several)
    _detail(claims, "date", {a: dates.normalise(e.date) for a, e in reports},
            lambda x, y: dates.compatible(x, y), dates.most_precise)
    _detail(claims, "location", {a: _place(e) for a, e in reports}, _same_place, _first,
            show=lambda v: v[1])
    _detail(claims, "participants", {a: _people(e) for a, e in reports}, show=list)
    _detail(claims, "mode", {a: e.mode for a, e in reports})
    _detail(claims, "status", {a: lifecycle.event_status(e) for a, e in reports})
    names = {p.id: p.name or p.id for _, e in reports for p in e.participants()}
    for pid in sorted(names):
        _detail(claims, "level", {a: _level(e, pid) for a, e in reports},
                extra={"participant": pid, "participant_name": names[pid]})
    for subject in sorted({q.subject for _, e in reports for q in _quantities(e)}):
        _detail(claims, "number", {a: _mention(e, subject) for a, e in reports},
                lambda x, y: x[0] == y[0], _first, extra={"subject": subject}, show=lambda v: v[1])
    return _named(claims, names)


def _named(claims: Claims, names: dict[str, str]) -> Claims:
    """Participants by name beside their ids (`names` on a participants value): readers
    show names, never ids."""
    for group in claims.values():
        for claim in group:
            if claim["detail"] == "participants":
                for entry in claim.get("values") or [claim]:
                    entry["names"] = [names.get(pid, pid) for pid in entry["value"]]
    return claims


def _add_detail(claims: Claims, name: str, by_article: dict[str, Any],
                same: Callable[[Any, Any], bool] | None = None,
                pick: Callable[[list[Any]], Any] | None = None,
                extra: dict[str, Any] | None = None,
                show: Callable[[Any], Any] | None = None, *, several: bool = False) -> None:
    """Group the articles by the value they give; one group agrees, several disagree."""
    same = same or (lambda x, y: x == y)
    groups: list[tuple[list[Any], list[str]]] = []
    for article_id, value in by_article.items():
        if value in (None, "", ()):
            continue
        for values, articles in groups:
            if all(same(value, v) for v in values):
                values.append(value)
                if article_id not in articles:
                    articles.append(article_id)
                break
        else:
            groups.append(([value], [article_id]))
    if not groups:
        return
    pick = pick or _first
    show = show or (lambda v: v)
    entries = [{"value": show(pick(v)), "article_ids": a} for v, a in groups]
    head = {"detail": name, **(extra or {})}
    if len(entries) == 1:
        lone = several and len(entries[0]["article_ids"]) == 1
        claims["unconfirmed" if lone else "agree"].append({**head, **entries[0]})
    else:
        claims["disagree"].append({**head, "values": entries})


def _first(values: list[Any]) -> Any:
    return values[0]


def _place(e: Event) -> tuple[str | None, str] | None:
    if not e.location or not e.location.name:
        return None
    return (e.location.country or None), e.location.name


def _same_place(x: tuple[str | None, str], y: tuple[str | None, str]) -> bool:
    """The same place, or places in one country ("Kabul" within "Afghanistan")."""
    if text.fold(x[1]) == text.fold(y[1]):
        return True
    return bool(x[0] and x[0] == y[0])


def _people(e: Event) -> tuple[str, ...]:
    return tuple(sorted({p.id for p in e.participants() if p.id}))


def _level(e: Event, pid: str) -> str | None:
    return next((p.level for p in e.participants() if p.id == pid and p.level), None)


def _quantities(e: Event) -> list[numbers.Quantity]:
    return [q for ev in e.evidence for q in numbers.quantities(ev.sentence)]


def _mention(e: Event, subject: str) -> tuple[float | None, str] | None:
    for ev in e.evidence:
        found = numbers.mentions(ev.sentence, subject)
        if found:
            return found[0].number, found[0].phrase
    return None
