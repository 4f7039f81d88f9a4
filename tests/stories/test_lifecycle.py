"""Plans link to their occurrence; historical mentions join the original story."""

from __future__ import annotations

from diplotrack.stories import get_story, iter_stories

from .helpers import article, event, one, report

KABUL = ("Kabul", "AFG")


def test_planned_visit_links_to_the_visit_and_becomes_occurred(store):
    a1, a2 = article("2025-09-01"), article("2025-09-12")
    plan = one(store, a1, event(a1, "CONSULT", ["usa"], ["taliban"], date="2025-09",
                                place=KABUL, mode="visit", auxiliary="future",
                                sentence="US envoy Boehler will visit Kabul this month "
                                         "to discuss detained Americans."))
    assert get_story(store, plan)["status"] == "planned"
    done = one(store, a2, event(a2, "CONSULT", ["usa"], ["taliban"], date="2025-09-10",
                                place=KABUL, mode="visit",
                                sentence="Boehler arrived in Kabul on Wednesday for talks "
                                         "on detained Americans."))
    assert done == plan
    story = get_story(store, plan)
    assert story["status"] == "occurred"
    assert story["date"] == "2025-09-10"
    assert {"detail": "status", "values": [
        {"value": "planned", "article_ids": [a1.id]},
        {"value": "occurred", "article_ids": [a2.id]},
    ]} in story["claims"]["disagree"]


def test_cancelled_plan_keeps_its_story(store):
    plan = report(store, "CONSULT", ["russia"], ["taliban"], published="2025-06-01",
                  date="2025-06-25", place=("Moscow", "RUS"), auxiliary="future",
                  sentence="Muttaqi is due to travel to Moscow for a format meeting.")
    off = report(store, "CONSULT", ["russia"], ["taliban"], published="2025-06-20",
                 date="2025-06-25", place=("Moscow", "RUS"), status="cancelled",
                 sentence="The Moscow format meeting with Muttaqi was called off.")
    assert off == plan
    assert get_story(store, plan)["status"] == "cancelled"


def test_anniversary_mention_joins_the_original_story_and_is_not_new(store):
    takeover = report(store, "ASSAULT", ["taliban"], published="2021-08-16", date="2021-08-15",
                      place=KABUL, mode="seize",
                      sentence="The Taliban seized Kabul as the government collapsed.")
    mention = report(store, "ASSAULT", ["taliban"], published="2025-08-15", date="2021-08",
                     place=KABUL, auxiliary="historical",
                     sentence="Four years after the Taliban takeover of Kabul, "
                              "the group marked the anniversary.")
    assert mention == takeover
    story = get_story(store, takeover)
    assert story["first_reported"] == "2021-08-16"
    assert story["retrospective"] is False
    assert story["report_count"] == 2


def test_historical_mention_alone_is_flagged_retrospective(store):
    a1 = article("2025-08-15")
    sid = one(store, a1, event(a1, "ASSAULT", ["taliban"], date="2021-08", place=KABUL,
                               auxiliary="historical",
                               sentence="Since the Taliban seized Kabul in August 2021 ..."))
    (story,) = [s for s in iter_stories(store) if s["id"] == sid]
    assert story["retrospective"] is True
    assert story["status"] == "occurred"
