"""Dates at the precision the text supports: "2025", "2025-03", "2025-03-12".

A date is an interval of days; two reports agree on the date when their
intervals overlap ("2025" contains "2025-03"; "2025-03" and "2025-09" do not
meet), with a small tolerance when both give a day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
PRECISIONS = ("year", "month", "day")


@lru_cache(maxsize=8192)
def parse(value: str | None) -> tuple[date, date, str] | None:
    """(first day, last day, precision) of an ISO date or date-time, None if unreadable."""
    if not value:
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3) and m.group(2):
            day = date(year, int(m.group(2)), int(m.group(3)))
            return day, day, "day"
        if m.group(2):
            month = int(m.group(2))
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last), "month"
        return date(year, 1, 1), date(year, 12, 31), "year"
    except ValueError:
        return None


def normalise(value: str | None) -> str | None:
    """The ISO date at its own precision ("2025-03-12T10:00Z" -> "2025-03-12")."""
    parsed = parse(value)
    if not parsed:
        return None
    lo, _, precision = parsed
    return lo.isoformat()[: {"year": 4, "month": 7, "day": 10}[precision]]


def precision_rank(value: str | None) -> int:
    parsed = parse(value)
    return PRECISIONS.index(parsed[2]) + 1 if parsed else 0


def compatible(a: str | None, b: str | None, day_tolerance: int = 0) -> bool:
    """True when either is undated or their intervals overlap."""
    pa, pb = parse(a), parse(b)
    if not pa or not pb:
        return True
    tol = timedelta(days=day_tolerance if pa[2] == pb[2] == "day" else 0)
    return pa[0] <= pb[1] + tol and pb[0] <= pa[1] + tol


def coarser(a: str, b: str) -> str:
    """The coarser precision of two dates ("year" for "2025" vs "2025-03-12")."""
    ra, rb = precision_rank(a), precision_rank(b)
    return PRECISIONS[min(ra, rb) - 1]


def month_keys(value: str | None, day_tolerance: int = 0) -> list[str]:
    """"YYYY-MM" of a dated-to-month-or-day value, plus the neighbouring month
    when a day lies within the tolerance of the month's edge."""
    parsed = parse(value)
    if not parsed or parsed[2] == "year":
        return []
    lo, hi, _ = parsed
    keys = {lo.isoformat()[:7]}
    tol = timedelta(days=day_tolerance) if parsed[2] == "day" else timedelta(0)
    keys.add((lo - tol).isoformat()[:7])
    keys.add((hi + tol).isoformat()[:7])
    return sorted(keys)


def year(value: str | None) -> str | None:
    parsed = parse(value)
    return str(parsed[0].year) if parsed else None


def most_precise(values: list[str]) -> str | None:
    """The most precise of mutually compatible values (the first on ties)."""
    best: str | None = None
    for v in values:
        if best is None or precision_rank(v) > precision_rank(best):
            best = v
    return best


def best(counts: dict[str, int]) -> str | None:
    """The best-supported of several reported dates: the one most reports are
    compatible with, then the most precise, then the most often given."""
    if not counts:
        return None

    def support(v: str) -> tuple[int, int, int]:
        agree = sum(c for w, c in counts.items() if compatible(v, w))
        return agree, precision_rank(v), counts[v]

    return max(sorted(counts), key=support)


def before(a: str, b: str, day_tolerance: int = 0) -> bool:
    """True when all of `a` lies before the start of `b` (beyond the tolerance)."""
    pa, pb = parse(a), parse(b)
    if not pa or not pb:
        return False
    return pa[1] + timedelta(days=day_tolerance) < pb[0]


def published_apart(a: str | None, b: str | None, days: int) -> bool:
    """True when both publication dates are known to the day or month and lie more
    than `days` apart."""
    pa, pb = parse(a), parse(b)
    if not pa or not pb or "year" in (pa[2], pb[2]):
        return False
    return abs((pa[0] - pb[0]).days) > days


def span_union(a: list[str], b: list[str]) -> list[str]:
    """The smallest [first, last] day span covering both ([] is unknown)."""
    if not a or not b:
        return list(a or b)
    return [min(a[0], b[0]), max(a[1], b[1])]


def spans_meet(a: list[str], b: list[str], day_tolerance: int = 0) -> bool:
    """True when either span is unknown or they overlap (within the tolerance)."""
    if not a or not b:
        return True
    tol = timedelta(days=day_tolerance)
    a0, a1, b0, b1 = (date.fromisoformat(x) for x in (*a, *b))
    return a0 <= b1 + tol and b0 <= a1 + tol
