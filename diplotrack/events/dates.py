"""Time expressions: find them in a sentence, resolve them against the publication date.

`resolve()` returns a TimeML-style value at the precision the words give
("2025-03", "2025-09-18", "2025-W37", "2024-SU", "PRESENT_REF"); `event_date()`
turns it into the ISO date an event record carries (weeks -> month, seasons ->
year, *_REF -> None). Relative expressions need the publication date; absolute
ones ("in 2025", "March 2025") resolve without it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from diplotrack.events.lexicon import cues

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
         "months": "month", "year": "year", "years": "year"}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "several": None, "few": None}

_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY_RE = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# Expressions the NER model tends to miss or cut short; one pattern, run once per sentence.
FIND_RE = re.compile(
    rf"\b(?:(?:on|last|next|this|that|since|by|until)\s+)?{_DAY_RE}(?:'s)?\b"
    rf"|\b(?:(?:early|late|mid|earlier|later)[\s-]+)?(?:last|next|this|that|past|previous|coming)\s+(?:week|month|year|summer|spring|winter|fall|autumn|weekend)\b"
    rf"|\b(?:(?:early|late|mid)[\s-]+(?:in\s+)?)?{_MONTH_RE}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?\b"
    rf"|\b(?:in\s+)?(?:(?:early|late|mid)[\s-]+)?(?:19|20)\d\d\b"
    rf"|\b(?:today|yesterday|tomorrow|tonight)\b"
    rf"|\b(?:\w+\s+)(?:days|weeks|months|years)\s+ago\b",
    re.IGNORECASE,
)
LEAD_RE = re.compile(r"^(?:the|on|in|at|since|during|by|until|from|of|for|as of)\s+", re.I)


@dataclass
class TimeExpr:
    text: str
    start: int  # token index
    end: int

    def head(self, sent: Span) -> Token:
        span = sent.doc[self.start:self.end]
        return span.root


@dataclass
class Resolved:
    value: str
    granularity: str  # day | week | month | season | year | century | ref
    future: bool = False


def date_entities(doc) -> list[TimeExpr]:
    """The Doc's DATE/TIME entities, once per Doc (Span.ents scans the whole Doc);
    a house number taken for a year ("2088 Philip Street") is none."""
    return [TimeExpr(e.text, e.start, e.end) for e in doc.ents
            if e.label_ in {"DATE", "TIME"} and not _house_number(e)]


def _house_number(span: Span) -> bool:
    if not span.text.isdigit():
        return False
    after = span.doc[span.end: span.end + 3]
    return any(t.lower_.rstrip(".") in cues()["address_words"] for t in after if t.is_title)


def find_expressions(sent: Span, entities: list[TimeExpr] | None = None) -> list[TimeExpr]:
    """DATE entities plus pattern matches, longest first, without overlaps."""
    doc = sent.doc
    if entities is None:
        entities = date_entities(doc)
    # entities are in document order: take the sentence's slice by bisection, not a scan
    lo = bisect_left(entities, sent.start, key=lambda e: e.start)
    hi = bisect_left(entities, sent.end, key=lambda e: e.start)
    cands = entities[lo:hi]
    for m in FIND_RE.finditer(sent.text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(),
                             alignment_mode="expand")
        if span is not None and not _house_number(span):
            cands.append(TimeExpr(span.text, span.start, span.end))
    cands.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[TimeExpr] = []
    for c in cands:
        if out and c.start < out[-1].end:
            if c.end - c.start > out[-1].end - out[-1].start and c.start == out[-1].start:
                out[-1] = c
            continue
        out.append(c)
    return out


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _month_year(month: int, pub: date, future: bool | None) -> int:
    if future is None:  # tense unknown: the nearest such month
        ahead = (month - pub.month) % 12
        return pub.year + (pub.month + ahead > 12) if ahead < 6 else pub.year - (month > pub.month)
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift(pub: date, unit: str, n: int) -> Resolved:
    if unit == "day":
        return Resolved((pub - timedelta(days=n)).isoformat(), "day")
    if unit == "week":
        return Resolved(_week(pub - timedelta(weeks=n)), "week")
    if unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        return Resolved(f"{y:04d}-{m + 1:02d}", "month")
    return Resolved(f"{pub.year - n:04d}", "year")


def _weekday(day: int, pub: date, rel: str, future: bool | None) -> Resolved:
    delta = (pub.weekday() - day) % 7
    if rel == "next" or (future and rel != "last"):
        # wire style writes the day's name for "today" (AP: not "today", the weekday):
        # "will visit Kabul on Sunday" filed on a Sunday is that day; "next Sunday" is not
        ahead = (day - pub.weekday()) % 7 or (7 if rel == "next" else 0)
        d = pub + timedelta(days=ahead)
        return Resolved(d.isoformat(), "day", future=True)
    if rel == "last" and delta == 0:
        delta = 7
    return Resolved((pub - timedelta(days=delta)).isoformat(), "day")


ABS_DATE = re.compile(rf"^({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?$")
ABS_DATE2 = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})(?:,?\s+((?:19|20)\d\d))?$")
MONTH_YEAR = re.compile(rf"^(?:(?:early|late|mid)[\s-]+)?({_MONTH_RE})(?:,?\s+(?:of\s+)?((?:19|20)\d\d))?$")
YEAR = re.compile(r"^(?:(?:early|late|mid)[\s-]+)?((?:19|20)\d\d)$")
ISO = re.compile(r"^((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?$")
REL = re.compile(r"^(?:(?:early|late|mid|earlier|later)[\s-]+(?:in\s+)?)?(last|next|this|that|past|previous|coming)\s+(week|month|year|weekend)$")
SEASON = re.compile(r"^(?:(?:early|late|mid)[\s-]+)?(last|next|this|that)?\s*(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?((?:19|20)\d\d))?$")
AGO = re.compile(r"^(\w+)\s+(day|week|month|year)s?\s+ago$")
DAYNAME = re.compile(rf"^(last|next|this|that)?\s*({_DAY_RE})(?:'s)?$")
LAST_MONTH = re.compile(rf"^(last|next|this)\s+({_MONTH_RE})$")
CENTURY = re.compile(r"^(\d\d)(?:st|nd|rd|th)\s+century$")
EARLY_REL = re.compile(r"^(early|late|mid|earlier|later)[\s-]+(?:in\s+)?(?:the\s+)?year$")


def _month(name: str) -> int:
    name = name.rstrip(".")
    return MONTHS.get(name) or MONTHS[name[:3]]


def _clean(text: str) -> str:
    # punctuation around the words is no part of the date ("April 19, 2025:", "(July 3)")
    t = " ".join(text.lower().replace("\u2019", "'").split()).strip(" ,.;:()[]-\u2013\u2014\"")
    prev = None
    while prev != t:
        prev = t
        t = LEAD_RE.sub("", t)
    return t


def resolve(text: str, published: date | str | None, future: bool | None = False,
            year_hint: int | None = None) -> Resolved | None:
    """Normalise one time expression. None when the words give no resolvable date.

    `future`: False (the default) reads bare month and weekday names as the latest
    one not after publication, True as the next one, None as the nearest one.
    """
    pub = parse_iso(published) if isinstance(published, str) else published
    t = _clean(text)
    if not t:
        return None
    return _absolute(t, pub, future) or (_relative(t, pub, future, year_hint) if pub or year_hint else None)


_ANY_DAY = date(2000, 1, 1)


def needs_anchor(text: str) -> bool:
    """True for an expression that only a publication date resolves ("Thursday",
    "last week"); False for one that is a date by itself, or none at all."""
    return resolve(text, None) is None and resolve(text, _ANY_DAY) is not None


def _month_day_year(t: str) -> tuple[str, str, str | None] | None:
    """("March", "12", "2025") from "March 12, 2025" or "12 March 2025"; year may be None."""
    if m := ABS_DATE.match(t):
        return m.group(1), m.group(2), m.group(3)
    if m := ABS_DATE2.match(t):
        return m.group(2), m.group(1), m.group(3)
    return None


def _absolute(t: str, pub: date | None, future: bool | None) -> Resolved | None:
    if m := ISO.match(t):
        return Resolved(t, "day" if m.group(3) else "month")
    if m := YEAR.match(t):
        return Resolved(m.group(1), "year")
    if parts := _month_day_year(t):
        mon, day, year = parts
        month = _month(mon)
        if year is None and pub is None:
            return None
        y = int(year) if year else _month_year(month, pub, future)  # type: ignore[arg-type]
        try:
            return Resolved(date(y, month, int(day)).isoformat(), "day")
        except ValueError:
            return None
    if (m := MONTH_YEAR.match(t)) and m.group(2):
        return Resolved(f"{m.group(2)}-{_month(m.group(1)):02d}", "month")
    if (m := SEASON.match(t)) and m.group(3):
        return Resolved(f"{m.group(3)}-{SEASONS[m.group(2)]}", "season")
    return None


def _relative(t: str, pub: date | None, future: bool | None, year_hint: int | None) -> Resolved | None:
    if t in {"now", "currently", "present", "nowadays", "at present"}:
        return Resolved("PRESENT_REF", "ref")
    if t in {"past", "the past", "at the time", "the time", "time", "recently", "then"}:
        return Resolved("PAST_REF", "ref")
    if t in {"future", "the future"}:
        return Resolved("FUTURE_REF", "ref", future=True)
    if m := SEASON.match(t):
        rel, season = m.group(1), SEASONS[m.group(2)]
        year = _season_year(rel, pub, year_hint)
        return Resolved(f"{year}-{season}", "season", future=rel == "next") if year else None
    if m := REL.match(t):
        return _rel_unit(m.group(1), m.group(2), pub, year_hint)
    if pub is None:
        return None
    return _anchored(t, pub, future)


def _season_year(rel: str | None, pub: date | None, hint: int | None) -> int | None:
    if rel == "that":
        return hint
    if pub is None:
        return None
    return {"last": pub.year - 1, "next": pub.year + 1}.get(rel or "", pub.year)


def _rel_unit(rel: str, unit: str, pub: date | None, hint: int | None) -> Resolved | None:
    if rel == "that":
        return Resolved(str(hint), "year") if unit == "year" and hint else None
    if pub is None:
        return None
    n = {"last": 1, "past": 1, "previous": 1, "this": 0, "next": -1, "coming": -1}[rel]
    unit = "week" if unit == "weekend" else unit
    res = _shift(pub, unit, n)
    res.future = n < 0
    return res


def _anchored(t: str, pub: date, future: bool | None) -> Resolved | None:
    if t in {"today", "tonight", "this morning", "this afternoon", "this evening"}:
        return Resolved(pub.isoformat(), "day")
    if t == "yesterday":
        return Resolved((pub - timedelta(days=1)).isoformat(), "day")
    if t == "tomorrow":
        return Resolved((pub + timedelta(days=1)).isoformat(), "day", future=True)
    if m := DAYNAME.match(t):
        return _weekday(WEEKDAYS[m.group(2)], pub, m.group(1) or "", future)
    if m := LAST_MONTH.match(t):
        month = _month(m.group(2))
        y = pub.year - 1 if m.group(1) == "last" and month >= pub.month else pub.year
        if m.group(1) == "next":
            y = pub.year + 1 if month <= pub.month else pub.year
        return Resolved(f"{y:04d}-{month:02d}", "month", future=m.group(1) == "next")
    if m := CENTURY.match(t):
        return Resolved(f"{int(m.group(1)) - 1:02d}", "century")
    if m := MONTH_YEAR.match(t):
        month = _month(m.group(1))
        y = _month_year(month, pub, future)
        return Resolved(f"{y:04d}-{month:02d}", "month", future=(y, month) > (pub.year, pub.month))
    if m := AGO.match(t):
        n = NUMBERS.get(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
        return _shift(pub, m.group(2), n) if n else None
    if EARLY_REL.match(t):
        return Resolved(str(pub.year), "year")
    return None


def event_date(res: Resolved | None) -> str | None:
    """The ISO value an event record carries: weeks become their month, seasons their year."""
    if res is None or res.granularity == "ref":
        return None
    if res.granularity == "week":
        y, w = res.value.split("-W")
        thursday = date.fromisocalendar(int(y), int(w), 4)
        return f"{thursday.year:04d}-{thursday.month:02d}"
    if res.granularity == "season":
        return res.value[:4]
    if res.granularity == "century":
        return None
    return res.value


def year_of(res: Resolved | None) -> int | None:
    if res is None or res.granularity in {"ref", "century"}:
        return None
    return int(res.value[:4])


LEAD_SENTENCES = 3  # a dateline date sits in the headline or the first lines


def _told(doc, sent: Span, expr: TimeExpr) -> bool:
    """A verb before the date on its line (a headline above it is another line)."""
    start = expr.start
    while start > sent.start and "\n" not in doc[start - 1].text:
        start -= 1
    header_verbs = cues()["header_verbs"]
    return any(t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() not in header_verbs
               for t in doc[start: expr.start])


def lead_date(doc, entities: list[TimeExpr] | None = None) -> date | None:
    """For an article whose publication date is unknown: the first full date written
    out with its year in the headline or first lines ("May 5, 2010", "27 November,
    2005"), the article's own dateline. Relative dates then resolve against it.
    A date that a sentence tells of ("Page was born on April 22, 1923") is no
    dateline: a dateline's date comes before any verb but "posted" or "updated"."""
    for n, sent in enumerate(doc.sents):
        if n >= LEAD_SENTENCES:
            break
        for expr in find_expressions(sent, entities):
            res = None if _told(doc, sent, expr) else _absolute(_clean(expr.text), None, False)
            if res is not None and res.granularity == "day":
                return parse_iso(res.value)
    return None
