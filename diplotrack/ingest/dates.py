"""Dates of publication: parse input values and recognise a date line in a text header.

Only explicit dates are read; nothing here ever falls back to today's date.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                  r"(?:Z|[+-]\d{2}:?\d{2})?)?\b")
_SLASH_YMD = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b")
_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})\b")
# what may surround a date on a header line ("Published Monday, Sept. 21, 2025 at 5:02 p.m. EDT",
# "Originally published 05/03/2013 @ 10:20am PDT", "Updated 0947 GMT (1747 HKT)")
_FILLER = re.compile(
    r"\b(published|publish|updated|posted|released|edited|time|originally|first|last|date|dated|on|at|as of|"
    r"mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(r(s(day)?)?)?|fri(day)?|sat(urday)?|sun(day)?|"
    r"\d{1,2}(:\d{2}){1,2}\s*(a\.?m\.?|p\.?m\.?|a|p)?|\d{1,2}([.]\d{2})?\s*(a\.?m\.?|p\.?m\.?)|"
    r"[012]\d[0-5]\d|[ecmp][sd]t|utc|gmt|bst|cet|cest|ist|pkt|aest|hkt|uk|"
    r"et|pt|a\.?m\.?|p\.?m\.?)\b|@",
    re.I,
)
# a header line as a word-by-word tokeniser leaves it: "05 / 03 / 2013 at 10: 20 AM"
_SPACED = re.compile(r"(?<=\d) ?([:/]) ?(?=\d)|(?<=\w) (?=[,.](?:\s|$))")
_SPACED_ISO = re.compile(r"\b(\d{4}) - (\d{1,2}) - (\d{1,2})\b")


def _ymd(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first explicit calendar date in `text` as (YYYY-MM-DD, match)."""
    for pattern, order in ((_ISO, "ymd"), (_SLASH_YMD, "ymd"), (_MDY, "mdy"), (_DMY, "dmy")):
        m = pattern.search(text)
        if not m:
            continue
        g = m.groups()
        if order == "ymd":
            iso = _ymd(int(g[0]), int(g[1]), int(g[2]))
        elif order == "mdy":
            iso = _ymd(int(g[2]), _MONTHS[g[0].lower()[:3]], int(g[1]))
        else:
            iso = _ymd(int(g[2]), _MONTHS[g[1].lower()[:3]], int(g[0]))
        if iso:
            return iso, m
    m = _NUMERIC.search(text)
    if m:
        a, b, y = int(m.group(1)), int(m.group(3)), _full_year(m.group(4))
        # only unambiguous numeric dates: one part above 12, or both the same
        if a > 12 >= b or a == b:
            iso = _ymd(y, b, a)
        elif b > 12 >= a:
            iso = _ymd(y, a, b)
        else:
            iso = None
        if iso:
            return iso, m
    return None


def _full_year(year: str) -> int:
    """'2005' -> 2005; a two-digit year ('11/28/05') is in the last century only
    when it would otherwise lie in the future."""
    if len(year) == 4:
        return int(year)
    this = date.today().year
    full = 2000 + int(year)
    return full if full <= this else full - 100


def date_line(line: str) -> str | None:
    """YYYY-MM-DD when the whole line is a date (with weekday, time, 'Published' ...)."""
    line = _SPACED_ISO.sub(r"\1-\2-\3", _SPACED.sub(lambda m: m.group(1) or "", line))
    if len(line) > 80:
        return None
    found = find_date(line)
    if not found:
        return None
    iso, rest = found[0], line
    while found:  # "Posted: Nov 27, 2005 ... Updated: Nov 28, 2005": the first is the date
        rest = rest[: found[1].start()] + " " + rest[found[1].end():]
        found = find_date(rest)
    rest = _FILLER.sub(" ", rest)
    return iso if not re.sub(r"[\s,|:;()\-–—/.•·]+", "", rest) else None


def normalise_date(value: object) -> str | None:
    """An input's date (ISO string, datetime, '21 September 2025', RFC 2822) -> YYYY-MM-DD."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    found = find_date(value)
    if found:
        return found[0]
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


# a dateline that carries the date: "Islamabad, April 19, 2025:", "Tashkent, 27 July 2022 (TDI):",
# "MOSCOW, April 17, 2025 /TASS/." (the place, the date with its year, an agency, then the report)
_DATED_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,3}),\s*(?P<date>[^:—–()/]{6,40}?)\s*"
    r"(?:\((?P<agency>[^)]{1,40})\)|/[^/]{1,20}/)?\s*(?:—|–|--|-|:|\.)\s")


def dateline_place_and_date(paragraph: str) -> tuple[str, str] | None:
    """(place, YYYY-MM-DD) of a dateline that gives the full date at the start of a report."""
    m = _DATED_DATELINE.match(paragraph)
    if not m:
        return None
    found = find_date(m.group("date"))
    if not found or found[1].start() > 1 or m.group("date")[found[1].end():].strip(" ,"):
        return None
    return m.group("place"), found[0]


def dateline_date(paragraph: str) -> str | None:
    found = dateline_place_and_date(paragraph)
    return found[1] if found else None
