"""An article's records of one occasion go to the story of its main event."""

from __future__ import annotations

from diplotrack.stories import get_story

from .helpers import article, event, ingest


def test_thanks_voiced_at_a_meeting_join_the_meetings_story(store):
    a1, a2 = article(published="2025-01-09"), article(published="2025-01-09")
    met = event(a1, "CONSULT", ["pakistan"], ["taliban"], date="2025-01-08",
                sentence="Pakistan's foreign minister met the Taliban's foreign minister.")
    thanks = event(a1, "SUPPORT", ["taliban"], ["pakistan"], date="2025-01-08", main=False,
                   sentence="The Taliban minister thanked Pakistan for its support.")
    other = event(a1, "CONSULT", ["taliban"], ["russia"], date="2025-01-08", main=False,
                  sentence="The Taliban also held talks with Russia on Wednesday.")
    ingest(store, a1, [met, thanks, other])
    assert thanks.story_id == met.story_id  # one occasion: two sides in common, one day
    assert other.story_id != met.story_id  # one party in common is another occasion
    story = get_story(store, met.story_id)
    assert story["article_ids"] == [a1.id] and story["event_type"] == "CONSULT"
    assert set(story["event_ids"]) == {met.id, thanks.id} and story["report_count"] == 1
    # another outlet's report that leads with the thanks finds the meeting's story
    lead = event(a2, "CONSULT", ["taliban"], ["pakistan"], date="2025-01-08",
                 sentence="The Taliban and Pakistan's foreign ministers met in Kabul.")
    ingest(store, a2, [lead])
    assert lead.story_id == met.story_id


def test_a_reaction_a_plan_or_a_background_mention_is_another_occasion(store):
    a1 = article(published="2025-08-16")
    agreed = event(a1, "AGREE", ["pakistan"], ["taliban"], date="2025-08-15",
                   sentence="Pakistan and the Taliban signed a trade deal on Friday.")
    accused = event(a1, "ACCUSE", ["taliban"], ["pakistan"], date="2025-08-15", main=False,
                    sentence="The Taliban accused Pakistan of border violations.")
    planned = event(a1, "CONSULT", ["pakistan"], ["taliban"], main=False, status="planned",
                    sentence="The two sides will meet again.")
    before = event(a1, "SUPPORT", ["pakistan"], ["taliban"], main=False, auxiliary="historical",
                   sentence="Pakistan backed the Taliban in the 1990s.")
    ingest(store, a1, [agreed, accused, planned, before])
    assert len({e.story_id for e in (agreed, accused, planned, before)}) == 4


def test_an_undated_main_report_prefers_a_story_of_main_reports_to_one_of_mentions(store):
    """A passing mention names parties and a category, rarely the occasion: without a
    date, a story that other articles report as their main event comes first."""
    a1 = article(published="2024-01-31")
    received = event(a1, "SUPPORT", ["russia"], ["taliban"], date="2024-01-30",
                     sentence="Russia's president received the credentials of the Taliban envoy.")
    before = event(a1, "SUPPORT", ["russia"], ["taliban"], date="2023-09", main=False,
                   sentence="Russia was the first country to appoint a new ambassador to Kabul "
                            "and receive a Taliban envoy with credentials.")
    ingest(store, a1, [received, before])
    assert received.story_id != before.story_id
    a2 = article()  # no publication date
    again = event(a2, "SUPPORT", ["russia"], ["taliban"],
                  sentence="Russia became the first country to appoint an ambassador to Kabul "
                           "and receive a Taliban envoy's credentials.")
    ingest(store, a2, [again])
    assert again.story_id == received.story_id
