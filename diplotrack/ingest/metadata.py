"""Metadata from text: headline, byline, outlet and date lines of a header,
dateline, language; author-name normalisation (outlets: ingest/outlets.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from diplotrack.ingest.clean import DATA_DIR, MAX_BOILERPLATE_CHARS, load_boilerplate
from diplotrack.ingest.dates import date_line
from diplotrack.ingest.outlets import name_key, outlet_named
from diplotrack.ingest.wire import trailing_outlet

HEADER_SCAN = 8  # paragraphs at the top that may hold title, byline, outlet, date


# ---------------------------------------------------------------- authors
_BY = re.compile(r"^(?:(?:written|words|reporting|story|text)\s+)?by[:\s]\s*(.+)$", re.I)
_AUTHOR_LABEL = re.compile(r"^(?:authors?|byline|reporter|writer)\s*:\s*(.+)$", re.I)
_HONORIFIC = re.compile(
    r"\b(?:dr|prof|professor|mr|mrs|ms|mx|rev|sir|dame|hon|gen|col|capt|amb|ambassador)\b\.?\s+", re.I
)
_POSTNOMINAL = re.compile(
    r",?\s+\b(?:ph\.?\s?d|m\.?d|m\.?a|m\.?sc|msc|mba|llm|ll\.?m|dphil|b\.?a|m\.?phil|esq)\b\.?", re.I
)
_ROLE_TAIL = re.compile(
    r"\s*[,|–—-]\s*(?:(?:senior|chief|staff|special|foreign|political|diplomatic|national|"
    r"security|world|local|contributing|associate|deputy|managing|executive)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|"
    r"analyst|bureau chief)s?\b.*$", re.I)
_ROLE_ONLY = re.compile(_ROLE_TAIL.pattern.replace(r"\s*[,|–—-]\s*", "^", 1), re.I)
_IN_PLACE = re.compile(r"\s+(?:in|from|reporting from)\s+[A-Z][\w'’.-]+(?:[ ,]+[A-Z][\w'’.-]+)*$")
_PARTICLES = {"van", "von", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "bint", "al",
              "ibn", "ul", "ur", "y", "dos", "das", "der", "den", "ter", "ten", "st.", "e", "abu", "el"}
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:al|el|bin|ibn|abu)-[A-Z][\w'’-]*)$")


def split_authors(value: str) -> list[str]:
    """'By Dr. A and B, PhD' -> ['A', 'B']; [] when it does not read as names."""
    value = re.sub(r"\s+", " ", value).strip().strip(".;:")
    m = _BY.match(value) or _AUTHOR_LABEL.match(value)
    if m:
        value = m.group(1)
    value = _POSTNOMINAL.sub("", value)
    value = _ROLE_TAIL.sub("", value)
    parts = re.split(r"\s*(?:,|;|&|\band\b|\bwith\b|\|)\s*", value)
    names = [clean_author(p) for p in parts]
    return [n for n in names if n]


def clean_author(name: str) -> str | None:
    name = _POSTNOMINAL.sub("", name)
    if _ROLE_ONLY.match(name.strip()):
        return None
    name = _ROLE_TAIL.sub("", name)
    name = _IN_PLACE.sub("", name)
    name = _HONORIFIC.sub("", name).strip(" .,;:-–—")
    name = trailing_outlet(name)[0]  # "Victoria Bisset Washington Post": the outlet is credited
    if not name or outlet_named(name):
        return None
    if name.isupper() and len(name) > 3:
        name = name.title()
    tokens = name.split()
    if not 1 <= len(tokens) <= 5 or any(ch.isdigit() for ch in name):
        return None
    if not all(t.lower() in _PARTICLES or _NAME_TOKEN.match(t) for t in tokens):
        return None
    if len(tokens) == 1 and len(name) < 3:
        return None
    return name


def byline(line: str) -> list[str] | None:
    """Authors when `line` is a byline ('By X and Y', 'Author: X'), else None."""
    if not (_BY.match(line) or _AUTHOR_LABEL.match(line)) or len(line) > 160:
        return None
    names = split_authors(line)
    return names or None


# ---------------------------------------------------------------- header
@dataclass
class Header:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None
    label: str | None = None  # a section label line such as "Opinion"
    url: str | None = None  # a line that gives the article's address
    consumed: set[int] = field(default_factory=set)  # paragraph indexes to drop from the body


_LABEL = re.compile(r"^(opinion|analysis|commentary|editorial|op-ed|news analysis|perspective|"
                    r"column|explainer|press release|news release|statement|transcript|"
                    r"for immediate release)$", re.I)


@lru_cache(maxsize=1)
def _header_tables() -> tuple[frozenset[str], re.Pattern[str], frozenset[str]]:
    """(section names, kicker prefix pattern, desk bylines) from data/header.yaml; the
    sections include the names of countries (pycountry's ISO 3166 list)."""
    import pycountry

    raw = yaml.safe_load((DATA_DIR / "header.yaml").read_text(encoding="utf-8")) or {}
    states = {n.lower() for c in pycountry.countries for n in (c.name, getattr(c, "common_name", "")) if n}
    sections = frozenset(str(s).lower() for s in raw.get("sections") or []) | states
    kickers = "|".join(re.escape(str(k)) for k in sorted(raw.get("kickers") or [], key=len, reverse=True))
    desks = frozenset(str(d).lower() for d in raw.get("desk_bylines") or [])
    return sections, re.compile(rf"^(?:{kickers})\s*[:|–—-]\s+(?=\S)", re.I), desks


def is_section(line: str) -> bool:
    """A desk or region label on its own line ("World", "National", "Pakistan")."""
    return len(line) <= 40 and line.strip(" :|").lower() in _header_tables()[0]


def without_kicker(title: str) -> str:
    """"BREAKING: Taliban envoy arrives" -> "Taliban envoy arrives"."""
    rest = _header_tables()[1].sub("", title, count=1)
    return rest if rest != title and looks_like_headline(rest) else title


def desk_byline(line: str) -> bool:
    """"By Staff Reporter", "By Web Desk": a byline with no person in it."""
    m = _BY.match(line.strip())
    return m is not None and m.group(1).strip(" .").lower() in _header_tables()[2]


def looks_like_headline(line: str) -> bool:
    words = line.split()
    cjk = sum("\u3040" <= c <= "\u9fff" for c in line)  # Chinese and Japanese: no spaces
    if not (2 <= len(words) <= 25 or 6 <= cjk <= 60) or len(line) > 200:
        return False
    if line[-1] in ".,;:。，；：۔" and not line.endswith(("...", "…")) \
            and not re.search(r"\b(?:[A-Z]\.){2,}$", line):  # "... With U.S." is a headline
        return False
    first = line.lstrip("\"'“‘(«")[:1]
    # scripts without case (Arabic, Devanagari, Chinese) begin a headline with any letter
    caseless = first.isalpha() and not first.isupper() and not first.islower()
    return bool(first) and (first.isupper() or first.isdigit() or caseless)


_URL_LINE = re.compile(r"^(?:(?:source|url|link|original|from)\s*:\s*)?(https?\s?:\s?/\s?/\s?\S.*)$",
                       re.I)
_URL = re.compile(r"^https?://[\w-]+(?:\.[\w-]+)+(?:[/?#][\w\-.~:/?#\[\]@!$&'()*+,;=%]*)?$")


def url_line(line: str) -> str | None:
    """The address on a line that is only an address ("Source: https://..."), also as a
    word-by-word tokeniser leaves it ("http : / / www . example . com / 2013 / story")."""
    m = _URL_LINE.match(line.strip())
    if not m:
        return None
    tokens = m.group(1).split()
    # spaced out by a tokeniser, words alternate with punctuation; prose has words side by side
    if any(a.isalnum() and b.isalnum() for a, b in zip(tokens, tokens[1:], strict=False)):
        return None
    url = "".join(tokens)
    return url if _URL.match(url) else None


def _is_body(line: str) -> bool:
    words = len(line.split())
    return words > 40 or (words > 12 and line.rstrip()[-1:] in ".!?\"”")


def parse_header(paragraphs: list[str], *, known_title: str | None = None) -> Header:
    """Title, byline, outlet, date and label lines at the top of a plain text."""
    head = Header()
    if not paragraphs:
        return head
    start = 0
    # above the headline: "OPINION", "Source: https://...", a date line, the site's name,
    # "News ID: 136068", "2 mins read", a photo caption
    while start < min(len(paragraphs) - 1, HEADER_SCAN) and _above_title(paragraphs[start], head):
        head.consumed.add(start)
        start += 1
    first = paragraphs[start]
    if known_title and name_key(first) == name_key(known_title):
        head.consumed.add(start)
        start += 1
    elif (not known_title and len(paragraphs) > start + 1 and looks_like_headline(first)
          and not byline(first) and not date_line(first) and not outlet_named(first)):
        head.title = without_kicker(first)
        head.consumed.add(start)
        start += 1
    for i in range(start, min(len(paragraphs), HEADER_SCAN)):
        if not _header_line(paragraphs[i], head):
            if _is_body(paragraphs[i]):
                break
            continue
        head.consumed.add(i)
    return head


_FURNITURE = re.compile(r"^(?:(?:news|story|article)\s*(?:id|no\.?|number)\s*[:#]?\s*\d+|"
                        r"\d+\s*(?:min|mins|minutes?)\s+read|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6})$", re.I)


def _above_title(line: str, head: Header) -> bool:
    """A header line that may stand above the headline; what it says is recorded."""
    if _LABEL.match(line) or url_line(line) or _FURNITURE.match(line.strip()) or is_section(line):
        _header_segment(line, head)
        return True
    if len(line) <= MAX_BOILERPLATE_CHARS and load_boilerplate().drop.search(line):
        return True  # a photo caption or a sharing bar above the headline
    if date_line(line) or (len(line) <= 60 and outlet_named(line)):
        return _header_line(line, head)
    return False


def _header_line(line: str, head: Header) -> bool:
    """Record what a header line says; True when the whole line was metadata."""
    segments = [s.strip() for s in re.split(r"\s+[|•·]\s+", line) if s.strip()]
    if len(segments) > 1:
        results = [_header_segment(s, head) for s in segments]
        return all(results)
    return _header_segment(line, head)


def _header_segment(seg: str, head: Header) -> bool:
    if not head.url and (address := url_line(seg)):  # an address line is nothing else
        head.url = address
        return True
    if _FURNITURE.match(seg) or desk_byline(seg):  # "2 min read", "By Staff Reporter"
        return True
    if not head.authors and (names := byline(seg)):
        head.authors = names
        tail = re.split(r",\s*", seg)[-1]
        head.outlet = head.outlet or outlet_named(tail)
        return True
    if not head.outlet and (name := outlet_named(seg)):
        head.outlet = name
        return True
    if not head.published and (iso := date_line(seg)):
        head.published = iso
        return True
    if not head.label and _LABEL.match(seg):
        head.label = "press release" if seg.lower() == "for immediate release" else seg.lower()
        return True
    return False


# ---------------------------------------------------------------- dateline
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][\w.'’]+(?: [A-Z][\w.'’]+){0,3}))?"
    r"(?:\s*\((?P<agency>[^)]{1,40})\))?\s*(?:—|–|--|-|:)\s+\S"
)
_TITLE_DATELINE = re.compile(
    r"^(?P<city>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2})"
    r"(?:(?:,\s*(?P<region>[A-Z][\w.'’]+(?: [A-Z][\w.'’]+){0,2}))?\s*\((?P<agency>[^)]{1,40})\)"
    r"|,\s*(?P<region2>[A-Z][\w.'’]+(?: [A-Z][\w.'’]+){0,2}))\s*(?:—|–|--)\s+\S"
)


