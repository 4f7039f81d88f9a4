"""Dates in the text of other languages, against the publication date.

Month and weekday names come from CLDR (via `babel`) for each language, so that
"30 января", "۳۰ ژانویه", "30 Ocak" and "1月30日" read as 30 January (of the year
named, else of the publication's, or the one before when that day would come more
than a week after publication), and "в четверг", "پنجشنبه", "星期四" as the latest
Thursday on or before the publication day. Numbers in Arabic-Indic and Persian
digits count as digits. In Persian and Pashto, dates of the Solar Hijri calendar
of Afghanistan and Iran ("۲۴ اسد ۱۴۰۰", "۱۴۰۴/۰۱/۲۸") are read too (month names:
data/solar_hijri.yaml; conversion: convertdate).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from diplotrack.events.multilingual.text import NO_SPACES, WORD, fold, words

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_YMD = re.compile(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})")
_ZH_MD = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_TOKENS = re.compile(rf"\d{{1,4}}|{WORD.pattern}")
_ZH_WEEKDAY = re.compile(r"(?:星期|周|禮拜|礼拜)([一二三四五六日天])")
ZH_DAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
LATE_DAYS = 7  # a day-month this far past the publication is of the year before
MIN_WEEKDAY_LETTERS = 4  # shorter weekday names are also common words (Urdu "پیر", saint)


@lru_cache(maxsize=16)
def _names(language: str) -> tuple[dict[str, int], dict[str, int]]:
    """Folded month names -> month number, weekday names -> weekday (Monday 0)."""
    from babel import UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    months: dict[str, int] = {}
    days: dict[str, int] = {}
    try:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for n, name in get_month_names(width, context, language).items():
                    if len(fold(name)) >= 3:
                        months[fold(name)] = int(n)
            for n, name in get_day_names("wide", context, language).items():
                # Persian "سه‌شنبه" (Tuesday) is also written "سه شنبه"
                for form in {fold(name), fold(name.replace("\u200c", " "))}:
                    if len(form.replace(" ", "")) >= MIN_WEEKDAY_LETTERS:
                        days[form] = int(n)
    except (UnknownLocaleError, ValueError):
        pass
    return months, days


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _hijri() -> dict:
    import yaml

    path = Path(__file__).with_name("data") / "solar_hijri.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["names"] = {fold(name): i + 1 for names in data["months"].values() for i, name in enumerate(names)}
    return data


def _is_hijri_year(language: str, year: int) -> bool:
    lo, hi = _hijri()["years"]
    return language in _hijri()["languages"] and lo <= year <= hi


def _from_hijri(y: int, m: int, d: int) -> date | None:
    from convertdate import persian

    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    try:
        return date(*persian.to_gregorian(y, m, d))
    except ValueError:
        return None


def _hijri_day_month(toks: list[str], language: str, pub: date | None) -> date | None:
    """"۲۴ اسد ۱۴۰۰": a Solar Hijri day and month (a day number before the name), of
    the year named, else of the publication's Solar Hijri year (or the one before)."""
    from convertdate import persian

    if language not in _hijri()["languages"]:
        return None
    for i, tok in enumerate(toks):
        month = _hijri()["names"].get(tok)
        before = toks[i - 1] if i else ""
        if month is None or not (before.isdigit() and len(before) <= 2):
            continue
        year = next((int(t) for t in toks[i + 1:i + 3] if t.isdigit() and len(t) == 4), None)
        if year is not None and _is_hijri_year(language, year):
            return _from_hijri(year, month, int(before))
        if pub is None:
            continue
        own = persian.from_gregorian(pub.year, pub.month, pub.day)[0]
        found = _from_hijri(own, month, int(before))
        if found is not None and found > pub + timedelta(days=LATE_DAYS):
            found = _from_hijri(own - 1, month, int(before))
        if found is not None:
            return found
    return None


def _in_year(m: int, d: int, year: str | None, pub: date | None) -> date | None:
    if year:
        return _day(int(year), m, d)
    if pub is None:
        return None
    found = _day(pub.year, m, d)
    if found is not None and found > pub + timedelta(days=LATE_DAYS):
        found = _day(pub.year - 1, m, d)
    return found


def _day_month(text: str, language: str, pub: date | None) -> date | None:
    if language in NO_SPACES:
        m = _ZH_MD.search(text)
        return _in_year(int(m.group(2)), int(m.group(3)), m.group(1), pub) if m else None
    months, _ = _names(language)
    toks = _TOKENS.findall(fold(text))
    if (found := _hijri_day_month(toks, language, pub)) is not None:
        return found
    for i, tok in enumerate(toks):
        month = months.get(tok)
        if month is None:
            continue
        before = toks[i - 1] if i else ""
        after = toks[i + 1] if i + 1 < len(toks) else ""
        day = before if before.isdigit() and len(before) <= 2 else after if after.isdigit() and len(after) <= 2 else None
        if day is None:
            continue
        year = next((t for t in toks[i + 1:i + 3] if t.isdigit() and len(t) == 4), None)
        found = _in_year(month, int(day), year, pub)
        if found is not None:
            return found
    return None


def _weekday(text: str, language: str, pub: date | None) -> date | None:
    if pub is None:
        return None
    day: int | None = None
    if language in NO_SPACES:
        m = _ZH_WEEKDAY.search(text)
        day = ZH_DAYS[m.group(1)] if m else None
    else:
        _, days = _names(language)
        folded = " ".join(words(text))
        for name, n in sorted(days.items(), key=lambda kv: -len(kv[0])):  # "سه شنبه" before "شنبه"
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
                day = n
                break
    if day is None:
        return None
    return pub - timedelta(days=(pub.weekday() - day) % 7)


def text_date(text: str, language: str, published: str | None, lede: bool) -> str | None:
    """The ISO day a sentence names: a full date anywhere; in the lede (against the
    publication date) a day and month, or a weekday, else "today" or "yesterday"."""
    text = text.translate(_DIGITS)
    full = _YMD.search(text)
    if full:
        y, mo, d = int(full.group(1)), int(full.group(2)), int(full.group(3))
        found = _from_hijri(y, mo, d) if _is_hijri_year(language, y) else _day(y, mo, d)
        if found is not None:
            return found.isoformat()
    if not lede:
        return None
    pub = None
    if published:
        try:
            pub = date.fromisoformat(published[:10])
        except ValueError:
            pub = None
    found = None if full else _day_month(text, language, pub) or _weekday(text, language, pub)
    found = found or _relative(text, pub)
    return found.isoformat() if found else None


def _relative(text: str, pub: date | None) -> date | None:
    """"Today", "yesterday" in the language (data/names.yaml `relative_days`)."""
    from diplotrack.events.multilingual.names import relative_days

    if pub is None:
        return None
    folded = fold(text)
    for days, markers in relative_days():
        if any(w in folded for w in markers):
            return pub - timedelta(days=days)
    return None
