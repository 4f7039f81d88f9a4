"""Outlets: the registry in data/outlets.yaml (names, aliases, web domains), and the
name of a site the registry does not know, read off its registered domain.

    outlet_named("Washington Post")              -> "The Washington Post"
    outlet_for_url("https://www.bbc.co.uk/x")    -> "BBC News"
    outlet_country("Mint", None)                 -> "IND"
    site_of("https://en.shafaqna.com/1/x")       -> "shafaqna.com"
    name_of_site("khaleejtimes.com")             -> "Khaleej Times"

A site's name is its domain label split into the words of newspaper mastheads
(data/masthead_words.yaml) and place names (the actor gazetteer's states, capitals and
demonyms); what is left between them stays one word, so "dunyanews" reads "Dunya News"
and a label of no known word ("kommersant") reads "Kommersant".
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from diplotrack.ingest.clean import DATA_DIR

ACTOR_DATA = Path(__file__).resolve().parent.parent / "actors" / "data"
MIN_UNKNOWN = 3  # letters: a shorter leftover ("newsx" -> "news" + "x") is not split off
ACRONYM_MAX = 3  # a leftover this short, alone or with no vowel, is an acronym ("lbc", "bnnbreaking")


@dataclass(frozen=True)
class Outlets:
    by_name: dict[str, str]  # normalised name or alias -> canonical name
    by_domain: dict[str, str]
    publishers: frozenset[str]  # normalised names of publishing companies
    speaks_for: dict[str, str]  # canonical name -> the registry actor its statements speak for
    government_labels: frozenset[str]  # "gov" of "gov.pk": a government site's public suffix
    government_bare: dict[str, str]  # a bare government suffix ("gov") -> its state
    countries: tuple[tuple[str, str], ...]  # lower-case name or alias -> country, longest first
    country_domains: dict[str, str]  # a top-level domain ("pk") -> its country


def name_key(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip().lower())
    return re.sub(r"[^\w/]+", " ", name).strip()


@lru_cache(maxsize=4)
def load_outlets(path: Path = DATA_DIR / "outlets.yaml") -> Outlets:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    by_name: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for item in data.get("outlets") or []:
        name = item["name"]
        for alias in [name, *(item.get("aliases") or [])]:
            by_name[name_key(str(alias))] = name
        for domain in item.get("domains") or []:
            by_domain[domain.lower()] = name
    publishers = frozenset(name_key(str(p)) for p in data.get("publishers") or [])
    speaks = {item["name"]: str(item["speaks_for"]) for item in data.get("outlets") or [] if item.get("speaks_for")}
    gov = data.get("government_domains") or {}
    countries = sorted(((str(alias).lower(), str(item["country"])) for item in data.get("outlets") or []
                        if item.get("country") for alias in [item["name"], *(item.get("aliases") or [])]),
                       key=lambda kv: -len(kv[0]))
    return Outlets(by_name, by_domain, publishers, speaks, frozenset(gov.get("labels") or []),
                   dict(gov.get("bare") or {}), tuple(countries),
                   {str(k): str(v) for k, v in (data.get("country_domains") or {}).items()})


def is_publisher(name: str) -> bool:
    return name_key(name) in load_outlets().publishers


def outlet_named(text: str) -> str | None:
    """The canonical outlet when `text` is (only) an outlet's name or alias."""
    if len(text) > 60:
        return None
    return load_outlets().by_name.get(name_key(text))


def outlet_for_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    domains = load_outlets().by_domain
    while host:
        if host in domains:
            return domains[host]
        host = host.partition(".")[2]
    return None


@lru_cache(maxsize=1)
def _extractor():  # noqa: ANN202
    import tldextract

    # the public-suffix list bundled with the package: never fetched at run time
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def site_of(url: str | None) -> str | None:
    """The site a URL belongs to, as its registered domain ("khaleejtimes.com",
    "bbc.co.uk", "panafricannews.blogspot.com")."""
    if not url:
        return None
    try:
        found = _extractor()(url)
    except ValueError:
        return None
    site = found.top_domain_under_public_suffix
    return site.lower() or None


def suffix_of(url: str | None) -> str | None:
    """A URL's public suffix ("gov.pk" for "https://mofa.gov.pk/x"), lower case."""
    if not url:
        return None
    try:
        return _extractor()(url).suffix.lower() or None
    except ValueError:
        return None


