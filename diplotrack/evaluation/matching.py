"""Matching system events to gold events (shared/gold/README.md rules)."""

from __future__ import annotations

import calendar

from diplotrack.evaluation.gold import GoldEvent, norm
from diplotrack.models import Event, Participant


def participant_keys(p: Participant) -> set[str]:
    return {norm(v) for v in (p.name, p.id, p.country, p.affiliation, p.text) if v}


def matches(ev: Event, gold: GoldEvent, groups: dict[str, set[str]]) -> bool:
    if ev.event_type not in gold.types:
        return False
    keys = [participant_keys(p) for p in ev.participants()]
    return all(any(k & groups[g] for k in keys) for g in gold.participants)


def assign(events: list[Event], golds: list[GoldEvent], groups: dict[str, set[str]]) -> dict[int, int]:
    """Maximum matching gold index -> event index; required gold events are placed first.

    Kuhn's augmenting paths: once a gold event is matched it stays matched, so
    matching the required ones first maximises them before any optional one.
    """
    cand = {gi: [ei for ei, ev in enumerate(events) if matches(ev, g, groups)]
            for gi, g in enumerate(golds)}
    owner: dict[int, int] = {}  # event index -> gold index

    def augment(gi: int, seen: set[int]) -> bool:
        for ei in cand[gi]:
            if ei in seen:
                continue
            seen.add(ei)
            if ei not in owner or augment(owner[ei], seen):
                owner[ei] = gi
                return True
        return False

    order = [i for i, g in enumerate(golds) if g.required] + [i for i, g in enumerate(golds) if not g.required]
    for gi in order:
        augment(gi, set())
    return {gi: ei for ei, gi in owner.items()}


def date_ok(system: str | None, gold_value: str) -> bool:
    """The system date lies inside the gold date's span ('2025-07' needs a day or month in July)."""
    if not system:
        return False
    lo, hi = span(gold_value)
    slo, shi = span(system)
    return lo <= slo and shi <= hi


def span(value: str) -> tuple[str, str]:
    """The first and last day an ISO date of any precision covers (weeks: 2025-W38)."""
    value = value[:10]
    if "-W" in value:
        import datetime as dt

        year, week = value.split("-W")
        start = dt.date.fromisocalendar(int(year), int(week[:2]), 1)
        return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{value}-01", f"{value}-{last:02d}"
    return value, value


def location_ok(ev: Event, accepted: list[str]) -> bool:
    if not ev.location:
        return False
    wanted = {norm(a) for a in accepted}
    return bool({norm(ev.location.name), norm(ev.location.country or "")} & wanted)
