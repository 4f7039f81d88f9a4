"""The actor a text speaks for, when it is that actor's own statement.

A government's statement, readout or transcript says "we" and "I" for the
government and its officials: "I've met this morning with my counterparts in the
G7" in remarks the White House publishes is the United States meeting the G7.
News reports say "we" only in quotes, for whoever is quoted, so only texts of the
genres that are an issuer's own voice (press releases, statements, readouts,
transcripts) have an issuer. It is found from the outlet:

- an outlet of data/outlets.yaml with `speaks_for` (an actor id of the registry);
- else a government web domain: a public suffix of a government label
  (`government_domains`: "gov", "gov.pk", "go.jp", "gouv.fr") names the state of
  its country code ("gov" and "mil" alone: the United States).

Joint statements speak for several parties and get none.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from diplotrack.ingest.outlets import load_outlets, name_key, outlet_for_url, suffix_of

ISSUER_GENRES = frozenset({"press_release", "transcript"})
JOINT = re.compile(r"\bjoint\b", re.I)


def _country(code: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2={"uk": "GB"}.get(code, code).upper())
    return found.alpha_3 if found is not None else None


def government_state(url: str | None) -> str | None:
    """The state whose government a URL's site belongs to ("mofa.go.jp" -> JPN)."""
    suffix = suffix_of(url)
    if not suffix:
        return None
    outlets = load_outlets()
    parts = suffix.split(".")
    if len(parts) == 1:
        return outlets.government_bare.get(parts[0])
    if len(parts) == 2 and parts[0] in outlets.government_labels and len(parts[1]) == 2:
        return _country(parts[1])
    return None


def issuer(outlet: str | None, url: str | None, genre: str | None, title: str | None) -> str | None:
    """The registry id of the actor a text speaks for, or None."""
    if genre not in ISSUER_GENRES or JOINT.search(title or ""):
        return None
    outlets = load_outlets()
    named = outlets.by_name.get(name_key(outlet)) if outlet else None
    for known in (named, outlet_for_url(url)):
        if known in outlets.speaks_for:
            return outlets.speaks_for[known]
    return government_state(url)


# a reporter's turn in a transcript: a paragraph that opens with "Q" ("Q  Thank you.
# Going back to ...", "Q: ...", "QUESTION: ..."), up to the next blank line
REPORTER_TURN = re.compile(r"(?m)^[ \t]*(?:Q|QUESTION)[ \t]*[:.]?[ \t]+\S.*?(?=\n[ \t]*\n|\Z)", re.S)


def reporter_turns(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of a transcript's questions from the press, in text
    order: their "we" and "I" are the reporter's, not the issuer's."""
    return [m.span() for m in REPORTER_TURN.finditer(text)]


def press_questions(doc: Any) -> list[tuple[int, int]]:
    """reporter_turns of a spaCy Doc's text, found once and kept in its user_data (the
    actors and the events components both ask)."""
    key = "diplotrack.press_questions"
    if key not in doc.user_data:
        doc.user_data[key] = reporter_turns(doc.text)
    return doc.user_data[key]


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether a character offset lies in one of these ordered, disjoint spans."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]