def outlet_country(outlet: str | None, url: str | None) -> str | None:
    """The country (ISO 3166 alpha-3) an outlet speaks from: by a name or alias of a
    registry outlet with a `country` within its name (whole words), else by the
    top-level domain of its URL; None when neither is known."""
    known = load_outlets()
    if outlet:
        name = f" {outlet.lower()} "
        for key, country in known.countries:
            if f" {key} " in name or name.strip() == key:
                return country
    if not urlsplit(url or "").scheme:
        return None  # a file path is no site
    return known.country_domains.get((suffix_of(url) or "").rsplit(".", 1)[-1])


def outlet_of_url(url: str | None, text: str = "") -> str | None:
    """The registry's outlet for a URL, else the site's name as the text writes it
    ("(UrduPoint News / Sputnik ...)" on urdupoint.com), else as its domain reads."""
    site = site_of(url)
    return outlet_for_url(url) or written_in(site, text) or name_of_site(site)


def written_in(site: str | None, text: str) -> str | None:
    """The site's name where the text spells its domain label with capitals: the same
    letters in order, spaces or hyphens allowed between them."""
    label = (site or "").split(".")[0].replace("-", "")
    if len(label) < MIN_UNKNOWN or not label.isalpha():
        return None
    spelled = r"[\s-]?".join(re.escape(c) for c in label)
    for found in re.finditer(rf"(?<![\w.@/])(?i:{spelled})(?![\w.]*\.(?:com|org|net)\b)(?!\w)", text):
        name = found.group(0)
        if name[0].isupper() and not name.isupper() or (name.isupper() and len(label) <= 5):
            return name
    return None


# ---------------------------------------------------------------- names of sites
@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    """Known words (lower case) -> how they are written in a name."""
    import pycountry

    data = yaml.safe_load((DATA_DIR / "masthead_words.yaml").read_text(encoding="utf-8"))
    words = {w.lower(): w if w.isupper() else w.capitalize() for w in data["words"]}
    places = [c.name for c in pycountry.countries] + [getattr(c, "common_name", "") for c in pycountry.countries]
    with (ACTOR_DATA / "geo.csv").open(encoding="utf-8") as fh:
        places += [row["capital"] for row in csv.DictReader(fh)]
    with (ACTOR_DATA / "demonyms.csv").open(encoding="utf-8") as fh:
        places += [d for line in fh if not line.startswith("#") for d in line.strip().partition(",")[2].split("|")]
    for place in places:
        if place.isalpha() and len(place) >= MIN_UNKNOWN:
            words.setdefault(place.lower(), place)
    return words


def _split(label: str) -> list[str]:
    """The label cut into known words and leftovers, fewest leftovers letters first,
    then fewest pieces (dynamic programming over cut points)."""
    words = _words()
    n = len(label)
    best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    for end in range(1, n + 1):
        for start in range(end):
            prev = best[start]
            piece = label[start:end]
            if prev is None:
                continue
            known = piece in words
            if not known and len(piece) < MIN_UNKNOWN and not (start == 0 and end == n):
                continue
            cost = (prev[0] + (0 if known else len(piece)), prev[1] + 1, [*prev[2], piece])
            if best[end] is None or cost[:2] < best[end][:2]:  # type: ignore[index]
                best[end] = cost
    found = best[n]
    return found[2] if found else [label]


def _written(piece: str, alone: bool) -> str:
    words = _words()
    if piece in words:
        return words[piece]
    if piece.isdigit():
        return piece
    acronym = len(piece) <= ACRONYM_MAX and (alone or not set(piece) & set("aeiouy"))
    return piece.upper() if acronym else piece.capitalize()


def name_of_site(site: str | None) -> str | None:
    """A readable name for a registered domain the registry does not know."""
    if not site:
        return None
    label = site.split(".")[0]
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", label):
        return site  # an internationalised or odd label: the domain itself
    parts = []
    for chunk in label.split("-"):
        pieces = [p for part in re.findall(r"[a-z]+|\d+", chunk) for p in (_split(part) if part.isalpha() else [part])]
        parts.append(" ".join(_written(p, len(pieces) == 1) for p in pieces))
    return "-".join(parts)
