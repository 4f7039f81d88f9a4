"""A story's headline and one-line summary, from its reports.

The headline is the most central of the reports' headlines: the one whose
words the others share most (an outlet's idiosyncratic headline loses to the
wording most outlets use), earliest on ties. The summary says who engaged
whom, how, where and when, and how many reports there are.
"""

from __future__ import annotations

from typing import Any

from diplotrack.stories import text

VERBS = {  # PLOVER category -> how a summary line says it
    "AGREE": "agreed with", "CONSULT": "met", "SUPPORT": "supported", "CONCEDE": "conceded to",
    "COOPERATE": "cooperated with", "AID": "aided", "RETREAT": "withdrew from",
    "REQUEST": "made demands of", "ACCUSE": "accused", "REJECT": "rejected", "THREATEN": "threatened",
    "PROTEST": "protested against", "SANCTION": "sanctioned", "MOBILIZE": "mobilised against",
    "COERCE": "coerced", "ASSAULT": "attacked", "OTHER": "and",
}


def choose(titles: list[str | None]) -> str | None:
    """The most central headline; None when no report has one."""
    cands = list(dict.fromkeys(t.strip() for t in titles if t and t.strip()))
    if len(cands) <= 2:
        return cands[0] if cands else None
    words = [set(text.content_words(t)) for t in cands]

    def centrality(i: int) -> float:
        mine = words[i]
        if not mine:
            return 0.0
        shared = [len(mine & w) / len(mine | w) for j, w in enumerate(words) if j != i and w]
        return sum(shared) / len(shared) if shared else 0.0

    best = max(range(len(cands)), key=lambda i: (centrality(i), -i))
    return cands[best]


def _names(people: list[dict[str, Any]], limit: int = 3) -> str:
    """Each side by what its participants act for: 'India (Vikram Misri), Taliban'."""
    sides: dict[str, list[str]] = {}
    for p in people:
        name = str(p.get("name") or p.get("id") or "")
        owner = str(p.get("affiliation") or name)
        persons = sides.setdefault(owner, [])
        if owner != name and p.get("kind") == "person" and name not in persons:
            persons.append(name)
    parts = [f"{owner} ({persons[0]})" if persons else owner for owner, persons in sides.items()]
    more = len(parts) - limit
    return ", ".join(parts[:limit]) + (f" and {more} more" if more > 0 else "")


def summary(category: str | None, actor: list[dict[str, Any]], recipient: list[dict[str, Any]],
            location: dict[str, Any] | None, date: str | None, reports: int) -> str:
    """'India (Vikram Misri) met Taliban in Dubai on 2025-01-08 (4 reports)'."""
    acting = {str(p.get("affiliation") or p.get("name") or p.get("id")) for p in actor}
    recipient = [p for p in recipient
                 if str(p.get("affiliation") or p.get("name") or p.get("id")) not in acting]
    who = _names(actor) or "Someone"
    line = f"{who} {VERBS.get(category or '', (category or 'event').lower())}"
    if recipient:
        line += f" {_names(recipient)}"
    elif line.endswith((" with", " to", " of", " from", " against", " and")):
        line = line.rsplit(" ", 1)[0]
    if location and location.get("name"):
        line += f" in {location['name']}"
    if date:
        line += f" on {date}" if len(date) == 10 else f" in {date}"
    plural = "report" if reports == 1 else "reports"
    return f"{line} ({reports} {plural})" if reports else f"{line} (mentioned only)"