_NOT_PLACE = re.compile(r"^(MR|MS|MRS|DR|Q|THE|SECRETARY|PRESIDENT|SENATOR|GENERAL|AMBASSADOR|"
                        r"MODERATOR|OPERATOR|ADMIRAL|SPEAKER|MINISTER|NOTE|UPDATE|EDITOR|BREAKING|"
                        r"WATCH|READ|LISTEN|PHOTO|VIDEO|EXCLUSIVE|ANALYSIS|OPINION)\b")


def find_dateline(paragraphs: list[str], limit: int = 3, *, allow_colon: bool = True) -> str | None:
    """'ISLAMABAD, Pakistan — ...' -> 'Islamabad' (first paragraphs of the body only)."""
    for para in paragraphs[:limit]:
        m = _DATELINE.match(para)
        if m and _place_like(m.group("city")) and (allow_colon or ":" not in m.group(0)):
            return _city_name(m.group("city"))
        m = _TITLE_DATELINE.match(para)
        if m:
            return m.group("city")
        if (place := _dated_place(para)) is not None:
            return place
    return None


def _dated_place(para: str) -> str | None:
    """"Islamabad, April 19, 2025: ..." -> "Islamabad" (a dateline that carries its date)."""
    from diplotrack.ingest.dates import dateline_place_and_date

    found = dateline_place_and_date(para)
    return found[0] if found and _place_like(found[0].upper()) else None


