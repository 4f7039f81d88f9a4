"""The actor a text speaks for, when it is that actor's own statement.

A government's statement, readout or transcript says "we" and "I" for the
government and its officials: "I've met this morning with my counterparts in the
G7" in remarks the White House publishes is the United States meeting the G7.
News reports say "we" only in quotes, for whoever is quoted, so only texts of the
genres that are an issuer's own voice (press releases, statements, readouts,
transcripts) have an issuer. It is found from the outlet:

- an outlet of data/outlets.yaml with `speaks_for` (an actor id of the registry);
- else a government web domain: a public suffix of a government label
  (`government_suffixes`: "gov", "gov.pk", "go.jp", "gouv.fr") names the state of
  its country code ("gov" and "mil" alone: the United States).

Joint statements speak for several parties and get none.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from diplotrack.ingest.clean import DATA_DIR
from diplotrack.ingest.outlets import load_outlets, name_key, suffix_of

ISSUER_GENRES = frozenset({"press_release", "transcript"})
JOINT = re.compile(r"\bjoint\b", re.I)


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, str], frozenset[str], dict[str, str]]:
    data = yaml.safe_load((DATA_DIR / "outlets.yaml").read_text(encoding="utf-8")) or {}
    speaks: dict[str, str] = {}
    for item in data.get("outlets") or []:
        if item.get("speaks_for"):
            for alias in [item["name"], *(item.get("aliases") or [])]:
                speaks[name_key(str(alias))] = str(item["speaks_for"])
    gov = data.get("government_domains") or {}
    return speaks, frozenset(gov.get("labels") or []), dict(gov.get("bare") or {})


def _country(code: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2={"uk": "GB"}.get(code, code).upper())
    return found.alpha_3 if found is not None else None


def government_state(url: str | None) -> str | None:
    """The state whose government a URL's site belongs to ("mofa.go.jp" -> JPN)."""
    suffix = suffix_of(url)
    if not suffix:
        return None
    _, labels, bare = _data()
    parts = suffix.split(".")
    if len(parts) == 1:
        return bare.get(parts[0])
    if parts[0] in labels and len(parts) == 2 and len(parts[1]) == 2:
        return _country(parts[1])
    return None


def issuer(outlet: str | None, url: str | None, genre: str | None, title: str | None) -> str | None:
    """The registry id of the actor a text speaks for, or None."""
    if genre not in ISSUER_GENRES or JOINT.search(title or ""):
        return None
    speaks, _, _ = _data()
    if outlet and name_key(outlet) in speaks:
        return speaks[name_key(outlet)]
    found = load_outlets().by_name.get(name_key(outlet)) if outlet else None
    if found and name_key(found) in speaks:
        return speaks[name_key(found)]
    return government_state(url)
