"""Planned -> occurred, postponed, cancelled; historical mentions and anniversaries.

A plan ("will visit Kabul next month") and the visit itself are one story:
matching links them like any two reports, and the story's status moves on to
the most advanced state a report gives. A historical mention ("four years
after the takeover") joins the original event's story with a lower bar and
never makes a story look new: a story known only from such mentions is
flagged `retrospective`.
"""

from __future__ import annotations

from diplotrack.models import Event
from diplotrack.stories import config

STATUSES = ("planned", "occurred", "postponed", "cancelled", "denied")


def _cfg() -> dict:
    return config.load("lifecycle")


def event_status(ev: Event) -> str:
    """planned, occurred, postponed, cancelled or denied."""
    if ev.status in STATUSES:
        return str(ev.status)
    by_aux = _cfg()["status_from_auxiliary"]
    return str(by_aux.get(ev.auxiliary, by_aux.get(None, "occurred")))


def is_historical(ev: Event) -> bool:
    return ev.auxiliary == "historical"


def story_status(statuses: dict[str, int]) -> str:
    for status in _cfg()["story_status_priority"]:
        if statuses.get(status):
            return str(status)
    return "occurred"


def date_free(statuses: dict[str, int]) -> bool:
    """True when a report of this kind may name another date than the story."""
    return any(statuses.get(s) for s in _cfg()["date_free_statuses"])


def threshold(cfg: dict, event_historical: bool, one_side_undated: bool) -> float:
    """The score an event needs to join a story."""
    if event_historical:
        return float(cfg["historical_threshold"])
    if one_side_undated:
        return float(cfg["undated_threshold"])
    return float(cfg["threshold"])


def enough_without_date(cfg: dict, parts: dict[str, float], specific: bool = True,
                        cross_language: bool = False) -> bool:
    """With no date to compare, the wording or the place must also agree, or
    everything else must: the same category, participants and mode.

    When the shared participants are only generic groups ("civilians", "police"),
    that says little: the same place and specific shared wording are both needed.
    Reports in two languages share no wording to compare (and a cue word's mode is
    rough): the same category and participants suffice.
    """
    words = parts.get("words", 0.0)
    same_place = parts.get("location", 0.0) >= float(cfg["location_same_place"])
    if not specific:
        return same_place and words >= float(cfg["undated_generic_min_words"])
    if words >= float(cfg["undated_min_words"]) or same_place:
        return True
    if cross_language:
        return (parts.get("category", 0.0) >= 1.0
                and parts.get("participants", 0.0) >= float(cfg["cross_language_min_participants"]))
    return (parts.get("category", 0.0) >= 1.0 and parts.get("participants", 0.0) >= 0.99
            and parts.get("mode", 0.0) >= float(cfg["mode_same"]))
