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
    """Maximum matching gold index -> event index (Kuhn's augmenting paths), in three phases.

    1. required gold events, on candidates whose date agrees with theirs;
    2. required gold events, on any candidate;
    3. optional gold events.
    A matched gold event stays matched, so required ones are maximised before any
    optional one, and a later phase never moves a gold event off an agreeing date.
    """
    cand = {gi: [ei for ei, ev in enumerate(events) if matches(ev, g, groups)] for gi, g in enumerate(golds)}
    agrees = {(gi, ei): _date_agrees(events[ei], golds[gi]) for gi, eis in cand.items() for ei in eis}
    owner: dict[int, int] = {}  # event index -> gold index
    held: dict[int, int] = {}  # gold index -> event index

    def options(gi: int, agreeing_only: bool) -> list[int]:
        keep_agreeing = agreeing_only or (gi in held and agrees[(gi, held[gi])])
        return [ei for ei in cand[gi] if agrees[(gi, ei)] or not keep_agreeing]

    def augment(gi: int, seen: set[int], agreeing_only: bool) -> bool:
        for ei in options(gi, agreeing_only):
            if ei in seen:
                continue
            seen.add(ei)
            if ei not in owner or augment(owner[ei], seen, agreeing_only):
                owner[ei], held[gi] = gi, ei
                return True
        return False

    required = [i for i, g in enumerate(golds) if g.required]
    optional = [i for i, g in enumerate(golds) if not g.required]
    for phase, (group, agreeing_only) in enumerate(((required, True), (required, False), (optional, False))):
        for gi in group:
            if phase == 0 or gi not in held:
                augment(gi, set(), agreeing_only)
    return dict(held)


def _date_agrees(ev: Event, gold: GoldEvent) -> bool:
    value = (gold.date or {}).get("value")
    return date_ok(ev.date, str(value)) if value else ev.date is None


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
