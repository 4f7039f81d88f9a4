"""Whose outlets reported a story: one side only, or more than one."""

from __future__ import annotations

from typing import Any

from diplotrack.ingest.outlets import outlet_country


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
