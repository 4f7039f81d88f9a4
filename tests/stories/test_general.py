"""Lead events outside PLOVER (event_type OTHER) form stories by their ledes'
wording: reports of one earthquake share a story, another earthquake does not."""

from __future__ import annotations

from diplotrack.models import Event, Evidence, Location
from diplotrack.stories import config, keys
from diplotrack.stories.profile import Profile

from .helpers import article, event, ingest

QUAKE_1 = ("A magnitude 6.1 earthquake struck Qeshm island in southern Iran on Sunday, "
           "destroying villages and killing at least ten people.")
QUAKE_1B = ("At least ten people died when a 6.1-magnitude quake hit Iran's Qeshm island, "
            "flattening villages, officials said.")
QUAKE_2 = ("A magnitude 7.6 earthquake shook western Sumatra in Indonesia, collapsing "
           "hotels in the city of Padang.")
LAUNCH = ("Apple unveiled a thinner MacBook Pro with a Retina display at its developers "
          "conference in San Francisco.")


def lead_event(art, sentence: str, date: str | None = None, place=None, category="OTHER") -> Event:
    ev = event(art, category, [], sentence=sentence, date=date, place=place)
    ev.lead, ev.lede = True, sentence
    return ev


def attach_one(store, sentence, published=None, title=None, **kw) -> str:
    art = article(published)
    art.title = title
    ev = lead_event(art, sentence, **kw)
    ingest(store, art, [ev])
    assert ev.story_id
    return ev.story_id


def test_reports_of_one_earthquake_share_a_story_and_another_quake_does_not(store):
    first = attach_one(store, QUAKE_1, "2008-09-08", date="2008-09-07", place=("Qeshm", "IRN"))
    second = attach_one(store, QUAKE_1B, "2008-09-09", place=("Qeshm", "IRN"))
    other = attach_one(store, QUAKE_2, "2009-10-01", date="2009-09-30", place=("Padang", "IDN"))
    launch = attach_one(store, LAUNCH, "2008-09-09")
    assert first == second
    assert len({first, other, launch}) == 3


def test_same_wording_months_apart_is_two_stories(store):
    a = attach_one(store, QUAKE_1, "2008-09-08", date="2008-09-07")
    b = attach_one(store, QUAKE_1, "2009-03-02", date="2009-03-01")
    assert a != b


def test_a_report_days_later_still_joins(store):
    a = attach_one(store, QUAKE_1, "2008-09-08", date="2008-09-07")
    b = attach_one(store, QUAKE_1B, "2008-09-12", date="2008-09-11")
    assert a == b


def test_title_and_figures_count(store):
    p = Profile.of_event(lead_event(article(), QUAKE_1), title="Deadly quake on Qeshm")
    assert "#6.1" in p.lede and "deadly" in p.lede
    assert p.words == p.lede  # an OTHER event is known by its lede alone


def test_other_report_joins_a_story_led_by_a_plover_event(store):
    art = article("2025-06-03")
    talks = lead_event(art, "EU officials met a Taliban delegation in Brussels to discuss "
                            "deportations of rejected Afghan asylum seekers.",
                       date="2025-06-02", category="CONSULT")
    talks.actor = event(art, "CONSULT", ["eu"]).actor
    ingest(store, art, [talks])
    follow = attach_one(store, "A Taliban delegation held talks in Brussels with EU officials "
                               "on deportations of rejected Afghan asylum seekers.", "2025-06-04")
    assert follow == talks.story_id


def test_non_lead_plover_events_are_never_joined_by_other_events(store):
    art = article("2025-06-03")
    ev = event(art, "CONSULT", ["eu"], ["taliban"], date="2025-06-02",
               sentence="EU officials met a Taliban delegation in Brussels on deportations.")
    ingest(store, art, [ev])
    other = attach_one(store, "EU officials met a Taliban delegation in Brussels on deportations.",
                       "2025-06-03")
    assert other != ev.story_id


def test_lead_stories_are_filed_under_their_heaviest_words():
    ev = Event(id="x", article_id="a", event_type="OTHER", lead=True, lede=QUAKE_1,
               evidence=[Evidence(QUAKE_1, 0, len(QUAKE_1))], location=Location("Qeshm", "IRN"))
    p = Profile.of_event(ev)
    filed = keys.story_keys(p)
    assert any(k.startswith("w|qeshm|other|") for k in filed)
    assert not any(k.startswith("w|#") for k in filed)  # figures are not anchors
    _, capped = keys.lookup_keys(p, config.load())
    assert any(k.startswith("w|qeshm|other|any") for k in capped)


def test_undated_ledes_published_months_apart_are_two_stories(store):
    a = attach_one(store, QUAKE_1, "2008-09-08")
    b = attach_one(store, QUAKE_1B, "2008-09-20")
    c = attach_one(store, QUAKE_1, "2009-01-15")
    assert a == b != c
