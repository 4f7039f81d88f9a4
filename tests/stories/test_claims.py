"""Claims: what the reports of one story agree and disagree on."""

from __future__ import annotations

from diplotrack.stories import claims, get_story

from .helpers import article, event, one


def _find(entries, detail, **extra):
    return [e for e in entries if e["detail"] == detail
            and all(e.get(k) == v for k, v in extra.items())]


def test_visa_counts_disagree_and_participants_agree(store):
    a1, a2 = article(), article()
    sid = one(store, a1, event(a1, "COOPERATE", ["belgium"], ["taliban"],
                               sentence="The talks were facilitated by five single-day visas "
                                        "issued by the Belgian Foreign Ministry."))
    one(store, a2, event(a2, "SUPPORT", ["belgium"], ["taliban"],
                         sentence="Belgium granted the officials temporary visas "
                                  "specifically for the meeting."))
    story = get_story(store, sid)
    (visas,) = _find(story["claims"]["disagree"], "number", subject="visa")
    assert [v["value"] for v in visas["values"]] == ["five single-day visas", "temporary visas"]
    assert visas["values"][0]["article_ids"] == [a1.id]
    (people,) = _find(story["claims"]["agree"], "participants")
    assert sorted(people["value"]) == ["BEL", "taliban"]
    assert sorted(people["names"]) == ["Belgium", "Taliban"]  # what a reader is shown
    assert sorted(people["article_ids"]) == sorted([a1.id, a2.id])


def test_nested_dates_agree_on_the_most_precise_and_levels_disagree():
    a1, a2, a3 = article(), article(), article()
    reports = [
        (a1.id, event(a1, "CONSULT", ["usa"], ["taliban"], date="2025",
                      levels={"usa": "envoy"})),
        (a2.id, event(a2, "CONSULT", ["usa"], ["taliban"], date="2025-03",
                      levels={"usa": "minister"})),
        (a3.id, event(a3, "CONSULT", ["usa"], ["taliban"], date="2025-03-12",
                      place=("Kabul", "AFG"))),
    ]
    out = claims.build(reports)
    (date,) = _find(out["agree"], "date")
    assert date == {"detail": "date", "value": "2025-03-12", "article_ids": [a1.id, a2.id, a3.id]}
    (level,) = _find(out["disagree"], "level", participant="USA")
    assert [v["value"] for v in level["values"]] == ["envoy", "minister"]
    assert level["participant_name"] == "United States"
    (place,) = _find(out["unconfirmed"], "location")  # only one of three reports names a place
    assert place["value"] == "Kabul" and place["article_ids"] == [a3.id]
    assert not _find(out["agree"], "location")


def test_different_months_and_places_disagree():
    a1, a2 = article(), article()
    out = claims.build([
        (a1.id, event(a1, "CONSULT", ["usa"], ["taliban"], date="2025-03", place=("Doha", "QAT"))),
        (a2.id, event(a2, "CONSULT", ["usa"], ["taliban"], date="2025-04", place=("Kabul", "AFG"))),
    ])
    assert {e["detail"] for e in out["disagree"]} == {"date", "location"}
    assert not _find(out["agree"], "date")
