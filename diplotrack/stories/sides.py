"""Whose outlets reported a story: one side only, or more than one."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from diplotrack.stories import config

_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", re.I)


@lru_cache(maxsize=1)
def _outlets() -> list[tuple[str, str]]:
    data = config.load("outlets")["outlets"]
    return sorted(((str(k).lower(), str(v)) for k, v in data.items()), key=lambda kv: -len(kv[0]))


def outlet_country(outlet: str | None, url: str | None) -> str | None:
    """The country an article's outlet speaks from, when the data file knows it."""
    if outlet:
        name = f" {outlet.lower()} "
        for key, country in _outlets():
            if f" {key} " in name or name.strip() == key:
                return country
    host = _HOST.match(url or "")
    if host:
        tld = host.group(1).lower().rsplit(".", 1)[-1]
        return config.load("outlets")["tlds"].get(tld)
    return None


def announcement(articles: dict[str, dict[str, Any]], sides: set[str]) -> dict[str, Any] | None:
    """Per-country article ids, and whether only one party's outlets reported the story.

    `sides` are the countries of the story's participants. None when no
    outlet's country is known.
    """
    by_country: dict[str, list[str]] = {}
    unknown = []
    for aid, art in articles.items():
        country = outlet_country(art.get("outlet"), art.get("url") or art.get("source"))
        if country:
            by_country.setdefault(country, []).append(aid)
        else:
            unknown.append(aid)
    if not by_country:
        return None
    one_side = None
    if not unknown and len(sides) >= 2:
        reporting = set(by_country)
        one_side = len(reporting) == 1 and reporting <= sides
    return {"outlet_countries": by_country, "unknown_outlet": unknown,
            "one_sided": one_side,
            "side": next(iter(by_country)) if one_side else None}