def _place_like(city: str) -> bool:
    return len(city) >= 3 and not _NOT_PLACE.match(city) and not re.fullmatch(r"([A-Z]\.)+", city)


def _city_name(city: str) -> str:
    words = [w.capitalize() if not re.fullmatch(r"[A-Z]\.([A-Z]\.)*", w) else w
             for w in city.split()]
    return " ".join(words).replace("’", "'")


# ---------------------------------------------------------------- language
def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code from the first ~2000 characters (py3langid)."""
    sample = text[:2000]
    # Chinese and Japanese write no spaces: their characters count as words
    if len(sample.split()) < 3 and sum("\u3040" <= c <= "\u9fff" for c in sample) < 6:
        return default
    import py3langid

    code, _ = py3langid.classify(sample)
    code = str(code) or default
    return arabic_script_language(sample, code) if code in ARABIC_SCRIPT else code


ARABIC_SCRIPT = {"ar", "fa", "ps", "ur"}
# letters each language alone writes (Unicode's Arabic block): Pashto's retroflexes
# and ږ ښ ځ څ ې ۍ; Urdu's ٹ ڈ ڑ, noon ghunna, bari ye, do-chashmi and gol he; Persian's
# پ چ ژ گ with Persian yeh and keheh, against Arabic's yeh, kaf and teh marbuta
_LETTERS = {
    "ps": set("ټډړږښګڼځڅېۍ"),
    "ur": set("ٹڈڑںےہھ"),
    "fa": set("پچژگیک"),
    "ar": set("يكة"),
}
_DISTINCT_SHARE = 0.004  # of the letters: more than a stray loanword


def arabic_script_language(text: str, guess: str) -> str:
    """Pashto, Urdu, Persian or Arabic by the letters only one of them writes, where a
    character n-gram model confuses them on short or mixed text."""
    letters = [c for c in text if "\u0600" <= c <= "\u06ff"]
    if len(letters) < 20:
        return guess
    share = {lang: sum(c in chars for c in letters) / len(letters) for lang, chars in _LETTERS.items()}
    for lang in ("ps", "ur"):
        if share[lang] >= _DISTINCT_SHARE:
            return lang
    if share["fa"] >= _DISTINCT_SHARE * 5 and share["fa"] > share["ar"]:
        return "fa"
    if share["ar"] > share["fa"]:
        return "ar"
    return guess
